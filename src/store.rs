//! The store: the whole pipeline (source → records → ground → map) loaded into Oxigraph.
//!
//! Takes a data folder and a base IRI and gives a [`KnowledgeGraph`]: an Oxigraph [`Store`] (in memory, or
//! RocksDB on disk with the `rocksdb` feature) holding the named graphs of [`GRAPHS`], with the checked data
//! kept beside it for the commands that need it.

use crate::document::Document;
use crate::error::{DataError, GraphError, Place};
use crate::ground::{Grounding, ground};
use crate::map::{Anchors, Emit, GRAPHS, Iris, map};
use crate::mentions::{self, Mention};
use crate::metadata::{self, Description, Tally};
use crate::records::Dataset;
use crate::source::Source;
use crate::vocab::{self, rdf};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, NamedNode, Quad, QuadRef};
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::path::Path;

/// The ontology, embedded: it is part of the program, not of the data.
pub const ONTOLOGY_TTL: &str = include_str!("../ontology/qingpu.ttl");
/// The SHACL shapes the graph must conform to.
pub const SHAPES_TTL: &str = include_str!("../ontology/shapes.ttl");
/// The default base IRI of entities and graphs.
pub const DEFAULT_BASE_IRI: &str = "https://w3id.org/qingpu-kg/";

/// A built knowledge graph: the store, and the checked inputs it was built from (reached through `Deref`:
/// `graph.data`, `graph.source`, `graph.mentions` …).
pub struct KnowledgeGraph {
    pub store: Store,
    pub inputs: Inputs,
}

impl std::ops::Deref for KnowledgeGraph {
    type Target = Inputs;

    fn deref(&self) -> &Inputs {
        &self.inputs
    }
}

/// Checks a base IRI: absolute, ending with `/` or `#`.
pub fn check_base_iri(base: &str) -> Result<(), GraphError> {
    let bad = |message: &str| GraphError::BaseIri { iri: base.to_owned(), message: message.to_owned() };
    NamedNode::new(base).map_err(|e| bad(&e.to_string()))?;
    if !base.ends_with('/') && !base.ends_with('#') {
        return Err(bad("it must end with `/` or `#`"));
    }
    Ok(())
}

/// The checked inputs of a build: the report and its structure, the rows, where each row's quotes stand, and
/// every mention of every entity.
pub struct Inputs {
    pub iris: Iris,
    pub source: Source,
    pub data: Dataset,
    pub grounding: Grounding,
    pub document: Document,
    pub mentions: Vec<Mention>,
    /// What `dataset.csv` says about the dataset.
    pub description: Description,
}

/// Reads, checks and grounds `data_dir`.
pub fn read(data_dir: &Path, base: &str) -> Result<Inputs, GraphError> {
    check_base_iri(base)?;
    let source = Source::read_dir(&data_dir.join("source"))?;
    let data = Dataset::load(data_dir)?;
    if data.entities.is_empty() {
        return Err(DataError::Invalid {
            place: Place::file(data_dir),
            message: "no entity rows: is this the data folder (with places.csv, concepts.csv ...)?".into(),
        }
        .into());
    }
    let description = Description::read(data_dir, &data)?;
    let grounding = ground(&source, &data)?;
    let document = Document::parse(&source);
    let mentions = mentions::find(&source, &data);
    Ok(Inputs { iris: Iris::new(base), source, data, grounding, document, mentions, description })
}

/// Writes every quad of the graph (all named graphs) into `out`.
pub fn emit(inputs: &Inputs, out: &mut dyn Emit) -> Result<(), GraphError> {
    let mut counting = Counting { inner: out, tally: Tally::default() };
    let anchors = Anchors { document: &inputs.document, mentions: &inputs.mentions };
    map(&inputs.iris, &inputs.source, &inputs.data, &inputs.grounding, &anchors, &mut counting);
    let graph = inputs.iris.graph("ontology");
    for triple in RdfParser::from_format(RdfFormat::Turtle).for_slice(ONTOLOGY_TTL) {
        let triple = triple.map_err(|source| GraphError::Parse { file: "ontology/qingpu.ttl".into(), source })?;
        counting.emit(QuadRef::new(&triple.subject, &triple.predicate, &triple.object, graph.as_ref()));
    }
    let tally = counting.tally;
    for quad in metadata::describe(&inputs.iris, &inputs.description, &inputs.data, &inputs.source, &tally) {
        out.emit(quad.as_ref());
    }
    Ok(())
}

