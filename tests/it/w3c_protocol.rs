//! The W3C SPARQL Protocol tests (`tests/w3c-protocol/`, SPARQL 1.1 and the SPARQL 1.2 `version` tests), run
//! from their manifests against the endpoint.
//!
//! Each test's requests are sent as written (method, path under `/sparql`, headers, body) and the answers are
//! checked against `mf:expectedStatus` / `ht:statusCodeValue`, `mf:expectedFormat` (the media type and a parse
//! of the body), `mf:expectedBoolean` and the response headers the test states. Tests whose requests are all
//! queries run against a read-only server whose store also holds the suite's data files in the graphs the
//! manifests name; tests with an update run against a server that takes updates, each from a store reset to
//! the test's `ut:graphData`, with the bearer token added to every request. [`EXPECTED_FAILURES`] lists the
//! tests this endpoint does not pass, with the reason; they are checked to fail, so a fix shows up.

use crate::server;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Graph, GraphName, NamedNode, NamedOrBlankNode, Quad, Term, vocab::rdf};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput};
use oxigraph::store::Store;
use qingpu_kg::serve::Options;
use std::path::{Path, PathBuf};

const MF: &str = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const HT: &str = "http://www.w3.org/2011/http#";
const CNT: &str = "http://www.w3.org/2011/content#";
const UT: &str = "http://www.w3.org/2009/sparql/tests/test-update#";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const TOKEN: &str = "w3c-protocol-token";

/// Tests this endpoint does not pass, by name, with the reason. Empty: every test passes.
const EXPECTED_FAILURES: &[(&str, &str)] = &[];

fn suite() -> PathBuf {
    crate::root().join("tests/w3c-protocol")
}

fn iri(namespace: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{namespace}{local}"))
}

/// A manifest, parsed, with the folder its relative IRIs point into.
struct Manifest {
    graph: Graph,
    dir: PathBuf,
    base: String,
}

impl Manifest {
    fn load(dir: &Path) -> Self {
        let path = dir.join("manifest.ttl");
        let base = format!("file://{}", path.display());
        let text = std::fs::read(&path).expect("the manifest is there");
        let graph = RdfParser::from_format(RdfFormat::Turtle)
            .with_base_iri(&base)
            .expect("a base IRI")
            .for_slice(&text)
            .map(|q| oxigraph::model::Triple::from(q.expect("the manifest parses")))
            .collect();
        Self { graph, dir: dir.to_path_buf(), base }
    }

    fn objects(&self, subject: &Term, predicate: &NamedNode) -> Vec<Term> {
        let Ok(subject) = NamedOrBlankNode::try_from(subject.clone()) else { return Vec::new() };
        self.graph.objects_for_subject_predicate(&subject, predicate).map(|o| o.into_owned()).collect()
    }

    fn object(&self, subject: &Term, predicate: &NamedNode) -> Option<Term> {
        self.objects(subject, predicate).into_iter().next()
    }

    fn text(&self, subject: &Term, predicate: &NamedNode) -> Option<String> {
        match self.object(subject, predicate)? {
            Term::Literal(l) => Some(l.value().to_owned()),
            Term::NamedNode(n) => Some(n.as_str().to_owned()),
            _ => None,
        }
    }

    /// The members of an RDF list.
    fn list(&self, head: Option<Term>) -> Vec<Term> {
        let mut members = Vec::new();
        let mut node = head;
        while let Some(current) = node.filter(|n| n != &Term::from(rdf::NIL.into_owned())) {
            members.extend(self.object(&current, &rdf::FIRST.into_owned()));
            node = self.object(&current, &rdf::REST.into_owned());
        }
        members
    }

    fn tests(&self) -> Vec<Test> {
        let manifest = Term::from(NamedNode::new_unchecked(self.base.clone()));
        self.list(self.object(&manifest, &iri(MF, "entries"))).iter().map(|entry| self.test(entry)).collect()
    }

    fn test(&self, entry: &Term) -> Test {
        let name = entry.to_string().rsplit('#').next().unwrap_or_default().trim_end_matches('>').to_owned();
        let data = self
            .objects(entry, &iri(UT, "graphData"))
            .iter()
            .map(|d| {
                let file = self.text(d, &iri(UT, "graph")).expect("ut:graph");
                let file = file.rsplit('/').next().unwrap_or_default();
                (self.dir.join(file), self.text(d, &NamedNode::new_unchecked(RDFS_LABEL)).expect("a graph name"))
            })
            .collect();
        let action = self.object(entry, &iri(MF, "action"));
        let requests = self.list(action.and_then(|a| self.object(&a, &iri(HT, "requests"))));
        Test { name, data, requests: requests.iter().map(|r| self.request(r)).collect() }
    }

