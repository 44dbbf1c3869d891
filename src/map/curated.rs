//! The curated facts: checked rows and their grounded quotes become the `facts`, `provenance`, `mentions` and
//! `document` graphs.
//!
//! Takes the [`Dataset`], its [`Grounding`], the [`Source`] and its [`Anchors`] (the report's structure and the
//! mentions of entities), and writes their quads into any [`Emit`]. A span of the report is one resource,
//! `{report}/span/{start}-{end}`, shared by every annotation that quotes it.

use super::annotations::{self, Evidenced};
use super::document::{self, Paragraph, Report, Spans};
use super::sink::{Emit, Sink, en, typed, zh};
use super::write_periods;
use crate::document::Document;
use crate::facts::cells;
use crate::facts::curated::{Dataset, Detail, Entity, Observation, Relation};
use crate::ground::Grounding;
use crate::ground::mentions::Mention;
use crate::iri::{DocumentIris, Iris};
use crate::kinds::{self, Kind};
use crate::source::Source;
use crate::values::Period;
use crate::vocab::{
    dcterms, oa, org, owl, qb, qpk, rdf, rdfs, schema, sdmx_attribute, sdmx_dimension, sdmx_measure, skos, xsd,
};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef};
use std::collections::BTreeMap;

/// What anchors the graph in the text besides the quotes: the report's structure and the mentions of entities.
pub struct Anchors<'a> {
    pub document: &'a Document,
    pub mentions: &'a [Mention],
}

/// Maps the data into quads of the `facts`, `provenance`, `document` and `mentions` graphs.
pub fn map(
    iris: &Iris,
    source: &Source,
    data: &Dataset,
    grounding: &Grounding,
    anchors: &Anchors<'_>,
    out: &mut dyn Emit,
) {
    let mut periods = BTreeMap::new();
    let mut facts = Sink::new(iris.graph("facts"), out);
    for entity in &data.entities {
        map_entity(iris, entity, &mut facts, &mut periods);
    }
    map_reported_under(iris, data, grounding, &mut facts);
    for link in &data.links {
        if let Some(entity) = data.get(&link.id) {
            facts.add(&iris.entity(entity.kind, &entity.id), owl::SAME_AS, NamedNodeRef::new_unchecked(&link.same_as));
        }
    }
    for relation in &data.relations {
        let (s, p, o) = triple_of(iris, data, relation);
        if let Some(inverse) = relation.predicate.inverse {
            facts.add(&o, inverse, &s);
        }
        facts.add(&s, p, &o);
    }
    if !data.observations.is_empty() {
        map_structure(iris, &mut facts);
    }
    for observation in &data.observations {
        let period = Period { start: observation.period, end: observation.period };
        periods.insert(period, iris.period(period));
        map_observation(iris, data, observation, &mut facts);
    }
    write_periods(iris, periods.keys().copied(), &mut facts);

    let names = DocumentIris::curated(iris, &source.name);
    let mut spans = Spans::default();
    let grounded = |annotation: NamedNode, body: NamedNode, key: &str| Evidenced {
        annotation,
        body,
        spans: grounding.spans(key).iter().collect(),
    };
    let mut described: Vec<Evidenced<'_>> = Vec::new();
    let annotation = |key: &str| iris.at(&format!("id/annotation/{key}"));
    for entity in &data.entities {
        described.push(grounded(annotation(&entity.id), iris.entity(entity.kind, &entity.id), &entity.id));
    }
    let mut provenance = facts.into_graph(iris.graph("provenance"));
    for relation in &data.relations {
        let key = relation.key();
        let statement = iris.at(&format!("id/statement/{key}"));
        let (s, p, o) = triple_of(iris, data, relation);
        provenance.add(&statement, rdf::TYPE, rdf::STATEMENT);
        provenance.add(&statement, rdf::SUBJECT, &s);
        provenance.add(&statement, rdf::PREDICATE, p);
        provenance.add(&statement, rdf::OBJECT, &o);
        described.push(grounded(annotation(&key), statement, &key));
    }
    for observation in &data.observations {
        described.push(grounded(annotation(&observation.id), iris.observation(&observation.id), &observation.id));
    }
    annotations::write(&names, &described, oa::DESCRIBING, &mut provenance, &mut spans);

    let identified: Vec<Evidenced<'_>> = anchors
        .mentions
        .iter()
        .map(|mention| {
            let entity = &data.entities[mention.entity];
            Evidenced {
                annotation: iris.at(&format!("id/mention/{}/{}", entity.id, mention.spans[0].start)),
                body: iris.entity(entity.kind, &entity.id),
                spans: mention.spans.iter().collect(),
            }
        })
        .collect();
    let mut mentions = provenance.into_graph(iris.graph("mentions"));
    annotations::write(&names, &identified, oa::IDENTIFYING, &mut mentions, &mut spans);

    let report = Report {
        title: anchors.document.title.map(|i| source.paragraphs[i].text.trim_start_matches('#').trim()),
        structure: anchors.document,
        paragraphs: source
            .paragraphs
            .iter()
            .map(|p| Paragraph { text: &p.text, spans: source.spans_in(p.index, 0, p.text.len()) })
            .collect(),
    };
    let mut document = mentions.into_graph(iris.graph("document"));
    document::write(&names, &report, None, &mut document, &mut spans);
    document::write_spans(&names, &spans, &mut document);
}

