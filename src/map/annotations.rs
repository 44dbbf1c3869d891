//! The `provenance` and `mentions` graphs: Web Annotations from what the graph states to the words of the report.
//!
//! Takes [`Evidenced`] statements — a curated row with the spans its quotes were grounded to, or an extracted
//! item with the spans it was read from — and writes one `oa:Annotation` each, with its motive (`oa:describing`
//! for the evidence of a fact, `oa:identifying` for a mention), its body (what is stated or named) and one target
//! per span. The one writer of annotations, for the curated build and an extraction alike.

use super::document::Spans;
use super::sink::Sink;
use crate::iri::DocumentIris;
use crate::source::Span;
use crate::vocab::{oa, rdf};
use oxigraph::model::{NamedNode, NamedNodeRef};

/// A statement of the graph with the spans of the report that state it.
#[derive(Debug, Clone)]
pub struct Evidenced<'a> {
    /// The annotation's IRI.
    pub annotation: NamedNode,
    /// What is stated or named: an entity, an observation, a reified statement.
    pub body: NamedNode,
    /// The spans of the report, in the order of the words.
    pub spans: Vec<&'a Span>,
}

/// Writes one annotation with `motive` for each statement that has spans; the spans go into `spans`. A span
/// given twice (a row quoting the same words as evidence and as definition) is one target.
pub fn write(
    names: &DocumentIris,
    statements: &[Evidenced<'_>],
    motive: NamedNodeRef<'_>,
    out: &mut Sink<'_>,
    spans: &mut Spans,
) {
    for statement in statements.iter().filter(|s| !s.spans.is_empty()) {
        let node = &statement.annotation;
        out.add(node, rdf::TYPE, oa::ANNOTATION);
        out.add(node, oa::MOTIVATED_BY, motive);
        out.add(node, oa::HAS_BODY, &statement.body);
        for (n, span) in statement.spans.iter().enumerate() {
            if statement.spans[..n].iter().any(|s| s.range() == span.range()) {
                continue;
            }
            out.add(node, oa::HAS_TARGET, &names.span(span.range()));
            spans.add(span);
        }
    }
}
