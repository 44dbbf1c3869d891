//! IRIs and graph names: every IRI the graph mints, under one base.
//!
//! Takes a base IRI (checked: absolute, ending with `/` or `#`) and gives the IRIs of entities, observations,
//! periods, the report and its spans, and of the named graphs ([`GRAPHS`]). Every IRI is made from the base and a
//! slug of the data, never a counter or a blank node, so the same input gives the same graph. A leaf: it knows the
//! kinds of entity and nothing of the stages that use it.

use crate::error::GraphError;
use crate::kinds::Kind;
use crate::values::Period;
use oxigraph::model::NamedNode;
use std::ops::Range;

/// The default base IRI of entities and graphs.
pub const DEFAULT_BASE_IRI: &str = "https://w3id.org/qingpu-kg/";

/// The named graphs of the dataset, by short name.
pub const GRAPHS: &[&str] = &["ontology", "facts", "document", "provenance", "mentions", "metadata"];

/// Checks a base IRI: absolute, ending with `/` or `#`.
pub fn check_base_iri(base: &str) -> Result<(), GraphError> {
    let bad = |message: &str| GraphError::BaseIri { iri: base.to_owned(), message: message.to_owned() };
    NamedNode::new(base).map_err(|e| bad(&e.to_string()))?;
    if !base.ends_with('/') && !base.ends_with('#') {
        return Err(bad("it must end with `/` or `#`"));
    }
    Ok(())
}

/// IRIs under one base; places and periods, which every report shares, under the base of the whole graph.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
    shared: String,
}

impl Iris {
    /// IRIs under `base`, which must end with `/` or `#`.
    pub fn new(base: &str) -> Self {
        Self { base: base.to_owned(), shared: base.to_owned() }
    }

    /// The IRIs of one extracted report: its own things under `{base}extract/{stem}/`, its places and periods
    /// still under `base`, so that two reports naming one place name one resource.
    pub fn extracted(base: &str, stem: &str) -> Self {
        Self { base: format!("{base}extract/{}/", segment(stem)), shared: base.to_owned() }
    }

    /// The base IRI.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `{base}{path}`.
    pub fn at(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{path}", self.base))
    }

    /// The IRI of a named graph: `{base}graph/{name}`.
    pub fn graph(&self, name: &str) -> NamedNode {
        self.at(&format!("graph/{name}"))
    }

    /// The IRI of an entity: `{base}id/{kind}/{id}` (a place under the shared base).
    pub fn entity(&self, kind: Kind, id: &str) -> NamedNode {
        let base = if kind == Kind::Place { &self.shared } else { &self.base };
        NamedNode::new_unchecked(format!("{base}id/{}/{id}", kind.name()))
    }

    /// The IRI of a period: `{base}id/period/2018-2020`, under the shared base.
    pub fn period(&self, period: Period) -> NamedNode {
        NamedNode::new_unchecked(format!("{}id/period/{}", self.shared, period.slug()))
    }

    /// The IRI of an observation.
    pub fn observation(&self, id: &str) -> NamedNode {
        self.at(&format!("id/observation/{id}"))
    }

    /// The IRI of a stage of a project or policy: `{base}id/stage/{subject}-{year}-{status}`.
    pub fn stage(&self, key: &str) -> NamedNode {
        self.at(&format!("id/stage/{key}"))
    }

    /// The IRI of the report document, from the name of its file: `{base}id/report/{stem}`.
    pub fn report(&self, file_name: &str) -> NamedNode {
        let stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
        self.at(&format!("id/report/{stem}"))
    }

    /// The IRI of the statistical data set.
    pub fn figures(&self) -> NamedNode {
        self.at("id/dataset/figures")
    }
}

/// The IRIs of one report as a document: the document itself, and its parts, paragraphs and spans, named under
/// `parts`. The curated report is `{base}id/report/{stem}` with its parts under it (`…/{stem}/paragraph/3`); an
/// extracted report is `{base}extract/{stem}/document` with its parts beside it (`{base}extract/{stem}/paragraph/3`).
#[derive(Debug, Clone)]
pub struct DocumentIris {
    /// The report.
    pub document: NamedNode,
    parts: String,
}

impl DocumentIris {
    /// The curated report, from the name of its file.
    pub fn curated(iris: &Iris, file_name: &str) -> Self {
        let document = iris.report(file_name);
        let parts = format!("{}/", document.as_str());
        Self { document, parts }
    }

    /// An extracted report, under the base of its [`Iris::extracted`] (`{base}extract/{stem}/document`).
    pub fn extracted(iris: &Iris) -> Self {
        Self { document: iris.at("document"), parts: iris.base().to_owned() }
    }

    /// A paragraph: `…/paragraph/{n}`, from 1.
    pub fn paragraph(&self, index: usize) -> NamedNode {
        NamedNode::new_unchecked(format!("{}paragraph/{}", self.parts, index + 1))
    }

    /// A part: `…/section/2/5`, or `…/section/glossary`.
    pub fn section(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}section/{path}", self.parts))
    }

    /// A span of the stored file: `…/span/{start}-{end}`, in code points.
    pub fn span(&self, range: Range<usize>) -> NamedNode {
        NamedNode::new_unchecked(format!("{}span/{}-{}", self.parts, range.start, range.end))
    }
}

/// `text` as one IRI path segment: letters and digits of any script kept, everything else percent-encoded.
pub fn segment(text: &str) -> String {
    let mut segment = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '+') {
            segment.push(c);
        } else {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                segment.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    segment
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_keep_letters_of_any_script() {
        assert_eq!(segment("三网融合"), "三网融合");
        assert_eq!(segment("1+8"), "1+8");
        assert_eq!(segment("a b/、"), "a%20b%2F%E3%80%81");
    }

    #[test]
    fn a_base_must_be_absolute_and_end_with_a_separator() {
        assert!(check_base_iri("https://example.org/kg/").is_ok());
        assert!(check_base_iri("https://example.org/kg#").is_ok());
        assert!(check_base_iri("https://example.org/kg").is_err());
        assert!(check_base_iri("kg/").is_err());
    }
}