fn map_entity(iris: &Iris, entity: &Entity, facts: &mut Sink<'_>, periods: &mut BTreeMap<Period, NamedNode>) {
    let node = iris.entity(entity.kind, &entity.id);
    facts.types(&node, entity.kind.classes());
    facts.types(&node, kinds::type_classes(entity.kind, &entity.type_id));
    let (label_zh, label_en) = (zh(&entity.label_zh), en(&entity.label_en));
    for property in [rdfs::LABEL, skos::PREF_LABEL] {
        facts.add(&node, property, &label_zh);
        facts.add(&node, property, &label_en);
    }
    for alias in &entity.alt_zh {
        facts.add(&node, skos::ALT_LABEL, &zh(alias));
    }
    let concept = |id: &str| iris.entity(Kind::Concept, id);
    match &entity.detail {
        Detail::Place { division_code: Some(code) } => {
            facts.add(&node, qpk::DIVISION_CODE, &typed(code, xsd::STRING));
        }
        Detail::Person { post_zh, post_en } => {
            let post = iris.at(&format!("id/post/{}", entity.id));
            let (title_zh, title_en) = (zh(post_zh), en(post_en));
            facts.add(&post, rdf::TYPE, org::POST);
            facts.add(&post, rdfs::LABEL, &title_zh);
            facts.add(&post, rdfs::LABEL, &title_en);
            facts.add(&post, org::HELD_BY, &node);
            facts.add(&node, org::HOLDS, &post);
            facts.add(&node, schema::JOB_TITLE, &title_zh);
            facts.add(&node, schema::JOB_TITLE, &title_en);
        }
        Detail::Project { status, year } => {
            if let Some(status) = status {
                facts.add(&node, qpk::STATUS, &concept(status));
            }
            if let Some(year) = year {
                facts.add(&node, qpk::STATUS_YEAR, &typed(year.to_string(), xsd::GYEAR));
            }
        }
        Detail::Policy { status, period } => {
            facts.add(&node, schema::LEGISLATION_TYPE, &concept(&entity.type_id));
            if let Some(status) = status {
                facts.add(&node, qpk::STATUS, &concept(status));
            }
            if let Some(period) = period {
                let iri = periods.entry(*period).or_insert_with(|| iris.period(*period));
                facts.add(&node, dcterms::TEMPORAL, &*iri);
            }
        }
        Detail::Event { year: Some(year) } => {
            let period = Period { start: *year, end: *year };
            let iri = periods.entry(period).or_insert_with(|| iris.period(period));
            facts.add(&node, dcterms::TEMPORAL, &*iri);
        }
        Detail::Concept { scheme, broader, notation, definition } => {
            let scheme = iris.entity(Kind::Scheme, scheme);
            facts.add(&node, skos::IN_SCHEME, &scheme);
            match broader {
                Some(broader) => {
                    let broader = concept(broader);
                    facts.add(&node, skos::BROADER, &broader);
                    facts.add(&broader, skos::NARROWER, &node);
                }
                None => {
                    facts.add(&node, skos::TOP_CONCEPT_OF, &scheme);
                    facts.add(&scheme, skos::HAS_TOP_CONCEPT, &node);
                }
            }
            if let Some(notation) = notation {
                facts.add(&node, skos::NOTATION, &Literal::new_simple_literal(notation));
            }
            if let Some(definition) = definition {
                facts.add(&node, skos::DEFINITION, &zh(&definition.text));
            }
        }
        Detail::Task { notation: Some(notation) } => {
            facts.add(&node, skos::NOTATION, &Literal::new_simple_literal(notation));
        }
        _ => {}
    }
}

