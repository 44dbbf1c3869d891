//! Export: the graph written in the standard RDF formats, sorted, so that equal input gives equal bytes.
//!
//! Takes the store and gives Turtle (prefixes, one block per subject), N-Triples, RDF/XML or JSON-LD of the
//! union of the named graphs (or of one), and N-Quads or TriG keeping the graphs.

use crate::error::GraphError;
use crate::format;
use crate::iri::{GRAPHS, Iris};
use crate::kinds::Kind;
use crate::vocab::{self, rdf};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, Quad, TermRef, Triple, TripleRef};
use oxigraph::store::Store;
use std::io::{BufWriter, Write};

/// The prefixes of an export: the vocabularies, and one per kind of entity under the base IRI.
pub fn prefixes(iris: &Iris) -> Vec<(String, String)> {
    let mut prefixes: Vec<(String, String)> =
        vocab::PREFIXES.iter().map(|(p, ns)| ((*p).to_owned(), (*ns).to_owned())).collect();
    let kinds = Kind::ALL.iter().map(|k| k.name()).chain(["observation", "period"]);
    prefixes.extend(kinds.map(|k| (k.to_owned(), format!("{}id/{k}/", iris.base()))));
    prefixes.push(("graph".to_owned(), format!("{}graph/", iris.base())));
    prefixes
}

/// A serializer for `format` that declares the project's prefixes ([`prefixes`]). The base IRI is checked when
/// the graph is read; a prefix that would still not parse is left undeclared (its IRIs are written in full).
pub fn serializer(format: RdfFormat, iris: &Iris) -> RdfSerializer {
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, namespace) in prefixes(iris) {
        if let Ok(declared) = serializer.clone().with_prefix(prefix, namespace) {
            serializer = declared;
        }
    }
    serializer
}

/// Writes the graph of a store (all named graphs, or the one called `graph`) in `format`.
pub fn export(
    store: &Store,
    iris: &Iris,
    format: RdfFormat,
    graph: Option<&str>,
    out: impl Write,
) -> Result<(), GraphError> {
    let selected = selected_graph(iris, graph)?;
    let quads = store
        .quads_for_pattern(None, None, None, selected.as_ref().map(GraphName::as_ref))
        .collect::<Result<Vec<Quad>, _>>()?;
    write_quads(quads, iris, format, out)
}

/// Writes built quads (all named graphs, or the one called `graph`) in `format`, without a store: what
/// `export` does on the in-memory default, at a fraction of the memory.
pub fn export_quads(
    mut quads: Vec<Quad>,
    iris: &Iris,
    format: RdfFormat,
    graph: Option<&str>,
    out: impl Write,
) -> Result<(), GraphError> {
    if let Some(selected) = selected_graph(iris, graph)? {
        quads.retain(|q| q.graph_name == selected);
    }
    write_quads(quads, iris, format, out)
}

fn selected_graph(iris: &Iris, graph: Option<&str>) -> Result<Option<GraphName>, GraphError> {
    match graph {
        Some(name) if GRAPHS.contains(&name) => Ok(Some(GraphName::from(iris.graph(name)))),
        Some(name) => Err(GraphError::UnknownGraph { name: name.to_owned(), known: GRAPHS.join(", ") }),
        None => Ok(None),
    }
}

fn write_quads(mut quads: Vec<Quad>, iris: &Iris, format: RdfFormat, out: impl Write) -> Result<(), GraphError> {
    let io = |source| GraphError::Output { source };
    let mut writer = serializer(format, iris).for_writer(BufWriter::new(out));
    if format::keeps_graphs(format) {
        quads.sort_by(|a, b| {
            graph_key(a.graph_name.as_ref())
                .cmp(&graph_key(b.graph_name.as_ref()))
                .then_with(|| order(a.as_ref().into(), b.as_ref().into()))
        });
        for quad in &quads {
            writer.serialize_quad(quad).map_err(io)?;
        }
    } else {
        let mut triples: Vec<Triple> = quads.into_iter().map(Triple::from).collect();
        triples.sort_by(|a, b| order(a.as_ref(), b.as_ref()));
        triples.dedup();
        for triple in &triples {
            writer.serialize_triple(triple).map_err(io)?;
        }
    }
    writer.finish().map_err(io)?.flush().map_err(io)
}

/// A term as strings to compare, without allocating: IRIs first, then blank nodes, then literals.
fn term_key(term: TermRef<'_>) -> (u8, &str, &str, &str) {
    match term {
        TermRef::NamedNode(n) => (0, n.as_str(), "", ""),
        TermRef::BlankNode(b) => (1, b.as_str(), "", ""),
        TermRef::Literal(l) => (2, l.value(), l.datatype().as_str(), l.language().unwrap_or("")),
    }
}

fn graph_key(graph: GraphNameRef<'_>) -> (u8, &str) {
    match graph {
        GraphNameRef::DefaultGraph => (0, ""),
        GraphNameRef::NamedNode(n) => (1, n.as_str()),
        GraphNameRef::BlankNode(b) => (2, b.as_str()),
    }
}

/// Orders triples by subject, then `rdf:type` before other predicates, then predicate and object.
fn order(a: TripleRef<'_>, b: TripleRef<'_>) -> std::cmp::Ordering {
    term_key(a.subject.into())
        .cmp(&term_key(b.subject.into()))
        .then_with(|| {
            (a.predicate != rdf::TYPE, a.predicate.as_str()).cmp(&(b.predicate != rdf::TYPE, b.predicate.as_str()))
        })
        .then_with(|| term_key(a.object).cmp(&term_key(b.object)))
}
