//! The facts of a report, curated or extracted: rows and their spans become the `facts`, `provenance`,
//! `mentions` and `document` graphs.
//!
//! Takes the [`Dataset`] (the curated CSV rows, or the rows of an extraction), its [`Grounding`] (the spans each
//! row stands in) and the [`Anchors`] (the report as a document, the mentions of entities, which part each fact
//! stands under), and writes their quads into any [`Emit`]. A span of the report is one resource,
//! `{report}/span/{start}-{end}`, shared by every annotation that quotes it. The one mapper of facts: the curated
//! build and `extract` differ only in where their rows come from.

use super::annotations::{self, Evidenced};
use super::document::{self, Report, Spans};
use super::sink::{Emit, Sink, en, typed, zh};
use super::write_periods;
use crate::facts::cells;
use crate::facts::curated::{
    Dataset, Detail, Entity, Observation, Outside, Relation, ReportFact, ReportProperty, Row, Stage, Under,
};
use crate::ground::Grounding;
use crate::ground::mentions::Mention;
use crate::iri::{DocumentIris, Iris};
use crate::kinds::{self, Kind};
use crate::values::{FigureKind, Period, StageKind};
use crate::vocab::{
    dcterms, oa, org, owl, prov, qb, qpk, rdf, rdfs, schema, sdmx_attribute, sdmx_dimension, sdmx_measure, skos, xsd,
};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Term};
use std::collections::BTreeMap;

/// What anchors the graph in the text besides the quotes.
pub struct Anchors<'a> {
    /// The report as a document: its title, structure and paragraphs.
    pub report: Report<'a>,
    /// The IRIs of the report and its parts.
    pub names: DocumentIris,
    /// Every place the report names an entity.
    pub mentions: &'a [Mention],
    /// For each section of the structure, the task of the data that is that part (`dcterms:subject`), if any.
    pub sections: Vec<Option<usize>>,
    /// The part of the plan each fact stands under (`qpk:reportedUnder`).
    pub under: &'a [Under],
}

/// Maps the data into quads of the `facts`, `provenance`, `document` and `mentions` graphs.
pub fn map(iris: &Iris, data: &Dataset, grounding: &Grounding, anchors: &Anchors<'_>, out: &mut dyn Emit) {
    let mut periods = BTreeMap::new();
    let mut facts = Sink::new(iris.graph("facts"), out);
    for entity in &data.entities {
        map_entity(iris, entity, &mut facts, &mut periods);
    }
    map_positions(iris, data, grounding, &mut facts);
    for under in anchors.under {
        let task = &data.entities[under.task];
        let subject = match under.row {
            Row::Entity(index) => iris.entity(data.entities[index].kind, &data.entities[index].id),
            Row::Observation(index) => iris.observation(&data.observations[index].id),
        };
        facts.add(&subject, qpk::REPORTED_UNDER, &iris.entity(task.kind, &task.id));
    }
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
        map_structure(iris, data, &mut facts);
    }
    for observation in &data.observations {
        if let Some(period) = observation.period {
            periods.insert(period, iris.period(period));
        }
        map_observation(iris, data, observation, &mut facts);
    }
    for stage in &data.stages {
        let year = Period { start: stage.year, end: stage.year };
        periods.entry(year).or_insert_with(|| iris.period(year));
        map_stage(iris, data, stage, &mut facts);
    }
    write_periods(iris, periods.keys().copied(), &mut facts);

    let names = &anchors.names;
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
    for fact in &data.report {
        let (s, p, o) = report_triple(iris, &anchors.names, fact);
        facts.add(&s, p, o.as_ref());
    }
    let mut outside: Vec<Outside> = data.relations.iter().filter_map(|r| r.outside).collect();
    outside.dedup();
    for source in outside {
        map_outside(iris, source, &mut facts);
    }
    let mut provenance = facts.into_graph(iris.graph("provenance"));
    for relation in &data.relations {
        let key = relation.key();
        let statement = iris.at(&format!("id/statement/{key}"));
        let (s, p, o) = triple_of(iris, data, relation);
        provenance.add(&statement, rdf::TYPE, rdf::STATEMENT);
        provenance.add(&statement, rdf::SUBJECT, &s);
        provenance.add(&statement, rdf::PREDICATE, p);
        provenance.add(&statement, rdf::OBJECT, o.as_ref());
        if let Some(outside) = relation.outside {
            provenance.add(&statement, prov::WAS_DERIVED_FROM, &iris.at(&format!("id/source/{}", outside.name())));
        }
        described.push(grounded(annotation(&key), statement, &key));
    }
    for observation in &data.observations {
        described.push(grounded(annotation(&observation.id), iris.observation(&observation.id), &observation.id));
    }
    for stage in &data.stages {
        let key = stage.key();
        described.push(grounded(annotation(&key), iris.stage(&key), &key));
    }
    for fact in &data.report {
        let key = fact.key();
        let (s, p, o) = report_triple(iris, &anchors.names, fact);
        let statement = iris.at(&format!("id/statement/{key}"));
        provenance.add(&statement, rdf::TYPE, rdf::STATEMENT);
        provenance.add(&statement, rdf::SUBJECT, &s);
        provenance.add(&statement, rdf::PREDICATE, p);
        provenance.add(&statement, rdf::OBJECT, o.as_ref());
        described.push(grounded(annotation(&key), statement, &key));
    }
    annotations::write(names, &described, oa::DESCRIBING, &mut provenance, &mut spans);

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
    annotations::write(names, &identified, oa::IDENTIFYING, &mut mentions, &mut spans);

    let mut document = mentions.into_graph(iris.graph("document"));
    let task = |index: usize| {
        let entity = anchors.sections.get(index).copied().flatten().map(|task| &data.entities[task])?;
        Some(iris.entity(entity.kind, &entity.id))
    };
    document::write(names, &anchors.report, &task, &mut document, &mut spans);
    document::write_spans(names, &spans, anchors.report.text, &mut document);
}

