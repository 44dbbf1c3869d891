//! Anchors: the report itself as a graph, and every mention of every entity in it.
//!
//! Takes the [`Source`], its [`Document`] structure and the [`Mention`]s, and writes the `document` graph (the
//! report, its parts as `doco:Section`s, its glossary as `doco:Glossary`, its paragraphs in order with their
//! text and the spans of the stored file they occupy) and the `mentions` graph (one `oa:Annotation` with motive
//! `oa:identifying` a mention, whose target is the span of the name). Spans are collected, not written: every
//! span of the report, quoted or mentioned or a paragraph's, is written once by [`crate::map`].

use crate::document::Document;
use crate::ground::Span;
use crate::map::{Iris, Sink};
use crate::mentions::Mention;
use crate::records::Dataset;
use crate::source::Source;
use crate::vocab::{c4o, dcterms, doco, fabio, oa, qpk, rdf, rdfs, schema, skos, xsd};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, TermRef};
use std::collections::BTreeMap;

/// How many characters of a paragraph name it (`rdfs:label`).
const FIRST_WORDS: usize = 16;

/// The IRI of a paragraph: `{report}/paragraph/{n}`, from 1.
pub fn paragraph_iri(report: &NamedNode, index: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/paragraph/{}", report.as_str(), index + 1))
}

/// The IRI of a part: `{report}/section/2/5`, or `{report}/section/glossary`.
pub fn section_iri(report: &NamedNode, path: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/section/{path}", report.as_str()))
}

fn zh(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "zh")
}

/// Writes the report's structure into `document`; the spans it uses go into `spans`.
pub(crate) fn map_document(
    iris: &Iris,
    source: &Source,
    structure: &Document,
    document: &mut Sink<'_>,
    spans: &mut BTreeMap<(usize, usize), Span>,
) {
    let report = iris.report(source);
    document.add(&report, rdf::TYPE, fabio::REPORT_DOCUMENT);
    if let Some(title) = structure.title {
        document.add(&report, dcterms::TITLE, &zh(source.paragraphs[title].text.trim_start_matches('#').trim()));
    }
    document.add(&report, dcterms::LANGUAGE, &Literal::new_typed_literal("zh", xsd::STRING));
    // The container of each paragraph: the innermost part, the glossary, or the report itself.
    let mut container: Vec<NamedNode> = vec![report.clone(); source.paragraphs.len()];
    for (index, section) in structure.sections.iter().enumerate() {
        let node = section_iri(&report, &structure.path(index));
        let parent = section.parent.map_or_else(|| report.clone(), |p| section_iri(&report, &structure.path(p)));
        document.add(&node, rdf::TYPE, doco::SECTION);
        document.add(&node, dcterms::TITLE, &zh(&section.title));
        document.add(&node, skos::NOTATION, &Literal::new_simple_literal(&section.marker));
        document.add(&node, schema::POSITION, &Literal::from(i64::from(section.number)));
        document.add(&node, dcterms::IS_PART_OF, &parent);
        document.add(&parent, dcterms::HAS_PART, &node);
        for slot in &mut container[section.paragraph..section.end] {
            if section.parent.is_some() || *slot == report {
                *slot = node.clone();
            }
        }
    }
    if let Some(glossary) = &structure.glossary {
        let node = section_iri(&report, "glossary");
        document.add(&node, rdf::TYPE, doco::GLOSSARY);
        document.add(&node, rdf::TYPE, doco::SECTION);
        document.add(&node, dcterms::TITLE, &zh(&glossary.title));
        document.add(&node, dcterms::IS_PART_OF, &report);
        document.add(&report, dcterms::HAS_PART, &node);
        for slot in &mut container[glossary.paragraph..] {
            *slot = node.clone();
        }
    }
    for (paragraph, within) in source.paragraphs.iter().zip(&container) {
        let node = paragraph_iri(&report, paragraph.index);
        let first: String = paragraph.text.trim_start_matches('#').trim().chars().take(FIRST_WORDS).collect();
        document.add(&node, rdf::TYPE, doco::PARAGRAPH);
        document.add(&node, rdfs::LABEL, &zh(&first));
        document.add(&node, c4o::HAS_CONTENT, &zh(&paragraph.text));
        document.add(&node, schema::POSITION, &Literal::from(paragraph.index as i64 + 1));
        document.add(&node, dcterms::IS_PART_OF, within);
        document.add(within, dcterms::HAS_PART, &node);
        for span in source.spans_in(paragraph.index, 0, paragraph.text.len()) {
            document.add(&node, qpk::SPAN, &iris.span(&report, &span));
            spans.entry((span.start, span.end)).or_insert(span);
        }
    }
}

