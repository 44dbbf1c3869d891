//! Servers for the tests that speak HTTP: in this process, on a free loopback port, and a small client.

use qingpu_kg::serve::{self, Options, Shared};
use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Starts a server over the repository's graph with `options`; gives its root URL (`http://127.0.0.1:PORT`).
/// The server lives as long as the test process.
pub fn start(options: Options) -> String {
    start_over(crate::graph(), options)
}

/// Starts a server over `graph` (whose store a test may have changed, or keeps a handle on to change);
/// gives its root URL.
pub fn start_over(graph: qingpu_kg::KnowledgeGraph, options: Options) -> String {
    serve_state(Shared::new(graph, options))
}

/// Serves `state` (of which a test may keep a handle, to read what the server counts); gives the root URL.
pub fn serve_state(state: serve::State) -> String {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let bind = "127.0.0.1:0".parse().expect("loopback address");
        serve::run_until(state, bind, |address| sender.send(address).expect("test waits"), std::future::pending())
            .expect("the server runs");
    });
    let address = receiver.recv().expect("the server starts");
    format!("http://{address}")
}

/// The options the tests run with: the repository's queries.
pub fn options() -> Options {
    Options { queries: crate::root().join("queries"), ..Options::default() }
}

/// One server with the default options, shared by the tests that do not need others.
pub fn shared() -> &'static str {
    static SERVER: OnceLock<String> = OnceLock::new();
    SERVER.get_or_init(|| start(options()))
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }

    /// A header's value (names in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    /// The media type of the body, without parameters.
    pub fn media_type(&self) -> &str {
        self.header("content-type").unwrap_or("").split(';').next().unwrap_or("").trim()
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).max_redirects(0).build().into()
}

fn reply(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = response.expect("the server answers");
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_ascii_lowercase(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    let body = response.body_mut().with_config().limit(1 << 30).read_to_vec().expect("the body is read");
    Reply { status, headers, body }
}

/// GET `url` with these request headers.
pub fn get(url: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = agent().get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    reply(request.call())
}

/// POST `body` to `url` with these request headers.
pub fn post(url: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut request = agent().post(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    reply(request.send(body))
}

/// `text` percent-encoded for a URL query or a form.
pub fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// Checks the one 406 answer of the server: one line of plain text naming what is offered, `Vary: Accept`.
pub fn is_not_acceptable(reply: &Reply) {
    assert_eq!(reply.status, 406, "{}", reply.text());
    assert_eq!(reply.header("content-type"), Some("text/plain; charset=utf-8"), "{reply:?}");
    assert_eq!(reply.header("vary"), Some("Accept"), "{reply:?}");
    let text = reply.text();
    assert_eq!(text.trim_end().lines().count(), 1, "one line: {text}");
    assert!(text.starts_with("none of the media types in Accept is offered for "), "{text}");
}

/// Waits until the server of `state` has counted `expected` evaluations stopped by their cancellation, or a
/// minute has passed; gives the last count. The minute is a bound, not a measure: a debug build sees the
/// cancellation within a second, and an evaluation that does not stop never gets counted at all.
pub fn stopped_evaluations(state: &Shared, expected: u64) -> u64 {
    let start = Instant::now();
    while state.stopped.count() < expected && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    state.stopped.count()
}