fn map_entity(iris: &Iris, entity: &Entity, facts: &mut Sink<'_>, periods: &mut BTreeMap<Period, NamedNode>) {
    let node = iris.entity(entity.kind, &entity.id);
    facts.types(&node, entity.kind.classes());
    facts.types(&node, kinds::type_classes(entity.kind, &entity.type_id));
    // An extracted row has no English label until a person gives one: none is invented.
    let label_en = Some(&entity.label_en).filter(|l| !l.is_empty()).map(|l| en(l));
    for property in [rdfs::LABEL, skos::PREF_LABEL] {
        facts.add(&node, property, &zh(&entity.label_zh));
        if let Some(label_en) = &label_en {
            facts.add(&node, property, label_en);
        }
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
            facts.add(&post, rdf::TYPE, org::POST);
            facts.add(&post, org::HELD_BY, &node);
            facts.add(&node, org::HOLDS, &post);
            // An extracted post has no English title until a person gives one: none is invented.
            let titles = [zh(post_zh)].into_iter().chain(Some(post_en).filter(|t| !t.is_empty()).map(|t| en(t)));
            for title in titles {
                facts.add(&post, rdfs::LABEL, &title);
                facts.add(&node, schema::JOB_TITLE, &title);
            }
        }
        Detail::Policy { period } => {
            facts.add(&node, schema::LEGISLATION_TYPE, &concept(&entity.type_id));
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
            if scheme == kinds::SCHEME_INDICATOR
                && let Some((name, _, _)) = crate::indicators::main_indicator(&entity.label_zh)
            {
                facts.add(&node, skos::BROAD_MATCH, &NamedNode::new_unchecked(format!("{}{name}", qpk::NAMESPACE)));
            }
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
        Detail::Task { notation, period } => {
            if let Some(notation) = notation {
                facts.add(&node, skos::NOTATION, &Literal::new_simple_literal(notation));
            }
            if let Some(period) = period {
                let iri = periods.entry(*period).or_insert_with(|| iris.period(*period));
                facts.add(&node, dcterms::TEMPORAL, &*iri);
            }
        }
        _ => {}
    }
}

/// The triple a fact of the report states: delivered on (`dcterms:date`), at a session (the session
/// `schema:workFeatured` the report), by a person (`dcterms:contributor`: the report is the government's, its
/// creator; the person presents it).
fn report_triple(iris: &Iris, names: &DocumentIris, fact: &ReportFact) -> (NamedNode, NamedNodeRef<'static>, Term) {
    let report = names.document.clone();
    match fact.property {
        ReportProperty::Delivered => (report, dcterms::DATE, typed(&fact.value, xsd::DATE).into()),
        ReportProperty::DeliveredAt => (iris.entity(Kind::Event, &fact.value), schema::WORK_FEATURED, report.into()),
        ReportProperty::DeliveredBy => (report, dcterms::CONTRIBUTOR, iris.entity(Kind::Person, &fact.value).into()),
    }
}

