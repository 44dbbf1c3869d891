//! Validation: the built graph against the SHACL shapes and the integrity queries.
//!
//! Takes a built [`KnowledgeGraph`] and gives a [`Report`]: the SHACL violations (see [`shacl`]) and
//! the rows of every `queries/checks/*-violation.rq` query, each of which must return none.

pub mod shacl;

use crate::build::KnowledgeGraph;
use crate::error::GraphError;
use crate::query::{self, QueryText};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Graph, Triple};
use oxigraph::sparql::QueryResults;
use shacl::{Shapes, Violation, union_graph};
use std::fmt;

/// The SHACL shapes the graph must conform to, embedded.
pub const SHAPES_TTL: &str = include_str!("../ontology/shapes.ttl");

/// The integrity queries, embedded: `queries/checks/NAME-violation.rq`; each must return no rows.
pub const CHECKS: &[(&str, &str)] = &[
    ("dangling-reference", include_str!("../queries/checks/dangling-reference-violation.rq")),
    ("missing-annotation", include_str!("../queries/checks/missing-annotation-violation.rq")),
    ("label-languages", include_str!("../queries/checks/label-languages-violation.rq")),
    ("observation-dimensions", include_str!("../queries/checks/observation-dimensions-violation.rq")),
    ("span-length", include_str!("../queries/checks/span-length-violation.rq")),
    ("undeclared-term", include_str!("../queries/checks/undeclared-term-violation.rq")),
    ("unthemed", include_str!("../queries/checks/unthemed-violation.rq")),
];

/// What validation found.
#[derive(Debug, Default)]
pub struct Report {
    pub shacl: Vec<Violation>,
    /// Each check's name and the rows it returned (one line a row).
    pub checks: Vec<(String, Vec<String>)>,
    /// How many node shapes were checked.
    pub shapes: usize,
}

impl Report {
    /// Whether the graph passed everything.
    pub fn conforms(&self) -> bool {
        self.shacl.is_empty() && self.checks.iter().all(|(_, rows)| rows.is_empty())
    }

    /// How many problems were found.
    pub fn problems(&self) -> usize {
        self.shacl.len() + self.checks.iter().map(|(_, rows)| rows.len()).sum::<usize>()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let compact = |t: &str| crate::vocab::compact(t);
        if self.shacl.is_empty() {
            writeln!(f, "SHACL: conforms ({} node shapes)", self.shapes)?;
        } else {
            writeln!(f, "SHACL: {} violation(s)", self.shacl.len())?;
            for v in &self.shacl {
                let path = v.path.as_deref().map(|p| format!(" {}", compact(p))).unwrap_or_default();
                let value = v.value.as_ref().map(|t| format!(" value {t}")).unwrap_or_default();
                writeln!(
                    f,
                    "  ✗ {}{path}: {} — {}{value} (shape {})",
                    v.focus,
                    v.component,
                    v.message,
                    compact(&v.shape)
                )?;
            }
        }
        for (name, rows) in &self.checks {
            if rows.is_empty() {
                writeln!(f, "check {name}: ok")?;
            } else {
                writeln!(f, "check {name}: {} violation(s)", rows.len())?;
                for row in rows {
                    writeln!(f, "  ✗ {row}")?;
                }
            }
        }
        Ok(())
    }
}

/// Reads the embedded shapes.
pub fn shapes() -> Result<Shapes, GraphError> {
    let mut graph = Graph::new();
    for triple in RdfParser::from_format(RdfFormat::Turtle).for_slice(SHAPES_TTL) {
        let quad = triple.map_err(|source| GraphError::Parse { file: "ontology/shapes.ttl".into(), source })?;
        graph.insert(&Triple::from(quad));
    }
    Shapes::from_graph(&graph).map_err(|source| GraphError::Shapes { file: "ontology/shapes.ttl".into(), source })
}

/// Validates the graph: SHACL over the union of all graphs, then every integrity query.
pub fn validate(graph: &KnowledgeGraph) -> Result<Report, GraphError> {
    let shapes = shapes()?;
    let quads: Vec<_> = graph.store.iter().collect::<Result<_, _>>()?;
    let data = union_graph(quads.iter().map(|q| q.as_ref().into()));
    let mut report = Report { shacl: shapes.validate(&data), shapes: shapes.len(), ..Report::default() };
    for (name, text) in CHECKS {
        let query = QueryText { text: (*text).to_owned(), origin: format!("queries/checks/{name}-violation.rq") };
        let rows = match query::execute(&graph.store, &query, false)? {
            QueryResults::Solutions(solutions) => solutions
                .map(|s| s.map(|s| s.iter().map(|(v, t)| format!("?{}={t}", v.as_str())).collect::<Vec<_>>().join(" ")))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|source| GraphError::QueryEvaluation { origin: query.origin.clone(), source })?,
            QueryResults::Boolean(true) => vec!["ASK returned true".to_owned()],
            QueryResults::Boolean(false) | QueryResults::Graph(_) => Vec::new(),
        };
        report.checks.push(((*name).to_owned(), rows));
    }
    Ok(report)
}
