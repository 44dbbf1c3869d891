//! Push: each named graph to a SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph server, Fuseki, GraphDB,
//! Virtuoso), for users who already run a triple store.
//!
//! Takes the built quads, the names of the graphs to send and a [`Target`] (the query endpoint, the graph store
//! endpoint, a bearer token); for each graph, replaces the store's graph of the same IRI by an HTTP `PUT` of its
//! triples as N-Triples to `{graph-store}?graph={iri}` (indirect identification), then counts the graph back
//! through the query endpoint; gives one [`Pushed`] row per graph (sent, counted). A bad URL or an unknown graph
//! name is bad input ([`PushError::is_bad_input`], exit code 2); a refused request, an unreachable store or an answer that is
//! not a count is a failure (1), each naming the graph, the URL and what came back.

use crate::GraphError;
use crate::export::export_quads;
use crate::iri::{GRAPHS, Iris};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, Quad, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::time::Duration;

/// The characters of a query-string value that are percent-encoded: all but the unreserved ones (RFC 3986).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The media type the graphs are sent in.
const SENT_AS: &str = "application/n-triples";

/// A failed push.
#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error("`{url}` (--{option}) is not an http or https URL: {message}")]
    BadUrl { option: &'static str, url: String, message: String },
    #[error("unknown graph `{name}` (known: {known})")]
    UnknownGraph { name: String, known: String },
    #[error("cannot reach {url} ({what}): {message}")]
    Unreachable { url: String, what: String, message: String },
    #[error("{what} of graph <{graph}> at {url} failed: HTTP {status}: {first_line}")]
    Refused { what: &'static str, graph: String, url: String, status: u16, first_line: String },
    #[error("the count of graph <{graph}> from {url} is not a SPARQL JSON result with a number ?n: {message}")]
    BadCount { graph: String, url: String, message: String },
    #[error(transparent)]
    Graph(#[from] GraphError),
}

impl PushError {
    /// Whether the error lies in what the user gave (a URL, a graph name: exit code 2) rather than in the store
    /// that was pushed to (1).
    pub fn is_bad_input(&self) -> bool {
        match self {
            Self::BadUrl { .. } | Self::UnknownGraph { .. } => true,
            Self::Graph(error) => error.is_bad_input(),
            Self::Unreachable { .. } | Self::Refused { .. } | Self::BadCount { .. } => false,
        }
    }
}

/// Where the graphs go.
#[derive(Debug, Clone)]
pub struct Target {
    /// The SPARQL query endpoint, to count the graphs back.
    pub endpoint: String,
    /// The Graph Store Protocol endpoint.
    pub graph_store: String,
    /// Sent as `Authorization: Bearer …` with every request.
    pub token: Option<String>,
}

impl Target {
    /// Checks the URLs: absolute `http` or `https` with a host. Without `graph_store`, the query endpoint takes
    /// both roles (as Fuseki's `/ds` and GraphDB's repository URL do).
    pub fn new(endpoint: &str, graph_store: Option<&str>, token: Option<String>) -> Result<Self, PushError> {
        check_url("endpoint", endpoint)?;
        if let Some(url) = graph_store {
            check_url("graph-store", url)?;
        }
        let graph_store = graph_store.unwrap_or(endpoint).to_owned();
        Ok(Self { endpoint: endpoint.to_owned(), graph_store, token })
    }

    /// The URL that names `graph` in the graph store: `{graph-store}?graph={iri, percent-encoded}`.
    pub fn graph_url(&self, graph: &str) -> String {
        let separator = if self.graph_store.contains('?') { '&' } else { '?' };
        format!("{}{separator}graph={}", self.graph_store, utf8_percent_encode(graph, QUERY_VALUE))
    }
}

fn check_url(option: &'static str, url: &str) -> Result<(), PushError> {
    let bad = |message: &str| PushError::BadUrl { option, url: url.to_owned(), message: message.to_owned() };
    let uri: ureq::http::Uri = url.parse().map_err(|e: ureq::http::uri::InvalidUri| bad(&e.to_string()))?;
    match uri.scheme_str() {
        Some("http" | "https") => {}
        Some(other) => return Err(bad(&format!("the scheme is `{other}`"))),
        None => return Err(bad("no scheme")),
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err(bad("no host"));
    }
    Ok(())
}

/// The graphs called `names` (all of [`GRAPHS`] when empty), each once, in the order of [`GRAPHS`].
pub fn select_graphs(names: &[String]) -> Result<Vec<&'static str>, PushError> {
    for name in names {
        if !GRAPHS.contains(&name.as_str()) {
            return Err(PushError::UnknownGraph { name: name.clone(), known: GRAPHS.join(", ") });
        }
    }
    Ok(GRAPHS.iter().copied().filter(|g| names.is_empty() || names.iter().any(|n| n == g)).collect())
}

/// One graph sent and counted back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pushed {
    /// The graph's IRI.
    pub graph: String,
    pub sent: usize,
    pub counted: usize,
}

impl Pushed {
    /// Whether the store holds as many triples as were sent.
    pub fn agrees(&self) -> bool {
        self.sent == self.counted
    }
}

/// What a push did: each graph sent and counted back.
#[derive(Debug, Clone)]
pub struct Report {
    /// The query endpoint that counted the graphs.
    pub endpoint: String,
    pub pushed: Vec<Pushed>,
}

