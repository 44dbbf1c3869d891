//! The RDF of one resource and its serializations.
//!
//! Takes the store and a resource's IRI and gives its description: the triples with it as subject in every named
//! graph, then the triples with it as object (so that a client sees what links to it), as a sorted, duplicate-free
//! list. Gives that list, or any list of triples, as Turtle, N-Triples, JSON-LD or RDF/XML with the project's
//! prefixes (the formats of [`crate::format::DOCUMENTS`]).

use crate::error::GraphError;
use crate::export;
use crate::iri::Iris;
use crate::vocab::rdf;
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, NamedNodeRef, NamedOrBlankNodeRef, TermRef, Triple};
use oxigraph::store::Store;

/// Whether the store knows `iri`: as the subject or object of a triple, or as the name of a graph.
pub fn exists(store: &Store, iri: NamedNodeRef<'_>) -> Result<bool, GraphError> {
    let as_subject =
        store.quads_for_pattern(Some(NamedOrBlankNodeRef::from(iri)), None, None, None).next().transpose()?;
    if as_subject.is_some() {
        return Ok(true);
    }
    let as_object = store.quads_for_pattern(None, None, Some(TermRef::from(iri)), None).next().transpose()?;
    Ok(as_object.is_some() || store.contains_named_graph(iri)?)
}

/// The triples about `iri` (it as subject), then those that point to it (it as object), each group sorted.
pub fn describe(store: &Store, iri: NamedNodeRef<'_>) -> Result<Vec<Triple>, GraphError> {
    let mut about = triples(store, Some(NamedOrBlankNodeRef::from(iri)), None)?;
    let mut incoming = triples(store, None, Some(TermRef::from(iri)))?;
    incoming.retain(|t| t.subject.as_ref() != NamedOrBlankNodeRef::from(iri));
    about.append(&mut incoming);
    Ok(about)
}

/// The triples of one named graph, sorted.
pub fn graph(store: &Store, graph: NamedNodeRef<'_>) -> Result<Vec<Triple>, GraphError> {
    let quads = store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph)));
    let mut triples = quads.map(|q| q.map(Triple::from)).collect::<Result<Vec<_>, _>>()?;
    sort(&mut triples);
    Ok(triples)
}

fn triples(
    store: &Store,
    subject: Option<NamedOrBlankNodeRef<'_>>,
    object: Option<TermRef<'_>>,
) -> Result<Vec<Triple>, GraphError> {
    let quads = store.quads_for_pattern(subject, None, object, None);
    let mut triples = quads.map(|q| q.map(Triple::from)).collect::<Result<Vec<_>, _>>()?;
    sort(&mut triples);
    Ok(triples)
}

/// Sorts by subject, `rdf:type` first, then predicate and object, and drops duplicates (a triple may stand in
/// two graphs).
fn sort(triples: &mut Vec<Triple>) {
    triples.sort_by_cached_key(|t| {
        (
            t.subject.to_string(),
            t.predicate.as_ref() != rdf::TYPE,
            t.predicate.as_str().to_owned(),
            t.object.to_string(),
        )
    });
    triples.dedup();
}

/// `triples` written in `format` with the project's prefixes.
pub fn serialize(triples: &[Triple], iris: &Iris, format: RdfFormat) -> Result<Vec<u8>, GraphError> {
    let io = |source| GraphError::Output { source };
    let mut writer = export::serializer(format, iris).for_writer(Vec::new());
    for triple in triples {
        writer.serialize_triple(triple).map_err(io)?;
    }
    writer.finish().map_err(io)
}
