//! `/ontology`: the project's own terms (the hash namespace `https://w3id.org/qingpu-kg/ontology#`).
//!
//! Takes the ontology graph of the store and gives an HTML page listing the ontology's classes, properties and
//! other terms, each with its labels in Chinese and English, its comment and its other statements, under an
//! anchor `#Name` so that `…/ontology#Town` opens at the term; or the RDF of the graph (the embedded Turtle file
//! as it is written, with its comments; the other formats serialized from the graph). `/ontology` answers by
//! `Accept` (Turtle for clients that name no type) with `Vary: Accept` and `Content-Location`; a hash IRI is
//! not a thing of its own on the wire, so there is no 303 here.

use super::rdf::{self, Format};
use super::{AppState, OFFERS, failure, html_response};
use crate::error::GraphError;
use crate::serve::html::{self, escape};
use crate::store::ONTOLOGY_TTL;
use crate::vocab::{self, qpk, rdf as rdf_ns, rdfs};

/// `owl:Class`.
const OWL_CLASS: &str = "http://www.w3.org/2002/07/owl#Class";
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use oxigraph::model::{NamedOrBlankNode, Term, Triple};
use std::collections::BTreeMap;
use std::fmt::Write;

/// `/ontology`, by `Accept`.
pub async fn ontology(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let media_type = match crate::serve::negotiate::offered(accept, "the ontology", OFFERS) {
        Ok(media_type) => media_type,
        Err(refused) => return refused.into_response(),
    };
    let suffix = Format::from_media_type(media_type).map_or("html", Format::suffix);
    crate::serve::negotiate::located(document(&state, suffix), &format!("/ontology.{suffix}"))
}

/// `/ontology.html`, `.ttl`, `.nt`, `.jsonld`, `.rdf`.
pub async fn ontology_as(State(state): State<AppState>, Path(ext): Path<String>) -> Response {
    document(&state, &ext)
}

fn document(state: &AppState, suffix: &str) -> Response {
    let result = match suffix {
        "html" => page(state).map(|page| html_response(StatusCode::OK, page)),
        "ttl" => Ok(([(header::CONTENT_TYPE, Format::Turtle.content_type())], ONTOLOGY_TTL).into_response()),
        other => match Format::from_suffix(other) {
            Some(format) => rdf::graph(&state.graph.store, state.graph.iris.graph("ontology").as_ref())
                .and_then(|triples| rdf::serialize(&triples, &state.graph.iris, format))
                .map(|body| ([(header::CONTENT_TYPE, format.content_type())], body).into_response()),
            None => {
                let message =
                    format!("unknown format `{other}` for the ontology (known: html, ttl, nt, jsonld, rdf)\n");
                return (StatusCode::NOT_FOUND, message).into_response();
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

fn page(state: &AppState) -> Result<String, GraphError> {
    let base = state.graph.iris.base();
    let triples = rdf::graph(&state.graph.store, state.graph.iris.graph("ontology").as_ref())?;
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
    let mut body = String::new();
    let title = header.literal(rdfs::LABEL, "en").unwrap_or("Ontology");
    let _ = writeln!(body, "<h1>{}</h1>", escape(title));
    if let Some(zh) = header.literal(rdfs::LABEL, "zh") {
        let _ = writeln!(body, r#"<p class="subtitle" lang="zh">{}</p>"#, escape(zh));
    }
    if let Some(comment) = header.literal(rdfs::COMMENT, "en") {
        let _ = writeln!(body, r#"<p lang="en">{}</p>"#, escape(comment));
    }
    let _ = writeln!(
        body,
        r#"<p class="iri">Namespace <code>{}</code> (prefix <code>{}:</code>)</p>
<p class="formats">This ontology as: <a href="/ontology.ttl">Turtle</a> · <a href="/ontology.nt">N-Triples</a> · <a href="/ontology.jsonld">JSON-LD</a> · <a href="/ontology.rdf">RDF/XML</a></p>"#,
        escape(qpk::NAMESPACE),
        qpk::PREFIX
    );
    let names = ["Classes", "Properties", "Other terms"];
    let _ = writeln!(body, "<nav class=\"toc\">");
    for (section, name) in names.iter().enumerate() {
        let members: Vec<String> = terms
            .iter()
            .filter(|(_, e)| e.section() == section)
            .map(|(local, _)| format!(r##"<a href="#{0}">{0}</a>"##, escape(local)))
            .collect();
        let _ = writeln!(body, "<p><strong>{name}</strong>: {}</p>", members.join(" "));
    }
    let _ = writeln!(body, "</nav>");
    for (section, name) in names.iter().enumerate() {
        let _ = writeln!(body, "<h2>{name}</h2>");
        for (local, entry) in terms.iter().filter(|(_, e)| e.section() == section) {
            term(&mut body, local, entry, base);
        }
    }
    Ok(html::page(title, "", &body))
}

fn term(body: &mut String, local: &str, entry: &Entry, base: &str) {
    let _ = writeln!(body, r##"<section class="term" id="{0}"><h3><a href="#{0}">qpk:{0}</a>"##, escape(local));
    if let Some(zh) = entry.literal(rdfs::LABEL, "zh") {
        let _ = write!(body, r#" <span lang="zh">{}</span>"#, escape(zh));
    }
    if let Some(en) = entry.literal(rdfs::LABEL, "en") {
        let _ = write!(body, r#" <span lang="en" class="en">{}</span>"#, escape(en));
    }
    let _ = writeln!(body, "</h3>");
    if let Some(comment) = entry.literal(rdfs::COMMENT, "en") {
        let _ = writeln!(body, r#"<p lang="en">{}</p>"#, escape(comment));
    }
    let shown = |t: &&Triple| {
        !((t.predicate == rdfs::LABEL || t.predicate == rdfs::COMMENT) && matches!(t.object, Term::Literal(_)))
    };
    let rest: Vec<String> = entry
        .triples
        .iter()
        .filter(shown)
        .map(|t| {
            let p = t.predicate.as_str();
            format!(
                "<dt>{}</dt><dd>{}</dd>",
                html::link(p, base, &html::short(p, base)),
                html::term(t.object.as_ref(), base, |_| None)
            )
        })
        .collect();
    if !rest.is_empty() {
        let _ = writeln!(body, "<dl>{}</dl>", rest.join(""));
    }
    let _ = writeln!(body, "</section>");
}
