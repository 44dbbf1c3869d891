//! Mapping: facts and the report become quads in named graphs.
//!
//! Takes the facts of a report — rows with the spans they stand in, curated or extracted alike — with the report
//! as a document, and writes the `facts`, `provenance`, `mentions` and `document` graphs into an
//! [`Emit`](sink::Emit) ([`facts`]); the `metadata` graph is written last from the counts of the others
//! ([`metadata`]). One mapper of facts, one writer of the document ([`document`]), one of the annotations
//! ([`annotations`]), one of periods, one quad sink ([`sink`]). Every IRI comes from
//! [`crate::iri`], so the same input gives the same graph.

pub mod annotations;
pub mod document;
pub mod facts;
pub mod metadata;
pub mod sink;

pub use facts::{Anchors, map};

use crate::iri::Iris;
use crate::values::Period;
use crate::vocab::{dcat, dcterms, rdf, rdfs, xsd};
use oxigraph::model::Literal;
use sink::{Sink, typed};

/// Writes each period once: a `dcterms:PeriodOfTime` with its label and its first and last year.
pub fn write_periods(iris: &Iris, periods: impl IntoIterator<Item = Period>, out: &mut Sink<'_>) {
    for period in periods {
        let node = iris.period(period);
        out.add(&node, rdf::TYPE, dcterms::PERIOD_OF_TIME);
        out.add(&node, rdfs::LABEL, &Literal::new_simple_literal(period.to_string()));
        out.add(&node, dcat::START_DATE, &typed(period.start.to_string(), xsd::GYEAR));
        out.add(&node, dcat::END_DATE, &typed(period.end.to_string(), xsd::GYEAR));
    }
}
