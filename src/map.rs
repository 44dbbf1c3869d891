//! Mapping: checked rows and their spans become quads in named graphs.
//!
//! Takes the [`Dataset`], its [`Grounding`], the [`Source`] and its [`Anchors`], and writes the quads of the
//! `facts`, `provenance`, `mentions` and `document` graphs into any [`Emit`] (a vector, or a store transaction). Every IRI is made
//! from the base IRI and a slug of the data, never a counter or a blank node, so the same input gives the same
//! graph. A span of the report is one resource, `{report}/span/{start}-{end}`, shared by every annotation that
//! quotes it.

use crate::anchor;
use crate::cells;
use crate::document::Document;
use crate::ground::{Grounding, Span};
use crate::kinds::{self, Kind};
use crate::mentions::Mention;
use crate::records::{Dataset, Detail, Entity, Observation, Period, Relation};
use crate::source::Source;
use crate::vocab::{
    dcat, dcterms, oa, org, owl, qb, qpk, rdf, rdfs, schema, sdmx_attribute, sdmx_dimension, sdmx_measure, skos, xsd,
};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, QuadRef, TermRef};
use std::collections::BTreeMap;

/// The named graphs of the dataset, by short name.
pub const GRAPHS: &[&str] = &["ontology", "facts", "document", "provenance", "mentions", "metadata"];

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

/// IRIs under one base.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
}

impl Iris {
    /// IRIs under `base`, which must end with `/` or `#`.
    pub fn new(base: &str) -> Self {
        Self { base: base.to_owned() }
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

    /// The IRI of an entity: `{base}id/{kind}/{id}`.
    pub fn entity(&self, kind: Kind, id: &str) -> NamedNode {
        self.at(&format!("id/{}/{id}", kind.name()))
    }

    /// The IRI of a period: `{base}id/period/2018-2020`.
    pub fn period(&self, period: Period) -> NamedNode {
        self.at(&format!("id/period/{}", period.slug()))
    }

    /// The IRI of an observation.
    pub fn observation(&self, id: &str) -> NamedNode {
        self.at(&format!("id/observation/{id}"))
    }

    /// The IRI of the report document.
    pub fn report(&self, source: &Source) -> NamedNode {
        let stem = source.name.rsplit_once('.').map_or(source.name.as_str(), |(stem, _)| stem);
        self.at(&format!("id/report/{stem}"))
    }

    /// The IRI of a span of the report: `{report}/span/{start}-{end}` (code points).
    pub fn span(&self, report: &NamedNode, span: &Span) -> NamedNode {
        NamedNode::new_unchecked(format!("{}/span/{}-{}", report.as_str(), span.start, span.end))
    }

    /// The IRI of the statistical data set.
    pub fn figures(&self) -> NamedNode {
        self.at("id/dataset/figures")
    }
}

fn zh(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "zh")
}

fn en(text: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(text, "en")
}

fn typed(value: impl Into<String>, datatype: NamedNodeRef<'_>) -> Literal {
    Literal::new_typed_literal(value, datatype)
}

/// Writes quads of one graph.
pub(crate) struct Sink<'a> {
    pub(crate) graph: NamedNode,
    pub(crate) out: &'a mut dyn Emit,
}

impl Sink<'_> {
    pub(crate) fn add<'b>(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<TermRef<'b>>) {
        self.out.emit(QuadRef::new(s, p, o.into(), GraphNameRef::NamedNode(self.graph.as_ref())));
    }

    fn types(&mut self, s: &NamedNode, classes: &[NamedNodeRef<'_>]) {
        for class in classes {
            self.add(s, rdf::TYPE, *class);
        }
    }
}

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
    let report = iris.report(source);
    let mut periods = BTreeMap::new();
    let mut facts = Sink { graph: iris.graph("facts"), out };
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
    for (period, node) in &periods {
        facts.add(node, rdf::TYPE, dcterms::PERIOD_OF_TIME);
        facts.add(node, rdfs::LABEL, &Literal::new_simple_literal(period.to_string()));
        facts.add(node, dcat::START_DATE, &typed(period.start.to_string(), xsd::GYEAR));
        facts.add(node, dcat::END_DATE, &typed(period.end.to_string(), xsd::GYEAR));
    }

    let mut provenance = Sink { graph: iris.graph("provenance"), out: facts.out };
    let mut spans: BTreeMap<(usize, usize), Span> = BTreeMap::new();
    let mut annotate = |key: &str, body: &NamedNode, out: &mut Sink<'_>| {
        let quoted = grounding.spans(key);
        if quoted.is_empty() {
            return;
        }
        let annotation = iris.at(&format!("id/annotation/{key}"));
        out.add(&annotation, rdf::TYPE, oa::ANNOTATION);
        out.add(&annotation, oa::MOTIVATED_BY, oa::DESCRIBING);
        out.add(&annotation, oa::HAS_BODY, body);
        for (n, span) in quoted.iter().enumerate() {
            // A row may quote one span twice (as evidence and as definition): one target is enough.
            if quoted[..n].iter().any(|s| (s.start, s.end) == (span.start, span.end)) {
                continue;
            }
            out.add(&annotation, oa::HAS_TARGET, &iris.span(&report, span));
            spans.entry((span.start, span.end)).or_insert_with(|| span.clone());
        }
    };
    for entity in &data.entities {
        annotate(&entity.id, &iris.entity(entity.kind, &entity.id), &mut provenance);
    }
    for relation in &data.relations {
        let statement = iris.at(&format!("id/statement/{}", relation.key()));
        let (s, p, o) = triple_of(iris, data, relation);
        provenance.add(&statement, rdf::TYPE, rdf::STATEMENT);
        provenance.add(&statement, rdf::SUBJECT, &s);
        provenance.add(&statement, rdf::PREDICATE, p);
        provenance.add(&statement, rdf::OBJECT, &o);
        annotate(&relation.key(), &statement, &mut provenance);
    }
    for observation in &data.observations {
        annotate(&observation.id, &iris.observation(&observation.id), &mut provenance);
    }
    let mut mentions = Sink { graph: iris.graph("mentions"), out: provenance.out };
    anchor::map_mentions(iris, source, data, anchors.mentions, &mut mentions, &mut spans);
    let mut document = Sink { graph: iris.graph("document"), out: mentions.out };
    anchor::map_document(iris, source, anchors.document, &mut document, &mut spans);
    anchor::map_spans(iris, source, &spans, &mut document);
}

fn map_entity(iris: &Iris, entity: &Entity, facts: &mut Sink<'_>, periods: &mut BTreeMap<Period, NamedNode>) {
    let node = iris.entity(entity.kind, &entity.id);
    facts.types(&node, entity.kind.classes());
    facts.types(&node, kinds::type_classes(entity.kind, &entity.kind_type));
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
            facts.add(&node, schema::LEGISLATION_TYPE, &concept(&entity.kind_type));
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
        Detail::Concept { broader, notation, definition } => {
            let scheme = iris.entity(Kind::Scheme, &entity.kind_type);
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
    for task in data.entities.iter().filter(|e| e.kind == Kind::Task && e.kind_type != kinds::TASK_STRATEGY) {
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
