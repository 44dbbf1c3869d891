//! The graph of an extraction: quads in four named graphs under `{base}extract/{stem}/`, written by the same
//! document, annotation and period writers as the curated report's.
//!
//! `graph/document` holds the report (`fabio:ReportDocument`), its parts (`doco:Section`, `section/2/5`), its
//! glossary (`doco:Glossary`, `section/glossary`), its paragraphs (`doco:Paragraph` with `c4o:hasContent` and
//! the spans they occupy, `qpk:span`) and every span used (`oa:SpecificResource` with `oa:TextQuoteSelector`
//! and `oa:TextPositionSelector` in code points of the stored file). `graph/facts` holds what the parts speak of
//! (`qpk:PlanElement`, a sub-part of a review `qpk:ReviewPart`, of a plan `qpk:Task`; the section's
//! `dcterms:subject`), the glossary (a `skos:ConceptScheme`), the quoted terms (candidate concepts of a scheme
//! of their own), the figures (`qb:Observation` with `sdmx-measure:obsValue`, `sdmx-attribute:unitMult`,
//! `qpk:figureKind`, `qpk:indicator`, the indicator phrase as `rdfs:label`, `qpk:reportedUnder` its part; a
//! growth rate's indicator `qpk:growthOf` the one that grew) and the known places named (the gazetteer's IRIs,
//! `{base}id/place/{id}`, as periods are `{base}id/period/{year}`). `graph/provenance` holds one annotation
//! `oa:describing` each part, glossary entry and figure, targeting the spans it was read from; `graph/mentions`
//! one annotation `oa:identifying` each occurrence of a quoted term or a known place.

use super::annotations::{self, Evidenced};
use super::document::{self, Paragraph, Report, Spans};
use super::sink::{Sink, en, integer, zh};
use super::write_periods;
use crate::facts::extract::{Extraction, PartKind};
use crate::iri::{self, DocumentIris, Iris};
use crate::kinds::Kind;
use crate::source::Span;
use crate::values::Period;
use crate::vocab::{dcterms, oa, qb, qpk, rdf, rdfs, schema, sdmx_attribute, sdmx_dimension, sdmx_measure, skos, xsd};
use oxigraph::model::{Literal, NamedNode, Quad};
use std::collections::{BTreeMap, BTreeSet};

/// The IRIs of one extraction: `{base}extract/{stem}/{path}`.
struct Names {
    iris: Iris,
    root: String,
    document: DocumentIris,
}

impl Names {
    fn new(x: &Extraction) -> Self {
        let iris = Iris::new(&x.base_iri);
        let root = format!("extract/{}/", iri::segment(x.stem()));
        let document = DocumentIris::extracted(iris.at(&root).as_str());
        Self { iris, root, document }
    }

    fn at(&self, path: &str) -> NamedNode {
        self.iris.at(&format!("{}{path}", self.root))
    }

    fn plan(&self, x: &Extraction, index: usize) -> NamedNode {
        self.at(&format!("plan/{}", x.document.path(index)))
    }
}

/// An annotation to write: its key, its body, and the spans it targets.
type Note<'x> = (String, NamedNode, Vec<&'x Span>);

