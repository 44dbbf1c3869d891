//! Every span in the graph is true: the stored report at `[start, end)` is exactly the quote.

use crate::{graph, root, select};

/// The stored report, as code points.
fn report_chars() -> Vec<char> {
    std::fs::read_to_string(root().join("data/source/qingpu-2020-government-work-report.md"))
        .expect("the stored report")
        .chars()
        .collect()
}

#[test]
fn every_position_selector_spans_its_quote_in_the_stored_report() {
    let graph = graph();
    let chars = report_chars();
    let rows = select(
        &graph,
        "SELECT ?start ?end ?exact WHERE {
           ?target oa:hasSelector ?q , ?p .
           ?q a oa:TextQuoteSelector ; oa:exact ?exact .
           ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . }",
    );
    assert!(rows.len() > 500, "the rows of the data are anchored in many places: {} spans", rows.len());
    for row in &rows {
        let (start, end): (usize, usize) = (row[0].parse().expect("start"), row[1].parse().expect("end"));
        let stored: String = chars[start..end].iter().collect();
        assert_eq!(stored, row[2], "[{start}, {end})");
    }
}

#[test]
fn prefix_and_suffix_stand_right_before_and_after_the_quote() {
    let graph = graph();
    let chars = report_chars();
    let rows = select(
        &graph,
        "SELECT ?start ?end ?prefix ?suffix WHERE {
           ?target oa:hasSelector ?q , ?p .
           ?q a oa:TextQuoteSelector ; oa:prefix ?prefix ; oa:suffix ?suffix .
           ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . }",
    );
    assert!(!rows.is_empty());
    for row in &rows {
        let (start, end): (usize, usize) = (row[0].parse().expect("start"), row[1].parse().expect("end"));
        let before: String = chars[start - row[2].chars().count()..start].iter().collect();
        let after: String = chars[end..end + row[3].chars().count()].iter().collect();
        assert_eq!((before.as_str(), after.as_str()), (row[2].as_str(), row[3].as_str()));
    }
}

#[test]
fn a_quote_across_a_page_break_becomes_two_targets() {
    // Glossary entry 4 runs across a `---` page break; its definition is one quote of the data.
    let graph = graph();
    let rows = select(
        &graph,
        "SELECT ?exact WHERE {
           ?term skos:notation \"4\" ; skos:inScheme ?scheme .
           FILTER(STRENDS(STR(?scheme), \"/scheme/glossary\"))
           ?annotation oa:hasBody ?term ; oa:hasTarget ?target .
           ?target oa:hasSelector ?q . ?q oa:exact ?exact . }",
    );
    assert!(rows.iter().any(|r| r[0].ends_with("（2017~2019")), "{rows:?}");
    assert!(rows.iter().any(|r| r[0].starts_with("年)》")), "{rows:?}");
}
