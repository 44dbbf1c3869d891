//! `serve` as a process: it prints where it listens and answers there.

use crate::server::get;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

/// Starts `qingpu-kg serve --bind 127.0.0.1:0 ARGS`; gives the process and the root URL it printed (`None` when it
/// printed something else).
pub fn spawn(args: &[&str]) -> (Child, Option<String>, String) {
    let mut child = crate::bin()
        .args(["serve", "--bind", "127.0.0.1:0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("a line");
    let root = line.trim().strip_prefix("listening on ").map(|u| u.trim_end_matches('/').to_owned());
    (child, root, line)
}

#[test]
fn the_command_prints_its_address_and_serves_the_endpoint() {
    let (mut child, root, line) = spawn(&[]);
    let reply = root
        .as_deref()
        .map(|root| get(&format!("{root}/sparql?query=ASK%7B%7D"), &[("accept", "application/sparql-results+json")]));
    child.kill().expect("stop serve");
    let _ = child.wait();
    let root = root.unwrap_or_else(|| panic!("no address printed: {line:?}"));
    let reply = reply.expect("asked");
    assert!(root.starts_with("http://127.0.0.1:"), "{root}");
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(reply.text().contains("\"boolean\""), "{}", reply.text());
}

#[test]
fn a_query_past_the_time_limit_is_answered_422() {
    let (mut child, root, line) = spawn(&["--timeout", "1"]);
    let root = root.unwrap_or_else(|| panic!("no address printed: {line:?}"));
    let heavy = crate::server::encode("SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x:p>|!<urn:x:p>)* ?b }");
    let refused = get(&format!("{root}/sparql?query={heavy}"), &[]);
    let next = get(&format!("{root}/sparql?query=ASK%7B%7D"), &[("accept", "application/sparql-results+json")]);
    child.kill().expect("stop serve");
    let _ = child.wait();
    // That the evaluation stops too is counted by the server and checked in `serve_sparql`.
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(refused.text().contains("time limit of 1 s"), "{}", refused.text());
    assert!(next.text().contains("true"), "the server still answers: {}", next.text());
}