/// Reads, checks, grounds and maps `data_dir` into quads, without a store.
pub fn quads(data_dir: &Path, base: &str) -> Result<(Vec<Quad>, Inputs), GraphError> {
    let inputs = read(data_dir, base)?;
    let mut quads = Vec::new();
    emit(&inputs, &mut quads)?;
    Ok((quads, inputs))
}

/// Builds the graph of `data_dir` in a new in-memory store.
pub fn build(data_dir: &Path, base: &str) -> Result<KnowledgeGraph, GraphError> {
    let store = Store::new()?;
    build_into(store, data_dir, base)
}

/// Builds the graph of `data_dir` into `store`, in one transaction.
pub fn build_into(store: Store, data_dir: &Path, base: &str) -> Result<KnowledgeGraph, GraphError> {
    let inputs = read(data_dir, base)?;
    let mut transaction = store.start_transaction()?;
    emit(&inputs, &mut transaction)?;
    transaction.commit()?;
    Ok(KnowledgeGraph { store, inputs })
}

/// Counts the quads that pass by graph, and the predicates they use.
struct Counting<'a> {
    inner: &'a mut dyn Emit,
    tally: Tally,
}

impl Emit for Counting<'_> {
    fn emit(&mut self, quad: QuadRef<'_>) {
        let graph = match quad.graph_name {
            GraphNameRef::NamedNode(n) => n.as_str(),
            _ => "",
        };
        match self.tally.graphs.get_mut(graph) {
            Some(n) => *n += 1,
            None => {
                self.tally.graphs.insert(graph.to_owned(), 1);
            }
        }
        if !self.tally.predicates.contains(quad.predicate.as_str()) {
            self.tally.predicates.insert(quad.predicate.as_str().to_owned());
        }
        self.inner.emit(quad);
    }
}

/// Builds the graph into a RocksDB store at `dir`, atomically: into a new folder beside it, then swapped in.
#[cfg(feature = "rocksdb")]
pub fn build_persistent(data_dir: &Path, base: &str, dir: &Path) -> Result<KnowledgeGraph, GraphError> {
    let io = |path: &Path, source: std::io::Error| GraphError::Io { path: path.display().to_string(), source };
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "store".into());
    let fresh = dir.with_file_name(format!(".{name}.building-{}", std::process::id()));
    let old = dir.with_file_name(format!(".{name}.old-{}", std::process::id()));
    let built = {
        let store = Store::open(&fresh)?;
        let graph = build_into(store, data_dir, base);
        if graph.is_err() {
            let _ = std::fs::remove_dir_all(&fresh);
        }
        let graph = graph?;
        graph.store.flush()?;
        graph
    };
    drop(built.store);
    if dir.exists() {
        std::fs::rename(dir, &old).map_err(|e| io(dir, e))?;
    }
    std::fs::rename(&fresh, dir).map_err(|e| io(dir, e))?;
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(|e| io(&old, e))?;
    }
    Ok(KnowledgeGraph { store: Store::open(dir)?, ..built })
}

/// Counts of the built graph: triples by named graph and entities by class.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub graphs: BTreeMap<String, usize>,
    pub classes: BTreeMap<String, usize>,
    pub total: usize,
}

/// Counts quads by graph (short names) and subjects by class (in the facts graph).
pub fn counts(graph: &KnowledgeGraph) -> Result<Counts, GraphError> {
    let mut counts = Counts::default();
    for name in GRAPHS {
        let g = graph.iris.graph(name);
        let n = graph.store.quads_for_pattern(None, None, None, Some(GraphNameRef::from(&g))).count();
        counts.graphs.insert((*name).to_owned(), n);
        counts.total += n;
    }
    let facts = graph.iris.graph("facts");
    for quad in graph.store.quads_for_pattern(None, Some(rdf::TYPE), None, Some(GraphNameRef::from(&facts))) {
        let quad = quad?;
        *counts.classes.entry(vocab::compact(&quad.object.to_string())).or_default() += 1;
    }
    Ok(counts)
}