    fn headers(&self, node: &Term) -> Vec<(String, String)> {
        self.list(self.object(node, &iri(HT, "headers")))
            .iter()
            .map(|h| {
                let name = self.text(h, &iri(HT, "fieldName")).expect("ht:fieldName");
                (name.to_ascii_lowercase(), self.text(h, &iri(HT, "fieldValue")).expect("ht:fieldValue"))
            })
            .collect()
    }

    fn request(&self, node: &Term) -> Request {
        let body = self.object(node, &iri(HT, "body")).and_then(|b| self.text(&b, &iri(CNT, "chars")));
        let response = self.object(node, &iri(HT, "resp")).expect("ht:resp");
        let mut statuses: Vec<String> = self
            .objects(&response, &iri(MF, "expectedStatus"))
            .iter()
            .map(|s| s.to_string().trim_end_matches("xx>").chars().last().map(String::from).unwrap_or_default())
            .collect();
        statuses.extend(self.objects(&response, &iri(HT, "statusCodeValue")).iter().filter_map(|s| match s {
            Term::Literal(l) => l.value().chars().next().map(String::from),
            _ => None,
        }));
        let body_boolean = self.object(&response, &iri(HT, "body")).and_then(|b| self.text(&b, &iri(CNT, "chars")));
        Request {
            method: self.text(node, &iri(HT, "methodName")).expect("ht:methodName"),
            path: self.text(node, &iri(HT, "absolutePath")).expect("ht:absolutePath"),
            headers: self.headers(node),
            body,
            statuses,
            format: self.text(&response, &iri(MF, "expectedFormat")),
            boolean: self.text(&response, &iri(MF, "expectedBoolean")).or(body_boolean).map(|b| b == "true"),
            response_types: self
                .headers(&response)
                .into_iter()
                .filter(|(n, _)| n == "content-type" || n == "accept")
                .flat_map(|(_, v)| v.split(',').map(|t| t.trim().to_owned()).collect::<Vec<_>>())
                .collect(),
        }
    }
}

#[derive(Debug)]
struct Test {
    name: String,
    /// Data files and the graph each is loaded into.
    data: Vec<(PathBuf, String)>,
    requests: Vec<Request>,
}

#[derive(Debug)]
struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Option<String>,
    /// The status classes accepted: "2", "3", "4".
    statuses: Vec<String>,
    format: Option<String>,
    boolean: Option<bool>,
    /// The media types the answer may have, when the test states them.
    response_types: Vec<String>,
}

impl Request {
    fn is_update(&self) -> bool {
        let form_update = |text: &str| text.split(['?', '&']).any(|p| p.starts_with("update="));
        self.headers.iter().any(|(n, v)| n == "content-type" && v.starts_with("application/sparql-update"))
            || self.body.as_deref().is_some_and(form_update)
            || form_update(&self.path)
    }
}

impl Test {
    fn has_update(&self) -> bool {
        self.requests.iter().any(Request::is_update)
    }
}

/// Loads a test's data files into their graphs.
fn load(store: &Store, data: &[(PathBuf, String)]) {
    for (file, graph) in data {
        let text = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let graph = GraphName::from(NamedNode::new(graph.as_str()).expect("a graph IRI"));
        for triple in RdfParser::from_format(RdfFormat::NTriples).for_slice(&text) {
            let triple = oxigraph::model::Triple::from(triple.expect("the data parses"));
            store.insert(&Quad::new(triple.subject, triple.predicate, triple.object, graph.clone())).expect("insert");
        }
    }
}

/// Sends one request; gives the status, the media type and the body.
fn send(root: &str, request: &Request, token: Option<&str>) -> Result<(u16, String, Vec<u8>), String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .allow_non_standard_methods(true)
        .build()
        .into();
    let url = format!("{root}{}", request.path);
    let mut headers = request.headers.clone();
    if let Some(token) = token {
        headers.push(("authorization".into(), format!("Bearer {token}")));
    }
    let body = request.body.clone().unwrap_or_default().into_bytes();
    let response = if request.method == "GET" && !body.is_empty() {
        let mut builder = agent.get(&url).force_send_body();
        for (name, value) in &headers {
            builder = builder.header(name, value);
        }
        builder.send(&body[..])
    } else {
        let mut builder = ureq::http::Request::builder().method(request.method.as_str()).uri(&url);
        for (name, value) in &headers {
            builder = builder.header(name, value);
        }
        agent.run(builder.body(body).map_err(|e| e.to_string())?)
    };
    let mut response = response.map_err(|e| format!("no answer: {e}"))?;
    let media = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or("")
        .trim()
        .to_owned();
    let body = response.body_mut().read_to_vec().map_err(|e| format!("the body: {e}"))?;
    Ok((response.status().as_u16(), media, body))
}

