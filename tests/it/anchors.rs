//! The report as a graph (parts, paragraphs, spans) and the mentions of every entity in it.

use crate::{bin, graph, select, texts};

#[test]
fn the_parts_of_the_report_are_sections_in_order() {
    let rows = select(
        &graph(),
        "SELECT ?path ?notation ?title WHERE {
           ?s a doco:Section ; dcterms:title ?title .
           OPTIONAL { ?s skos:notation ?notation }
           BIND(STRAFTER(STR(?s), \"/section/\") AS ?path) }
         ORDER BY ?path",
    );
    let paths: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        paths,
        [
            "1", "1/1", "1/2", "1/3", "1/4", "1/5", "2", "2/1", "2/2", "2/3", "2/4", "2/5", "2/6", "2/7", "2/8", "2/9",
            "glossary"
        ]
    );
    let title = |path: &str| rows.iter().find(|r| r[0] == path).map(|r| r[2].clone()).expect("a part");
    assert_eq!(title("1/5"), "乡村振兴和生态建设深入推进", "a `####` heading is a sibling of the `###` ones");
    assert_eq!(title("2/1"), "全力推进示范区建设", "a task that opens a paragraph is a part");
    assert_eq!(title("glossary"), "名词解释");
}

#[test]
fn paragraphs_are_in_order_with_their_text_joined_across_page_breaks() {
    let graph = graph();
    let rows = select(
        &graph,
        "SELECT ?n ?text WHERE { ?p a doco:Paragraph ; schema:position ?n ; c4o:hasContent ?text } ORDER BY ?n",
    );
    assert_eq!(rows.len(), graph.inputs.source.paragraphs.len());
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], (i + 1).to_string());
    }
    assert!(
        rows.iter().any(|r| r[1].contains("投产36个。华为研发中心、安踏集团总部开工")),
        "a blank line inside a sentence"
    );
    assert!(
        rows.iter().any(|r| r[1].contains("促进产业准入标准、生态环境标准")),
        "a `---` page break inside a sentence"
    );
    let glossary = select(
        &graph,
        "SELECT (COUNT(*) AS ?n) WHERE { ?p a doco:Paragraph ; dcterms:isPartOf ?g . ?g a doco:Glossary }",
    );
    assert_eq!(glossary, [["23"]], "the glossary's heading and its 22 entries");
    let pieces = select(
        &graph,
        "SELECT ?p (COUNT(?s) AS ?n) WHERE { ?p a doco:Paragraph ; qpk:span ?s } GROUP BY ?p HAVING (COUNT(?s) > 1)",
    );
    assert_eq!(pieces.len(), 3, "three paragraphs are cut in two by a page break or a blank line: {pieces:?}");
}

#[test]
fn no_mention_lies_inside_another() {
    let graph = graph();
    assert!(graph.inputs.mentions.len() > 500, "{} mentions", graph.inputs.mentions.len());
    for a in &graph.inputs.mentions {
        for b in &graph.inputs.mentions {
            let (a0, a1) = (a.spans[0].start, a.spans.last().expect("a span").end);
            let (b0, b1) = (b.spans[0].start, b.spans.last().expect("a span").end);
            assert!(std::ptr::eq(a, b) || a1 <= b0 || b1 <= a0, "{} and {} overlap", a.name, b.name);
        }
    }
    // 青浦新城 is one mention of the new city, not also one of 青浦.
    let qingpu = graph.inputs.data.entities.iter().position(|e| e.id == "qingpu").expect("qingpu");
    assert!(graph.inputs.mentions.iter().filter(|m| m.entity == qingpu).all(|m| m.name != "青浦新城"));
}

#[test]
fn mentions_lists_every_mention_with_its_context() {
    let output = bin().args(["mentions", "赵巷"]).output().expect("run");
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    let graph = graph();
    let zhaoxiang = graph.inputs.data.entities.iter().position(|e| e.id == "zhaoxiang").expect("zhaoxiang");
    assert_eq!(lines.len(), graph.inputs.mentions.iter().filter(|m| m.entity == zhaoxiang).count());
    assert!(lines.len() >= 3 && lines.iter().all(|l| l.contains("【赵巷】")), "{stdout}");
    let by_id = bin().args(["mentions", "https://w3id.org/qingpu-kg/id/place/zhaoxiang"]).output().expect("run");
    assert_eq!(by_id.stdout, output.stdout, "an IRI names the same entity");
}

#[test]
fn an_unknown_or_ambiguous_entity_is_refused_with_help() {
    let output = bin().args(["mentions", "青埔"]).output().expect("run");
    let (_, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no entity is called `青埔`") && stderr.contains("青浦区 (place `qingpu`"), "{stderr}");
    let output = bin().args(["mentions", "实施细则"]).output().expect("run");
    let (_, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("names 2 entities") && stderr.contains("`term-innovation-talent-implementing-rules`"),
        "{stderr}"
    );
}
