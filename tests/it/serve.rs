//! `serve` as a process: it prints where it listens and answers there.

use crate::server::get;
use std::io::{BufRead, BufReader};
use std::process::Stdio;

#[test]
fn the_command_prints_its_address_and_serves_the_endpoint() {
    let mut child = crate::bin()
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("a line");
    let root = line.trim().strip_prefix("listening on ").map(|u| u.trim_end_matches('/').to_owned());
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