/// The quads of the extraction, each once, unsorted (`export` sorts them).
pub fn quads<'x>(x: &'x Extraction) -> Vec<Quad> {
    let names = Names::new(x);
    let mut quads = Vec::new();
    let mut out = Sink::new(names.at("graph/facts"), &mut quads);
    let mut periods = BTreeSet::new();
    let (mut described, mut identified): (Vec<Note<'_>>, Vec<Note<'_>>) = (Vec::new(), Vec::new());
    for (index, (section, part)) in x.document.sections.iter().zip(&x.parts).enumerate() {
        let node = names.plan(x, index);
        out.add(&node, rdf::TYPE, qpk::PLAN_ELEMENT);
        match (section.level, part.kind) {
            (2, Some(PartKind::Review)) => out.add(&node, rdf::TYPE, qpk::REVIEW_PART),
            (2, Some(PartKind::Plan)) => out.add(&node, rdf::TYPE, qpk::TASK),
            _ => {}
        }
        out.add(&node, rdfs::LABEL, &zh(&section.title));
        out.add(&node, skos::NOTATION, &Literal::new_simple_literal(&part.notation));
        if let Some(year) = part.year {
            let period = Period { start: year, end: year };
            out.add(&node, dcterms::TEMPORAL, &names.iris.period(period));
            periods.insert(period);
        }
        described.push((format!("plan/{}", x.document.path(index)), node, part.title_spans.iter().collect()));
    }
    let glossary_labels = glossary(x, &names, &mut out, &mut described);
    if !x.terms.is_empty() {
        let document = names.at("document");
        let scheme = names.at("terms");
        out.add(&scheme, rdf::TYPE, skos::CONCEPT_SCHEME);
        out.add(&scheme, rdfs::LABEL, &zh("引号中的词语（候选概念）"));
        out.add(&scheme, rdfs::LABEL, &en("Quoted terms (candidate concepts)"));
        out.add(&scheme, dcterms::SOURCE, &document);
        for term in &x.terms {
            let key = format!("term/{}", iri::segment(&term.text));
            let node = names.at(&key);
            out.add(&node, rdf::TYPE, skos::CONCEPT);
            out.add(&node, skos::IN_SCHEME, &scheme);
            out.add(&node, skos::PREF_LABEL, &zh(&term.text));
            if let Some(entry) = glossary_labels.get(term.text.as_str()) {
                out.add(&node, rdfs::SEE_ALSO, entry);
            }
            for occurrence in &term.occurrences {
                identified.push((key.clone(), node.clone(), occurrence.spans.iter().collect()));
            }
        }
    }
    let area = x.area.map(|i| names.iris.entity(Kind::Place, &x.places[i].place.id));
    if !x.figures.is_empty() {
        figures(x, &names, area.as_ref(), &mut out, &mut periods, &mut described);
    }
    let document = names.at("document");
    for mentions in &x.places {
        let place = &mentions.place;
        let node = names.iris.entity(Kind::Place, &place.id);
        out.add(&node, rdf::TYPE, schema::PLACE);
        out.add(&node, rdfs::LABEL, &zh(&place.label_zh));
        if !place.label_en.is_empty() {
            out.add(&node, rdfs::LABEL, &en(&place.label_en));
        }
        out.add(&document, dcterms::SPATIAL, &node);
        for occurrence in &mentions.occurrences {
            identified.push((format!("place/{}", place.id), node.clone(), occurrence.spans.iter().collect()));
        }
    }
    write_periods(&names.iris, periods, &mut out);

    let mut spans = Spans::default();
    let evidenced = |notes: &[Note<'x>], annotation: &dyn Fn(&str, &Span) -> NamedNode| -> Vec<Evidenced<'x>> {
        notes
            .iter()
            .filter(|(_, _, targets)| !targets.is_empty())
            .map(|(key, body, targets)| Evidenced {
                annotation: annotation(key, targets[0]),
                body: body.clone(),
                spans: targets.clone(),
            })
            .collect()
    };
    // An item is described once; an occurrence is identified by where it starts.
    let described = evidenced(&described, &|key, _| names.at(&format!("annotation/{key}")));
    out.graph = names.at("graph/provenance");
    annotations::write(&names.document, &described, oa::DESCRIBING, &mut out, &mut spans);
    let identified = evidenced(&identified, &|key, first| names.at(&format!("mention/{key}/{}", first.start)));
    out.graph = names.at("graph/mentions");
    annotations::write(&names.document, &identified, oa::IDENTIFYING, &mut out, &mut spans);

    let report = Report {
        title: x.title.as_deref(),
        structure: &x.document,
        paragraphs: x.paragraphs.iter().map(|p| Paragraph { text: &p.text, spans: p.spans.clone() }).collect(),
    };
    out.graph = names.at("graph/document");
    document::write(&names.document, &report, Some(&|index| names.plan(x, index)), &mut out, &mut spans);
    document::write_spans(&names.document, &spans, &mut out);
    quads
}

/// The glossary as a concept scheme; gives its concepts by label.
fn glossary<'x>(
    x: &'x Extraction,
    names: &Names,
    out: &mut Sink<'_>,
    described: &mut Vec<Note<'x>>,
) -> BTreeMap<&'x str, NamedNode> {
    let mut labels = BTreeMap::new();
    let Some(glossary) = &x.document.glossary else { return labels };
    let scheme = names.at("glossary");
    out.add(&scheme, rdf::TYPE, skos::CONCEPT_SCHEME);
    out.add(&scheme, rdfs::LABEL, &zh(&glossary.title));
    out.add(&scheme, dcterms::SOURCE, &names.at("document"));
    for (index, item) in x.glossary.iter().enumerate() {
        let node = names.at(&format!("glossary/{}", index + 1));
        out.add(&node, rdf::TYPE, skos::CONCEPT);
        out.add(&node, skos::IN_SCHEME, &scheme);
        out.add(&node, skos::TOP_CONCEPT_OF, &scheme);
        out.add(&scheme, skos::HAS_TOP_CONCEPT, &node);
        out.add(&node, skos::PREF_LABEL, &zh(&item.label));
        if item.term != item.label {
            out.add(&node, skos::ALT_LABEL, &zh(&item.term));
        }
        out.add(&node, skos::NOTATION, &Literal::new_simple_literal(item.number.to_string()));
        out.add(&node, skos::DEFINITION, &zh(&item.definition));
        labels.entry(item.label.as_str()).or_insert_with(|| node.clone());
        let spans = item.term_spans.iter().chain(&item.definition_spans).collect();
        described.push((format!("glossary/{}", index + 1), node, spans));
    }
    labels
}

