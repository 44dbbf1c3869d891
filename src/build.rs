//! The build: the whole flow (source → document → facts → ground → map) loaded into Oxigraph.
//!
//! Takes a data folder and a base IRI and gives a [`KnowledgeGraph`]: an Oxigraph [`Store`] (in memory, or
//! RocksDB on disk with the `rocksdb` feature) holding the named graphs of [`GRAPHS`], with the checked inputs
//! kept beside it for the commands that need them ([`Inputs`]).

use crate::document::Document;
use crate::error::{DataError, GraphError, Location};
use crate::facts::curated::{Dataset, Under};
use crate::facts::description::Description;
use crate::facts::extract::{self, ExtractError, Extraction};
use crate::ground::mentions::{self, Mention};
use crate::ground::{self, Grounding, ground};
use crate::iri::{DocumentIris, GRAPHS, Iris, check_base_iri};
use crate::map::document::{Paragraph, Report};
use crate::map::metadata::{self, Tally};
use crate::map::sink::Emit;
use crate::map::{Anchors, map};
use crate::source::Source;
use crate::vocab::{self, ONTOLOGY_TTL, rdf};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, Quad, QuadRef};
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// A built knowledge graph: the store, and the checked inputs it was built from.
pub struct KnowledgeGraph {
    pub store: Store,
    pub inputs: Inputs,
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
    /// The parts of the plan each fact stands under.
    pub under: Vec<Under>,
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
            place: Location::file(data_dir),
            message: "no entity rows: is this the data folder (with places.csv, concepts.csv ...)?".into(),
        }
        .into());
    }
    let description = Description::read(data_dir, &data)?;
    let grounding = ground(&source, &data)?;
    let document = Document::parse(&source);
    ground::check_stages(&source, &document, &data, &grounding)?;
    let mentions = mentions::find(&source, &data);
    let under = ground::under(&data, &grounding);
    Ok(Inputs { iris: Iris::new(base), source, data, grounding, document, mentions, under, description })
}

/// Writes every quad of the graph (all named graphs) into `out`.
pub fn emit(inputs: &Inputs, out: &mut dyn Emit) -> Result<(), GraphError> {
    let mut counting = Counting { inner: out, tally: Tally::default() };
    let source = &inputs.source;
    let report = Report {
        text: &source.text,
        title: inputs.document.title.map(|i| source.paragraphs[i].text.trim_start_matches('#').trim()),
        structure: &inputs.document,
        paragraphs: source
            .paragraphs
            .iter()
            .map(|p| Paragraph { text: &p.text, spans: source.spans_in(p.index, 0, p.text.len()) })
            .collect(),
    };
    let anchors = Anchors {
        report,
        names: DocumentIris::curated(&inputs.iris, &source.name),
        mentions: &inputs.mentions,
        sections: Vec::new(),
        under: &inputs.under,
    };
    map(&inputs.iris, &inputs.data, &inputs.grounding, &anchors, &mut counting);
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
    let io = |path: &Path, source: std::io::Error| GraphError::Io { path: path.to_owned(), source };
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "store".into());
    let fresh = dir.with_file_name(format!(".{name}.building-{}", std::process::id()));
    let old = dir.with_file_name(format!(".{name}.old-{}", std::process::id()));
    let inputs = read(data_dir, base)?;
    let mut quads = Vec::new();
    emit(&inputs, &mut quads)?;
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
    }
    let loaded = (|| -> Result<(), GraphError> {
        // The bulk loader is RocksDB's fast path: it writes sorted files instead of one large transaction.
        let store = Store::open(&fresh)?;
        let mut loader = store.bulk_loader();
        loader.load_quads(quads)?;
        loader.commit()?;
        store.flush()?;
        Ok(())
    })();
    if let Err(error) = loaded {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(error);
    }
    if dir.exists() {
        std::fs::rename(dir, &old).map_err(|e| io(dir, e))?;
    }
    std::fs::rename(&fresh, dir).map_err(|e| io(dir, e))?;
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(|e| io(&old, e))?;
    }
    Ok(KnowledgeGraph { store: Store::open(dir)?, inputs })
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
        let g = graph.inputs.iris.graph(name);
        let n = graph.store.quads_for_pattern(None, None, None, Some(GraphNameRef::from(&g))).count();
        counts.graphs.insert((*name).to_owned(), n);
        counts.total += n;
    }
    let facts = graph.inputs.iris.graph("facts");
    for quad in graph.store.quads_for_pattern(None, Some(rdf::TYPE), None, Some(GraphNameRef::from(&facts))) {
        let quad = quad?;
        *counts.classes.entry(vocab::compact(&quad.object.to_string())).or_default() += 1;
    }
    Ok(counts)
}

