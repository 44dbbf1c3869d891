//! Publishing: the dataset description (DCAT 3 and VoID) at `/dataset` and the dumps at `/dump.*`.
//!
//! Takes the shared state and a request; gives the `metadata` graph as Turtle, JSON-LD, N-Triples or RDF/XML
//! (by `Accept`, or by the suffix of `/dataset.ttl` …) or as an HTML page for a browser, and the whole graph as
//! the files of [`DUMPS`]: the bytes of `qingpu-kg export --format …`, computed once (or on every request when
//! the server accepts updates), with an `ETag` that `If-None-Match` revalidates (304).

use super::{State as Shared, html::escape, negotiate};
use crate::export::{self, ExportFormat};
use crate::metadata::{DUMPS, Dump};
use crate::vocab::{self, dcterms, rdf};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeMap;
use std::sync::Arc;
use tokio::sync::OnceCell;

/// The dumps, each serialized once on its first request and kept.
#[derive(Debug, Default)]
pub struct Dumps {
    cells: [OnceCell<Arc<File>>; DUMPS.len()],
}

/// A serialized dump and its entity tag.
#[derive(Debug)]
struct File {
    bytes: Bytes,
    etag: String,
}

impl File {
    fn new(bytes: Vec<u8>) -> Self {
        let etag = format!("\"{:016x}-{}\"", fnv1a(&bytes), bytes.len());
        Self { bytes: Bytes::from(bytes), etag }
    }
}

/// FNV-1a, 64 bits: a stable fingerprint of the bytes (the same bytes give the same tag across restarts).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

/// The formats of the description, as media type, export format and suffix; the first is the default.
const DESCRIPTION_FORMATS: &[(&str, Option<ExportFormat>, &str)] = &[
    ("text/turtle", Some(ExportFormat::Turtle), "ttl"),
    ("application/ld+json", Some(ExportFormat::Jsonld), "jsonld"),
    ("application/n-triples", Some(ExportFormat::Ntriples), "nt"),
    ("application/rdf+xml", Some(ExportFormat::Rdfxml), "rdf"),
    ("text/html", None, "html"),
];

/// `/dataset`, by `Accept`: Turtle unless the client prefers another format, HTML for a browser.
pub async fn dataset(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let offers: Vec<&'static str> = DESCRIPTION_FORMATS.iter().map(|(media, _, _)| *media).collect();
    let chosen = match negotiate::offered(accept, "the dataset description", &offers) {
        Ok(chosen) => chosen,
        Err(refused) => return refused.into_response(),
    };
    let response = describe(&state, chosen);
    match DESCRIPTION_FORMATS.iter().find(|(media, _, _)| *media == chosen) {
        Some((_, _, ext)) => negotiate::located(response, &format!("/dataset.{ext}")),
        None => response,
    }
}

/// `/dataset.ttl`, `.jsonld`, `.nt`, `.rdf`, `.html`.
pub async fn dataset_as(State(state): State<Shared>, Path(ext): Path<String>) -> Response {
    match DESCRIPTION_FORMATS.iter().find(|(_, _, e)| *e == ext) {
        Some((media, _, _)) => describe(&state, media),
        None => {
            let known: Vec<String> = DESCRIPTION_FORMATS.iter().map(|(_, _, e)| format!("/dataset.{e}")).collect();
            not_found(&format!("no description `/dataset.{ext}`; known: {}", known.join(", ")))
        }
    }
}

/// The metadata graph in `media` (one of [`DESCRIPTION_FORMATS`]).
fn describe(state: &Shared, media: &str) -> Response {
    let graph = &state.graph;
    let format = DESCRIPTION_FORMATS.iter().find(|(m, _, _)| *m == media).and_then(|(_, format, _)| *format);
    let Some(format) = format else {
        return match description_page(state) {
            Ok(page) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response(),
            Err(error) => failure(&error),
        };
    };
    let mut bytes = Vec::new();
    match export::export(&graph.store, &graph.iris, format, Some("metadata"), &mut bytes) {
        Ok(()) => ([(header::CONTENT_TYPE, content_type(media))], bytes).into_response(),
        Err(error) => failure(&error),
    }
}