/// Checks one answer against what the request expects.
fn check(request: &Request, status: u16, media: &str, body: &[u8]) -> Result<(), String> {
    let class = (status / 100).to_string();
    if !request.statuses.is_empty() && !request.statuses.contains(&class) {
        let text = String::from_utf8_lossy(body);
        return Err(format!("status {status}, expected {}xx: {}", request.statuses.join("xx or "), text.trim()));
    }
    if !request.response_types.is_empty() && !request.response_types.iter().any(|t| t == media) {
        return Err(format!("Content-Type {media}, expected one of {}", request.response_types.join(", ")));
    }
    let table = match media {
        "application/sparql-results+json" | "application/json" => Some(QueryResultsFormat::Json),
        "application/sparql-results+xml" | "application/xml" => Some(QueryResultsFormat::Xml),
        "text/tab-separated-values" => Some(QueryResultsFormat::Tsv),
        _ => None,
    };
    let parsed = table.map(|f| QueryResultsParser::from_format(f).for_slice(body).map_err(|e| e.to_string()));
    match request.format.as_deref() {
        Some("boolean") | Some("tabular") => {
            let want_boolean = request.format.as_deref() == Some("boolean");
            match parsed {
                Some(Ok(SliceQueryResultsParserOutput::Boolean(_))) if want_boolean => {}
                Some(Ok(SliceQueryResultsParserOutput::Solutions(_))) if !want_boolean => {}
                Some(Err(e)) => return Err(format!("the results do not parse: {e}")),
                _ => return Err(format!("not {} results ({media})", request.format.as_deref().unwrap_or(""))),
            }
        }
        Some("RDF") => {
            let format = RdfFormat::from_media_type(media).ok_or_else(|| format!("{media} is not an RDF format"))?;
            if let Some(Err(e)) = RdfParser::from_format(format).for_slice(body).find(Result::is_err) {
                return Err(format!("the RDF does not parse: {e}"));
            }
        }
        Some(other) => return Err(format!("unknown expected format {other}")),
        None => {}
    }
    if let Some(expected) = request.boolean {
        match QueryResultsParser::from_format(table.ok_or_else(|| format!("{media} is not a results format"))?)
            .for_slice(body)
        {
            Ok(SliceQueryResultsParserOutput::Boolean(value)) if value == expected => {}
            Ok(SliceQueryResultsParserOutput::Boolean(value)) => {
                return Err(format!("expected {expected}, got {value}"));
            }
            Ok(SliceQueryResultsParserOutput::Solutions(_)) => {
                return Err(format!("expected {expected}, got solutions"));
            }
            Err(e) => return Err(format!("expected {expected}; the results do not parse: {e}")),
        }
    }
    Ok(())
}

/// Runs a test's requests in order; the first failure is the test's.
fn run(root: &str, test: &Test, token: Option<&str>) -> Result<(), String> {
    for (n, request) in test.requests.iter().enumerate() {
        let (status, media, body) = send(root, request, token)?;
        check(request, status, &media, &body).map_err(|e| format!("request {}: {e}", n + 1))?;
    }
    Ok(())
}

#[test]
fn the_w3c_protocol_tests_pass() {
    let manifests = [Manifest::load(&suite().join("sparql11")), Manifest::load(&suite().join("sparql12"))];
    let tests: Vec<Test> = manifests.iter().flat_map(Manifest::tests).collect();
    assert!(tests.len() >= 48, "the manifests hold {} tests", tests.len());

    // The read-only server: the knowledge graph and every data file of the suite.
    let graph = crate::graph();
    for test in &tests {
        load(&graph.store, &test.data);
    }
    let read_only = server::start_over(graph, server::options());
    // The server that takes updates: its store is reset before each test.
    let graph = crate::graph();
    let store = graph.store.clone();
    let writable = server::start_over(graph, Options { update_token: Some(TOKEN.into()), ..server::options() });

    let mut passed = Vec::new();
    let mut failed = Vec::new();
    for test in &tests {
        let outcome = if test.has_update() {
            store.clear().expect("the store clears");
            load(&store, &test.data);
            run(&writable, test, Some(TOKEN))
        } else {
            run(&read_only, test, None)
        };
        match outcome {
            Ok(()) => passed.push(test.name.as_str()),
            Err(e) => failed.push((test.name.as_str(), e)),
        }
    }
    let expected: Vec<&str> = EXPECTED_FAILURES.iter().map(|(name, _)| *name).collect();
    let unexpected: Vec<String> =
        failed.iter().filter(|(n, _)| !expected.contains(n)).map(|(n, e)| format!("{n}: {e}")).collect();
    let fixed: Vec<&&str> = expected.iter().filter(|n| passed.contains(n)).collect();
    eprintln!(
        "W3C SPARQL Protocol: {} passed, {} expected to fail, of {} tests",
        passed.len(),
        failed.len() - unexpected.len(),
        tests.len()
    );
    assert!(unexpected.is_empty(), "failed:\n{}", unexpected.join("\n"));
    assert!(fixed.is_empty(), "these now pass; take them out of EXPECTED_FAILURES: {fixed:?}");
}
