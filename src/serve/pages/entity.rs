//! The HTML page of a resource under the base.
//!
//! Takes the shared state, the resource's IRI and its description (from [`super::rdf::describe`]) and gives
//! the page a browser shows: the labels in Chinese and English, the types, every property with its values, and,
//! for an entity of the data, where the report mentions it (the words around each mention), the quoted
//! evidence of its facts (the provenance graph), the policies related to it in the graph walk, and what links
//! to it.

use crate::error::GraphError;
use crate::format::DOCUMENTS;
use crate::serve::Shared;
use crate::serve::html;
use crate::vocab::{oa, rdf, rdfs, skos};
use crate::walk::{self, KindFilter};
use maud::{Markup, PreEscaped, html};
use oxigraph::model::{NamedNodeRef, NamedOrBlankNodeRef, Term, TermRef, Triple};
use oxigraph::store::Store;
use std::collections::BTreeMap;

/// How many related policies a page lists.
const RELATED: usize = 5;
/// How far the walk looks for them.
const RELATED_DEPTH: u32 = 3;
/// How many incoming links a page lists; the RDF documents hold all of them.
const INCOMING: usize = 200;

/// The first label of `iri` in `language`: `rdfs:label`, else `skos:prefLabel`.
pub fn label(store: &Store, iri: &str, language: &str) -> Option<String> {
    let node = NamedNodeRef::new(iri).ok()?;
    [rdfs::LABEL, skos::PREF_LABEL].into_iter().find_map(|property| {
        store.quads_for_pattern(Some(NamedOrBlankNodeRef::from(node)), Some(property), None, None).find_map(|q| match q
            .ok()?
            .object
        {
            Term::Literal(l) if l.language() == Some(language) => Some(l.value().to_owned()),
            _ => None,
        })
    })
}

/// The name a link shows: the Chinese label, else the English one.
fn name(store: &Store, iri: &str) -> Option<String> {
    label(store, iri, "zh").or_else(|| label(store, iri, "en"))
}

/// The page of `iri`, described by `triples`; `path` is its local path (for the links to its documents).
pub fn page(state: &Shared, iri: NamedNodeRef<'_>, path: &str, triples: &[Triple]) -> Result<Markup, GraphError> {
    let store = &state.graph.store;
    let base = state.graph.inputs.iris.base();
    let zh = label(store, iri.as_str(), "zh");
    let en = label(store, iri.as_str(), "en");
    let title = zh.clone().or_else(|| en.clone()).unwrap_or_else(|| html::short(iri.as_str(), base));
    let (about, incoming): (Vec<&Triple>, Vec<&Triple>) =
        triples.iter().partition(|t| t.subject.as_ref() == NamedOrBlankNodeRef::from(iri));
    let entity = state
        .graph
        .inputs
        .data
        .entities
        .iter()
        .position(|e| state.graph.inputs.iris.entity(e.kind, &e.id).as_ref() == iri);
    let body = html! {
        (heading(iri, path, zh.as_deref(), en.as_deref(), &about, state))
        (properties(&about, state))
        @if let Some(index) = entity { (mentions(index, state)) }
        (evidence(iri, state)?)
        @if let Some(index) = entity { (related(index, state)) }
        (links_in(&incoming, state))
    };
    let head = html! {
        @for format in DOCUMENTS {
            link rel="alternate" type=(format.media_type()) href={ (path) "." (format.file_extension()) };
        }
    };
    Ok(html::page(&title, head, body))
}

fn heading(
    iri: NamedNodeRef<'_>,
    path: &str,
    zh: Option<&str>,
    en: Option<&str>,
    about: &[&Triple],
    state: &Shared,
) -> Markup {
    let base = state.graph.inputs.iris.base();
    let types: Vec<&Triple> = about.iter().copied().filter(|t| t.predicate.as_ref() == rdf::TYPE).collect();
    let documents =
        std::iter::once(("html", "HTML")).chain(DOCUMENTS.iter().map(|f| (f.file_extension(), f.media_type())));
    html! {
        h1 {
            @match (zh, en) {
                (Some(zh), _) => { span lang="zh" { (zh) } }
                (None, Some(en)) => { span lang="en" { (en) } }
                (None, None) => { (html::short(iri.as_str(), base)) }
            }
        }
        @if let (Some(_), Some(en)) = (zh, en) {
            p class="subtitle" lang="en" { (en) }
        }
        @if !types.is_empty() {
            p class="types" {
                @for (i, t) in types.iter().enumerate() {
                    @if i > 0 { " " }
                    (html::term(t.object.as_ref(), base, |_| None))
                }
            }
        }
        p class="iri" { code { (iri.as_str()) } }
        p class="formats" {
            "This page as: "
            @for (i, (suffix, name)) in documents.enumerate() {
                @if i > 0 { " · " }
                a href={ (path) "." (suffix) } { (name) }
            }
        }
    }
}

