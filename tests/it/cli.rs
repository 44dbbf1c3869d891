//! The commands on the repository's data: build, query, queries, validate.

use crate::{DataCopy, bin, texts};

#[test]
fn build_prints_counts_by_graph_and_class_and_conforms() {
    let output = bin().arg("build").output().expect("run");
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stderr}");
    for graph in
        ["graph/facts", "graph/provenance", "graph/ontology", "graph/document", "graph/mentions", "graph/metadata"]
    {
        assert!(stdout.contains(graph), "no count for {graph}:\n{stdout}");
    }
    let count_of = |class: &str| -> usize {
        stdout
            .lines()
            .find(|l| l.split_whitespace().nth(1) == Some(class))
            .and_then(|l| l.split_whitespace().next()?.parse().ok())
            .unwrap_or_else(|| panic!("no count for {class}:\n{stdout}"))
    };
    assert_eq!(count_of("qpk:Town"), 8);
    assert_eq!(count_of("qpk:Subdistrict"), 3);
    assert_eq!(count_of("qpk:District"), 1);
    assert!(count_of("qpk:Project") >= 30);
    assert!(count_of("schema:Legislation") >= 30);
    assert!(stdout.contains("SHACL: conforms"), "{stdout}");
}

#[test]
fn a_query_syntax_error_gives_the_parser_message_and_position() {
    let output = bin().args(["query", "-e", "SELECT ?x WHERE { ?x ?y }"]).output().expect("run");
    let (_, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("SPARQL syntax error in -e"), "{stderr}");
    assert!(stderr.contains("1:"), "the position is given: {stderr}");
}

#[test]
fn an_unknown_query_name_lists_the_known_ones() {
    let output = bin().args(["query", "no-such-query"]).output().expect("run");
    let (_, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("unknown query `no-such-query`"), "{stderr}");
    let first = qingpu_kg::query::named_queries(&crate::root().join("queries")).expect("queries")[0].0.clone();
    assert!(stderr.contains(&first), "{stderr}");
}

#[test]
fn a_format_that_does_not_fit_the_query_is_refused() {
    let output = bin().args(["query", "-e", "ASK { ?s ?p ?o }", "--format", "turtle"]).output().expect("run");
    let (_, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("format `turtle` does not fit a ASK query"), "{stderr}");
    let output =
        bin().args(["query", "-e", "SELECT * { ?s ?p ?o } LIMIT 1", "--format", "yaml"]).output().expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(texts(&output).1.contains("yaml"));
}

#[test]
fn expressions_have_the_prefixes_and_see_every_graph() {
    let output = bin()
        .args(["query", "-e", "SELECT ?code WHERE { ?d a qpk:District ; qpk:divisionCode ?code }", "--format", "csv"])
        .output()
        .expect("run");
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stdout.replace('\r', ""), "code\n310118\n");
}

#[test]
fn the_table_is_aligned_for_wide_characters() {
    let query = "SELECT ?name ?code WHERE { ?t a qpk:Town ; qpk:divisionCode ?code ; rdfs:label ?name FILTER(LANG(?name) = \"zh\") } ORDER BY ?code";
    let output = bin().args(["query", "-e", query, "--format", "table"]).output().expect("run");
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stderr}");
    let rows: Vec<&str> = stdout.lines().filter(|l| l.contains(" │ ")).collect();
    assert_eq!(rows.len(), 9, "header and eight towns:\n{stdout}");
    let columns: Vec<usize> =
        rows.iter().map(|r| qingpu_kg::query::display_width(&r[..r.find(" │ ").expect("separator")])).collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "the separator stands in one column:\n{stdout}");
    assert!(stdout.ends_with("(8 rows)\n"), "{stdout}");
}

#[test]
fn json_results_are_sparql_json() {
    let output = bin().args(["query", "-e", "ASK { ?s a qpk:Town }", "--format", "json"]).output().expect("run");
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), r#"{"head":{},"boolean":true}"#);
}

#[test]
fn queries_lists_every_named_query_with_its_title() {
    let output = bin().arg("queries").output().expect("run");
    let (stdout, _) = texts(&output);
    let named = qingpu_kg::query::named_queries(&crate::root().join("queries")).expect("queries");
    assert_eq!(stdout.lines().count(), named.len());
    for (name, path) in named {
        let text = std::fs::read_to_string(path).expect("query file");
        let title = qingpu_kg::query::header(&text, "title").expect("a title");
        assert!(stdout.lines().any(|l| l.starts_with(&name) && l.ends_with(title)), "{name}");
    }
}

#[test]
fn validate_exits_one_and_names_the_violation() {
    let copy = DataCopy::new();
    // Take every theme away from one project that is part of nothing: the `unthemed` check requires one.
    let relations = copy.read("relations.csv");
    let project = copy
        .read("projects.csv")
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().expect("id").to_owned())
        .find(|id| !relations.contains(&format!("\n{id},part-of,")))
        .expect("a project that is part of nothing");
    let relations: Vec<String> = copy
        .read("relations.csv")
        .lines()
        .filter(|l| !l.starts_with(&format!("{project},theme,")))
        .map(String::from)
        .collect();
    copy.write("relations.csv", &(relations.join("\n") + "\n"));
    let output = copy.run(&["validate"]);
    let (stdout, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.contains("check unthemed: 1 violation(s)"), "{stdout}");
    assert!(stdout.contains(&format!("?entity=<https://w3id.org/qingpu-kg/id/project/{project}>")), "{stdout}");
    assert!(stdout.contains("1 problem(s)"), "{stdout}");
}

#[test]
fn validate_passes_on_the_data() {
    let output = bin().arg("validate").output().expect("run");
    let (stdout, stderr) = texts(&output);
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("SHACL: conforms"));
    assert_eq!(stdout.matches(": ok").count(), qingpu_kg::validate::CHECKS.len());
}

#[test]
fn every_check_file_is_run() {
    let mut files: Vec<String> = std::fs::read_dir(crate::root().join("queries/checks"))
        .expect("checks folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut embedded: Vec<String> =
        qingpu_kg::validate::CHECKS.iter().map(|(name, _)| format!("{name}-violation.rq")).collect();
    embedded.sort();
    assert_eq!(files, embedded, "queries/checks and validate::CHECKS must list the same checks");
    for (name, text) in qingpu_kg::validate::CHECKS {
        let on_disk = std::fs::read_to_string(crate::root().join(format!("queries/checks/{name}-violation.rq")));
        assert_eq!(on_disk.expect("check file"), *text);
    }
}
