//! What the graph must hold: the divisions with their codes, the glossary, the headline figures and the
//! 2020 targets, projects and policies — each checked against the report or the published codes.

use crate::{graph, root, select};
use qingpu_kg::source::Source;
use std::collections::{BTreeMap, BTreeSet};

/// The division codes of the National Bureau of Statistics (统计用区划代码), as published; Shanghai's is also
/// GB/T 2260's (ISO 3166-2 CN-SH).
const DIVISIONS: &[(&str, &str)] = &[
    ("上海", "31"),
    ("青浦区", "310118"),
    ("夏阳街道", "310118001"),
    ("盈浦街道", "310118002"),
    ("香花桥街道", "310118003"),
    ("朱家角镇", "310118102"),
    ("练塘镇", "310118103"),
    ("金泽镇", "310118104"),
    ("赵巷镇", "310118105"),
    ("徐泾镇", "310118106"),
    ("华新镇", "310118107"),
    ("重固镇", "310118109"),
    ("白鹤镇", "310118110"),
];

#[test]
fn the_district_and_its_eleven_towns_and_subdistricts_have_their_codes() {
    let graph = graph();
    let rows = select(
        &graph,
        "SELECT ?name ?code WHERE {
           ?place qpk:divisionCode ?code .
           { ?place rdfs:label ?name } UNION { ?place skos:altLabel ?name }
           FILTER(LANG(?name) = \"zh\") }",
    );
    for (name, code) in DIVISIONS {
        assert!(rows.iter().any(|r| r[0] == *name && r[1] == *code), "{name} {code} missing: {rows:?}");
    }
    let codes: BTreeSet<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(codes.len(), DIVISIONS.len(), "no other code: {codes:?}");
    let wikidata = select(&graph, "SELECT ?o WHERE { ?s qpk:divisionCode \"31\" ; owl:sameAs ?o }");
    assert_eq!(wikidata, [["http://www.wikidata.org/entity/Q8686"]], "Shanghai is linked to Wikidata");
    let inside = select(
        &graph,
        "SELECT ?town WHERE { ?town a ?c ; schema:containedInPlace ?d . ?d a qpk:District
           VALUES ?c { qpk:Town qpk:Subdistrict } }",
    );
    assert_eq!(inside.len(), 11);
}