/// Links each fact to the parts of the report's plan (a part of the review of 2019, a task or goal of 2020)
/// in whose paragraphs its own quotes stand: `qpk:reportedUnder`, derived from where the words are; and gives
/// each plan element its place in the report's order (`schema:position`, by where its words first stand).
fn map_reported_under(iris: &Iris, data: &Dataset, grounding: &Grounding, facts: &mut Sink<'_>) {
    let mut order: Vec<(usize, &Entity)> = data
        .entities
        .iter()
        .filter(|e| e.kind == Kind::Task)
        .map(|e| (grounding.spans(&e.id).first().map_or(usize::MAX, |s| s.start), e))
        .collect();
    order.sort_by_key(|(start, e)| (*start, e.id.as_str()));
    for (position, (_, task)) in order.iter().enumerate() {
        let node = iris.entity(Kind::Task, &task.id);
        facts.add(&node, schema::POSITION, &typed((position + 1).to_string(), xsd::INTEGER));
    }
    let mut items: BTreeMap<usize, Vec<NamedNode>> = BTreeMap::new();
    for task in data.entities.iter().filter(|e| e.kind == Kind::Task && e.type_id != kinds::TASK_STRATEGY) {
        for span in grounding.spans(&task.id) {
            let node = iris.entity(Kind::Task, &task.id);
            let list = items.entry(span.paragraph).or_default();
            if !list.contains(&node) {
                list.push(node);
            }
        }
    }
    let mut link = |key: &str, node: &NamedNode| {
        let mut done: Vec<&NamedNode> = Vec::new();
        for span in grounding.spans(key) {
            for item in items.get(&span.paragraph).into_iter().flatten() {
                if !done.contains(&item) {
                    facts.add(node, qpk::REPORTED_UNDER, item);
                    done.push(item);
                }
            }
        }
    };
    let stated = [Kind::Place, Kind::Organization, Kind::Person, Kind::Project, Kind::Policy, Kind::Event];
    for entity in data.entities.iter().filter(|e| stated.contains(&e.kind)) {
        link(&entity.id, &iris.entity(entity.kind, &entity.id));
    }
    for observation in &data.observations {
        link(&observation.id, &iris.observation(&observation.id));
    }
}

/// The subject, property and object a relation row states.
fn triple_of<'a>(iris: &Iris, data: &Dataset, relation: &'a Relation) -> (NamedNode, NamedNodeRef<'a>, NamedNode) {
    let node = |id: &str| iris.entity(data.get(id).map_or(Kind::Concept, |e| e.kind), id);
    let (subject, object) = (node(&relation.subject), node(&relation.object));
    if relation.predicate.reversed {
        (object, relation.predicate.property, subject)
    } else {
        (subject, relation.predicate.property, object)
    }
}