/// Where a command's graph comes from: the data folder and base IRI, and the persistent store if one is named.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The data folder: the CSV files and `source/` with the report.
    pub data: PathBuf,
    pub base_iri: String,
    /// A persistent RocksDB store (the `rocksdb` feature), built by [`Origin::build`] and read by the others.
    pub store: Option<PathBuf>,
}

impl Origin {
    /// Builds the graph: into the persistent store where one is named (atomically), else in memory.
    pub fn build(&self) -> Result<KnowledgeGraph, GraphError> {
        match &self.store {
            #[cfg(feature = "rocksdb")]
            Some(dir) => build_persistent(&self.data, &self.base_iri, dir),
            #[cfg(not(feature = "rocksdb"))]
            Some(dir) => Err(GraphError::NoPersistentStore { path: dir.clone() }),
            None => build(&self.data, &self.base_iri),
        }
    }

    /// The graph for reading: the persistent store where one is named (opened read-only; the inputs read from
    /// `data`, which the store was built from), else a fresh build in memory.
    pub fn load(&self) -> Result<KnowledgeGraph, GraphError> {
        self.open(false)
    }

    /// The graph for reading and writing (updates through `serve --allow-update`): the persistent store opened
    /// read-write, else a fresh build in memory.
    pub fn load_writable(&self) -> Result<KnowledgeGraph, GraphError> {
        self.open(true)
    }

    fn open(&self, writable: bool) -> Result<KnowledgeGraph, GraphError> {
        match &self.store {
            #[cfg(feature = "rocksdb")]
            Some(dir) => {
                if !dir.is_dir() {
                    return Err(GraphError::NoStore { path: dir.clone() });
                }
                let store = if writable { Store::open(dir)? } else { Store::open_read_only(dir)? };
                Ok(KnowledgeGraph { store, inputs: read(&self.data, &self.base_iri)? })
            }
            #[cfg(not(feature = "rocksdb"))]
            Some(dir) => {
                let _ = writable;
                Err(GraphError::NoPersistentStore { path: dir.clone() })
            }
            None => build(&self.data, &self.base_iri),
        }
    }

    /// Every quad of the graph with its inputs: read from the persistent store where one is named, else built
    /// without a store (what `export` and `push` need, at a fraction of the memory of a store).
    pub fn quads(&self) -> Result<(Vec<Quad>, Inputs), GraphError> {
        match &self.store {
            Some(_) => {
                let graph = self.load()?;
                let quads = graph.store.iter().collect::<Result<Vec<_>, _>>()?;
                Ok((quads, graph.inputs))
            }
            None => quads(&self.data, &self.base_iri),
        }
    }
}

/// What `build` reports: the quads by named graph and the entities by class, then the validation.
#[derive(Debug)]
pub struct Summary {
    pub data: PathBuf,
    pub base_iri: String,
    pub counts: Counts,
    /// Rows of the data folder: entities, relations, observations and stages.
    pub rows: usize,
    pub paragraphs: usize,
}