impl Report {
    /// Whether the store holds as many triples of every graph as were sent.
    pub fn agrees(&self) -> bool {
        self.pushed.iter().all(Pushed::agrees)
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let width = self.pushed.iter().map(|p| p.graph.len()).max().unwrap_or(5).max(5);
        writeln!(f, "{:<width$}  {:>8}  {:>8}", "graph", "sent", "counted")?;
        for p in &self.pushed {
            let mark = if p.agrees() { "" } else { "  ✗ differs" };
            writeln!(f, "{:<width$}  {:>8}  {:>8}{mark}", p.graph, p.sent, p.counted)?;
        }
        Ok(())
    }
}

/// Sends the graphs `names` of `quads` to `target` and counts each back; stops at the first failed request.
pub fn push(quads: &[Quad], iris: &Iris, names: &[&str], target: &Target) -> Result<Vec<Pushed>, PushError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(Duration::from_secs(10)))
        .timeout_global(Some(Duration::from_secs(600)))
        .build()
        .into();
    let mut pushed = Vec::with_capacity(names.len());
    for name in names {
        let graph = iris.graph(name);
        let own: Vec<Quad> = quads.iter().filter(|q| q.graph_name == GraphName::from(graph.clone())).cloned().collect();
        let mut body = Vec::new();
        export_quads(own, iris, RdfFormat::NTriples, None, &mut body)?;
        let sent = body.iter().filter(|b| **b == b'\n').count();
        put(&agent, target, graph.as_str(), body)?;
        let counted = count(&agent, target, graph.as_str())?;
        pushed.push(Pushed { graph: graph.into_string(), sent, counted });
    }
    Ok(pushed)
}

fn authorize<B>(request: ureq::RequestBuilder<B>, target: &Target) -> ureq::RequestBuilder<B> {
    match &target.token {
        Some(token) => request.header("Authorization", format!("Bearer {token}")),
        None => request,
    }
}

fn unreachable(url: &str, what: &str, error: &ureq::Error) -> PushError {
    PushError::Unreachable { url: url.to_owned(), what: what.to_owned(), message: error.to_string() }
}

/// The status and body of an answer, or the error of one that is not 2xx.
fn read(
    response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    what: &'static str,
    graph: &str,
    url: &str,
) -> Result<Vec<u8>, PushError> {
    let mut response = response.map_err(|e| unreachable(url, what, &e))?;
    let status = response.status().as_u16();
    let body = response.body_mut().with_config().limit(64 << 20).read_to_vec().unwrap_or_default();
    if matches!(status, 200 | 201 | 204) {
        return Ok(body);
    }
    let text = String::from_utf8_lossy(&body);
    let first_line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("(no body)");
    let first_line: String = first_line.chars().take(300).collect();
    Err(PushError::Refused { what, graph: graph.to_owned(), url: url.to_owned(), status, first_line })
}

fn put(agent: &ureq::Agent, target: &Target, graph: &str, body: Vec<u8>) -> Result<(), PushError> {
    let url = target.graph_url(graph);
    let request = authorize(agent.put(&url), target).header("Content-Type", SENT_AS);
    read(request.send(&body[..]), "PUT", graph, &url).map(|_| ())
}

fn count(agent: &ureq::Agent, target: &Target, graph: &str) -> Result<usize, PushError> {
    let url = &target.endpoint;
    let query = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}");
    let request = authorize(agent.post(url), target).header("Accept", "application/sparql-results+json");
    let body = read(request.send_form([("query", query.as_str())]), "counting", graph, url)?;
    let bad = |message: String| PushError::BadCount { graph: graph.to_owned(), url: url.clone(), message };
    let parsed =
        QueryResultsParser::from_format(QueryResultsFormat::Json).for_slice(&body).map_err(|e| bad(e.to_string()))?;
    let SliceQueryResultsParserOutput::Solutions(mut solutions) = parsed else {
        return Err(bad("a boolean".into()));
    };
    let solution = solutions.next().ok_or_else(|| bad("no row".into()))?.map_err(|e| bad(e.to_string()))?;
    match solution.get("n") {
        Some(Term::Literal(n)) => n.value().parse().map_err(|_| bad(format!("`{}`", n.value()))),
        other => Err(bad(format!("?n is {other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_graph_is_named_by_a_percent_encoded_parameter() {
        let target = Target::new("http://h/query", Some("http://h/store"), None).expect("good URLs");
        assert_eq!(
            target.graph_url("https://w3id.org/qingpu-kg/graph/facts"),
            "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fqingpu-kg%2Fgraph%2Ffacts"
        );
        let fuseki = Target::new("http://h/ds?x=1", None, None).expect("good URL");
        assert!(
            fuseki.graph_url("urn:g").starts_with("http://h/ds?x=1&graph=urn%3Ag"),
            "{}",
            fuseki.graph_url("urn:g")
        );
    }

    #[test]
    fn bad_urls_and_graph_names_are_bad_input() {
        for url in ["localhost:7878/query", "ftp://h/q", "http://", "not a url"] {
            let error = Target::new(url, None, None).expect_err(url);
            assert!(error.is_bad_input(), "{error}");
            assert!(error.to_string().contains(url), "{error}");
        }
        let error = select_graphs(&["fact".into()]).expect_err("unknown graph");
        assert!(error.is_bad_input());
        assert!(error.to_string().contains("facts"), "names the known graphs: {error}");
        assert_eq!(select_graphs(&["metadata".into(), "facts".into()]).ok(), Some(vec!["facts", "metadata"]));
    }
}
