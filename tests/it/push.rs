//! `push`: the requests it makes, and its exit codes when the URL, the graph name or the store is wrong.
//! (Against a real Oxigraph server, `tests/interop/check_serve.py` pushes every graph and counts it back.)

use crate::{bin, texts};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;

/// A store that refuses every request with 401 and a two-line body; gives its URL and the first request it got.
pub fn refusing_store() -> (String, std::thread::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("a request");
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("a header line");
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().expect("a length");
            }
            if line.trim().is_empty() {
                break;
            }
            head.push_str(&line);
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("the body");
        let answer = "no valid token\nsecond line\n";
        let response = format!(
            "HTTP/1.1 401 Unauthorized\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
            answer.len()
        );
        reader.get_mut().write_all(response.as_bytes()).expect("answer");
        head + &String::from_utf8_lossy(&body)
    });
    (url, handle)
}

#[test]
fn a_refused_put_names_the_graph_the_url_the_status_and_the_answer() {
    let (url, store) = refusing_store();
    let output = bin()
        .args([
            "push",
            "--endpoint",
            &format!("{url}/query"),
            "--graph-store",
            &format!("{url}/store"),
            "--graph",
            "metadata",
        ])
        .args(["--token", "t0ken"])
        .output()
        .expect("run push");
    let request = store.join().expect("the store saw the request");
    let (_, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "PUT of graph <https://w3id.org/qingpu-kg/graph/metadata> at {url}/store?graph=https%3A%2F%2Fw3id.org%2Fqingpu-kg%2Fgraph%2Fmetadata failed: HTTP 401: no valid token"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("second line"), "only the first line of the answer: {stderr}");
    let lower = request.to_ascii_lowercase();
    assert!(
        request.starts_with("PUT /store?graph=https%3A%2F%2Fw3id.org%2Fqingpu-kg%2Fgraph%2Fmetadata HTTP/1.1"),
        "{request}"
    );
    assert!(lower.contains("authorization: bearer t0ken"), "{request}");
    assert!(lower.contains("content-type: application/n-triples"), "{request}");
    assert!(
        request.contains("<https://w3id.org/qingpu-kg/dataset> <http://rdfs.org/ns/void#triples> \""),
        "the body is the graph as N-Triples: {request}"
    );
}

#[test]
fn an_unreachable_store_is_a_failure_naming_its_url() {
    let port = TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("address").port();
    let endpoint = format!("http://127.0.0.1:{port}/query");
    let output = bin().args(["push", "--endpoint", &endpoint]).output().expect("run push");
    let (stdout, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&format!("cannot reach http://127.0.0.1:{port}/query?graph=")), "{stderr}");
    assert!(stdout.is_empty(), "no table when nothing was sent: {stdout}");
}

#[test]
fn a_bad_url_or_graph_name_is_bad_input() {
    for (args, expected) in [
        (vec!["--endpoint", "localhost:7878/query"], "`localhost:7878/query` (--endpoint) is not an http or https URL"),
        (
            vec!["--endpoint", "http://h/q", "--graph-store", "ftp://h/store"],
            "(--graph-store) is not an http or https URL",
        ),
        (
            vec!["--endpoint", "http://127.0.0.1:9/query", "--graph", "fact"],
            "invalid value 'fact' for '--graph <NAME>'\n  [possible values: ontology, facts, document, provenance, mentions, metadata]",
        ),
    ] {
        let output = bin().arg("push").args(&args).output().expect("run push");
        let (_, stderr) = texts(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}
