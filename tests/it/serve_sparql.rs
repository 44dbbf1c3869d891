//! The SPARQL endpoint: every result format parsed back, the three ways to send a query, the dataset
//! parameters, the service description, updates with a token, and every refusal with its status and message.

use crate::server::{self, Reply, encode, get, post};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Literal, NamedNode, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput};
use qingpu_kg::serve::{Options, Shared};
use std::io::{Read, Write};
use std::sync::OnceLock;
use std::time::Duration;

const CHONGGU: &str = "https://w3id.org/qingpu-kg/id/place/chonggu";
const ONTOLOGY_GRAPH: &str = "https://w3id.org/qingpu-kg/graph/ontology";
const TOKEN: &str = "test-token-4d1f";
/// Every node's closure over every predicate: long, and reading the store at every step, so the cancellation is
/// seen (a cartesian product computed in memory is not: see README, "Limits and bad requests").
const HEAVY: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x:p>|!<urn:x:p>)* ?b }";
const LABELS: &str = "SELECT ?label WHERE { <https://w3id.org/qingpu-kg/id/place/chonggu> \
                      <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label";

/// A server with tight limits, CORS and updates on: a small body, a short time, few results.
fn strict() -> &'static str {
    static SERVER: OnceLock<String> = OnceLock::new();
    SERVER.get_or_init(|| {
        server::start(Options {
            timeout: Duration::from_secs(1),
            max_results: 50,
            max_body: 2048,
            cors: true,
            update_token: Some(TOKEN.into()),
            ..server::options()
        })
    })
}

fn sparql(root: &str) -> String {
    format!("{root}/sparql")
}

fn query_url(root: &str, query: &str) -> String {
    format!("{}?query={}", sparql(root), encode(query))
}

fn zh(text: &str) -> Term {
    Literal::new_language_tagged_literal_unchecked(text, "zh").into()
}

fn en(text: &str) -> Term {
    Literal::new_language_tagged_literal_unchecked(text, "en").into()
}

/// The first column of every row of SELECT results in `format`.
fn column(reply: &Reply, format: QueryResultsFormat) -> Vec<Term> {
    match QueryResultsParser::from_format(format).for_slice(&reply.body).expect("results parse") {
        SliceQueryResultsParserOutput::Solutions(solutions) => {
            solutions.map(|s| s.expect("a solution").values().first().cloned().flatten().expect("a value")).collect()
        }
        SliceQueryResultsParserOutput::Boolean(_) => panic!("a boolean, not solutions"),
    }
}

fn boolean(reply: &Reply, format: QueryResultsFormat) -> bool {
    match QueryResultsParser::from_format(format).for_slice(&reply.body).expect("results parse") {
        SliceQueryResultsParserOutput::Boolean(value) => value,
        SliceQueryResultsParserOutput::Solutions(_) => panic!("solutions, not a boolean"),
    }
}

fn triples(reply: &Reply, format: RdfFormat) -> Vec<Triple> {
    RdfParser::from_format(format).for_slice(&reply.body).map(|q| Triple::from(q.expect("RDF parses"))).collect()
}

fn is_error(reply: &Reply, status: u16, words: &str) {
    assert_eq!(reply.status, status, "{}", reply.text());
    assert_eq!(reply.header("content-type"), Some("text/plain; charset=utf-8"), "{reply:?}");
    let text = reply.text();
    assert_eq!(text.trim_end().lines().count(), 1, "one line: {text}");
    assert!(text.contains(words), "expected `{words}` in: {text}");
}

#[test]
fn select_results_in_json_xml_tsv_and_csv() {
    let url = query_url(server::shared(), LABELS);
    let expected = vec![en("Chonggu Town"), zh("重固")];
    for (accept, format) in [
        ("application/sparql-results+json", QueryResultsFormat::Json),
        ("application/sparql-results+xml", QueryResultsFormat::Xml),
        ("text/tab-separated-values", QueryResultsFormat::Tsv),
    ] {
        let reply = get(&url, &[("accept", accept)]);
        assert_eq!(reply.status, 200, "{}", reply.text());
        assert_eq!(reply.header("content-type"), Some(format!("{accept}; charset=utf-8").as_str()));
        assert_eq!(reply.header("vary"), Some("Accept"));
        assert_eq!(column(&reply, format), expected, "{accept}");
    }
    let reply = get(&url, &[("accept", "text/csv")]);
    assert_eq!(reply.media_type(), "text/csv");
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(reply.body.as_slice())
        .records()
        .map(|r| r.expect("a CSV row").iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows, vec![vec!["Chonggu Town".to_owned()], vec!["重固".to_owned()]]);
}

