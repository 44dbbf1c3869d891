//! The extraction as rows: the same [`Dataset`] a curator writes, with the spans each row was read from.
//!
//! Takes an [`Extraction`] and gives [`Rows`]: its parts as tasks (`review` or `task` where the part says which,
//! with their number and year), its glossary and its quoted terms as concepts of schemes of their own, its
//! figures as observations with their indicator phrases and units as concepts (and `growth-of` between a growth
//! rate's indicator and the one that grew), and the known places it names, copied from the gazetteer. Each row
//! keeps the spans it was read from, each mention of a term or place its spans, each figure the part it stands
//! under. Ids are made from what was read (`part-2-5`, `appendix-1`, `glossary-3`, `term-{text}`, `indicator-{phrase}`,
//! `figure-{offset}`), so the same report gives the same ids. A quoted term that is the label of a glossary entry
//! is that entry, not a second concept. No English label is made up: rows of the report's things carry none (the
//! schemes, lists of the project's own, have the project's labels in both languages).

use super::{Extraction, PartKind, Said};
use crate::error::Location;
use crate::facts::cells;
use crate::facts::curated::{
    Dataset, Detail, Entity, Figure, Observation, Outside, Relation, ReportFact, ReportProperty, Row, Under,
};
use crate::iri::segment;
use crate::kinds::{self, Kind, SCHEME_INDICATOR, SCHEME_UNIT};
use crate::source::Span;
use crate::values::Quote;
use std::collections::{BTreeMap, BTreeSet};

/// The scheme of the glossary's entries.
pub const SCHEME_GLOSSARY: &str = "glossary";
/// The scheme of the quoted terms: candidates for a person to type.
pub const SCHEME_CANDIDATE: &str = "candidate";

/// The rows of an extraction and where in the report each stands.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub data: Dataset,
    /// The spans each row was read from, by row key (an id, or a relation's key).
    pub spans: Vec<(String, Vec<Span>)>,
    /// Each place the report names an entity: its index in the rows' entities, and the spans.
    pub named: Vec<(usize, Vec<Span>)>,
    /// For each section of the document, the task that is that part (an index into the entities).
    pub sections: Vec<Option<usize>>,
    /// The part each figure stands under.
    pub under: Vec<Under>,
}

impl Rows {
    fn entity(&mut self, entity: Entity, spans: Vec<Span>) -> usize {
        let key = entity.id.clone();
        let index = self.data.add(entity);
        if !spans.is_empty() {
            self.spans.push((key, spans));
        }
        index
    }
}