fn properties(about: &[&Triple], state: &Shared) -> Markup {
    let store = &state.graph.store;
    let base = state.graph.inputs.iris.base();
    let mut by_predicate: BTreeMap<String, (&str, Vec<Markup>)> = BTreeMap::new();
    for triple in about {
        let predicate = triple.predicate.as_str();
        let entry = by_predicate.entry(html::short(predicate, base)).or_insert_with(|| (predicate, Vec::new()));
        entry.1.push(html::term(triple.object.as_ref(), base, |iri| name(store, iri)));
    }
    html! {
        @if !by_predicate.is_empty() {
            h2 { "Properties" }
            table class="properties" {
                @for (predicate, values) in by_predicate.values() {
                    tr {
                        th { (html::named_link(predicate, base)) }
                        td { ul { @for value in values { li { (value) } } } }
                    }
                }
            }
        }
    }
}

fn mentions(entity: usize, state: &Shared) -> Markup {
    let graph = &state.graph;
    let report = crate::iri::DocumentIris::curated(&graph.inputs.iris, &graph.inputs.source.name);
    let base = graph.inputs.iris.base();
    let found: Vec<_> = graph.inputs.mentions.iter().filter(|m| m.entity == entity).collect();
    html! {
        @if !found.is_empty() {
            h2 { "Where the report mentions it" }
            ol class="quotes" {
                @for mention in found {
                    @if let (Some(first), Some(last)) = (mention.spans.first(), mention.spans.last()) {
                        @let line = graph.inputs.source.paragraphs.get(mention.paragraph).map_or(0, |p| p.line);
                        @let span = report.span(first.range());
                        li {
                            span class="place" {
                                (html::link(span.as_str(), base, &format!("¶{} line {line}", mention.paragraph + 1)))
                            }
                            " "
                            q lang="zh" { "…" (first.prefix(&graph.inputs.source.text)) mark { (mention.name) } (last.suffix(&graph.inputs.source.text)) "…" }
                        }
                    }
                }
            }
        }
    }
}

/// The objects of `subject`'s `property`, in any graph.
fn objects(store: &Store, subject: &Term, property: NamedNodeRef<'_>) -> Vec<Term> {
    let Term::NamedNode(subject) = subject else { return Vec::new() };
    store
        .quads_for_pattern(Some(NamedOrBlankNodeRef::from(subject)), Some(property), None, None)
        .filter_map(|q| Some(q.ok()?.object))
        .collect()
}

/// The subjects that have `object` as their `property`, in any graph.
fn subjects(store: &Store, property: NamedNodeRef<'_>, object: NamedNodeRef<'_>) -> Vec<Term> {
    store
        .quads_for_pattern(None, Some(property), Some(TermRef::from(object)), None)
        .filter_map(|q| match q.ok()?.subject {
            oxigraph::model::NamedOrBlankNode::NamedNode(n) => Some(Term::NamedNode(n)),
            _ => None,
        })
        .collect()
}

