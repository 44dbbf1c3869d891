//! The home page and the label search.
//!
//! Takes the store's metadata graph (the title, description and counts of the dataset, never written here) and
//! the entities of the data, and gives `/`: what the dataset is, its counts, the links to the query page, the
//! endpoint, the description, every dump of [`DUMPS`] and the ontology, and a search box; and `/search?q=`: the
//! entities whose Chinese or English label or alias holds every word of `q` (case-insensitive), as HTML or, by
//! `Accept`, as JSON.

use super::AppState;
use crate::facts::curated::Entity;
use crate::kinds::Kind;
use crate::map::metadata::DUMPS;
use crate::serve::html;
use crate::serve::negotiate;
use crate::vocab::{dcterms, void};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use oxigraph::model::{GraphNameRef, NamedNodeRef, NamedOrBlankNodeRef, Term};
use std::collections::BTreeMap;

/// The most results a search lists.
const LIMIT: usize = 100;

/// The first literal value of `property` of the dataset in the metadata graph, in `language` (or untagged).
fn metadata(state: &AppState, property: NamedNodeRef<'_>, language: Option<&str>) -> Option<String> {
    let dataset = state.graph.inputs.iris.at("dataset");
    let graph = state.graph.inputs.iris.graph("metadata");
    let mut quads = state.graph.store.quads_for_pattern(
        Some(NamedOrBlankNodeRef::from(&dataset)),
        Some(property),
        None,
        Some(GraphNameRef::from(&graph)),
    );
    quads.find_map(|q| match q.ok()?.object {
        Term::Literal(l) if l.language() == language => Some(l.value().to_owned()),
        _ => None,
    })
}

/// `/`: what the dataset is, a label search and the links.
pub async fn home(State(state): State<AppState>) -> Response {
    let title_zh = metadata(&state, dcterms::TITLE, Some("zh"));
    let title_en = metadata(&state, dcterms::TITLE, Some("en"));
    let title = title_zh.clone().or_else(|| title_en.clone()).unwrap_or_else(|| "qingpu-kg".to_owned());
    let triples =
        metadata(&state, void::TRIPLES, None).unwrap_or_else(|| state.graph.store.len().unwrap_or(0).to_string());
    let entities =
        metadata(&state, void::ENTITIES, None).unwrap_or_else(|| state.graph.inputs.data.entities.len().to_string());
    let descriptions = ["zh", "en"].map(|l| (l, metadata(&state, dcterms::DESCRIPTION, Some(l))));
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for entity in &state.graph.inputs.data.entities {
        *kinds.entry(entity.kind.name()).or_default() += 1;
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let body = html! {
        h1 { (title) }
        @if let (Some(_), Some(en)) = (&title_zh, &title_en) {
            p class="subtitle" lang="en" { (en) }
        }
        @for (language, description) in &descriptions {
            @if let Some(description) = description {
                p lang=(language) { (description) }
            }
        }
        p class="counts" {
            span id="triples" { (triples) } " triples · " span id="entities" { (entities) } " entities"
        }
        (search_form(""))
        p class="kinds" { (kinds.join(" · ")) }
        h2 { "Use the data" }
        ul class="links" {
            li { a href="/query" { "Query page" } ": write SPARQL or run one of the named queries, results as a table" }
            li { a href="/sparql" { "SPARQL endpoint" } " (SPARQL 1.1 Protocol) at " code { "/sparql" } }
            li { a href="/dataset" { "Dataset description" } " (DCAT, VoID)" }
            li {
                "Dumps: "
                @for (i, dump) in DUMPS.iter().enumerate() {
                    @if i > 0 { " · " }
                    a href={ "/dump." (dump.file_extension()) } { (dump.name()) }
                    @if crate::format::keeps_graphs(*dump) { " (with the named graphs)" }
                }
            }
            li { a href="/ontology" { "Ontology" } ": the project's own classes and properties" }
        }
        p {
            "Every IRI under the base names a thing; asking for it redirects (303) to the document that describes \
             it: HTML for browsers, Turtle, N-Triples, JSON-LD or RDF/XML by " code { "Accept" } "."
        }
    };
    html::response(StatusCode::OK, html::page(&title, html! {}, body))
}

/// The label search box, holding `query` (none when empty).
pub(crate) fn search_form(query: &str) -> Markup {
    html! {
        form action="/search" method="get" class="search" {
            input type="search" name="q" value=[(!query.is_empty()).then_some(query)] placeholder="重固 / Chonggu"
                aria-label="Search the labels";
            " " button { "Search" }
        }
    }
}

/// The query string of `/search`.
#[derive(Debug, serde::Deserialize)]
pub struct SearchParams {
    q: Option<String>,
}

/// The entities whose names hold every word of `query`, the closest first: an exact label, then a label that
/// starts with the query, then the shorter label.
pub fn find<'a>(entities: &'a [Entity], query: &str) -> Vec<&'a Entity> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let names = |e: &'a Entity| {
        std::iter::once(e.label_zh.to_lowercase())
            .chain(std::iter::once(e.label_en.to_lowercase()))
            .chain(e.alt_zh.iter().map(|a| a.to_lowercase()))
    };
    let mut found: Vec<&Entity> =
        entities.iter().filter(|e| words.iter().all(|w| names(e).any(|n| n.contains(w.as_str())))).collect();
    let whole = query.trim().to_lowercase();
    found.sort_by_cached_key(|e| {
        let exact = names(e).any(|n| n == whole);
        let prefix = names(e).any(|n| n.starts_with(&whole));
        (!exact, !prefix, e.label_zh.chars().count(), e.id.clone())
    });
    found
}

