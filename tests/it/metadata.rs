//! The dataset description: what `data/dataset.csv` says, the exact counts, and the build's checks of the file.

use crate::{DataCopy, graph, select, texts};

const DATASET: &str = "<https://w3id.org/qingpu-kg/dataset>";

fn one(graph: &qingpu_kg::KnowledgeGraph, property: &str) -> Vec<String> {
    let mut values: Vec<String> = select(
        graph,
        &format!(
            "SELECT ?o WHERE {{ GRAPH <https://w3id.org/qingpu-kg/graph/metadata> {{ {DATASET} {property} ?o }} }}"
        ),
    )
    .into_iter()
    .map(|row| row[0].clone())
    .collect();
    values.sort();
    values
}

#[test]
fn the_description_states_licence_publisher_coverage_and_languages() {
    let graph = graph();
    assert_eq!(one(&graph, "dcterms:license"), ["https://creativecommons.org/licenses/by/4.0/"]);
    let rights = one(&graph, "dcterms:rights");
    assert!(rights.iter().any(|r| r.contains("Article 5 of the Copyright Law")), "{rights:?}");
    assert_eq!(one(&graph, "dcterms:spatial"), ["https://w3id.org/qingpu-kg/id/place/qingpu"]);
    assert_eq!(
        one(&graph, "dcterms:language"),
        ["http://id.loc.gov/vocabulary/iso639-1/en", "http://id.loc.gov/vocabulary/iso639-1/zh"]
    );
    let period = select(
        &graph,
        &format!(
            "SELECT ?start ?end WHERE {{ {DATASET} dcterms:temporal ?t . ?t a dcterms:PeriodOfTime ; dcat:startDate ?start ; dcat:endDate ?end }}"
        ),
    );
    assert_eq!(period, [["2019", "2020"]], "the years of the figures: 2019 results, 2020 targets");
    let publisher = select(
        &graph,
        &format!(
            "SELECT ?name WHERE {{ {DATASET} dcterms:publisher ?p . ?p a foaf:Agent ; foaf:name ?name FILTER(LANG(?name) = 'en') }}"
        ),
    );
    assert_eq!(publisher, [["The qingpu-kg project"]], "the project publishes the data, not the government");
    let creator = select(&graph, &format!("SELECT ?c WHERE {{ {DATASET} dcterms:source ?r . ?r dcterms:creator ?c }}"));
    assert_eq!(creator, [["https://w3id.org/qingpu-kg/id/organization/qingpu-government"]]);
    let titles = select(&graph, &format!("SELECT (LANG(?t) AS ?l) WHERE {{ {DATASET} dcterms:title ?t }} ORDER BY ?l"));
    assert_eq!(titles, [["en"], ["zh"]]);
}

#[test]
fn every_dump_is_a_distribution_and_the_endpoint_a_service() {
    let graph = graph();
    let dumps = select(
        &graph,
        &format!(
            "SELECT ?url ?media WHERE {{ {DATASET} dcat:distribution ?d ; void:dataDump ?url .
               ?d a dcat:Distribution ; dcat:downloadURL ?url ; dcat:mediaType ?media }} ORDER BY ?url"
        ),
    );
    let base = "https://w3id.org/qingpu-kg/";
    let iana = "https://www.iana.org/assignments/media-types/";
    let expected: Vec<Vec<String>> = [
        ("jsonld", "application/ld+json"),
        ("nq", "application/n-quads"),
        ("nt", "application/n-triples"),
        ("trig", "application/trig"),
        ("ttl", "text/turtle"),
    ]
    .iter()
    .map(|(ext, media)| vec![format!("{base}dump.{ext}"), format!("{iana}{media}")])
    .collect();
    assert_eq!(dumps, expected);
    let service = select(
        &graph,
        &format!(
            "SELECT ?endpoint ?protocol WHERE {{ {DATASET} void:sparqlEndpoint ?endpoint .
               ?s a dcat:DataService ; dcat:endpointURL ?endpoint ; dcat:servesDataset {DATASET} ; dcterms:conformsTo ?protocol }}"
        ),
    );
    assert_eq!(service, [[format!("{base}sparql"), "https://www.w3.org/TR/sparql11-protocol/".to_owned()]]);
}

#[test]
fn the_counts_are_those_of_the_graph() {
    let graph = graph();
    let real: usize = graph.store.len().expect("the store counts");
    let stated = select(&graph, &format!("SELECT ?n WHERE {{ {DATASET} void:triples ?n }}"));
    assert_eq!(stated, [[real.to_string()]]);
    let subsets =
        select(&graph, &format!("SELECT ?g ?n WHERE {{ {DATASET} void:subset ?g . ?g void:triples ?n }} ORDER BY ?g"));
    assert_eq!(subsets.len(), qingpu_kg::iri::GRAPHS.len(), "{subsets:?}");
    for row in &subsets {
        let counted = select(&graph, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}", row[0]));
        assert_eq!(counted, [[row[1].clone()]], "{}", row[0]);
    }
    let entities = select(&graph, &format!("SELECT ?n WHERE {{ {DATASET} void:entities ?n }}"));
    assert_eq!(entities, [[graph.inputs.data.entities.len().to_string()]]);
}

#[test]
fn the_build_refuses_a_description_it_cannot_check() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "issued,,2026-11-27",
            "issued,,27 November 2026",
            "dataset.csv:11:3 (column `value`): `27 November 2026` is not a date YYYY-MM-DD",
        ),
        ("spatial,,qingpu", "spatial,,qingpuu", "dataset.csv:12:3 (column `value`): unknown id `qingpuu`"),
        ("spatial,,qingpu", "spatial,,qingpu-government", "is a organization, but a place is expected"),
        ("temporal,,2019~2020", "temporal,,2018~2020", "the figures of the data cover 2019~2020, not 2018~2020"),
        ("license,,https://creativecommons.org/licenses/by/4.0/", "license,,CC BY 4.0", "is not an absolute IRI"),
        ("title,en,", "titel,en,", "dataset.csv:3:1 (column `field`): `titel` is not a field of dataset.csv"),
        ("language,,en", "language,,english", "is not an ISO 639-1 language code"),
        ("source_creator,,", "source_creator,zh,", "dataset.csv:24:2 (column `lang`): `zh` is not empty"),
    ];
    for (from, to, expected) in cases {
        let data = DataCopy::new();
        let text = data.read("dataset.csv");
        let line = text.lines().find(|l| l.starts_with(from)).unwrap_or_else(|| panic!("no line {from}"));
        let changed = format!("{to}{}", &line[from.len()..]);
        data.write("dataset.csv", &text.replace(line, &changed));
        let output = data.run(&["export", "--graph", "metadata"]);
        let (_, stderr) = texts(&output);
        assert_eq!(output.status.code(), Some(2), "{to}: {stderr}");
        assert!(stderr.contains(expected), "{to}: expected «{expected}» in {stderr}");
    }
}

#[test]
fn a_missing_field_or_language_is_named() {
    let data = DataCopy::new();
    let text = data.read("dataset.csv");
    let without: String =
        text.lines().filter(|l| !l.starts_with("description,en,")).map(|l| format!("{l}\n")).collect();
    data.write("dataset.csv", &without);
    let (_, stderr) = texts(&data.run(&["export", "--graph", "metadata"]));
    assert!(stderr.contains("dataset.csv: missing field `description` in language `en`"), "{stderr}");
    std::fs::remove_file(data.path().join("dataset.csv")).expect("remove");
    let output = data.run(&["export", "--graph", "metadata"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(texts(&output).1.contains("dataset.csv: missing: the dataset description"), "{}", texts(&output).1);
}
