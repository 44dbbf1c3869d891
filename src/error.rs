//! Errors with a place: every problem in the input names the file, line, column, id or value it is about.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where in the input a problem is: a file, and where known a line and a CSV column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, as given (e.g. `data/places.csv`).
    pub file: Arc<Path>,
    /// 1-based line of the record or text line.
    pub line: Option<u64>,
    /// 1-based column number and, for CSV, the column's name.
    pub column: Option<(usize, Box<str>)>,
}

impl Location {
    /// A place in a file without a line.
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Self { file: Arc::from(file.into()), line: None, column: None }
    }

    /// The same file at a line.
    pub fn at_line(&self, line: u64) -> Self {
        Self { file: self.file.clone(), line: Some(line), column: None }
    }

    /// The same place at a named CSV column (1-based number).
    pub fn at_column(&self, number: usize, name: &str) -> Self {
        Self { file: self.file.clone(), line: self.line, column: Some((number, name.into())) }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some((number, name)) = &self.column {
            write!(f, ":{number} (column `{name}`)")?;
        }
        Ok(())
    }
}

/// A problem in the curated data or the report text: the build stops on the first one.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{place}: cannot read")]
    Io { place: Location, source: std::io::Error },
    #[error("{place}: not valid UTF-8 (byte {byte})")]
    NotUtf8 { place: Location, byte: usize },
    #[error("{place}: {message}")]
    Csv { place: Location, message: String },
    #[error("{place}: missing column `{column}` (expected columns: {expected})")]
    MissingColumn { place: Location, column: String, expected: String },
    #[error("{place}: unexpected column `{column}` (expected columns: {expected})")]
    ExtraColumn { place: Location, column: String, expected: String },
    #[error("{place}: required value is empty")]
    Empty { place: Location },
    #[error("{place}: `{value}` is not {expected}")]
    BadValue { place: Location, value: String, expected: String },
    #[error("{place}: duplicate id `{id}` (first defined at {first})")]
    DuplicateId { place: Location, id: String, first: Box<Location> },
    #[error("{place}: unknown id `{id}`{hint}")]
    UnknownId { place: Location, id: String, hint: String },
    #[error("{place}: `{id}` is a {found}, but {expected} is expected here")]
    WrongKind { place: Location, id: String, found: Box<str>, expected: Box<str> },
    #[error("{place}: quote not found in the report: «{quote}»")]
    QuoteNotFound { place: Location, quote: String },
    #[error("{place}: label `{label}` does not occur in the report")]
    LabelNotFound { place: Location, label: String },
    #[error("{place}: the figure `{figure}` is not in the evidence «{evidence}»")]
    FigureNotInEvidence { place: Location, figure: String, evidence: String },
    #[error("{place}: {message}")]
    Invalid { place: Location, message: String },
}

/// The shapes could not be read: what is wrong with which shape.
#[derive(Debug, thiserror::Error)]
#[error("shapes: {0}")]
pub struct ShapesError(pub(crate) String);

/// A failure to build, query or write the graph. Messages leave the cause to `source()`: print the chain
/// (anyhow's `{:#}`) to see both.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error(transparent)]
    Data(Box<DataError>),
    #[error("invalid base IRI `{iri}`: {message}")]
    BaseIri { iri: String, message: String },
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("{file}")]
    Parse { file: String, source: oxigraph::io::RdfSyntaxError },
    #[error(transparent)]
    Loader(#[from] oxigraph::store::LoaderError),
    #[error("SPARQL syntax error in {origin}")]
    QuerySyntax { origin: String, source: oxigraph::sparql::SparqlSyntaxError },
    #[error("query {origin} failed")]
    QueryEvaluation { origin: String, source: oxigraph::sparql::QueryEvaluationError },
    #[error("unknown query `{name}` (known: {known})")]
    UnknownQuery { name: String, known: String },
    #[error("format `{format}` does not fit a {kind} query (use one of: {allowed})")]
    FormatMismatch { format: String, kind: String, allowed: String },
    #[error("no entity is called `{query}`; the nearest: {nearest}")]
    UnknownEntity { query: String, nearest: String },
    #[error("`{query}` names {count} entities; give the id of one: {candidates}")]
    AmbiguousEntity { query: String, count: usize, candidates: String },
    #[error(
        "`{query}` is a {kind}, which the entity graph leaves out (it holds places, organisations, people, projects, policies, events, plan elements and the glossary and theme concepts)"
    )]
    NotInView { query: String, kind: String },
    #[error("unknown graph `{name}` (known: {known})")]
    UnknownGraph { name: String, known: String },
    #[error("{}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: no store there (build it first with `build --store DIR`)", path.display())]
    NoStore { path: PathBuf },
    #[error("{}: a persistent store needs the `rocksdb` feature (cargo build --features rocksdb)", path.display())]
    NoPersistentStore { path: PathBuf },
    #[error("cannot write the output")]
    Output { source: std::io::Error },
    #[error("{file}")]
    Shapes { file: String, source: ShapesError },
}

impl From<DataError> for GraphError {
    fn from(error: DataError) -> Self {
        Self::Data(Box::new(error))
    }
}

impl GraphError {
    /// Whether the error comes from bad input (exit code 2) rather than a failure (exit code 1): the data, the
    /// base IRI, a query or a name the user gave. The embedded ontology and shapes, the store and the output are
    /// not the user's input: their failures are failures.
    pub fn is_bad_input(&self) -> bool {
        match self {
            Self::Data(_)
            | Self::BaseIri { .. }
            | Self::QuerySyntax { .. }
            | Self::UnknownQuery { .. }
            | Self::FormatMismatch { .. }
            | Self::UnknownEntity { .. }
            | Self::AmbiguousEntity { .. }
            | Self::NotInView { .. }
            | Self::UnknownGraph { .. }
            | Self::NoStore { .. }
            | Self::NoPersistentStore { .. } => true,
            Self::Storage(_)
            | Self::Parse { .. }
            | Self::Loader(_)
            | Self::QueryEvaluation { .. }
            | Self::Io { .. }
            | Self::Output { .. }
            | Self::Shapes { .. } => false,
        }
    }
}
