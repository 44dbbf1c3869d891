//! Where quads go: the one quad sink of the build and of extraction, and the literals every writer makes.
//!
//! [`Emit`] takes quads (a vector, or a store transaction); a [`Sink`] writes the triples of one named graph into
//! it.

use crate::vocab::{rdf, xsd};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, QuadRef, TermRef};

/// Where quads go.
pub trait Emit {
    fn emit(&mut self, quad: QuadRef<'_>);
}

impl Emit for Vec<Quad> {
    fn emit(&mut self, quad: QuadRef<'_>) {
        self.push(quad.into_owned());
    }
}

impl Emit for oxigraph::store::Transaction<'_> {
    fn emit(&mut self, quad: QuadRef<'_>) {
        self.insert(quad);
    }
}

/// Writes the triples of one named graph.
pub struct Sink<'a> {
    pub graph: NamedNode,
    pub out: &'a mut dyn Emit,
}

impl<'a> Sink<'a> {
    /// A writer of `graph` into `out`.
    pub fn new(graph: NamedNode, out: &'a mut dyn Emit) -> Self {
        Self { graph, out }
    }

    /// The same output, now writing `graph`.
    pub fn into_graph(self, graph: NamedNode) -> Self {
        Self { graph, out: self.out }
    }

    pub fn add<'b>(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<TermRef<'b>>) {
        self.out.emit(QuadRef::new(s, p, o.into(), GraphNameRef::NamedNode(self.graph.as_ref())));
    }

    /// `s rdf:type class` for each class.
    pub fn types(&mut self, s: &NamedNode, classes: &[NamedNodeRef<'_>]) {
        for class in classes {
            self.add(s, rdf::TYPE, *class);
        }
    }
}

/// A Chinese text.
pub fn zh(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "zh")
}

/// An English text (a translation).
pub fn en(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "en")
}

/// A typed literal.
pub fn typed(value: impl Into<String>, datatype: NamedNodeRef<'_>) -> Literal {
    Literal::new_typed_literal(value, datatype)
}

/// An `xsd:integer`.
pub fn integer(value: impl ToString) -> Literal {
    Literal::new_typed_literal(value.to_string(), xsd::INTEGER)
}