/// `/dump.ttl`, `/dump.nt`, `/dump.nq`, `/dump.trig`, `/dump.jsonld`: the whole graph, as a file to download.
pub async fn dump(State(state): State<Shared>, Path(ext): Path<String>, headers: HeaderMap) -> Response {
    let Some(index) = DUMPS.iter().position(|d| d.ext == ext) else {
        let known: Vec<String> = DUMPS.iter().map(|d| format!("/dump.{}", d.ext)).collect();
        return not_found(&format!("no dump `/dump.{ext}`; known: {}", known.join(", ")));
    };
    let dump = DUMPS[index];
    let file = if state.options.update_token.is_some() {
        serialize(state.clone(), dump).await.map(Arc::new)
    } else {
        state.dumps.cells[index]
            .get_or_try_init(|| async { serialize(state.clone(), dump).await.map(Arc::new) })
            .await
            .cloned()
    };
    let file = match file {
        Ok(file) => file,
        Err(response) => return response,
    };
    let etag = HeaderValue::from_str(&file.etag).unwrap_or_else(|_| HeaderValue::from_static("\"\""));
    if matches_etag(&headers, &file.etag) {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    let disposition = format!("attachment; filename=\"{}.{}\"", file_stem(&state), dump.ext);
    let disposition = HeaderValue::from_str(&disposition).unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type(dump.media_type))),
            (header::CONTENT_DISPOSITION, disposition),
            (header::ETAG, etag),
        ],
        file.bytes.clone(),
    )
        .into_response()
}

/// Serializes the whole store as `dump`, on a blocking thread.
async fn serialize(state: Shared, dump: Dump) -> Result<File, Response> {
    let work = tokio::task::spawn_blocking(move || {
        let mut bytes = Vec::new();
        export::export(&state.graph.store, &state.graph.iris, dump.format, None, &mut bytes).map(|()| bytes)
    });
    match work.await {
        Ok(Ok(bytes)) => Ok(File::new(bytes)),
        Ok(Err(error)) => Err(failure(&error)),
        Err(error) => Err(failure(&error)),
    }
}

/// Whether `If-None-Match` names `etag` (or is `*`); weak tags compare equal to strong ones (RFC 9110 §13.1.2).
fn matches_etag(headers: &HeaderMap, etag: &str) -> bool {
    headers.get_all(header::IF_NONE_MATCH).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
        |tag| {
            let tag = tag.trim();
            tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag
        },
    )
}

/// The name a downloaded dump gets: the report's name (`qingpu-2020-government-work-report`).
fn file_stem(state: &Shared) -> String {
    let report = state.graph.iris.report(&state.graph.source);
    report.as_str().rsplit('/').next().filter(|s| !s.is_empty()).unwrap_or("dump").to_owned()
}

fn content_type(media: &str) -> &'static str {
    match media {
        "text/turtle" => "text/turtle; charset=utf-8",
        "application/ld+json" => "application/ld+json",
        "application/n-triples" => "application/n-triples",
        "application/n-quads" => "application/n-quads",
        "application/trig" => "application/trig",
        "application/rdf+xml" => "application/rdf+xml",
        _ => "application/octet-stream",
    }
}

fn not_found(message: &str) -> Response {
    (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], message.to_owned()).into_response()
}

fn failure(error: &dyn std::error::Error) -> Response {
    let message = format!("the graph could not be written: {error}");
    (StatusCode::INTERNAL_SERVER_ERROR, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], message).into_response()
}

