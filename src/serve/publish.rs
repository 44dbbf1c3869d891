//! Publishing: the dataset description (DCAT 3 and VoID) at `/dataset` and the dumps at `/dump.*`.
//!
//! Takes the shared state and a request; gives the `metadata` graph as Turtle, JSON-LD, N-Triples or RDF/XML
//! (by `Accept`, or by the suffix of `/dataset.ttl` …) or as an HTML page for a browser, and the whole graph as
//! the files of [`DUMPS`]: the bytes of `qingpu-kg export --format …`, computed once (or on every request when
//! the server accepts updates), with an `ETag` that `If-None-Match` revalidates (304).

use super::pages::{failure, not_found};
use super::{State as Shared, html, negotiate};
use crate::export;
use crate::map::metadata::DUMPS;
use crate::vocab::{dcterms, rdf};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
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

/// `/dataset`, by `Accept`: Turtle unless the client prefers another format, HTML for a browser.
pub async fn dataset(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let chosen = match negotiate::offered(accept, "the dataset description", &negotiate::documents()) {
        Ok(chosen) => chosen,
        Err(refused) => return refused.into_response(),
    };
    let ext = negotiate::extension(chosen);
    negotiate::located(describe(&state, ext), &format!("/dataset.{ext}"))
}

/// `/dataset.ttl`, `.jsonld`, `.nt`, `.rdf`, `.html`.
pub async fn dataset_as(State(state): State<Shared>, Path(ext): Path<String>) -> Response {
    if ext == "html" || crate::format::document(&ext).is_some() {
        return describe(&state, &ext);
    }
    let known: Vec<String> =
        negotiate::documents().into_iter().map(|m| format!("/dataset.{}", negotiate::extension(m))).collect();
    not_found(&format!("no description `/dataset.{ext}`; known: {}", known.join(", ")))
}

/// The metadata graph as the document of extension `ext`: a page for `html`, else one of the RDF documents.
fn describe(state: &Shared, ext: &str) -> Response {
    let graph = &state.graph;
    let Some(format) = crate::format::document(ext) else {
        return match description_page(state) {
            Ok(page) => html::response(StatusCode::OK, page),
            Err(error) => failure(&error),
        };
    };
    let mut bytes = Vec::new();
    match export::export(&graph.store, &graph.inputs.iris, format, Some("metadata"), &mut bytes) {
        Ok(()) => ([(header::CONTENT_TYPE, negotiate::content_type(format.media_type()))], bytes).into_response(),
        Err(error) => failure(&error),
    }
}

/// `/dump.ttl`, `/dump.nt`, `/dump.nq`, `/dump.trig`, `/dump.jsonld`: the whole graph, as a file to download.
pub async fn dump(State(state): State<Shared>, Path(ext): Path<String>, headers: HeaderMap) -> Response {
    let Some(index) = DUMPS.iter().position(|d| d.file_extension() == ext) else {
        let known: Vec<String> = DUMPS.iter().map(|d| format!("/dump.{}", d.file_extension())).collect();
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
    let disposition = format!("attachment; filename=\"{}.{}\"", file_stem(&state), dump.file_extension());
    let disposition = HeaderValue::from_str(&disposition).unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, negotiate::content_type(dump.media_type())),
            (header::CONTENT_DISPOSITION, disposition),
            (header::ETAG, etag),
        ],
        file.bytes.clone(),
    )
        .into_response()
}

/// Serializes the whole store as `dump`, on a blocking thread.
async fn serialize(state: Shared, dump: RdfFormat) -> Result<File, Response> {
    let work = tokio::task::spawn_blocking(move || {
        let mut bytes = Vec::new();
        export::export(&state.graph.store, &state.graph.inputs.iris, dump, None, &mut bytes).map(|()| bytes)
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
    let report = state.graph.inputs.iris.report(&state.graph.inputs.source.name);
    report.as_str().rsplit('/').next().filter(|s| !s.is_empty()).unwrap_or("dump").to_owned()
}

/// The description as a page: titles, description, downloads, named graphs, then every statement.
fn description_page(state: &Shared) -> Result<Markup, crate::GraphError> {
    let graph = &state.graph;
    let metadata = graph.inputs.iris.graph("metadata");
    let quads: Vec<Quad> = graph
        .store
        .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(metadata.as_ref())))
        .collect::<Result<_, _>>()?;
    let mut subjects: BTreeMap<String, (NamedOrBlankNode, Vec<(NamedNode, Term)>)> = BTreeMap::new();
    for quad in quads {
        let key = match &quad.subject {
            NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
            NamedOrBlankNode::BlankNode(b) => b.to_string(),
        };
        let entry = subjects.entry(key).or_insert_with(|| (quad.subject.clone(), Vec::new()));
        entry.1.push((quad.predicate, quad.object));
    }
    for (_, statements) in subjects.values_mut() {
        statements.sort_by_cached_key(|(p, o)| (p.as_str().to_owned(), o.to_string()));
    }
    let base = graph.inputs.iris.base();
    let dataset = graph.inputs.iris.at("dataset");
    let own: &[(NamedNode, Term)] = subjects.get(dataset.as_str()).map_or(&[], |(_, statements)| statements);
    let values = |predicate: NamedNodeRef<'static>| own.iter().filter(move |(p, _)| *p == predicate).map(|(_, o)| o);
    let title = values(dcterms::TITLE).map(literal_text).collect::<Vec<_>>().join(" / ");
    let body = html! {
        h1 { (title) }
        @for description in values(dcterms::DESCRIPTION) {
            p lang=[language(description)] { (literal_text(description)) }
        }
        h2 { "Downloads" }
        table {
            tr { th { "format" } th { "media type" } th { "file" } }
            @for dump in DUMPS {
                @let path = format!("/dump.{}", dump.file_extension());
                tr { td { (dump.name()) } td { (dump.media_type()) } td { a href=(path) { (path) } } }
            }
        }
        p {
            "SPARQL endpoint: " a href="/sparql" { "/sparql" } ". This description as "
            @for (i, format) in crate::format::DOCUMENTS.iter().enumerate() {
                @if i > 0 { ", " }
                a href={ "/dataset." (format.file_extension()) } { (format.media_type()) }
            }
            "."
        }
        h2 { "Statements" }
        @for (key, (subject, statements)) in &subjects {
            h3 id=(key) { (html::term(subject.as_ref().into(), base, |_| None)) }
            table {
                @for (predicate, object) in statements {
                    tr {
                        th { @if *predicate == rdf::TYPE { "a" } @else { (html::short(predicate.as_str(), base)) } }
                        td { (html::term(object.as_ref(), base, |_| None)) }
                    }
                }
            }
        }
    };
    Ok(html::page(&title, html! {}, body))
}

fn literal_text(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

fn language(term: &Term) -> Option<&str> {
    match term {
        Term::Literal(l) => l.language(),
        _ => None,
    }
}
