//! Coverage: every paragraph of the report is cited by a fact, or listed in `uncited.csv` with its reason.

use crate::{DataCopy, bin, graph, root, texts};

#[test]
fn every_paragraph_is_cited_or_listed_with_a_reason() {
    let graph = graph();
    let coverage = qingpu_kg::coverage::coverage(&graph.inputs.source, &graph.inputs.grounding, &root().join("data"))
        .expect("coverage");
    let opening = |p: usize| graph.inputs.source.paragraphs[p].text.chars().take(30).collect::<String>();
    let unlisted: Vec<String> = coverage.unlisted.iter().map(|&p| opening(p)).collect();
    assert!(unlisted.is_empty(), "paragraphs neither cited nor listed: {unlisted:#?}");
    let stale: Vec<&str> = coverage.listed_but_cited.iter().map(|u| u.opening.as_str()).collect();
    assert!(stale.is_empty(), "listed as uncited but cited: {stale:?}");
    assert!(coverage.listed.iter().all(|u| !u.reason.trim().is_empty()), "every listed paragraph has a reason");
    assert!(coverage.share() > 90.0, "{:.1} %", coverage.share());
}

#[test]
fn stats_prints_the_share_of_cited_paragraphs() {
    let output = bin().arg("stats").output().expect("run");
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("paragraphs of the report: 92; cited by at least one fact: "), "{stdout}");
    assert!(stdout.contains("qpk:Project"), "{stdout}");
}

#[test]
fn a_cited_paragraph_listed_as_uncited_is_reported() {
    let copy = DataCopy::new();
    copy.append("uncited.csv", "招商引资扎实推进,said to state nothing");
    let output = copy.run(&["stats"]);
    let (stdout, _) = texts(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("is listed as uncited but a fact cites it"), "{stdout}");
}

#[test]
fn an_opening_that_names_no_paragraph_is_refused() {
    let copy = DataCopy::new();
    copy.append("uncited.csv", "这段话不在报告里,no such paragraph");
    let output = copy.run(&["stats"]);
    let (_, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("uncited.csv:") && stderr.contains("opens 0 paragraphs"), "{stderr}");
}