/// The Data Cube structure of the figures: dimensions indicator, area, period and kind; one measure.
fn map_structure(iris: &Iris, facts: &mut Sink<'_>) {
    let dataset = iris.figures();
    let dsd = iris.at("id/dsd/figures");
    facts.add(&dataset, rdf::TYPE, qb::DATA_SET);
    facts.add(&dataset, rdfs::LABEL, &zh("2019年主要指标与2020年主要预期目标"));
    facts.add(&dataset, rdfs::LABEL, &en("Main indicators of 2019 and main expected targets of 2020"));
    facts.add(&dataset, qb::STRUCTURE, &dsd);
    facts.add(&dsd, rdf::TYPE, qb::DATA_STRUCTURE_DEFINITION);
    let components: [(&str, NamedNodeRef<'_>, NamedNodeRef<'_>, bool); 9] = [
        ("indicator", qb::DIMENSION, qpk::INDICATOR, true),
        ("area", qb::DIMENSION, sdmx_dimension::REF_AREA, true),
        ("period", qb::DIMENSION, sdmx_dimension::REF_PERIOD, true),
        ("kind", qb::DIMENSION, qpk::FIGURE_KIND_PROP, true),
        ("value", qb::MEASURE, sdmx_measure::OBS_VALUE, true),
        ("unit", qb::ATTRIBUTE, sdmx_attribute::UNIT_MEASURE, true),
        ("multiplier", qb::ATTRIBUTE, sdmx_attribute::UNIT_MULT, true),
        ("concerns", qb::ATTRIBUTE, qpk::CONCERNS, false),
        ("approximation", qb::ATTRIBUTE, qpk::APPROXIMATION, false),
    ];
    for (order, (name, role, property, required)) in components.into_iter().enumerate() {
        let component = iris.at(&format!("id/dsd/figures/{name}"));
        facts.add(&dsd, qb::COMPONENT, &component);
        facts.add(&component, rdf::TYPE, qb::COMPONENT_SPECIFICATION);
        facts.add(&component, role, property);
        facts.add(&component, qb::ORDER, &typed((order + 1).to_string(), xsd::INTEGER));
        if role == qb::ATTRIBUTE {
            facts.add(&component, qb::COMPONENT_REQUIRED, &Literal::from(required));
        }
    }
}

fn map_observation(iris: &Iris, data: &Dataset, observation: &Observation, facts: &mut Sink<'_>) {
    let node = iris.observation(&observation.id);
    let period = Period { start: observation.period, end: observation.period };
    facts.add(&node, qpk::INDICATOR, &iris.entity(Kind::Concept, &observation.indicator));
    facts.add(&node, sdmx_dimension::REF_AREA, &iris.entity(Kind::Place, &observation.area));
    facts.add(&node, sdmx_dimension::REF_PERIOD, &iris.period(period));
    facts.add(&node, qpk::FIGURE_KIND_PROP, observation.kind.iri());
    if let Some(about) = observation.about.as_deref().and_then(|id| data.get(id)) {
        facts.add(&node, qpk::CONCERNS, &iris.entity(about.kind, &about.id));
    }
    match &observation.figure {
        Some(figure) => {
            facts.add(&node, rdf::TYPE, qb::OBSERVATION);
            facts.add(&node, qb::DATA_SET_PROP, &iris.figures());
            facts.add(&node, sdmx_measure::OBS_VALUE, &typed(cells::canonical_decimal(&figure.value), xsd::DECIMAL));
            facts.add(&node, sdmx_attribute::UNIT_MEASURE, &iris.entity(Kind::Concept, &figure.unit));
            facts.add(&node, sdmx_attribute::UNIT_MULT, &typed(figure.multiplier.to_string(), xsd::INTEGER));
            if let Some(approximation) = figure.approximation {
                facts.add(&node, qpk::APPROXIMATION, approximation.iri());
            }
        }
        None => {
            facts.add(&node, rdf::TYPE, qpk::QUALITATIVE_TARGET);
            let words: Vec<&str> = observation.evidence.iter().map(|q| q.text.as_str()).collect();
            facts.add(&node, skos::NOTE, &zh(&words.join("…")));
        }
    }
}