/// The figures as Data Cube observations, with their indicators and units as concepts.
fn figures<'x>(
    x: &'x Extraction,
    names: &Names,
    area: Option<&NamedNode>,
    out: &mut Sink<'_>,
    periods: &mut BTreeSet<Period>,
    described: &mut Vec<Note<'x>>,
) {
    let dataset = names.at("figures");
    out.add(&dataset, rdf::TYPE, qb::DATA_SET);
    out.add(&dataset, rdfs::LABEL, &zh("报告中的数字（候选）"));
    out.add(&dataset, rdfs::LABEL, &en("Figures of the report (candidates)"));
    out.add(&dataset, dcterms::SOURCE, &names.at("document"));
    let (indicators, units) = (names.at("indicators"), names.at("units"));
    for (scheme, label_zh, label_en) in
        [(&indicators, "指标（候选）", "Indicators (candidates)"), (&units, "计量单位", "Units of measure")]
    {
        out.add(scheme, rdf::TYPE, skos::CONCEPT_SCHEME);
        out.add(scheme, rdfs::LABEL, &zh(label_zh));
        out.add(scheme, rdfs::LABEL, &en(label_en));
    }
    let mut concepts: BTreeMap<(bool, &str), NamedNode> = BTreeMap::new();
    let mut concept = |out: &mut Sink<'_>, unit: bool, label: &'x str| {
        concepts
            .entry((unit, label))
            .or_insert_with(|| {
                let (scheme, path) = if unit { (&units, "unit") } else { (&indicators, "indicator") };
                let node = names.at(&format!("{path}/{}", iri::segment(label)));
                out.add(&node, rdf::TYPE, skos::CONCEPT);
                out.add(&node, skos::IN_SCHEME, scheme);
                out.add(&node, skos::PREF_LABEL, &zh(label));
                node
            })
            .clone()
    };
    let mut growth_of = BTreeSet::new();
    for figure in &x.figures {
        let key = format!("observation/{}", figure.start);
        let node = names.at(&key);
        out.add(&node, rdf::TYPE, qb::OBSERVATION);
        out.add(&node, qb::DATA_SET_PROP, &dataset);
        let value = crate::facts::cells::canonical_decimal(&figure.value);
        out.add(&node, sdmx_measure::OBS_VALUE, &Literal::new_typed_literal(value, xsd::DECIMAL));
        out.add(&node, sdmx_attribute::UNIT_MULT, &integer(figure.multiplier));
        if !figure.base_unit.is_empty() {
            let unit = concept(out, true, &figure.base_unit);
            out.add(&node, sdmx_attribute::UNIT_MEASURE, &unit);
        }
        out.add(&node, qpk::FIGURE_KIND_PROP, figure.kind.iri());
        out.add(&node, rdfs::LABEL, &zh(&figure.indicator));
        let indicator = concept(out, false, &figure.indicator);
        out.add(&node, qpk::INDICATOR, &indicator);
        if let Some(growth) = figure.growth.as_ref().filter(|g| !g.of.is_empty()) {
            let of = concept(out, false, &growth.of);
            if growth_of.insert((indicator.clone(), of.clone())) {
                out.add(&indicator, qpk::GROWTH_OF, &of);
            }
        }
        if let Some(approximation) = figure.approximation {
            out.add(&node, qpk::APPROXIMATION, approximation.iri());
        }
        if let Some(year) = figure.period {
            let period = Period { start: year, end: year };
            out.add(&node, sdmx_dimension::REF_PERIOD, &names.iris.period(period));
            periods.insert(period);
        }
        if let Some(area) = area {
            out.add(&node, sdmx_dimension::REF_AREA, area);
        }
        if let Some(section) = figure.section {
            out.add(&node, qpk::REPORTED_UNDER, &names.plan(x, section));
        }
        described.push((key, node, figure.spans.iter().collect()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::extract::{Gazetteer, extract};
    use crate::source::Source;
    use std::collections::HashSet;

    #[test]
    fn every_quad_is_written_once_and_every_iri_is_valid() {
        let text = include_str!("../../tests/fixtures/reports/district-2021.md");
        let x = extract(&Source::new("区 report+1.md", text.to_owned()), &Gazetteer::default());
        let quads = quads(&x);
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
