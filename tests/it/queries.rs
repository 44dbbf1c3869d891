//! The named queries of `queries/`: each has a title and a description, parses without predeclared
//! prefixes, and returns its expected result `queries/NAME.csv` (in order where the query orders, as a
//! multiset of rows otherwise). `QINGPU_BLESS=1 cargo test` rewrites the expected files after a reviewed change.

use crate::{graph, root};
use qingpu_kg::query::{self, QueryText, ResultFormat};

fn normalise(csv: &str) -> (String, Vec<String>) {
    let mut lines = csv.replace("\r\n", "\n").lines().map(String::from).collect::<Vec<_>>().into_iter();
    (lines.next().unwrap_or_default(), lines.collect())
}

#[test]
fn every_named_query_returns_its_expected_rows() {
    let graph = graph();
    let named = query::named_queries(&root().join("queries")).expect("queries folder");
    assert!(named.len() >= 15, "at least 15 named queries, found {}", named.len());
    let bless = std::env::var_os("QINGPU_BLESS").is_some();
    let mut failures = Vec::new();
    for (name, path) in named {
        let text = std::fs::read_to_string(&path).expect("query file");
        assert!(query::header(&text, "title").is_some_and(|t| !t.is_empty()), "{name}: no `# title:`");
        assert!(query::header(&text, "description").is_some_and(|t| !t.is_empty()), "{name}: no `# description:`");
        let query = QueryText { text: text.clone(), origin: path.display().to_string() };
        let mut out = Vec::new();
        query::run(
            &graph.store,
            &query,
            false,
            ResultFormat::Results(oxigraph::sparql::results::QueryResultsFormat::Csv),
            graph.inputs.iris.base(),
            &mut out,
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let actual = String::from_utf8(out).expect("UTF-8");
        let expected_path = path.with_extension("csv");
        if bless {
            std::fs::write(&expected_path, &actual).expect("write expected result");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{name}: no expected result {}", expected_path.display()));
        let (expected_head, mut expected_rows) = normalise(&expected);
        let (actual_head, mut actual_rows) = normalise(&actual);
        assert!(!actual_rows.is_empty(), "{name}: a named query must answer something");
        if !text.to_uppercase().contains("ORDER BY") {
            expected_rows.sort();
            actual_rows.sort();
        }
        if (expected_head, expected_rows) != (actual_head, actual_rows) {
            failures.push(name);
        }
    }
    assert!(failures.is_empty(), "results differ from queries/NAME.csv for: {failures:?}");
}