#[test]
fn json_is_the_default_and_format_overrides_accept() {
    let url = query_url(server::shared(), LABELS);
    let reply = get(&url, &[]);
    assert_eq!(reply.media_type(), "application/sparql-results+json");
    assert!(column(&reply, QueryResultsFormat::Json).contains(&zh("重固")));
    let reply = get(&format!("{url}&format=tsv"), &[("accept", "application/sparql-results+json")]);
    assert_eq!(reply.media_type(), "text/tab-separated-values");
    assert!(column(&reply, QueryResultsFormat::Tsv).contains(&zh("重固")));
}

#[test]
fn ask_results_in_every_format() {
    let yes = format!("ASK {{ <{CHONGGU}> <http://www.w3.org/2000/01/rdf-schema#label> \"重固\"@zh }}");
    let no = format!("ASK {{ <{CHONGGU}> <http://www.w3.org/2000/01/rdf-schema#label> \"白鹤\"@zh }}");
    for (accept, format) in [
        ("application/sparql-results+json", QueryResultsFormat::Json),
        ("application/sparql-results+xml", QueryResultsFormat::Xml),
        ("text/tab-separated-values", QueryResultsFormat::Tsv),
    ] {
        let reply = get(&query_url(server::shared(), &yes), &[("accept", accept)]);
        assert_eq!(reply.media_type(), accept);
        assert!(boolean(&reply, format), "{accept}: {}", reply.text());
        assert!(!boolean(&get(&query_url(server::shared(), &no), &[("accept", accept)]), format), "{accept}");
    }
    let reply = get(&query_url(server::shared(), &yes), &[("accept", "text/csv")]);
    assert_eq!((reply.media_type(), reply.text().trim()), ("text/csv", "true"));
}

#[test]
fn construct_and_describe_in_every_rdf_format() {
    let construct = format!(
        "CONSTRUCT {{ <{CHONGGU}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }} \
         WHERE {{ <{CHONGGU}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
    );
    let describe = format!("DESCRIBE <{CHONGGU}>");
    let label = Triple::new(
        NamedNode::new_unchecked(CHONGGU),
        NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label"),
        zh("重固"),
    );
    for (accept, format) in [
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
        ("application/ld+json", RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() }),
        ("application/rdf+xml", RdfFormat::RdfXml),
    ] {
        let reply = get(&query_url(server::shared(), &construct), &[("accept", accept)]);
        assert_eq!(reply.header("content-type"), Some(format!("{accept}; charset=utf-8").as_str()));
        let got = triples(&reply, format);
        assert_eq!(got.len(), 2, "{accept}: {}", reply.text());
        assert!(got.contains(&label), "{accept}: {}", reply.text());
        let reply = get(&query_url(server::shared(), &describe), &[("accept", accept)]);
        let got = triples(&reply, format);
        assert!(got.len() > 5 && got.contains(&label), "{accept}: {}", reply.text());
        assert!(got.iter().all(|t| t.subject.to_string() == format!("<{CHONGGU}>")), "{accept}");
    }
    let reply = get(&query_url(server::shared(), &describe), &[]);
    assert_eq!(reply.media_type(), "text/turtle");
}

#[test]
fn get_form_post_and_direct_post_give_the_same_results() {
    let root = server::shared();
    let by_get = get(&query_url(root, LABELS), &[]);
    let form = format!("query={}", encode(LABELS));
    let by_form = post(&sparql(root), &[("content-type", "application/x-www-form-urlencoded")], form.as_bytes());
    let direct = post(&sparql(root), &[("content-type", "application/sparql-query")], LABELS.as_bytes());
    let expected = vec![en("Chonggu Town"), zh("重固")];
    for reply in [&by_get, &by_form, &direct] {
        assert_eq!(column(reply, QueryResultsFormat::Json), expected, "{}", reply.text());
    }
}