/// Writes one annotation a mention into `out`; the spans it uses go into `spans`.
pub(crate) fn map_mentions(
    iris: &Iris,
    source: &Source,
    data: &Dataset,
    mentions: &[Mention],
    out: &mut Sink<'_>,
    spans: &mut BTreeMap<(usize, usize), Span>,
) {
    let report = iris.report(source);
    for mention in mentions {
        let entity = &data.entities[mention.entity];
        let first = &mention.spans[0];
        let node = iris.at(&format!("id/mention/{}/{}", entity.id, first.start));
        out.add(&node, rdf::TYPE, oa::ANNOTATION);
        out.add(&node, oa::MOTIVATED_BY, oa::IDENTIFYING);
        out.add(&node, oa::HAS_BODY, &iris.entity(entity.kind, &entity.id));
        for span in &mention.spans {
            out.add(&node, oa::HAS_TARGET, &iris.span(&report, span));
            spans.entry((span.start, span.end)).or_insert_with(|| span.clone());
        }
    }
}

/// Writes every span once, in the `document` graph: a specific resource of the report with a quote and a
/// position selector, part of its paragraph.
pub(crate) fn map_spans(iris: &Iris, source: &Source, spans: &BTreeMap<(usize, usize), Span>, document: &mut Sink<'_>) {
    let report = iris.report(source);
    for span in spans.values() {
        let (target, paragraph) = (iris.span(&report, span), paragraph_iri(&report, span.paragraph));
        write_span(&target, &report, &paragraph, span, &mut |s, p, o| document.add(s, p, o));
    }
}

/// The triples of one span: `target` is a specific resource of `report` with a quote and a position selector,
/// part of `paragraph`.
pub(crate) fn write_span(
    target: &NamedNode,
    report: &NamedNode,
    paragraph: &NamedNode,
    span: &Span,
    add: &mut dyn FnMut(&NamedNode, NamedNodeRef<'_>, TermRef<'_>),
) {
    let quote = NamedNode::new_unchecked(format!("{}/quote", target.as_str()));
    let position = NamedNode::new_unchecked(format!("{}/position", target.as_str()));
    add(target, rdf::TYPE, oa::SPECIFIC_RESOURCE.into());
    add(target, oa::HAS_SOURCE, report.into());
    add(target, dcterms::IS_PART_OF, paragraph.into());
    add(target, oa::HAS_SELECTOR, (&quote).into());
    add(target, oa::HAS_SELECTOR, (&position).into());
    add(&quote, rdf::TYPE, oa::TEXT_QUOTE_SELECTOR.into());
    add(&quote, oa::EXACT, (&Literal::new_simple_literal(&span.exact)).into());
    if !span.prefix.is_empty() {
        add(&quote, oa::PREFIX_PROP, (&Literal::new_simple_literal(&span.prefix)).into());
    }
    if !span.suffix.is_empty() {
        add(&quote, oa::SUFFIX, (&Literal::new_simple_literal(&span.suffix)).into());
    }
    add(&position, rdf::TYPE, oa::TEXT_POSITION_SELECTOR.into());
    add(&position, oa::START, (&Literal::new_typed_literal(span.start.to_string(), xsd::INTEGER)).into());
    add(&position, oa::END, (&Literal::new_typed_literal(span.end.to_string(), xsd::INTEGER)).into());
}