/// The quoted words (start, exact) of the spans an annotation targets.
fn quotes(store: &Store, annotation: &Term) -> Vec<(u64, String)> {
    let mut found = Vec::new();
    for span in objects(store, annotation, oa::HAS_TARGET) {
        let selectors = objects(store, &span, oa::HAS_SELECTOR);
        let literal = |property| {
            selectors.iter().flat_map(|s| objects(store, s, property)).find_map(|o| match o {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
        };
        if let (Some(exact), Some(start)) = (literal(oa::EXACT), literal(oa::START)) {
            found.push((start.parse().unwrap_or(u64::MAX), exact));
        }
    }
    found
}

/// The quotes of the report that the facts about `iri` stand on: the annotations (motive `oa:describing`) whose
/// body is `iri`, or a statement (`rdf:Statement`) with `iri` as its subject or object. Read by pattern lookups,
/// a few per annotation.
fn evidence(iri: NamedNodeRef<'_>, state: &Shared) -> Result<Markup, GraphError> {
    let store = &state.graph.store;
    let base = state.graph.inputs.iris.base();
    // The resource itself is written in bold, the other end of a statement as a link.
    let this = || html! { strong { "this" } };
    let node = |term: &Term| match term {
        Term::NamedNode(n) if n.as_ref() == iri => this(),
        other => html::term(other.as_ref(), base, |iri| name(store, iri)),
    };
    let mut bodies = vec![(Term::NamedNode(iri.into_owned()), this())];
    for property in [rdf::SUBJECT, rdf::OBJECT] {
        for statement in subjects(store, property, iri) {
            let first = |p| objects(store, &statement, p).into_iter().next();
            if let (Some(s), Some(Term::NamedNode(p)), Some(o)) =
                (first(rdf::SUBJECT), first(rdf::PREDICATE), first(rdf::OBJECT))
            {
                let fact = html! { (node(&s)) " " (html::named_link(p.as_str(), base)) " " (node(&o)) };
                bodies.push((statement, fact));
            }
        }
    }
    let describing = Term::from(oa::DESCRIBING.into_owned());
    // Sorted by where the quote starts, then by the fact's markup, without repeats.
    let mut items: Vec<(u64, String, String)> = Vec::new();
    for (body_term, fact) in &bodies {
        let Term::NamedNode(body_node) = body_term else { continue };
        for annotation in subjects(store, oa::HAS_BODY, body_node.as_ref()) {
            if !objects(store, &annotation, oa::MOTIVATED_BY).contains(&describing) {
                continue;
            }
            for (start, exact) in quotes(store, &annotation) {
                items.push((start, fact.0.clone(), exact));
            }
        }
    }
    items.sort();
    items.dedup();
    Ok(html! {
        @if !items.is_empty() {
            h2 { "Evidence in the report" }
            ul class="quotes" {
                @for (_, fact, exact) in items {
                    li { span class="fact" { (PreEscaped(fact)) } " " q lang="zh" { (exact) } }
                }
            }
        }
    })
}

fn related(entity: usize, state: &Shared) -> Markup {
    let graph = &state.graph;
    let Some(e) = graph.inputs.data.entities.get(entity) else { return html! {} };
    let query = walk::Query { depth: RELATED_DEPTH, limit: RELATED, kind: Some(KindFilter::Policy) };
    let Ok(related) = walk::related(graph, &state.view, &e.id, query) else { return html! {} };
    let base = graph.inputs.iris.base();
    html! {
        @if !related.results.is_empty() {
            h2 { "Related policies" }
            ol class="related" {
                @for found in &related.results {
                    @if let Some(policy) = graph.inputs.data.entities.get(found.entity) {
                        @let iri = graph.inputs.iris.entity(policy.kind, &policy.id);
                        li {
                            (html::link(iri.as_str(), base, &policy.label_zh))
                            " "
                            span lang="en" { (policy.label_en) }
                            br;
                            small class="path" lang="zh" { (walk::render::path_text(graph, &state.view, &found.path)) }
                        }
                    }
                }
            }
        }
    }
}

fn links_in(incoming: &[&Triple], state: &Shared) -> Markup {
    let store = &state.graph.store;
    let base = state.graph.inputs.iris.base();
    let machinery = [oa::HAS_BODY, rdf::SUBJECT, rdf::OBJECT];
    let (annotations, links): (Vec<&&Triple>, Vec<&&Triple>) =
        incoming.iter().partition(|t| machinery.contains(&t.predicate.as_ref()));
    html! {
        @if !links.is_empty() || !annotations.is_empty() {
            h2 { "What links here" }
            ul class="incoming" {
                @for triple in links.iter().take(INCOMING) {
                    li {
                        @match triple.subject.as_ref() {
                            NamedOrBlankNodeRef::NamedNode(n) => {
                                (html::term(TermRef::from(n), base, |iri| name(store, iri)))
                            }
                            other => { (other.to_string()) }
                        }
                        " " (html::named_link(triple.predicate.as_str(), base))
                    }
                }
                @if links.len() > INCOMING {
                    li { "… and " (links.len() - INCOMING) " more (all are in the RDF documents)" }
                }
                @if !annotations.is_empty() {
                    li class="note" {
                        "and " (annotations.len()) " annotations and statements of the provenance and mentions graphs"
                    }
                }
            }
        }
    }
}