/// The description as a page: titles, description, downloads, named graphs, then every statement.
fn description_page(state: &Shared) -> Result<String, crate::GraphError> {
    let graph = &state.graph;
    let metadata = graph.iris.graph("metadata");
    let quads: Vec<Quad> = graph
        .store
        .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(metadata.as_ref())))
        .collect::<Result<_, _>>()?;
    let mut subjects: BTreeMap<String, Vec<(String, Term)>> = BTreeMap::new();
    for quad in quads {
        let subject = match quad.subject {
            NamedOrBlankNode::NamedNode(n) => n.into_string(),
            NamedOrBlankNode::BlankNode(b) => b.to_string(),
        };
        subjects.entry(subject).or_default().push((quad.predicate.into_string(), quad.object));
    }
    for statements in subjects.values_mut() {
        statements.sort_by(|a, b| (a.0.as_str(), a.1.to_string()).cmp(&(b.0.as_str(), b.1.to_string())));
    }
    let base = graph.iris.base();
    let dataset = graph.iris.at("dataset");
    let empty = Vec::new();
    let own = subjects.get(dataset.as_str()).unwrap_or(&empty);
    let values = |predicate: &'static str| own.iter().filter(move |(p, _)| p == predicate).map(|(_, o)| o);
    let mut page = String::from("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n");
    let title = values(dcterms::TITLE.as_str()).map(literal_text).collect::<Vec<_>>().join(" / ");
    page.push_str(&format!("<title>{}</title>\n</head>\n<body>\n<h1>{}</h1>\n", escape(&title), escape(&title)));
    for description in values(dcterms::DESCRIPTION.as_str()) {
        page.push_str(&format!("<p{}>{}</p>\n", lang_attribute(description), escape(&literal_text(description))));
    }
    page.push_str("<h2>Downloads</h2>\n<table>\n<tr><th>format</th><th>media type</th><th>file</th></tr>\n");
    for dump in DUMPS {
        let path = format!("/dump.{}", dump.ext);
        page.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td><a href=\"{}\">{}</a></td></tr>\n",
            escape(dump.w3c_format),
            escape(dump.media_type),
            escape(&path),
            escape(&path)
        ));
    }
    page.push_str("</table>\n<p>SPARQL endpoint: <a href=\"/sparql\">/sparql</a>. This description as ");
    let links: Vec<String> = DESCRIPTION_FORMATS
        .iter()
        .filter(|(_, format, _)| format.is_some())
        .map(|(media, _, ext)| format!("<a href=\"/dataset.{ext}\">{}</a>", escape(media)))
        .collect();
    page.push_str(&links.join(", "));
    page.push_str(".</p>\n<h2>Statements</h2>\n");
    for (subject, statements) in &subjects {
        page.push_str(&format!("<h3 id=\"{}\">{}</h3>\n<table>\n", escape(subject), link(subject, base)));
        for (predicate, object) in statements {
            let shown = if predicate == rdf::TYPE.as_str() { "a".to_owned() } else { compact(predicate) };
            page.push_str(&format!("<tr><th>{}</th><td>{}</td></tr>\n", escape(&shown), term_html(object, base)));
        }
        page.push_str("</table>\n");
    }
    page.push_str("</body>\n</html>\n");
    Ok(page)
}

fn compact(iri: &str) -> String {
    vocab::compact(&format!("<{iri}>"))
}

/// A link to an IRI: those under the base point into this server.
fn link(iri: &str, base: &str) -> String {
    let href = iri.strip_prefix(base).map_or_else(|| iri.to_owned(), |rest| format!("/{rest}"));
    let shown = compact(iri);
    let shown = if shown.starts_with('<') { iri.to_owned() } else { shown };
    format!("<a href=\"{}\">{}</a>", escape(&href), escape(&shown))
}

fn term_html(term: &Term, base: &str) -> String {
    match term {
        Term::NamedNode(n) => link(n.as_str(), base),
        Term::Literal(l) => match l.language() {
            Some(lang) => {
                format!("<span lang=\"{}\">{}</span> <small>@{}</small>", escape(lang), escape(l.value()), escape(lang))
            }
            None => escape(l.value()),
        },
        other => escape(&other.to_string()),
    }
}

fn literal_text(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

fn lang_attribute(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.language().map(|lang| format!(" lang=\"{}\"", escape(lang))).unwrap_or_default(),
        _ => String::new(),
    }
}