/// A public source outside the report (a `prov:Entity`), named where a statement is taken from it
/// (`prov:wasDerivedFrom`).
fn map_outside(iris: &Iris, source: Outside, facts: &mut Sink<'_>) {
    let node = iris.at(&format!("id/source/{}", source.name()));
    let (label_zh, label_en, about) = match source {
        Outside::DivisionCodes => (
            "国家统计局统计用区划代码",
            "Statistical division codes of the National Bureau of Statistics of China",
            "The codes of every province, prefecture, county and township; one division contains another when its code begins the other's. The 2019, 2020 and 2022 releases give the same codes for Qingpu District and its towns and subdistricts.",
        ),
    };
    facts.add(&node, rdf::TYPE, prov::ENTITY);
    facts.add(&node, rdfs::LABEL, &zh(label_zh));
    facts.add(&node, rdfs::LABEL, &en(label_en));
    facts.add(&node, dcterms::DESCRIPTION, &en(about));
}

/// A stage of a project or policy: a dated, qualified statement of its status (the qualified-relation pattern of
/// PROV-O and of the W3C note on n-ary relations), named for what it says: `开工（2019年，已实现）`, "start of
/// construction, achieved in 2019"; `竣工（2020年，计划）`, "completion, planned for 2020".
fn map_stage(iris: &Iris, data: &Dataset, stage: &Stage, facts: &mut Sink<'_>) {
    let node = iris.stage(&stage.key());
    let subject = data.get(&stage.subject).map_or(Kind::Project, |e| e.kind);
    facts.add(&iris.entity(subject, &stage.subject), qpk::STAGE_PROP, &node);
    facts.add(&node, rdf::TYPE, qpk::STAGE);
    facts.add(&node, qpk::STATUS, &iris.entity(Kind::Concept, &stage.status));
    facts.add(&node, qpk::STAGE_KIND_PROP, stage.kind.iri());
    facts.add(&node, dcterms::TEMPORAL, &iris.period(Period { start: stage.year, end: stage.year }));
    let status = data.get(&stage.status);
    let (status_zh, status_en) =
        status.map_or((stage.status.as_str(), stage.status.as_str()), |s| (s.label_zh.as_str(), s.label_en.as_str()));
    let year = stage.year;
    let (label_zh, label_en) = match stage.kind {
        StageKind::Achieved => (format!("{status_zh}（{year}年，已实现）"), format!("{status_en}, achieved in {year}")),
        StageKind::UnderWay => {
            (format!("{status_zh}（{year}年，进行中）"), format!("{status_en}, under way in {year}"))
        }
        StageKind::Planned => (format!("{status_zh}（{year}年，计划）"), format!("{status_en}, planned for {year}")),
    };
    facts.add(&node, rdfs::LABEL, &zh(&label_zh));
    facts.add(&node, rdfs::LABEL, &en(&label_en));
}

