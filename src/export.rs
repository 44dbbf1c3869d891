//! Export: the graph written in the standard RDF formats, sorted, so that equal input gives equal bytes.
//!
//! Takes the store and gives Turtle (prefixes, one block per subject), N-Triples, RDF/XML or JSON-LD of the
//! union of the named graphs (or of one), and N-Quads or TriG keeping the graphs. A file is written beside its
//! destination and renamed into place only when complete.

use crate::error::GraphError;
use crate::kinds::Kind;
use crate::map::{GRAPHS, Iris};
use crate::vocab::{self, rdf};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, Quad, TermRef, Triple, TripleRef};
use oxigraph::store::Store;
use std::io::{BufWriter, Write};
use std::path::Path;

/// An RDF serialization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Rdfxml,
    Jsonld,
}

impl ExportFormat {
    fn rdf(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::Ntriples => RdfFormat::NTriples,
            Self::Nquads => RdfFormat::NQuads,
            Self::Trig => RdfFormat::TriG,
            Self::Rdfxml => RdfFormat::RdfXml,
            Self::Jsonld => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
        }
    }

    /// Whether the format keeps named graphs.
    pub fn keeps_graphs(self) -> bool {
        matches!(self, Self::Nquads | Self::Trig)
    }
}

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
    format: ExportFormat,
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
    format: ExportFormat,
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

fn write_quads(mut quads: Vec<Quad>, iris: &Iris, format: ExportFormat, out: impl Write) -> Result<(), GraphError> {
    let io = |source| GraphError::Io { path: "output".into(), source };
    let mut writer = serializer(format.rdf(), iris).for_writer(BufWriter::new(out));
    if format.keeps_graphs() {
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

/// Writes `path` through `write`: into a temporary file beside it, renamed over `path` only on success.
pub fn write_atomically<E: From<GraphError>>(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> Result<(), E>,
) -> Result<(), E> {
    let io = |source| GraphError::Io { path: path.display().to_string(), source };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let mut file = std::fs::File::create(&temporary).map_err(io)?;
    let result = write(&mut file).and_then(|()| file.sync_all().map_err(|e| io(e).into()));
    drop(file);
    match result {
        Ok(()) => std::fs::rename(&temporary, path).map_err(|e| io(e).into()),
        Err(e) => {
            let _ = std::fs::remove_file(&temporary);
            Err(e)
        }
    }
}