#[test]
fn dataset_parameters_replace_the_union_default_graph() {
    let root = server::shared();
    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    let number = |reply: &Reply| match column(reply, QueryResultsFormat::Json).first() {
        Some(Term::Literal(l)) => l.value().parse::<usize>().expect("a count"),
        other => panic!("not a count: {other:?}"),
    };
    let in_ontology = number(&get(
        &query_url(root, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")),
        &[],
    ));
    let all = number(&get(&query_url(root, count), &[]));
    let restricted =
        number(&get(&format!("{}&default-graph-uri={}", query_url(root, count), encode(ONTOLOGY_GRAPH)), &[]));
    assert!(in_ontology > 100 && all > in_ontology, "{in_ontology} {all}");
    assert_eq!(restricted, in_ontology);
    // The same by form, overriding the query's own FROM.
    let from = format!("ASK FROM <https://w3id.org/qingpu-kg/graph/facts> {{ <{CHONGGU}> ?p ?o }}");
    let form = format!("query={}&default-graph-uri={}", encode(&from), encode(ONTOLOGY_GRAPH));
    let reply = post(&sparql(root), &[("content-type", "application/x-www-form-urlencoded")], form.as_bytes());
    assert!(!boolean(&reply, QueryResultsFormat::Json), "the ontology graph says nothing of 重固");
    let reply = get(&query_url(root, &from), &[]);
    assert!(boolean(&reply, QueryResultsFormat::Json), "the facts graph does");
    // named-graph-uri: only the graphs named are there for GRAPH ?g.
    let graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
    let reply = get(&format!("{}&named-graph-uri={}", query_url(root, graphs), encode(ONTOLOGY_GRAPH)), &[]);
    assert_eq!(column(&reply, QueryResultsFormat::Json), vec![Term::from(NamedNode::new_unchecked(ONTOLOGY_GRAPH))]);
}

#[test]
fn relative_iris_resolve_against_the_base() {
    let query = "ASK { <id/place/chonggu> ?p ?o }";
    assert!(boolean(&get(&query_url(server::shared(), query), &[]), QueryResultsFormat::Json));
}

#[test]
fn the_service_description_names_the_endpoint_and_the_graphs() {
    let root = server::shared();
    let reply = get(&sparql(root), &[]);
    assert_eq!(reply.media_type(), "text/turtle", "{}", reply.text());
    let graph = triples(&reply, RdfFormat::Turtle);
    let sd = |local: &str| NamedNode::new_unchecked(format!("http://www.w3.org/ns/sparql-service-description#{local}"));
    let endpoint = Term::from(NamedNode::new_unchecked(sparql(root)));
    let has = |p: &NamedNode, o: &Term| graph.iter().any(|t| &t.predicate == p && &t.object == o);
    assert!(has(&sd("endpoint"), &endpoint), "{}", reply.text());
    assert!(has(&sd("feature"), &sd("UnionDefaultGraph").into()));
    assert!(has(&sd("supportedLanguage"), &sd("SPARQL11Query").into()));
    assert!(!has(&sd("supportedLanguage"), &sd("SPARQL11Update").into()), "updates are off on this server");
    let json = NamedNode::new_unchecked("http://www.w3.org/ns/formats/SPARQL_Results_JSON");
    assert!(has(&sd("resultFormat"), &json.into()));
    assert!(has(&sd("name"), &NamedNode::new_unchecked(ONTOLOGY_GRAPH).into()));
    let reply = get(&sparql(root), &[("accept", "application/n-triples")]);
    assert!(triples(&reply, RdfFormat::NTriples).len() == graph.len(), "{}", reply.text());
    let on_strict = triples(&get(&sparql(strict()), &[]), RdfFormat::Turtle);
    assert!(on_strict.iter().any(|t| t.object == sd("SPARQL11Update").into()), "updates are on there");
}

#[test]
fn a_browser_is_sent_to_the_query_page() {
    let accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    let reply = get(&sparql(server::shared()), &[("accept", accept)]);
    assert_eq!((reply.status, reply.header("location")), (303, Some("/query")));
}

#[test]
fn nothing_acceptable_is_406_naming_the_offers() {
    let reply = get(&query_url(server::shared(), LABELS), &[("accept", "image/png")]);
    is_error(&reply, 406, "application/sparql-results+json");
    server::is_not_acceptable(&reply);
    let reply = get(&query_url(server::shared(), &format!("DESCRIBE <{CHONGGU}>")), &[("accept", "text/csv")]);
    is_error(&reply, 406, "text/turtle");
    server::is_not_acceptable(&reply);
    let reply = get(&format!("{}&format=turtle", query_url(server::shared(), LABELS)), &[]);
    is_error(&reply, 400, "json, xml, csv, tsv");
    let reply = get(&sparql(server::shared()), &[("accept", "image/png")]);
    is_error(&reply, 406, "text/turtle");
    server::is_not_acceptable(&reply);
}

#[test]
fn bad_requests_are_400_with_the_reason() {
    let root = server::shared();
    let reply = get(&query_url(root, "SELECT * WHERE { ?s ?p"), &[]);
    is_error(&reply, 400, "error at 1:");
    assert!(reply.text().contains("query does not parse"), "{}", reply.text());
    is_error(&get(&format!("{}?query=ASK%7", sparql(root)), &[]), 400, "parameter `query`");
    is_error(&get(&format!("{}?query=ASK%FF", sparql(root)), &[]), 400, "not UTF-8");
    is_error(&get(&format!("{}?query=ASK{{}}&query=ASK{{}}", sparql(root)), &[]), 400, "`query` is given 2 times");
    let form = ("content-type", "application/x-www-form-urlencoded");
    is_error(&post(&sparql(root), &[form], b"format=json"), 400, "no `query` or `update`");
    is_error(&post(&sparql(root), &[form], b"query=ASK{}&update=CLEAR+ALL"), 400, "both");
    is_error(&post(&sparql(root), &[("content-type", "application/sparql-query")], b"ASK {\xff}"), 400, "not UTF-8");
    let iri = format!("{}&default-graph-uri=not%20an%20iri", query_url(root, "ASK {}"));
    is_error(&get(&iri, &[]), 400, "default-graph-uri");
    is_error(&get(&format!("{}&version=3.0", query_url(root, "ASK {}")), &[]), 400, "version `3.0`");
}

#[test]
fn unknown_content_types_are_415() {
    let root = server::shared();
    is_error(&post(&sparql(root), &[("content-type", "text/plain")], b"ASK {}"), 415, "`text/plain`");
    is_error(&post(&sparql(root), &[], b"ASK {}"), 415, "(none)");
    let utf16 = ("content-type", "application/sparql-query; charset=UTF-16");
    is_error(&post(&sparql(root), &[utf16], b"ASK {}"), 415, "UTF-16");
}

#[test]
fn other_methods_are_405_with_allow() {
    for method in ["PUT", "DELETE", "PATCH"] {
        let response = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .allow_non_standard_methods(true)
            .build()
            .new_agent()
            .run(
                ureq::http::Request::builder()
                    .method(method)
                    .uri(query_url(server::shared(), "ASK {}"))
                    .body(())
                    .expect("a request"),
            )
            .expect("an answer");
        assert_eq!(response.status().as_u16(), 405, "{method}");
        let allow = response.headers().get("allow").and_then(|v| v.to_str().ok()).unwrap_or("");
        assert!(allow.contains("GET") && allow.contains("POST"), "{method}: {allow}");
    }
}

#[test]
fn bodies_over_the_limit_are_413_for_forms_and_direct_posts() {
    let big = format!("ASK {{}} # {}", "x".repeat(4000));
    let direct = post(&sparql(strict()), &[("content-type", "application/sparql-query")], big.as_bytes());
    is_error(&direct, 413, "limit of 2048 bytes");
    let form = format!("query={}", encode(&big));
    let form = post(&sparql(strict()), &[("content-type", "application/x-www-form-urlencoded")], form.as_bytes());
    is_error(&form, 413, "limit of 2048 bytes");
    let small = post(&sparql(strict()), &[("content-type", "application/sparql-query")], b"ASK {}");
    assert!(boolean(&small, QueryResultsFormat::Json));
}

#[test]
fn updates_need_the_token() {
    let update = ("content-type", "application/sparql-update");
    let insert = b"INSERT DATA { GRAPH <urn:test:updates> { <urn:test:s> <urn:test:p> \"\xe9\x87\x8d\xe5\x9b\xba\" } }";
    let seen = || {
        let ask = "ASK { GRAPH <urn:test:updates> { <urn:test:s> <urn:test:p> \"重固\" } }";
        boolean(&get(&query_url(strict(), ask), &[]), QueryResultsFormat::Json)
    };
    is_error(&post(&sparql(server::shared()), &[update], insert), 403, "read-only");
    is_error(&post(&sparql(strict()), &[update], insert), 401, "Bearer");
    let reply = post(&sparql(strict()), &[update], insert);
    assert_eq!(reply.header("www-authenticate"), Some("Bearer realm=\"sparql\""));
    is_error(&post(&sparql(strict()), &[update, ("authorization", "Bearer wrong")], insert), 403, "token");
    assert!(!seen(), "nothing was inserted yet");
    let bearer = format!("Bearer {TOKEN}");
    let reply = post(&sparql(strict()), &[update, ("authorization", &bearer)], insert);
    assert_eq!(reply.status, 204, "{}", reply.text());
    assert!(seen(), "the insert is visible to the next query");
    let form = ("content-type", "application/x-www-form-urlencoded");
    let clear =
        post(&sparql(strict()), &[form, ("authorization", &bearer)], b"update=DROP+GRAPH+%3Curn%3Atest%3Aupdates%3E");
    assert_eq!(clear.status, 204, "{}", clear.text());
    assert!(!seen(), "the drop is visible too");
    let syntax = post(&sparql(strict()), &[update, ("authorization", &bearer)], b"CLEAR XYZ");
    is_error(&syntax, 400, "update does not parse");
    is_error(&get(&format!("{}?update=CLEAR%20ALL", sparql(strict())), &[]), 400, "POST");
}

#[test]
fn a_query_past_the_time_limit_is_stopped_with_422() {
    is_error(&get(&query_url(strict(), HEAVY), &[]), 422, "time limit of 1 s");
    let next = get(&query_url(strict(), &format!("ASK {{ <{CHONGGU}> ?p ?o }}")), &[]);
    assert!(boolean(&next, QueryResultsFormat::Json), "the server still answers: {}", next.text());
}

#[test]
fn a_cancelled_evaluation_returns_and_is_counted() {
    let state = Shared::new(crate::graph(), Options { timeout: Duration::from_secs(1), ..server::options() });
    let root = server::serve_state(state.clone());
    let quick = get(&query_url(&root, LABELS), &[]);
    assert_eq!(column(&quick, QueryResultsFormat::Json), vec![en("Chonggu Town"), zh("重固")]);
    assert_eq!(state.stopped.count(), 0, "a query within the limit is not stopped");
    is_error(&get(&query_url(&root, HEAVY), &[]), 422, "time limit of 1 s");
    // Counted only once the evaluation has returned with its cancellation: an evaluation that does not see its
    // token is never counted (it runs on, or finishes with results).
    assert_eq!(server::stopped_evaluations(&state, 1), 1, "the cancelled evaluation did not stop");
}

#[test]
fn results_past_the_limit_are_422_not_cut_short() {
    is_error(&get(&query_url(strict(), "SELECT * WHERE { ?s ?p ?o }"), &[]), 422, "more than 50 rows");
    let construct = "CONSTRUCT WHERE { ?s ?p ?o }";
    is_error(&get(&query_url(strict(), construct), &[]), 422, "more than 50 triples");
    let fifty = get(&query_url(strict(), "SELECT * WHERE { ?s ?p ?o } LIMIT 50"), &[]);
    assert_eq!(column(&fifty, QueryResultsFormat::Json).len(), 50);
}

#[test]
fn a_client_that_leaves_mid_response_does_not_hurt_the_server() {
    let root = server::shared();
    let address = root.trim_start_matches("http://");
    for _ in 0..3 {
        let mut stream = std::net::TcpStream::connect(address).expect("connect");
        let path = format!("/sparql?query={}", encode("SELECT * WHERE { ?s ?p ?o }"));
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\nAccept: text/tab-separated-values\r\n\r\n")
            .expect("send");
        let mut first = [0u8; 64];
        stream.read_exact(&mut first).expect("the answer begins");
        assert!(first.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&first));
    }
    let next = get(&query_url(root, LABELS), &[]);
    assert_eq!(column(&next, QueryResultsFormat::Json), vec![en("Chonggu Town"), zh("重固")]);
}

