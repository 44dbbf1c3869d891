//! Errors with a place: every problem in the input names the file, line, column, id or value it is about.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where in the input a problem is: a file, and where known a line and a CSV column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file, as given (e.g. `data/places.csv`).
    pub file: Arc<Path>,
    /// 1-based line of the record or text line.
    pub line: Option<u64>,
    /// 1-based column number and, for CSV, the column's name.
    pub column: Option<(usize, Box<str>)>,
}

impl Place {
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

impl fmt::Display for Place {
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
    Io { place: Place, source: std::io::Error },
    #[error("{place}: not valid UTF-8 (byte {byte})")]
    NotUtf8 { place: Place, byte: usize },
    #[error("{place}: {message}")]
    Csv { place: Place, message: String },
    #[error("{place}: missing column `{column}` (expected columns: {expected})")]
    MissingColumn { place: Place, column: String, expected: String },
    #[error("{place}: unexpected column `{column}` (expected columns: {expected})")]
    ExtraColumn { place: Place, column: String, expected: String },
    #[error("{place}: required value is empty")]
    Empty { place: Place },
    #[error("{place}: `{value}` is not {expected}")]
    BadValue { place: Place, value: String, expected: String },
    #[error("{place}: duplicate id `{id}` (first defined at {first})")]
    DuplicateId { place: Place, id: String, first: Box<Place> },
    #[error("{place}: unknown id `{id}`{hint}")]
    UnknownId { place: Place, id: String, hint: String },
    #[error("{place}: `{id}` is a {found}, but {expected} is expected here")]
    WrongKind { place: Place, id: String, found: Box<str>, expected: Box<str> },
    #[error("{place}: quote not found in the report: «{quote}»")]
    QuoteNotFound { place: Place, quote: String },
    #[error("{place}: label `{label}` does not occur in the report")]
    LabelNotFound { place: Place, label: String },
    #[error("{place}: the figure `{figure}` is not in the evidence «{evidence}»")]
    FigureNotInEvidence { place: Place, figure: String, evidence: String },
    #[error("{place}: {message}")]
    Invalid { place: Place, message: String },
}

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
    #[error("{path}")]
    Io { path: String, source: std::io::Error },
}

impl From<DataError> for GraphError {
    fn from(error: DataError) -> Self {
        Self::Data(Box::new(error))
    }
}

impl GraphError {
    /// Whether the error comes from bad input (exit code 2) rather than a failure (exit code 1).
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, Self::Storage(_) | Self::Io { .. })
    }
}