impl Summary {
    /// The summary of a built graph.
    pub fn of(graph: &KnowledgeGraph, data: &Path) -> Result<Self, GraphError> {
        let inputs = &graph.inputs;
        Ok(Self {
            data: data.to_owned(),
            base_iri: inputs.iris.base().to_owned(),
            counts: counts(graph)?,
            rows: inputs.data.entities.len()
                + inputs.data.relations.len()
                + inputs.data.observations.len()
                + inputs.data.stages.len(),
            paragraphs: inputs.source.paragraphs.len(),
        })
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "built {} quads from {} ({} rows, {} paragraphs of the report)",
            self.counts.total,
            self.data.display(),
            self.rows,
            self.paragraphs
        )?;
        writeln!(f, "\nby named graph:")?;
        let iris = Iris::new(&self.base_iri);
        for (name, n) in &self.counts.graphs {
            writeln!(f, "  {n:>7}  {}", iris.graph(name).as_str())?;
        }
        writeln!(f, "\nby class (facts graph):")?;
        self.counts.write_classes(f)
    }
}

impl Counts {
    /// The entities by class, most first, a line each.
    pub fn write_classes(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut classes: Vec<_> = self.classes.iter().collect();
        classes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (class, n) in classes {
            writeln!(f, "  {n:>7}  {class}")?;
        }
        Ok(())
    }
}

/// A report nobody curated, extracted: what was read from it, and its graph.
#[derive(Debug)]
pub struct Extracted {
    pub extraction: Extraction,
    /// The quads of its graph, unsorted.
    pub quads: Vec<Quad>,
}

/// Reads and extracts `report` (see [`crate::facts::extract`]) and maps it to its graph ([`extracted_quads`]).
pub fn extract(report: &Path, options: &extract::Options) -> Result<Extracted, ExtractError> {
    let extraction = extract::extract_file(report, options)?;
    let quads = extracted_quads(&extraction);
    Ok(Extracted { extraction, quads })
}

/// The graph of an extraction, each quad once, unsorted (`export` sorts them): its rows ([`extract::rows()`]),
/// grounded in the spans they were read from, mapped by the mapper of the curated rows ([`map`]), with its own
/// things under `{base}extract/{stem}/` and its places and periods under the base ([`Iris::extracted`]).
pub fn extracted_quads(x: &Extraction) -> Vec<Quad> {
    let iris = Iris::extracted(&x.base_iri, x.stem());
    let rows = extract::rows(x);
    let grounding = Grounding::of(rows.spans);
    let mentions: Vec<Mention> = rows
        .named
        .into_iter()
        .filter(|(_, spans)| !spans.is_empty())
        .map(|(entity, spans)| Mention {
            entity,
            paragraph: spans[0].paragraph,
            name: spans.iter().map(|s| s.exact(&x.text)).collect(),
            spans,
        })
        .collect();
    let report = Report {
        text: &x.text,
        title: x.title.as_deref(),
        structure: &x.document,
        paragraphs: x.paragraphs.iter().map(|p| Paragraph { text: &p.text, spans: p.spans.clone() }).collect(),
    };
    let anchors = Anchors {
        report,
        names: DocumentIris::extracted(&iris),
        mentions: &mentions,
        sections: rows.sections,
        under: &rows.under,
    };
    let mut quads = Vec::new();
    map(&iris, &rows.data, &grounding, &anchors, &mut quads);
    quads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::extract::{Gazetteer, extract};
    use oxigraph::model::NamedNode;
    use std::collections::HashSet;

    #[test]
    fn every_quad_of_an_extraction_is_written_once_and_every_iri_is_valid() {
        let text = include_str!("../tests/fixtures/reports/district-2021.md");
        let x = extract(&Source::new("区 report+1.md", text.to_owned()), &Gazetteer::default());
        let quads = extracted_quads(&x);
        let unique: HashSet<&Quad> = quads.iter().collect();
        assert_eq!(unique.len(), quads.len());
        for quad in &quads {
            for term in [quad.subject.to_string(), quad.predicate.to_string(), quad.object.to_string()] {
                if let Some(iri) = term.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
                    NamedNode::new(iri).unwrap_or_else(|e| panic!("{iri}: {e}"));
                }
            }
        }
        assert!(quads.iter().any(|q| q.subject.to_string().contains("/extract/区%20report+1/document")));
    }
}