/// The rows of `x`.
pub fn rows(x: &Extraction) -> Rows {
    let mut rows = Rows::default();
    let file = Location::file(&x.name);
    let line = |paragraph: usize| x.paragraphs.get(paragraph).map_or(file.clone(), |p| file.at_line(p.line as u64));
    let quote = |text: &str, place: &Location| vec![Quote { text: text.to_owned(), place: place.clone() }];
    // A scheme is a list of the project's: its labels are the project's words, the glossary's the report's.
    let scheme = |id: &str, label_zh: &str, label_en: &str| Entity {
        kind: Kind::Scheme,
        id: id.to_owned(),
        type_id: String::new(),
        label_zh: label_zh.to_owned(),
        label_en: label_en.to_owned(),
        alt_zh: Vec::new(),
        evidence: Vec::new(),
        detail: Detail::None,
        place: file.clone(),
    };
    let concept = |id: String, scheme: &str, label: &str, place: &Location| Entity {
        kind: Kind::Concept,
        id,
        type_id: String::new(),
        label_zh: label.to_owned(),
        label_en: String::new(),
        alt_zh: Vec::new(),
        evidence: Vec::new(),
        detail: Detail::Concept { scheme: scheme.to_owned(), broader: None, notation: None, definition: None },
        place: place.clone(),
    };

    for (index, (section, part)) in x.document.sections.iter().zip(&x.parts).enumerate() {
        let type_id = match (section.level, part.kind) {
            (2, Some(PartKind::Review)) => "review",
            (2, Some(PartKind::Plan)) => "task",
            _ => "",
        };
        let place = line(section.paragraph);
        let task = Entity {
            kind: Kind::Task,
            id: x.document.key(index),
            type_id: type_id.to_owned(),
            label_zh: section.title.clone(),
            label_en: String::new(),
            alt_zh: Vec::new(),
            evidence: quote(&section.title, &place),
            detail: Detail::Task {
                notation: Some(part.notation.clone()).filter(|n| !n.is_empty()),
                period: part.period,
            },
            place,
        };
        let index = rows.entity(task, part.title_spans.clone());
        rows.sections.push(Some(index));
    }

    let mut glossary_entries: BTreeMap<&str, usize> = BTreeMap::new();
    if let Some(glossary) = &x.document.glossary {
        rows.entity(scheme(SCHEME_GLOSSARY, &glossary.title, ""), Vec::new());
        for (index, item) in x.glossary.iter().enumerate() {
            let place = line(item.paragraph);
            let mut entry = concept(format!("glossary-{}", index + 1), SCHEME_GLOSSARY, &item.label, &place);
            if item.term != item.label {
                entry.alt_zh.push(item.term.clone());
            }
            entry.evidence = quote(&item.evidence, &place);
            entry.detail = Detail::Concept {
                scheme: SCHEME_GLOSSARY.to_owned(),
                broader: None,
                notation: Some(item.number.to_string()),
                definition: Some(Quote { text: item.definition.clone(), place: place.clone() }),
            };
            let spans = item.term_spans.iter().chain(&item.definition_spans).cloned().collect();
            let entity = rows.entity(entry, spans);
            glossary_entries.entry(item.label.as_str()).or_insert(entity);
        }
    }

    if !x.terms.is_empty() {
        rows.entity(
            scheme(SCHEME_CANDIDATE, "引号中的词语（候选概念）", "Quoted terms (candidate concepts)"),
            Vec::new(),
        );
    }
    for term in &x.terms {
        let entity = match glossary_entries.get(term.text.as_str()) {
            Some(&entry) => entry,
            None => {
                let place = term.occurrences.first().map_or(file.clone(), |o| line(o.paragraph));
                let id = format!("term-{}", segment(&term.text));
                rows.entity(concept(id, SCHEME_CANDIDATE, &term.text, &place), Vec::new())
            }
        };
        rows.named.extend(term.occurrences.iter().map(|o| (entity, o.spans.clone())));
    }

    let mut area = None;
    let contained_in = kinds::predicate("contained-in").expect("contained-in is a predicate of the ontology");
    for (index, mentions) in x.places.iter().enumerate() {
        let known = &mentions.place;
        let place = Entity {
            kind: Kind::Place,
            id: known.id.clone(),
            type_id: known.kind_type.clone(),
            label_zh: known.label_zh.clone(),
            label_en: known.label_en.clone(),
            alt_zh: known.alt_zh.clone(),
            evidence: Vec::new(),
            detail: Detail::Place { division_code: Some(known.division_code.clone()).filter(|code| !code.is_empty()) },
            place: file.clone(),
        };
        let entity = rows.entity(place, Vec::new());
        if x.area == Some(index) {
            area = Some(known.id.clone());
        }
        rows.named.extend(mentions.occurrences.iter().map(|o| (entity, o.spans.clone())));
        if let Some(container) = mentions.container.and_then(|c| x.places.get(c)) {
            rows.data.relations.push(Relation {
                subject: known.id.clone(),
                predicate: contained_in,
                object: container.place.id.clone(),
                evidence: Vec::new(),
                outside: Some(Outside::DivisionCodes),
                place: file.clone(),
            });
        }
    }

    if !x.figures.is_empty() {
        rows.entity(scheme(SCHEME_INDICATOR, "指标（候选）", "Indicators (candidates)"), Vec::new());
        rows.entity(scheme(SCHEME_UNIT, "计量单位", "Units of measure"), Vec::new());
    }
    let growth_of = kinds::predicate("growth-of").expect("growth-of is a predicate of the ontology");
    let mut grown = BTreeSet::new();
    for figure in &x.figures {
        let place = line(figure.paragraph);
        let indicator = format!("indicator-{}", segment(&figure.indicator));
        rows.entity(concept(indicator.clone(), SCHEME_INDICATOR, &figure.indicator, &place), Vec::new());
        let unit = (!figure.base_unit().is_empty()).then(|| {
            let id = format!("unit-{}", segment(figure.base_unit()));
            rows.entity(concept(id.clone(), SCHEME_UNIT, figure.base_unit(), &place), Vec::new());
            id
        });
        if let Some(growth) = figure.growth.as_ref().filter(|g| !g.of.is_empty()) {
            let of = format!("indicator-{}", segment(&growth.of));
            rows.entity(concept(of.clone(), SCHEME_INDICATOR, &growth.of, &place), Vec::new());
            if grown.insert((indicator.clone(), of.clone())) {
                let relation = Relation {
                    subject: indicator.clone(),
                    predicate: growth_of,
                    object: of,
                    evidence: quote(x.evidence(figure), &place),
                    outside: None,
                    place: place.clone(),
                };
                rows.spans.push((relation.key(), figure.spans.clone()));
                rows.data.relations.push(relation);
            }
        }
        let id = format!("figure-{}", figure.start);
        if let Some(task) = figure.section.and_then(|s| rows.sections.get(s).copied().flatten()) {
            rows.under.push(Under { row: Row::Observation(rows.data.observations.len()), task });
        }
        rows.spans.push((id.clone(), figure.spans.clone()));
        rows.data.observations.push(Observation {
            id,
            indicator,
            area: area.clone(),
            about: None,
            period: figure.period,
            kind: figure.kind,
            figure: Some(Figure {
                value: figure.value.clone(),
                unit_written: figure.unit.clone(),
                unit,
                multiplier: figure.multiplier,
                upper: figure.upper.clone(),
                qualifier: figure.qualifier,
                running_total: cells::running_total_said(x.evidence(figure), &figure.written()).unwrap_or(false),
            }),
            evidence: quote(x.evidence(figure), &place),
            place,
        });
    }

    front_matter(x, &mut rows, &line);
    rows
}

