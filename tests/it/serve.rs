//! `serve` as a process: it prints where it listens and answers there.

use crate::server::get;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

/// Starts `qingpu-kg serve --bind 127.0.0.1:0 ARGS`; gives the process and the root URL it printed (`None` when it
/// printed something else).
fn spawn(args: &[&str]) -> (Child, Option<String>, String) {
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

/// CPU time used by a process so far, in clock ticks (user + system, fields 14 and 15 of `/proc/PID/stat`).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process's stat");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    let after = &stat[stat.rfind(')').expect("a command name") + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime")
}

#[test]
fn a_query_past_the_time_limit_is_answered_422_and_stops_working() {
    let (mut child, root, line) = spawn(&["--timeout", "1"]);
    let root = root.unwrap_or_else(|| panic!("no address printed: {line:?}"));
    let heavy = crate::server::encode("SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x:p>|!<urn:x:p>)* ?b }");
    let refused = get(&format!("{root}/sparql?query={heavy}"), &[]);
    // Soon after the answer, the evaluation must be over: the idle server uses (almost) no CPU, where a query still
    // running would use a whole core, about 100 ticks a second. The evaluation sees the cancellation at its next
    // read of the store: at once in a release build, within a second in this debug build.
    std::thread::sleep(std::time::Duration::from_secs(2));
    let before = cpu_ticks(child.id());
    std::thread::sleep(std::time::Duration::from_secs(1));
    let used = cpu_ticks(child.id()) - before;
    let next = get(&format!("{root}/sparql?query=ASK%7B%7D"), &[("accept", "application/sparql-results+json")]);
    child.kill().expect("stop serve");
    let _ = child.wait();
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(refused.text().contains("time limit of 1 s"), "{}", refused.text());
    assert!(used < 30, "the cancelled query went on working: {used} ticks in a second");
    assert!(next.text().contains("true"), "the server still answers: {}", next.text());
}