#[test]
fn the_groupings_of_towns_exist_and_the_five_eastern_towns_are_members() {
    let graph = graph();
    let rows = select(
        &graph,
        "SELECT ?group ?member WHERE {
           ?g a geo:FeatureCollection ; rdfs:label ?group . FILTER(LANG(?group) = \"zh\")
           OPTIONAL { ?g rdfs:member ?m . ?m rdfs:label ?member FILTER(LANG(?member) = \"zh\") } }",
    );
    assert!(rows.iter().any(|r| r[0] == "青西三镇"), "{rows:?}");
    let east: BTreeSet<&str> = rows.iter().filter(|r| r[0] == "青东五镇").map(|r| r[1].as_str()).collect();
    // Glossary entry 16: “东翼”即徐泾、华新、赵巷、重固、白鹤五镇.
    assert_eq!(east, BTreeSet::from(["徐泾", "华新", "赵巷", "重固", "白鹤"]));
}

/// The glossary as the report writes it: entry number → (term and definition text after the first colon).
fn glossary_of_the_report() -> BTreeMap<u32, String> {
    let source = Source::read_dir(&root().join("data/source")).expect("the report");
    let start = source.paragraphs.iter().position(|p| p.text.contains("名词解释")).expect("a glossary");
    source.paragraphs[start + 1..]
        .iter()
        .filter_map(|p| {
            let (number, rest) = p.text.split_once(". ")?;
            let at = rest.find(['：', ':'])?;
            let colon = rest[at..].chars().next()?.len_utf8();
            Some((number.parse().ok()?, rest[at + colon..].to_owned()))
        })
        .collect()
}

#[test]
fn all_22_glossary_entries_have_the_report_s_definition_and_their_parts() {
    let report = glossary_of_the_report();
    assert_eq!(report.len(), 22);
    let graph = graph();
    let rows = select(
        &graph,
        "SELECT ?n ?definition (COUNT(?part) AS ?parts) WHERE {
           ?term skos:inScheme ?s ; skos:notation ?n ; skos:definition ?definition ; skos:topConceptOf ?s .
           FILTER(STRENDS(STR(?s), \"/scheme/glossary\"))
           OPTIONAL { ?term skos:narrower ?part } }
         GROUP BY ?n ?definition",
    );
    let graph_glossary: BTreeMap<u32, (String, usize)> = rows
        .iter()
        .map(|r| (r[0].parse().expect("entry number"), (r[1].clone(), r[2].parse().expect("count"))))
        .collect();
    assert_eq!(graph_glossary.keys().collect::<Vec<_>>(), report.keys().collect::<Vec<_>>());
    for (n, definition) in &report {
        let (in_graph, parts) = &graph_glossary[n];
        assert_eq!(in_graph, definition, "entry {n}");
        assert!(*parts >= 1, "entry {n} has its named parts as narrower concepts");
    }
}

/// Every figure, as (period, kind, value, unit multiplier).
fn figures(graph: &qingpu_kg::KnowledgeGraph) -> Vec<Vec<String>> {
    select(
        graph,
        "SELECT ?period ?kind ?value ?mult WHERE {
           ?o a qb:Observation ; sdmx-dimension:refPeriod ?p ; qpk:figureKind ?k ; sdmx-measure:obsValue ?value ;
              sdmx-attribute:unitMult ?mult .
           ?p rdfs:label ?period . ?k rdfs:label ?kind FILTER(LANG(?kind) = \"en\") }",
    )
}

fn has(figures: &[Vec<String>], period: &str, kind: &str, value: &str, mult: &str) -> bool {
    figures.iter().any(|f| f[0] == period && f[1] == kind && f[2] == value && f[3] == mult)
}

#[test]
fn the_headline_figures_of_2019_are_observations() {
    let figures = figures(&graph());
    for (kind, value, mult) in [
        ("estimate", "5.7", "0"),
        ("result", "539.5", "8"),
        ("result", "2.1", "0"),
        ("result", "207.2", "8"),
        ("result", "2", "0"),
        ("estimate", "540", "8"),
        ("result", "14", "8"),
        ("result", "8", "8"),
        ("estimate", "51500", "0"),
        ("estimate", "8.8", "0"),
    ] {
        assert!(has(&figures, "2019", kind, value, mult), "2019 {kind} {value} ×10^{mult}");
    }
}

/// The ASCII numbers of a text that are quantities: not years, not inside names (“…”, 《…》), not ordinals
/// (第 46 届, G50, 17号线) and not versions (3.0 版).
fn quantities(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
            i += 1;
        }
        let number: String = chars[start..i].iter().collect();
        let before: String = chars[..start].iter().collect();
        let after: String = chars[i..].iter().take(3).collect::<String>().trim_start().to_owned();
        let in_name = before.matches('“').count() > before.matches('”').count()
            || before.matches('《').count() > before.matches('》').count();
        let year = number.len() == 4 && (number.starts_with("19") || number.starts_with("20"));
        let ordinal = before.trim_end().ends_with(['第', 'G', '~']) || after.starts_with(['号', '版', '届', '+']);
        if !(in_name || year || ordinal) {
            found.push(number.trim_end_matches('.').to_owned());
        }
    }
    found
}

#[test]
fn every_quantity_of_section_two_is_a_2020_target() {
    let report =
        std::fs::read_to_string(root().join("data/source/qingpu-2020-government-work-report.md")).expect("report");
    let section = &report[report.find("## 二、").expect("section 二")..report.find("#### 名词解释").expect("glossary")];
    let figures = figures(&graph());
    let targets: BTreeSet<&str> = figures.iter().filter(|f| f[0] == "2020").map(|f| f[2].as_str()).collect();
    let quantities = quantities(section);
    assert!(quantities.len() > 40, "{quantities:?}");
    for quantity in &quantities {
        let value = quantity.parse::<f64>().expect("a number").to_string();
        assert!(
            targets.contains(value.as_str()) || targets.contains(quantity.as_str()),
            "{quantity} is no 2020 figure"
        );
    }
}

#[test]
fn the_qualitative_targets_of_2020_are_kept_with_their_words() {
    let rows = select(&graph(), "SELECT ?note WHERE { ?t a qpk:QualitativeTarget ; skos:note ?note }");
    assert!(rows.iter().any(|r| r[0].contains("领先经济增长")), "{rows:?}");
    assert!(rows.iter().any(|r| r[0].contains("市下达")), "{rows:?}");
}

#[test]
fn the_qualitative_results_of_2019_are_kept_beside_the_targets_of_their_indicator() {
    // 劣Ⅴ类河道基本消除 in 2019, 稳定消除劣 V 类水体 the target of 2020: one indicator, a result and a target.
    let rows = select(
        &graph(),
        "SELECT ?class ?note WHERE { ?o qpk:indicator <https://w3id.org/qingpu-kg/id/concept/inferior-v-water-bodies> ;
           a ?class ; skos:note ?note FILTER(?class IN (qpk:QualitativeResult, qpk:QualitativeTarget)) } ORDER BY ?class",
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0][0].ends_with("QualitativeResult") && rows[0][1].contains("劣Ⅴ类河道基本消除"), "{rows:?}");
    assert!(rows[1][0].ends_with("QualitativeTarget") && rows[1][1].contains("稳定消除"), "{rows:?}");
    let results = select(&graph(), "SELECT ?o WHERE { ?o a qpk:QualitativeResult ; qpk:figureKind qpk:Result }");
    assert!(results.len() >= 2, "{results:?}");
}

#[test]
fn a_measure_is_linked_to_the_named_things_it_works_on() {
    // 完善轨交17号线沿线奥特莱斯、宝龙、万达茂、朱家角古镇等区域的商业服务配套: the line and the mall are projects of their own,
    // the shopping areas and the ancient town places.
    let id = "https://w3id.org/qingpu-kg/id/project/";
    let rows = select(
        &graph(),
        &format!("SELECT ?o WHERE {{ <{id}metro-17-commercial-services> dcterms:relation ?o }} ORDER BY ?o"),
    );
    let related: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(related, [format!("{id}metro-line-17"), format!("{id}wanda-mall")], "{rows:?}");
    let places =
        select(&graph(), &format!("SELECT ?p WHERE {{ <{id}metro-17-commercial-services> schema:location ?p }}"));
    assert_eq!(places.len(), 3, "{places:?}");
}

#[test]
fn a_thing_reported_at_two_stages_has_both_each_with_its_year_and_tense() {
    // 淀山湖福利院: its construction sped up in 2019 (the review), and the plan means to finish building it in 2020.
    let rows = select(
        &graph(),
        "SELECT ?year ?kind ?label WHERE { <https://w3id.org/qingpu-kg/id/project/dianshan-lake-welfare-home> qpk:stage ?s .
           ?s qpk:stageKind ?kind ; dcterms:temporal/dcat:startDate ?year ; rdfs:label ?label FILTER(LANG(?label) = \"en\") }
         ORDER BY ?year",
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0][0].contains("2019") && rows[0][1].ends_with("#UnderWay"), "{rows:?}");
    assert!(rows[1][0].contains("2020") && rows[1][1].ends_with("#Planned"), "{rows:?}");
    assert!(rows[1][2].contains("planned for 2020"), "the English label says it is a plan: {rows:?}");
    // No 2020 plan reads as done: every stage of 2020 is planned.
    let done_2020 = select(
        &graph(),
        "SELECT ?s WHERE { ?s a qpk:Stage ; dcterms:temporal/dcat:startDate ?y ; qpk:stageKind ?k
           FILTER(STR(?y) = \"2020\" && ?k != qpk:Planned) }",
    );
    assert!(done_2020.is_empty(), "{done_2020:?}");
}

#[test]
fn projects_and_policies_are_many_and_related() {
    let graph = graph();
    let count = |query: &str| -> usize { select(&graph, query)[0][0].parse().expect("a count") };
    assert!(count("SELECT (COUNT(*) AS ?n) WHERE { ?p a qpk:Project }") >= 30);
    assert!(count("SELECT (COUNT(*) AS ?n) WHERE { ?p a schema:Legislation }") >= 30);
    assert!(count("SELECT (COUNT(*) AS ?n) WHERE { ?p a qpk:Project ; schema:location ?place }") >= 10);
    assert!(count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a qpk:Project ; qpk:stage/qpk:status ?s }") >= 30);
    assert!(
        count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Legislation ; qpk:stage/qpk:status ?s }") >= 30
    );
    for relation in ["dcterms:isPartOf", "schema:legislationPassedBy", "eli:implements", "qpk:involves", "foaf:focus"] {
        assert!(count(&format!("SELECT (COUNT(*) AS ?n) WHERE {{ ?s {relation} ?o }}")) >= 1, "{relation}");
    }
    // The parts of the “1+8” bundle: one general measure and eight sub-measures.
    assert_eq!(
        count(
            "SELECT (COUNT(?part) AS ?n) WHERE { <https://w3id.org/qingpu-kg/id/policy/investment-project-measures-1-8> dcterms:hasPart ?part }"
        ),
        9
    );
}

#[test]
fn every_entity_has_an_english_label() {
    let rows = select(
        &graph(),
        "SELECT ?e WHERE { ?e rdfs:label ?zh FILTER(LANG(?zh) = \"zh\")
           FILTER NOT EXISTS { ?e rdfs:label ?en FILTER(LANG(?en) = \"en\") }
           FILTER NOT EXISTS { ?e a doco:Paragraph } }",
    );
    assert!(rows.is_empty(), "{rows:?}");
}

#[test]
fn approximate_figures_are_kept_with_their_qualifier() {
    let rows = select(
        &graph(),
        "SELECT ?value ?mult ?approximation WHERE {
           ?o qpk:approximation ?a ; sdmx-measure:obsValue ?value ; sdmx-attribute:unitMult ?mult .
           ?a rdfs:label ?approximation FILTER(LANG(?approximation) = \"zh\") }
         ORDER BY ?value",
    );
    // 约 78 亿元, 1 亿余元, 30 余家, 600余个, 7.2 万余处: every approximate figure of section 一.
    let expected = [["1", "8", "余"], ["30", "0", "余"], ["600", "0", "余"], ["7.2", "4", "余"], ["78", "8", "约"]];
    let mut rows = rows;
    rows.sort_by(|a, b| a[0].parse::<f64>().unwrap_or(0.0).total_cmp(&b[0].parse().unwrap_or(0.0)));
    let mut expected: Vec<Vec<String>> = expected.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect();
    expected.sort_by(|a, b| a[0].parse::<f64>().unwrap_or(0.0).total_cmp(&b[0].parse().unwrap_or(0.0)));
    assert_eq!(rows, expected);
}

#[test]
fn every_running_total_carries_the_attribute_and_no_flow_does() {
    let graph = graph();
    let totals = select(&graph, "SELECT ?o WHERE { ?o qpk:runningTotal true } ORDER BY ?o");
    assert_eq!(totals.len(), 11, "{totals:?}");
    assert!(totals.iter().any(|r| r[0].ends_with("/safety-hazards-dealt-with-2019")), "4.3 万处 is a running total");
    assert!(!totals.iter().any(|r| r[0].ends_with("/new-listed-companies-2019")), "新增 2 家 is the year's flow");
}

#[test]
fn the_report_says_when_where_and_by_whom_it_was_delivered() {
    let rows = select(
        &graph(),
        "SELECT ?date ?session ?speaker WHERE {
           ?report a fabio:ReportDocument ; dcterms:date ?date ; dcterms:contributor/rdfs:label ?speaker .
           ?event schema:workFeatured ?report ; rdfs:label ?session .
           FILTER(LANG(?speaker) = \"zh\" && LANG(?session) = \"zh\") }",
    );
    assert_eq!(rows, [["2020-01-08", "区第五届人民代表大会第六次会议", "余旭峰"]]);
}

#[test]
fn what_the_report_does_not_state_names_its_source() {
    // The towns' containment in Qingpu is not stated by the report: the division codes are named as its source.
    let rows = select(
        &graph(),
        "SELECT ?town ?label WHERE { ?s rdf:subject ?town ; rdf:predicate schema:containedInPlace ;
           prov:wasDerivedFrom ?source . ?source a prov:Entity ; rdfs:label ?label FILTER(LANG(?label) = \"zh\") }",
    );
    assert_eq!(rows.len(), 12, "{rows:?}");
    assert!(rows.iter().all(|r| r[1] == "国家统计局统计用区划代码"), "{rows:?}");
    let annotated = select(&graph(), "SELECT ?s WHERE { ?s prov:wasDerivedFrom ?source . ?note oa:hasBody ?s }");
    assert!(annotated.is_empty(), "no words of the report are claimed for them: {annotated:?}");
}
