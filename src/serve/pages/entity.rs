//! The HTML page of a resource under the base.
//!
//! Takes the shared state, the resource's IRI and its description (from [`super::rdf::describe`]) and gives
//! the page a browser shows: the labels in Chinese and English, the types, every property with its values, and,
//! for an entity of the data, where the report mentions it (the words around each mention), the quoted
//! evidence of its facts (the provenance graph), the policies related to it in the graph walk, and what links
//! to it.

use super::rdf::Format;
use crate::error::GraphError;
use crate::serve::Shared;
use crate::serve::html::{self, escape};
use crate::vocab::{oa, rdf, rdfs, skos};
use crate::walk::{self, KindFilter};
use oxigraph::model::{NamedNodeRef, NamedOrBlankNodeRef, Term, TermRef, Triple};
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::fmt::Write;

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
pub fn page(state: &Shared, iri: NamedNodeRef<'_>, path: &str, triples: &[Triple]) -> Result<String, GraphError> {
    let store = &state.graph.store;
    let base = state.graph.iris.base();
    let zh = label(store, iri.as_str(), "zh");
    let en = label(store, iri.as_str(), "en");
    let title = zh.clone().or_else(|| en.clone()).unwrap_or_else(|| html::short(iri.as_str(), base));
    let (about, incoming): (Vec<&Triple>, Vec<&Triple>) =
        triples.iter().partition(|t| t.subject.as_ref() == NamedOrBlankNodeRef::from(iri));
    let mut body = String::new();
    heading(&mut body, iri, path, zh.as_deref(), en.as_deref(), &about, state);
    properties(&mut body, &about, state);
    let entity = state.graph.data.entities.iter().position(|e| state.graph.iris.entity(e.kind, &e.id).as_ref() == iri);
    if let Some(index) = entity {
        mentions(&mut body, index, state);
    }
    evidence(&mut body, iri, state)?;
    if let Some(index) = entity {
        related(&mut body, index, state);
    }
    links_in(&mut body, &incoming, state);
    let head: String = Format::ALL
        .iter()
        .map(|f| {
            format!(r#"<link rel="alternate" type="{}" href="{}.{}">"#, f.media_type(), escape(path), f.suffix()) + "\n"
        })
        .collect();
    Ok(html::page(&title, &head, &body))
}

fn heading(
    body: &mut String,
    iri: NamedNodeRef<'_>,
    path: &str,
    zh: Option<&str>,
    en: Option<&str>,
    about: &[&Triple],
    state: &Shared,
) {
    let base = state.graph.iris.base();
    let _ = write!(body, "<h1>");
    match (zh, en) {
        (Some(zh), _) => {
            let _ = write!(body, r#"<span lang="zh">{}</span>"#, escape(zh));
        }
        (None, Some(en)) => {
            let _ = write!(body, r#"<span lang="en">{}</span>"#, escape(en));
        }
        (None, None) => {
            let _ = write!(body, "{}", escape(&html::short(iri.as_str(), base)));
        }
    }
    let _ = writeln!(body, "</h1>");
    if let (Some(_), Some(en)) = (zh, en) {
        let _ = writeln!(body, r#"<p class="subtitle" lang="en">{}</p>"#, escape(en));
    }
    let types: Vec<String> = about
        .iter()
        .filter(|t| t.predicate.as_ref() == rdf::TYPE)
        .map(|t| html::term(t.object.as_ref(), base, |_| None))
        .collect();
    if !types.is_empty() {
        let _ = writeln!(body, r#"<p class="types">{}</p>"#, types.join(" "));
    }
    let _ = writeln!(body, r#"<p class="iri"><code>{}</code></p>"#, escape(iri.as_str()));
    let documents: Vec<String> = std::iter::once(("html", "HTML"))
        .chain(Format::ALL.iter().map(|f| (f.suffix(), f.media_type())))
        .map(|(suffix, name)| format!(r#"<a href="{}.{suffix}">{}</a>"#, escape(path), escape(name)))
        .collect();
    let _ = writeln!(body, r#"<p class="formats">This page as: {}</p>"#, documents.join(" · "));
}

fn properties(body: &mut String, about: &[&Triple], state: &Shared) {
    let store = &state.graph.store;
    let base = state.graph.iris.base();
    let mut by_predicate: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for triple in about {
        let predicate = triple.predicate.as_str();
        let entry = by_predicate
            .entry(html::short(predicate, base))
            .or_insert_with(|| (html::link(predicate, base, &html::short(predicate, base)), Vec::new()));
        entry.1.push(html::term(triple.object.as_ref(), base, |iri| name(store, iri)));
    }
    if by_predicate.is_empty() {
        return;
    }
    let _ = writeln!(body, "<h2>Properties</h2>\n<table class=\"properties\">");
    for (predicate, values) in by_predicate.values() {
        let _ = writeln!(body, "<tr><th>{predicate}</th><td><ul>");
        for value in values {
            let _ = writeln!(body, "<li>{value}</li>");
        }
        let _ = writeln!(body, "</ul></td></tr>");
    }
    let _ = writeln!(body, "</table>");
}

fn mentions(body: &mut String, entity: usize, state: &Shared) {
    let graph = &state.graph;
    let report = crate::iri::DocumentIris::curated(&graph.iris, &graph.source.name);
    let base = graph.iris.base();
    let found: Vec<_> = graph.mentions.iter().filter(|m| m.entity == entity).collect();
    if found.is_empty() {
        return;
    }
    let _ = writeln!(body, "<h2>Where the report mentions it</h2>\n<ol class=\"quotes\">");
    for mention in found {
        let (Some(first), Some(last)) = (mention.spans.first(), mention.spans.last()) else { continue };
        let line = graph.source.paragraphs.get(mention.paragraph).map_or(0, |p| p.line);
        let span = report.span(first.range());
        let place = html::link(span.as_str(), base, &format!("¶{} line {line}", mention.paragraph + 1));
        let _ = writeln!(
            body,
            r#"<li><span class="place">{place}</span> <q lang="zh">…{}<mark>{}</mark>{}…</q></li>"#,
            escape(&first.prefix),
            escape(&mention.name),
            escape(&last.suffix)
        );
    }
    let _ = writeln!(body, "</ol>");
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
fn evidence(body: &mut String, iri: NamedNodeRef<'_>, state: &Shared) -> Result<(), GraphError> {
    let store = &state.graph.store;
    let base = state.graph.iris.base();
    // The resource itself is written in bold, the other end of a statement as a link.
    let node = |term: &Term| match term {
        Term::NamedNode(n) if n.as_ref() == iri => "<strong>this</strong>".to_owned(),
        other => html::term(other.as_ref(), base, |iri| name(store, iri)),
    };
    let mut bodies = vec![(Term::NamedNode(iri.into_owned()), "<strong>this</strong>".to_owned())];
    for property in [rdf::SUBJECT, rdf::OBJECT] {
        for statement in subjects(store, property, iri) {
            let first = |p| objects(store, &statement, p).into_iter().next();
            if let (Some(s), Some(Term::NamedNode(p)), Some(o)) =
                (first(rdf::SUBJECT), first(rdf::PREDICATE), first(rdf::OBJECT))
            {
                let fact = format!(
                    "{} {} {}",
                    node(&s),
                    html::link(p.as_str(), base, &html::short(p.as_str(), base)),
                    node(&o)
                );
                bodies.push((statement, fact));
            }
        }
    }
    let describing = Term::from(oa::DESCRIBING.into_owned());
    let mut items = Vec::new();
    for (body_term, fact) in &bodies {
        let Term::NamedNode(body_node) = body_term else { continue };
        for annotation in subjects(store, oa::HAS_BODY, body_node.as_ref()) {
            if !objects(store, &annotation, oa::MOTIVATED_BY).contains(&describing) {
                continue;
            }
            for (start, exact) in quotes(store, &annotation) {
                items.push((start, fact.clone(), exact));
            }
        }
    }
    items.sort();
    items.dedup();
    if items.is_empty() {
        return Ok(());
    }
    let _ = writeln!(body, "<h2>Evidence in the report</h2>\n<ul class=\"quotes\">");
    for (_, fact, exact) in items {
        let _ = writeln!(body, r#"<li><span class="fact">{fact}</span> <q lang="zh">{}</q></li>"#, escape(&exact));
    }
    let _ = writeln!(body, "</ul>");
    Ok(())
}

fn related(body: &mut String, entity: usize, state: &Shared) {
    let graph = &state.graph;
    let Some(e) = graph.data.entities.get(entity) else { return };
    let query = walk::Query { depth: RELATED_DEPTH, limit: RELATED, kind: Some(KindFilter::Policy) };
    let Ok(related) = walk::related(graph, &state.view, &e.id, query) else { return };
    if related.results.is_empty() {
        return;
    }
    let base = graph.iris.base();
    let _ = writeln!(body, "<h2>Related policies</h2>\n<ol class=\"related\">");
    for found in &related.results {
        let Some(policy) = graph.data.entities.get(found.entity) else { continue };
        let iri = graph.iris.entity(policy.kind, &policy.id);
        let path = walk::render::path_text(graph, &state.view, &found.path);
        let _ = writeln!(
            body,
            r#"<li>{} <span lang="en">{}</span><br><small class="path" lang="zh">{}</small></li>"#,
            html::link(iri.as_str(), base, &policy.label_zh),
            escape(&policy.label_en),
            escape(&path)
        );
    }
    let _ = writeln!(body, "</ol>");
}

fn links_in(body: &mut String, incoming: &[&Triple], state: &Shared) {
    let store = &state.graph.store;
    let base = state.graph.iris.base();
    let machinery = [oa::HAS_BODY, rdf::SUBJECT, rdf::OBJECT];
    let (annotations, links): (Vec<&&Triple>, Vec<&&Triple>) =
        incoming.iter().partition(|t| machinery.contains(&t.predicate.as_ref()));
    if links.is_empty() && annotations.is_empty() {
        return;
    }
    let _ = writeln!(body, "<h2>What links here</h2>\n<ul class=\"incoming\">");
    for triple in links.iter().take(INCOMING) {
        let subject = match triple.subject.as_ref() {
            NamedOrBlankNodeRef::NamedNode(n) => html::term(TermRef::from(n), base, |iri| name(store, iri)),
            other => escape(&other.to_string()),
        };
        let predicate = triple.predicate.as_str();
        let _ = writeln!(body, "<li>{subject} {}</li>", html::link(predicate, base, &html::short(predicate, base)));
    }
    if links.len() > INCOMING {
        let _ = writeln!(body, "<li>… and {} more (all are in the RDF documents)</li>", links.len() - INCOMING);
    }
    if !annotations.is_empty() {
        let _ = writeln!(
            body,
            "<li class=\"note\">and {} annotations and statements of the provenance and mentions graphs</li>",
            annotations.len()
        );
    }
    let _ = writeln!(body, "</ul>");
}
