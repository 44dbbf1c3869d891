//! `/ontology`: the project's own terms (the hash namespace `https://w3id.org/qingpu-kg/ontology#`).
//!
//! Takes the ontology graph of the store and gives an HTML page listing the ontology's classes, properties and
//! other terms, each with its labels in Chinese and English, its comment and its other statements, under an
//! anchor `#Name` so that `…/ontology#Town` opens at the term; or the RDF of the graph (the embedded Turtle file
//! as it is written, with its comments; the other formats serialized from the graph). `/ontology` answers by
//! `Accept` (Turtle for clients that name no type) with `Vary: Accept` and `Content-Location`; a hash IRI is
//! not a thing of its own on the wire, so there is no 303 here.

use super::rdf;
use super::{AppState, failure, not_found};
use crate::error::GraphError;
use crate::serve::html;
use crate::serve::negotiate;
use crate::vocab::ONTOLOGY_TTL;
use crate::vocab::{self, qpk, rdf as rdf_ns, rdfs};

/// `owl:Class`.
const OWL_CLASS: &str = "http://www.w3.org/2002/07/owl#Class";
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use std::collections::BTreeMap;

/// `/ontology`, by `Accept`.
pub async fn ontology(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let media_type = match negotiate::offered(accept, "the ontology", &negotiate::documents()) {
        Ok(media_type) => media_type,
        Err(refused) => return refused.into_response(),
    };
    let suffix = negotiate::extension(media_type);
    negotiate::located(document(&state, suffix), &format!("/ontology.{suffix}"))
}

/// `/ontology.html`, `.ttl`, `.nt`, `.jsonld`, `.rdf`.
pub async fn ontology_as(State(state): State<AppState>, Path(ext): Path<String>) -> Response {
    document(&state, &ext)
}

fn document(state: &AppState, suffix: &str) -> Response {
    let result = match suffix {
        "html" => page(state).map(|page| html::response(StatusCode::OK, page)),
        "ttl" => Ok(([(header::CONTENT_TYPE, negotiate::content_type(RdfFormat::Turtle.media_type()))], ONTOLOGY_TTL)
            .into_response()),
        other => match crate::format::document(other) {
            Some(format) => rdf::graph(&state.graph.store, state.graph.inputs.iris.graph("ontology").as_ref())
                .and_then(|triples| rdf::serialize(&triples, &state.graph.inputs.iris, format))
                .map(|body| {
                    ([(header::CONTENT_TYPE, negotiate::content_type(format.media_type()))], body).into_response()
                }),
            None => {
                let known: Vec<&str> = negotiate::documents().into_iter().map(negotiate::extension).collect();
                return not_found(&format!("unknown format `{other}` for the ontology (known: {})", known.join(", ")));
            }
        },
    };
    result.unwrap_or_else(|e| failure(&e))
}

/// One term of the ontology and what the graph says of it.
#[derive(Default)]
struct Entry {
    triples: Vec<Triple>,
}

impl Entry {
    fn literal(&self, property: oxigraph::model::NamedNodeRef<'_>, language: &str) -> Option<&str> {
        self.triples.iter().find_map(|t| match &t.object {
            Term::Literal(l) if t.predicate == property && l.language() == Some(language) => Some(l.value()),
            _ => None,
        })
    }

    fn types(&self) -> impl Iterator<Item = &str> {
        self.triples.iter().filter(|t| t.predicate == rdf_ns::TYPE).filter_map(|t| match &t.object {
            Term::NamedNode(n) => Some(n.as_str()),
            _ => None,
        })
    }

    /// `Classes`, `Properties` or `Other terms`.
    fn section(&self) -> usize {
        let types: Vec<&str> = self.types().collect();
        if types.contains(&OWL_CLASS) {
            0
        } else if types.iter().any(|t| t.ends_with("Property")) {
            1
        } else {
            2
        }
    }
}

/// The sections of the page, in order, as [`Entry::section`] numbers them.
const SECTIONS: [&str; 3] = ["Classes", "Properties", "Other terms"];

fn page(state: &AppState) -> Result<Markup, GraphError> {
    let base = state.graph.inputs.iris.base();
    let triples = rdf::graph(&state.graph.store, state.graph.inputs.iris.graph("ontology").as_ref())?;
    let mut terms: BTreeMap<String, Entry> = BTreeMap::new();
    let mut header = Entry::default();
    for triple in triples {
        let NamedOrBlankNode::NamedNode(subject) = &triple.subject else { continue };
        if subject.as_str() == vocab::ONTOLOGY_IRI {
            header.triples.push(triple);
        } else if let Some(local) = subject.as_str().strip_prefix(qpk::NAMESPACE) {
            terms.entry(local.to_owned()).or_default().triples.push(triple);
        }
    }
    let title = header.literal(rdfs::LABEL, "en").unwrap_or("Ontology");
    let in_section = |section: usize| terms.iter().filter(move |(_, e)| e.section() == section);
    let body = html! {
        h1 { (title) }
        @if let Some(zh) = header.literal(rdfs::LABEL, "zh") {
            p class="subtitle" lang="zh" { (zh) }
        }
        @if let Some(comment) = header.literal(rdfs::COMMENT, "en") {
            p lang="en" { (comment) }
        }
        p class="iri" { "Namespace " code { (qpk::NAMESPACE) } " (prefix " code { (qpk::PREFIX) ":" } ")" }
        p class="formats" {
            "This ontology as: " a href="/ontology.ttl" { "Turtle" } " · " a href="/ontology.nt" { "N-Triples" }
            " · " a href="/ontology.jsonld" { "JSON-LD" } " · " a href="/ontology.rdf" { "RDF/XML" }
        }
        nav class="toc" {
            @for (section, name) in SECTIONS.iter().enumerate() {
                p {
                    strong { (name) } ":"
                    @for (local, _) in in_section(section) {
                        " " a href={ "#" (local) } { (local) }
                    }
                }
            }
        }
        @for (section, name) in SECTIONS.iter().enumerate() {
            h2 { (name) }
            @for (local, entry) in in_section(section) {
                (term(local, entry, base))
            }
        }
    };
    Ok(html::page(title, html! {}, body))
}

fn term(local: &str, entry: &Entry, base: &str) -> Markup {
    let shown = |t: &&Triple| {
        !((t.predicate == rdfs::LABEL || t.predicate == rdfs::COMMENT) && matches!(t.object, Term::Literal(_)))
    };
    let rest: Vec<&Triple> = entry.triples.iter().filter(shown).collect();
    html! {
        section class="term" id=(local) {
            h3 {
                a href={ "#" (local) } { "qpk:" (local) }
                @if let Some(zh) = entry.literal(rdfs::LABEL, "zh") {
                    " " span lang="zh" { (zh) }
                }
                @if let Some(en) = entry.literal(rdfs::LABEL, "en") {
                    " " span lang="en" class="en" { (en) }
                }
            }
            @if let Some(comment) = entry.literal(rdfs::COMMENT, "en") {
                p lang="en" { (comment) }
            }
            @if !rest.is_empty() {
                dl {
                    @for t in rest {
                        dt { (html::named_link(t.predicate.as_str(), base)) }
                        dd { (html::term(t.object.as_ref(), base, |_| None)) }
                    }
                }
            }
        }
    }
}
