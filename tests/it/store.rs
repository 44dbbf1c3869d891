//! `--store DIR` (the `rocksdb` feature): `build` writes the persistent store, and every command that reads the
//! graph reads that store. Each test builds a store, adds to it what the data does not hold, and checks that the
//! command sees it (or, for the commands that read the inputs beside the store, that a missing store is refused).

use crate::{bin, texts};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
use oxigraph::store::Store;
use std::path::{Path, PathBuf};

const BASE: &str = "https://w3id.org/qingpu-kg/";
/// A place that only the store knows.
const ONLY_HERE: &str = "https://w3id.org/qingpu-kg/id/place/only-in-the-store";
/// A statement of the ontology graph that only the store holds (the first graph `push` sends).
const ONLY_HERE_TOO: &str = "https://w3id.org/qingpu-kg/ontology#OnlyInTheStore";

/// A store built by `build --store`, then given a place and an ontology statement the data does not hold.
fn store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    // In a folder that does not exist yet: `build` makes it.
    let path = dir.path().join("stores/qingpu");
    let output = bin().args(["--store", path.to_str().expect("a UTF-8 path"), "build"]).output().expect("build");
    assert!(output.status.success(), "{}", texts(&output).1);
    let built = bin().arg("build").output().expect("build in memory");
    let count = |output: &std::process::Output| texts(output).0.lines().next().map(str::to_owned);
    assert_eq!(count(&output), count(&built), "the store holds what an in-memory build holds");
    let store = Store::open(&path).expect("the built store opens");
    let facts = GraphName::from(NamedNode::new_unchecked(format!("{BASE}graph/facts")));
    let ontology = GraphName::from(NamedNode::new_unchecked(format!("{BASE}graph/ontology")));
    let place = NamedNode::new_unchecked(ONLY_HERE);
    let schema_place = NamedNode::new_unchecked("https://schema.org/Place");
    let rdf_type = NamedNode::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    let label = NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
    for quad in [
        Quad::new(place.clone(), rdf_type.clone(), schema_place, facts.clone()),
        // A Chinese label alone: the shapes want an English one too, so `validate` must fail on this store.
        Quad::new(place, label.clone(), Literal::new_language_tagged_literal_unchecked("只在库中", "zh"), facts),
        Quad::new(NamedNode::new_unchecked(ONLY_HERE_TOO), label, Literal::new_simple_literal("only here"), ontology),
    ] {
        store.insert(&quad).expect("insert");
    }
    store.flush().expect("flush");
    drop(store);
    (dir, path)
}

fn with_store(path: &Path, args: &[&str]) -> std::process::Output {
    bin().arg("--store").arg(path).args(args).output().expect("run qingpu-kg")
}

#[test]
fn build_writes_the_store_and_query_reads_it() {
    let (_dir, path) = store();
    let ask = format!("ASK {{ <{ONLY_HERE}> a schema:Place }}");
    let output = with_store(&path, &["query", "-e", &ask, "-f", "csv"]);
    assert!(output.status.success(), "{}", texts(&output).1);
    assert!(texts(&output).0.contains("true"), "{}", texts(&output).0);
    let output = bin().args(["query", "-e", &ask, "-f", "csv"]).output().expect("run");
    assert!(texts(&output).0.contains("false"), "without --store the graph is built from data/");
}

#[test]
fn export_writes_the_store() {
    let (_dir, path) = store();
    let output = with_store(&path, &["export", "-f", "ntriples"]);
    assert!(output.status.success(), "{}", texts(&output).1);
    assert!(texts(&output).0.contains(&format!("<{ONLY_HERE}>")));
}

#[test]
fn validate_checks_the_store() {
    let (_dir, path) = store();
    let output = with_store(&path, &["validate"]);
    assert_eq!(output.status.code(), Some(1), "the place without an English label is a violation");
    assert!(texts(&output).0.contains("only-in-the-store"), "{}", texts(&output).0);
}

#[test]
fn stats_counts_the_store() {
    let (_dir, path) = store();
    let places = |output: std::process::Output| -> usize {
        let (stdout, _) = texts(&output);
        let line = stdout.lines().find(|l| l.trim_end().ends_with(" schema:Place")).expect("a schema:Place line");
        line.split_whitespace().next().and_then(|n| n.parse().ok()).expect("a count")
    };
    let from_data = places(bin().arg("stats").output().expect("run"));
    assert_eq!(places(with_store(&path, &["stats"])), from_data + 1);
}

#[test]
fn push_sends_the_store() {
    let (_dir, path) = store();
    let (url, request) = crate::push::refusing_store();
    let output = with_store(&path, &["push", "--endpoint", &url, "--graph", "ontology"]);
    assert_eq!(output.status.code(), Some(1), "the store refuses: {}", texts(&output).1);
    let request = request.join().expect("the request");
    assert!(request.contains(ONLY_HERE_TOO), "the graph sent is the store's");
}

#[test]
fn serve_answers_from_the_store() {
    let (_dir, path) = store();
    let (mut child, root, line) = crate::serve::spawn(&["--store", path.to_str().expect("a UTF-8 path")]);
    let ask = crate::server::encode(&format!("ASK {{ <{ONLY_HERE}> ?p ?o }}"));
    let reply = root.as_deref().map(|root| {
        crate::server::get(&format!("{root}/sparql?query={ask}"), &[("accept", "application/sparql-results+json")])
    });
    child.kill().expect("stop serve");
    let _ = child.wait();
    let reply = reply.unwrap_or_else(|| panic!("no address printed: {line:?}"));
    assert!(reply.text().contains("true"), "{}", reply.text());
}

#[test]
fn the_walks_and_mentions_open_the_store() {
    let (_dir, path) = store();
    let commands: [&[&str]; 4] = [
        &["mentions", "赵巷"],
        &["related", "重固", "--limit", "2"],
        &["central", "--limit", "2"],
        &["graph", "--around", "重固"],
    ];
    for args in commands {
        let output = with_store(&path, args);
        assert!(output.status.success(), "{args:?}: {}", texts(&output).1);
        let missing = path.with_file_name("no-such-store");
        let output = with_store(&missing, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(texts(&output).1.contains("no store there"), "{args:?}: {}", texts(&output).1);
    }
}
