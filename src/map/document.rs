//! The `document` graph: the report itself, its parts, glossary and paragraphs, and every span of it that the
//! other graphs point to.
//!
//! Takes the report's [`Document`] structure, its paragraphs with the spans they occupy and a [`DocumentIris`]
//! scheme, and writes the report (`fabio:ReportDocument`), its parts (`doco:Section`), its glossary
//! (`doco:Glossary`), its appendices (`doco:Appendix`) and its paragraphs in order (`doco:Paragraph`, with their
//! text and spans; the one that sets out the year's main targets also `qpk:MainTargetsParagraph`). The one writer of
//! the report as a document, for the curated report and an extracted one alike. Spans are collected in [`Spans`]
//! while the graphs are written, and written once at the end ([`write_spans`]).

use super::sink::{Sink, integer, zh};
use crate::document::Document;
use crate::iri::DocumentIris;
use crate::source::Span;
use crate::vocab::{c4o, dcterms, doco, fabio, oa, qpk, rdf, rdfs, schema, skos, xsd};
use oxigraph::model::{Literal, NamedNode};
use std::collections::BTreeMap;

/// How many characters of a paragraph name it (`rdfs:label`).
const FIRST_WORDS: usize = 16;

/// The spans the graphs use, each once, by range.
#[derive(Debug, Default)]
pub struct Spans {
    by_range: BTreeMap<(usize, usize), Span>,
}

impl Spans {
    /// Notes that `span` is used.
    pub fn add(&mut self, span: &Span) {
        self.by_range.entry((span.start, span.end)).or_insert(*span);
    }
}

/// A paragraph as the document graph holds it: its text as a reader reads it, and the spans of the stored file it
/// occupies.
pub struct Paragraph<'a> {
    pub text: &'a str,
    pub spans: Vec<Span>,
}

/// What the document graph is written from.
pub struct Report<'a> {
    /// The stored text of the report, which every span points into.
    pub text: &'a str,
    /// The title, without markdown.
    pub title: Option<&'a str>,
    pub structure: &'a Document,
    pub paragraphs: Vec<Paragraph<'a>>,
}

/// Writes the report's structure into `out` (the `document` graph); the spans it uses go into `spans`. A part
/// for which `subject` gives a node names it as what it speaks of (`dcterms:subject`).
pub fn write(
    names: &DocumentIris,
    report: &Report<'_>,
    subject: &dyn Fn(usize) -> Option<NamedNode>,
    out: &mut Sink<'_>,
    spans: &mut Spans,
) {
    let document = &names.document;
    let structure = report.structure;
    out.add(document, rdf::TYPE, fabio::REPORT_DOCUMENT);
    if let Some(title) = report.title {
        out.add(document, dcterms::TITLE, &zh(title));
    }
    out.add(document, dcterms::LANGUAGE, &Literal::new_typed_literal("zh", xsd::STRING));
    let section = |index: usize| names.section(&structure.path(index));
    for (index, part) in structure.sections.iter().enumerate() {
        let node = section(index);
        let parent = part.parent.map_or_else(|| document.clone(), section);
        out.add(&node, rdf::TYPE, doco::SECTION);
        if part.appendix && part.parent.is_none() {
            out.add(&node, rdf::TYPE, doco::APPENDIX);
        }
        out.add(&node, dcterms::TITLE, &zh(&part.title));
        if !part.marker.is_empty() {
            out.add(&node, skos::NOTATION, &Literal::new_simple_literal(&part.marker));
        }
        out.add(&node, schema::POSITION, &integer(part.number));
        out.add(&node, dcterms::IS_PART_OF, &parent);
        out.add(&parent, dcterms::HAS_PART, &node);
        if let Some(subject) = subject(index) {
            out.add(&node, dcterms::SUBJECT, &subject);
        }
    }
    let glossary = structure.glossary.as_ref().map(|g| (g, names.section("glossary")));
    if let (Some(entries), Some((_, node))) = (&structure.glossary, &glossary) {
        out.add(node, rdf::TYPE, doco::GLOSSARY);
        out.add(node, rdf::TYPE, doco::SECTION);
        out.add(node, dcterms::TITLE, &zh(&entries.title));
        out.add(node, dcterms::IS_PART_OF, document);
        out.add(document, dcterms::HAS_PART, node);
    }
    let innermost = structure.innermost(report.paragraphs.len());
    for (index, (paragraph, part)) in report.paragraphs.iter().zip(innermost).enumerate() {
        let node = names.paragraph(index);
        let within = match (&glossary, part) {
            (Some((entries, glossary)), _) if entries.holds(index) => glossary.clone(),
            (_, Some(part)) => section(part),
            _ => document.clone(),
        };
        let first: String = paragraph.text.trim_start_matches('#').trim().chars().take(FIRST_WORDS).collect();
        out.add(&node, rdf::TYPE, doco::PARAGRAPH);
        if structure.main_targets == Some(index) {
            out.add(&node, rdf::TYPE, qpk::MAIN_TARGETS_PARAGRAPH);
        }
        out.add(&node, rdfs::LABEL, &zh(&first));
        out.add(&node, c4o::HAS_CONTENT, &zh(paragraph.text));
        out.add(&node, schema::POSITION, &integer(index + 1));
        out.add(&node, dcterms::IS_PART_OF, &within);
        out.add(&within, dcterms::HAS_PART, &node);
        for span in &paragraph.spans {
            out.add(&node, qpk::SPAN, &names.span(span.range()));
            spans.add(span);
        }
    }
}

/// Writes every span once, into `out` (the `document` graph): a specific resource of the report with a quote and
/// a position selector, part of its paragraph.
pub fn write_spans(names: &DocumentIris, spans: &Spans, text: &str, out: &mut Sink<'_>) {
    for span in spans.by_range.values() {
        let target = names.span(span.range());
        let quote = NamedNode::new_unchecked(format!("{}/quote", target.as_str()));
        let position = NamedNode::new_unchecked(format!("{}/position", target.as_str()));
        out.add(&target, rdf::TYPE, oa::SPECIFIC_RESOURCE);
        out.add(&target, oa::HAS_SOURCE, &names.document);
        out.add(&target, dcterms::IS_PART_OF, &names.paragraph(span.paragraph));
        out.add(&target, oa::HAS_SELECTOR, &quote);
        out.add(&target, oa::HAS_SELECTOR, &position);
        out.add(&quote, rdf::TYPE, oa::TEXT_QUOTE_SELECTOR);
        out.add(&quote, oa::EXACT, &Literal::new_simple_literal(span.exact(text)));
        let (prefix, suffix) = (span.prefix(text), span.suffix(text));
        if !prefix.is_empty() {
            out.add(&quote, oa::PREFIX_PROP, &Literal::new_simple_literal(prefix));
        }
        if !suffix.is_empty() {
            out.add(&quote, oa::SUFFIX, &Literal::new_simple_literal(suffix));
        }
        out.add(&position, rdf::TYPE, oa::TEXT_POSITION_SELECTOR);
        out.add(&position, oa::START, &integer(span.start));
        out.add(&position, oa::END, &integer(span.end));
    }
}