/// `/search?q=`: entities whose Chinese or English label or alias holds the words.
pub async fn search(State(state): State<AppState>, headers: HeaderMap, Query(params): Query<SearchParams>) -> Response {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let media_type = match negotiate::offered(accept, "the search", &["text/html", "application/json"]) {
        Ok(media_type) => media_type,
        Err(refused) => return refused.into_response(),
    };
    let query = params.q.unwrap_or_default();
    let found = find(&state.graph.inputs.data.entities, &query);
    if media_type == "application/json" {
        return axum::Json(json(&state, &query, &found)).into_response();
    }
    html::response(StatusCode::OK, html::page("Search", html! {}, results_html(&state, &query, &found)))
}

fn page_of(state: &AppState, entity: &Entity) -> (String, String) {
    let iri = state.graph.inputs.iris.entity(entity.kind, &entity.id);
    let path =
        html::local_path(iri.as_str(), state.graph.inputs.iris.base()).unwrap_or_else(|| iri.as_str().to_owned());
    (iri.as_str().to_owned(), path)
}

fn kind(entity: &Entity) -> String {
    match entity.kind {
        Kind::Concept | Kind::Place | Kind::Project | Kind::Organization | Kind::Event | Kind::Task => {
            format!("{} · {}", entity.kind.name(), entity.scheme().unwrap_or(&entity.type_id))
        }
        _ => entity.kind.name().to_owned(),
    }
}

fn results_html(state: &AppState, query: &str, found: &[&Entity]) -> Markup {
    let shown = found.len().min(LIMIT);
    html! {
        h1 { "Search the labels" }
        (search_form(query))
        @if query.trim().is_empty() {
            p { "Write a word of a Chinese or English label: 重固, 青浦新城, Chonggu, new city." }
        } @else if found.is_empty() {
            p class="none" {
                "No entity has “" (query) "” in its labels. Try fewer or shorter words, the other language, or the "
                a href="/query" { "query page" } "."
            }
        } @else {
            p class="count" {
                (found.len()) " found"
                @if shown < found.len() { ", the first " (shown) " listed" }
            }
            table class="results" {
                tr { th { "中文" } th { "English" } th { "kind" } }
                @for entity in &found[..shown] {
                    tr {
                        td lang="zh" { a href=(page_of(state, entity).1) { (entity.label_zh) } }
                        td lang="en" { (entity.label_en) }
                        td { (kind(entity)) }
                    }
                }
            }
        }
    }
}

/// The JSON answer of the search: the query, how many were found, and the first [`LIMIT`] of them.
#[derive(serde::Serialize)]
struct Found<'a> {
    query: &'a str,
    total: usize,
    results: Vec<FoundEntity<'a>>,
}

#[derive(serde::Serialize)]
struct FoundEntity<'a> {
    iri: String,
    page: String,
    kind: &'static str,
    #[serde(rename = "type")]
    kind_type: &'a str,
    label_zh: &'a str,
    label_en: &'a str,
}

fn json<'a>(state: &AppState, query: &'a str, found: &[&'a Entity]) -> Found<'a> {
    let results = found
        .iter()
        .take(LIMIT)
        .map(|entity| {
            let (iri, page) = page_of(state, entity);
            FoundEntity {
                iri,
                page,
                kind: entity.kind.name(),
                kind_type: entity.scheme().unwrap_or(&entity.type_id),
                label_zh: &entity.label_zh,
                label_en: &entity.label_en,
            }
        })
        .collect();
    Found { query, total: found.len(), results }
}