/// Gives each plan element its place in the report's order (`schema:position`, by where its words first stand).
fn map_positions(iris: &Iris, data: &Dataset, grounding: &Grounding, facts: &mut Sink<'_>) {
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
fn map_structure(iris: &Iris, data: &Dataset, facts: &mut Sink<'_>) {
    let dataset = iris.figures();
    let dsd = iris.at("id/dsd/figures");
    facts.add(&dataset, rdf::TYPE, qb::DATA_SET);
    let (label_zh, label_en) = figures_label(data);
    facts.add(&dataset, rdfs::LABEL, &zh(&label_zh));
    facts.add(&dataset, rdfs::LABEL, &en(&label_en));
    facts.add(&dataset, qb::STRUCTURE, &dsd);
    facts.add(&dsd, rdf::TYPE, qb::DATA_STRUCTURE_DEFINITION);
    let components: [(&str, NamedNodeRef<'_>, NamedNodeRef<'_>, bool); 11] = [
        ("indicator", qb::DIMENSION, qpk::INDICATOR, true),
        ("area", qb::DIMENSION, sdmx_dimension::REF_AREA, true),
        ("period", qb::DIMENSION, sdmx_dimension::REF_PERIOD, true),
        ("kind", qb::DIMENSION, qpk::FIGURE_KIND_PROP, true),
        ("value", qb::MEASURE, sdmx_measure::OBS_VALUE, true),
        ("unit", qb::ATTRIBUTE, sdmx_attribute::UNIT_MEASURE, true),
        ("multiplier", qb::ATTRIBUTE, sdmx_attribute::UNIT_MULT, true),
        ("concerns", qb::ATTRIBUTE, qpk::CONCERNS, false),
        ("approximation", qb::ATTRIBUTE, qpk::APPROXIMATION, false),
        ("running-total", qb::ATTRIBUTE, qpk::RUNNING_TOTAL, false),
        ("upper-bound", qb::ATTRIBUTE, qpk::UPPER_BOUND, false),
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

/// The label of the figures: the year most results speak of and the year most targets are set for
/// (`2019年主要指标与2020年主要预期目标`), or, without both, just the figures of the report.
fn figures_label(data: &Dataset) -> (String, String) {
    let most = |kinds: &[FigureKind]| {
        let mut years: BTreeMap<u16, usize> = BTreeMap::new();
        let periods = data.observations.iter().filter(|o| kinds.contains(&o.kind)).filter_map(|o| o.period);
        for year in periods.filter(|p| p.start == p.end).map(|p| p.end) {
            *years.entry(year).or_default() += 1;
        }
        years.into_iter().max_by_key(|(year, n)| (*n, std::cmp::Reverse(*year))).map(|(year, _)| year)
    };
    match (most(&[FigureKind::Result, FigureKind::Estimate]), most(&[FigureKind::Target])) {
        (Some(done), Some(planned)) => (
            format!("{done}年主要指标与{planned}年主要预期目标"),
            format!("Main indicators of {done} and main expected targets of {planned}"),
        ),
        _ => ("报告中的数字".to_owned(), "Figures of the report".to_owned()),
    }
}

fn map_observation(iris: &Iris, data: &Dataset, observation: &Observation, facts: &mut Sink<'_>) {
    let node = iris.observation(&observation.id);
    facts.add(&node, qpk::INDICATOR, &iris.entity(Kind::Concept, &observation.indicator));
    if let Some(area) = &observation.area {
        facts.add(&node, sdmx_dimension::REF_AREA, &iris.entity(Kind::Place, area));
    }
    if let Some(period) = observation.period {
        facts.add(&node, sdmx_dimension::REF_PERIOD, &iris.period(period));
    }
    facts.add(&node, qpk::FIGURE_KIND_PROP, observation.kind.iri());
    if let Some(about) = observation.about.as_deref().and_then(|id| data.get(id)) {
        facts.add(&node, qpk::CONCERNS, &iris.entity(about.kind, &about.id));
    }
    match &observation.figure {
        Some(figure) => {
            facts.add(&node, rdf::TYPE, qb::OBSERVATION);
            facts.add(&node, qb::DATA_SET_PROP, &iris.figures());
            facts.add(&node, sdmx_measure::OBS_VALUE, &typed(cells::canonical_decimal(&figure.value), xsd::DECIMAL));
            if let Some(unit) = &figure.unit {
                facts.add(&node, sdmx_attribute::UNIT_MEASURE, &iris.entity(Kind::Concept, unit));
            }
            facts.add(&node, sdmx_attribute::UNIT_MULT, &typed(figure.multiplier.to_string(), xsd::INTEGER));
            if let Some(upper) = &figure.upper {
                facts.add(&node, qpk::UPPER_BOUND, &typed(cells::canonical_decimal(upper), xsd::DECIMAL));
            }
            if let Some(qualifier) = figure.qualifier {
                facts.add(&node, qpk::APPROXIMATION, qualifier.approximation.iri());
            }
            if figure.running_total {
                facts.add(&node, qpk::RUNNING_TOTAL, &Literal::from(true));
            }
        }
        None => {
            let class =
                if observation.kind == FigureKind::Result { qpk::QUALITATIVE_RESULT } else { qpk::QUALITATIVE_TARGET };
            facts.add(&node, rdf::TYPE, class);
            let words: Vec<&str> = observation.evidence.iter().map(|q| q.text.as_str()).collect();
            facts.add(&node, skos::NOTE, &zh(&words.join("…")));
        }
    }
}