/// The front matter as facts of the report: the day it was delivered, the session (an event) and the speaker (a
/// person with the post written before the name), each with the words that say it.
fn front_matter(x: &Extraction, rows: &mut Rows, line: &dyn Fn(usize) -> Location) {
    let quote =
        |said: &Said| vec![Quote { text: said.occurrence.evidence.clone(), place: line(said.occurrence.paragraph) }];
    let fact = |rows: &mut Rows, property: ReportProperty, value: String, said: &Said| {
        let fact = ReportFact { property, value, evidence: quote(said), place: line(said.occurrence.paragraph) };
        rows.spans.push((fact.key(), said.occurrence.spans.clone()));
        rows.data.report.push(fact);
    };
    if let Some(date) = &x.front.delivered {
        fact(rows, ReportProperty::Delivered, date.value.clone(), date);
    }
    let entity = |kind: Kind, id: &str, type_id: &str, said: &Said, detail: Detail| Entity {
        kind,
        id: id.to_owned(),
        type_id: type_id.to_owned(),
        label_zh: said.value.clone(),
        label_en: String::new(),
        alt_zh: Vec::new(),
        evidence: quote(said),
        detail,
        place: line(said.occurrence.paragraph),
    };
    if let Some(session) = &x.front.session {
        let event = entity(Kind::Event, SESSION, "conference", session, Detail::Event { year: x.front.year() });
        rows.entity(event, session.occurrence.spans.clone());
        fact(rows, ReportProperty::DeliveredAt, SESSION.to_owned(), session);
    }
    if let Some((name, post)) = &x.front.speaker {
        let detail = Detail::Person { post_zh: post.clone(), post_en: String::new() };
        rows.entity(entity(Kind::Person, SPEAKER, "", name, detail), name.occurrence.spans.clone());
        fact(rows, ReportProperty::DeliveredBy, SPEAKER.to_owned(), name);
    }
}

/// The id of the session a report was delivered at.
const SESSION: &str = "session";
/// The id of the person who delivered it.
const SPEAKER: &str = "speaker";
