//! The outputs pinned by digest: every export format of the curated graph, and the graph and candidate rows
//! that `extract` gives for the report and the fixtures. A change of the code that is not meant to change what
//! the tool writes must leave every digest as it is; one that is meant to names the new digests in
//! `tests/fixtures/digests.txt` (run with `QINGPU_BLESS=1` to rewrite it, then read the diff of the outputs).

use crate::{bin, root, texts};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

const PINNED: &str = "tests/fixtures/digests.txt";
const REPORT: &str = "data/source/qingpu-2020-government-work-report.md";

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn run(args: &[&str]) -> Vec<u8> {
    let output = bin().args(args).output().expect("run qingpu-kg");
    assert!(output.status.success(), "{args:?}: {}", texts(&output).1);
    output.stdout
}

/// Every output by name, with the digest of its bytes.
fn digests() -> BTreeMap<String, String> {
    let mut digests = BTreeMap::new();
    for format in ["turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld"] {
        digests.insert(format!("export {format}"), hex(&run(&["export", "--format", format])));
    }
    let fixtures = root().join("tests/fixtures/reports");
    let reports = [
        (REPORT.to_owned(), root().join("data/places.csv")),
        ("tests/fixtures/reports/district-2021.md".to_owned(), fixtures.join("places.csv")),
        ("tests/fixtures/reports/city-2019.txt".to_owned(), fixtures.join("places.csv")),
        ("tests/fixtures/reports/province-2021.md".to_owned(), fixtures.join("places.csv")),
    ];
    for (report, gazetteer) in reports {
        let dir = tempfile::tempdir().expect("temporary folder");
        let gazetteer = gazetteer.to_str().expect("a UTF-8 path");
        let candidates = dir.path().to_str().expect("a UTF-8 path");
        for format in ["trig", "turtle"] {
            let args = ["extract", &report, "--format", format, "--gazetteer", gazetteer, "--candidates", candidates];
            digests.insert(format!("extract {format} {report}"), hex(&run(&args)));
        }
        let mut files: Vec<_> =
            std::fs::read_dir(dir.path()).expect("candidates").map(|e| e.expect("entry").path()).collect();
        files.sort();
        for file in files {
            let name = file.file_name().expect("a file name").to_string_lossy().into_owned();
            digests
                .insert(format!("candidates {name} {report}"), hex(&std::fs::read(&file).expect("a candidate file")));
        }
    }
    digests
}

#[test]
fn the_outputs_are_the_pinned_bytes() {
    let actual = digests();
    let written: String = actual.iter().map(|(name, digest)| format!("{digest}  {name}\n")).collect();
    let path = root().join(PINNED);
    if std::env::var_os("QINGPU_BLESS").is_some() {
        std::fs::write(&path, &written).expect("write the digests");
        return;
    }
    let pinned = std::fs::read_to_string(&path).expect("the pinned digests");
    let pinned: BTreeMap<&str, &str> = pinned
        .lines()
        .map(|line| {
            let (digest, name) = line.split_once("  ").expect("a line `DIGEST  NAME`");
            (name, digest)
        })
        .collect();
    let differ: Vec<&str> = actual
        .iter()
        .filter(|(name, digest)| pinned.get(name.as_str()) != Some(&digest.as_str()))
        .map(|(name, _)| name.as_str())
        .chain(pinned.keys().copied().filter(|name| !actual.contains_key(*name)))
        .collect();
    assert!(differ.is_empty(), "these outputs are not the pinned bytes: {differ:?}; now:\n{written}");
}