#[test]
fn cors_is_answered_when_on() {
    let origin = ("origin", "https://example.org");
    let reply = get(&query_url(strict(), "ASK {}"), &[origin]);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    assert!(boolean(&reply, QueryResultsFormat::Json));
    let preflight = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .new_agent()
        .run(
            ureq::http::Request::builder()
                .method("OPTIONS")
                .uri(sparql(strict()))
                .header("origin", "https://example.org")
                .header("access-control-request-method", "POST")
                .header("access-control-request-headers", "content-type")
                .body(())
                .expect("a request"),
        )
        .expect("an answer");
    let header = |name: &str| preflight.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    assert_eq!(header("access-control-allow-origin").as_deref(), Some("*"));
    assert!(header("access-control-allow-methods").unwrap_or_default().contains("POST"));
    let closed = get(&query_url(server::shared(), "ASK {}"), &[origin]);
    assert_eq!(closed.header("access-control-allow-origin"), None, "CORS is off by default");
}

#[test]
fn the_router_in_a_multi_threaded_runtime_answers_and_keeps_the_time_limit() {
    // `serve` runs a thread a connection; a service that mounts `serve::router` in tokio's multi-threaded runtime
    // takes the other path of the endpoint (block_in_place, the answer at the limit).
    let (sender, receiver) = std::sync::mpsc::channel();
    let options = Options { timeout: Duration::from_secs(1), ..server::options() };
    let state = Shared::new(crate::graph(), options);
    let served = state.clone();
    std::thread::spawn(move || {
        let state = served;
        let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
            sender.send(listener.local_addr().expect("an address")).expect("the test waits");
            axum::serve(listener, qingpu_kg::serve::router(state)).await.expect("serves");
        });
    });
    let root = format!("http://{}", receiver.recv().expect("the server starts"));
    is_error(&get(&query_url(&root, HEAVY), &[]), 422, "time limit of 1 s");
    let next = get(&query_url(&root, LABELS), &[]);
    assert_eq!(column(&next, QueryResultsFormat::Json), vec![en("Chonggu Town"), zh("重固")]);
    // Here the 422 comes at the limit, while the evaluation goes on until it reads its cancelled token.
    assert_eq!(server::stopped_evaluations(&state, 1), 1, "the evaluation went on after its 422");
}

#[test]
fn connections_past_the_limit_wait_for_a_free_slot() {
    let root = server::start(Options { max_connections: 1, ..server::options() });
    let address = root.trim_start_matches("http://").to_owned();
    // An idle client holds the one slot (and its thread).
    let idle = std::net::TcpStream::connect(&address).expect("connect");
    std::thread::sleep(Duration::from_millis(100));
    let (sender, receiver) = std::sync::mpsc::channel();
    let url = query_url(&root, LABELS);
    std::thread::spawn(move || sender.send(get(&url, &[])).expect("the test waits"));
    assert!(
        receiver.recv_timeout(Duration::from_millis(500)).is_err(),
        "a second connection was served while the only slot was taken"
    );
    drop(idle);
    let reply = receiver.recv_timeout(Duration::from_secs(30)).expect("served once the slot is free");
    assert_eq!(column(&reply, QueryResultsFormat::Json), vec![en("Chonggu Town"), zh("重固")]);
}
