//! Export: every format parses back to the same graph; output is byte-identical; files are written whole.

use crate::{bin, graph, texts};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use std::collections::HashSet;

fn export(args: &[&str]) -> Vec<u8> {
    let output = bin().arg("export").args(args).output().expect("run");
    assert!(output.status.success(), "{}", texts(&output).1);
    output.stdout
}

fn parse(bytes: &[u8], format: RdfFormat) -> Vec<oxigraph::model::Quad> {
    RdfParser::from_format(format).for_slice(bytes).collect::<Result<_, _>>().expect("the export parses")
}

#[test]
fn every_format_round_trips_to_the_same_graph() {
    let graph = graph();
    let quads: Vec<_> = graph.store.iter().collect::<Result<_, _>>().expect("quads");
    let triples: HashSet<_> = quads.iter().map(|q| oxigraph::model::Triple::from(q.clone())).collect();
    assert_eq!(triples.len(), quads.len(), "no triple stands in two graphs (void:triples counts on it)");
    let stated = crate::select(&graph, "SELECT ?n WHERE { ?d a dcat:Dataset ; void:triples ?n }");
    assert_eq!(stated, [[triples.len().to_string()]], "void:triples is the number of triples");
    for (name, format) in [
        ("turtle", RdfFormat::Turtle),
        ("ntriples", RdfFormat::NTriples),
        ("rdfxml", RdfFormat::RdfXml),
        ("jsonld", RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() }),
    ] {
        let parsed: HashSet<_> =
            parse(&export(&["--format", name]), format).into_iter().map(oxigraph::model::Triple::from).collect();
        assert_eq!(parsed, triples, "{name}");
    }
    for (name, format) in [("nquads", RdfFormat::NQuads), ("trig", RdfFormat::TriG)] {
        let parsed: HashSet<_> = parse(&export(&["--format", name]), format).into_iter().collect();
        assert_eq!(parsed, quads.iter().cloned().collect::<HashSet<_>>(), "{name}");
    }
}

#[test]
fn equal_input_gives_equal_bytes() {
    for format in ["turtle", "trig", "ntriples"] {
        assert_eq!(export(&["--format", format]), export(&["--format", format]), "{format}");
    }
}

#[test]
fn turtle_has_prefixes_one_block_per_subject_and_no_blank_nodes() {
    let text = String::from_utf8(export(&[])).expect("UTF-8");
    assert!(text.starts_with("@prefix "));
    for prefix in ["skos:", "schema:", "qb:", "oa:", "qpk:", "place:"] {
        assert!(text.contains(&format!("@prefix {prefix} <")), "{prefix}");
    }
    assert!(text.contains("place:zhujiajiao a "), "entities are written with their prefix");
    assert!(!text.contains("_:"), "no blank nodes: every node has a stable IRI");
    let subjects: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('@') && !l.starts_with('\t'))
        .filter_map(|l| l.split(' ').next())
        .collect();
    let unique: HashSet<&&str> = subjects.iter().collect();
    assert_eq!(unique.len(), subjects.len(), "each subject is written once");
}

#[test]
fn one_graph_can_be_exported_alone() {
    let text = String::from_utf8(export(&["--graph", "ontology"])).expect("UTF-8");
    let triples = parse(text.as_bytes(), RdfFormat::Turtle);
    // The ontology's own terms, and the declarations of the other vocabularies' terms it uses.
    let declaration = |q: &oxigraph::model::Quad| {
        q.predicate.as_str().ends_with("#type")
            && ["http://www.w3.org/2002/07/owl#", "http://www.w3.org/2000/01/rdf-schema#Datatype"]
                .iter()
                .any(|ns| q.object.to_string().starts_with(&format!("<{ns}")))
    };
    assert!(triples.iter().all(|q| q.subject.to_string().contains("qingpu-kg/ontology") || declaration(q)));
    assert!(!triples.is_empty());
    let output = bin().args(["export", "--graph", "gossip"]).output().expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = texts(&output).1;
    assert!(stderr.contains("invalid value 'gossip' for '--graph"), "{stderr}");
    assert!(
        stderr.contains("[possible values: ontology, facts, document, provenance, mentions, metadata]"),
        "{stderr}"
    );
}

#[test]
fn an_output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("qingpu.nt");
    let output = bin().args(["export", "--format", "ntriples", "-o"]).arg(&file).output().expect("run");
    assert!(output.status.success(), "{}", texts(&output).1);
    assert_eq!(std::fs::read(&file).expect("written"), export(&["--format", "ntriples"]));
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("folder").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");

    let missing = dir.path().join("no-such-folder/qingpu.ttl");
    let output = bin().args(["export", "-o"]).arg(&missing).output().expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(texts(&output).1.contains("no-such-folder"), "{}", texts(&output).1);
    assert!(!missing.exists());
}

#[test]
fn a_failed_build_writes_no_file() {
    let copy = crate::DataCopy::new();
    copy.append("places.csv", "broken,area,青浦,Qingpu,,,这不是报告里的话");
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("qingpu.ttl");
    let output = copy.run(&["export", "-o", file.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_dir(dir.path()).expect("folder").count(), 0);
}
