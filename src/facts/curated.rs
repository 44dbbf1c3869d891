//! Curated rows: the CSV files of the data folder read into checked records.
//!
//! Takes `data/*.csv` and gives a [`Dataset`] whose every id is unique and every reference resolves to an
//! entity of the right kind. Each row keeps its [`Location`] (file, line) and its evidence [`Quote`]s, which
//! [`crate::ground`] then finds in the report. The first problem stops the load with an error naming its place.

use crate::error::{DataError, GraphError, Location};
use crate::facts::cells::{
    Written, date_parts, figure_in, is_decimal, optional_code, optional_period, optional_year, quotes, required,
    running_total_said, slug, split_unit, year,
};
use crate::facts::csv::{Columns, read_if_present};
use crate::kinds::{self, Kind, Predicate, SCHEME_DOCTYPE, SCHEME_INDICATOR, SCHEME_STATUS, SCHEME_UNIT};
use crate::values::{FigureKind, Period, Qualifier, Quote, StageKind, aliases};
use crate::vocab::foaf;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The file of relations.
pub const RELATIONS_FILE: &str = "relations.csv";
/// The file of statistical observations.
pub const OBSERVATIONS_FILE: &str = "observations.csv";
/// The file of the stages of projects and policies.
pub const STAGES_FILE: &str = "stages.csv";
/// The file of the report's own facts: when, where and by whom it was delivered.
pub const REPORT_FILE: &str = "report.csv";
/// The file of the corrections of conversion artefacts: how a label reads where the stored report is garbled.
pub const CORRECTIONS_FILE: &str = "corrections.csv";
/// The file of identifiers in other datasets.
pub const LINKS_FILE: &str = "links.csv";

/// What only some kinds of entity have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    None,
    Place {
        division_code: Option<String>,
    },
    Person {
        post_zh: String,
        post_en: String,
    },
    /// A policy: the years it covers, where its title says (its stages are rows of their own, [`Stage`]).
    Policy {
        period: Option<Period>,
    },
    Event {
        year: Option<u16>,
    },
    Concept {
        scheme: String,
        broader: Option<String>,
        notation: Option<String>,
        definition: Option<Quote>,
    },
    /// A part of the report's plan: its number as written, and the year it speaks of where its title says.
    Task {
        notation: Option<String>,
        period: Option<Period>,
    },
}

/// One row of an entity file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: Kind,
    pub id: String,
    /// The `type` column: a type of [`Kind::types`], or for a policy the id of its document-type concept; empty
    /// for people, concepts (whose scheme is in [`Detail::Concept`]) and schemes.
    pub type_id: String,
    pub label_zh: String,
    pub label_en: String,
    pub alt_zh: Vec<String>,
    pub evidence: Vec<Quote>,
    pub detail: Detail,
    pub place: Location,
}

/// One row of `relations.csv`.
#[derive(Debug, Clone)]
pub struct Relation {
    pub subject: String,
    pub predicate: &'static Predicate,
    pub object: String,
    /// The words of the report that state it; none when the fact comes from `outside`.
    pub evidence: Vec<Quote>,
    /// The public source outside the report that states it, where the report does not.
    pub outside: Option<Outside>,
    pub place: Location,
}

/// A public source outside the report that a relation row is taken from (the `source` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outside {
    /// The statistical division codes of the National Bureau of Statistics: one division contains another when
    /// its code begins the other's (310118 → 310118101).
    DivisionCodes,
}

impl Outside {
    /// The value of the `source` column.
    pub fn name(self) -> &'static str {
        match self {
            Self::DivisionCodes => "division-codes",
        }
    }
}

impl Relation {
    /// The stable key of the statement: `subject--predicate--object` (ids never hold `--`).
    pub fn key(&self) -> String {
        format!("{}--{}--{}", self.subject, self.predicate.key, self.object)
    }
}

/// A number of the report with its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The number as written (an `xsd:decimal` lexical form).
    pub value: String,
    /// The unit as written after the number (`亿元`).
    pub unit_written: String,
    /// The id of the unit concept (`元` → e.g. `yuan`); `None` for a count the report gives without a unit.
    pub unit: Option<String>,
    /// The power of ten the written unit carries (`亿` → 8, `万` → 4).
    pub multiplier: u8,
    /// The upper bound of a range (`5` of `4.5%-5%`); `value` is the lower one.
    pub upper: Option<String>,
    /// The word that qualifies the number (约, 余, 左右, 以上 …), where the report gives one.
    pub qualifier: Option<&'static Qualifier>,
    /// Whether the number is a running total (累计): everything since the work began, not the year's flow.
    pub running_total: bool,
}

/// One row of `observations.csv`.
#[derive(Debug, Clone)]
pub struct Observation {
    pub id: String,
    pub indicator: String,
    /// The place the figure is of: always given in curated data; an extraction may not know it.
    pub area: Option<String>,
    pub about: Option<String>,
    /// The year or years the figure is of: always given in curated data; an extraction may not know it.
    pub period: Option<Period>,
    pub kind: FigureKind,
    /// `None` for a target or result the report states without a number.
    pub figure: Option<Figure>,
    pub evidence: Vec<Quote>,
    pub place: Location,
}

/// One row of `stages.csv`: a stage at which the report gives a project or policy — a status (a concept of the
/// status scheme), the year it is of, and whether it was done, was under way or is planned — with the words that
/// say so.
#[derive(Debug, Clone)]
pub struct Stage {
    /// The project or policy.
    pub subject: String,
    pub status: String,
    pub year: u16,
    pub kind: StageKind,
    pub evidence: Vec<Quote>,
    pub place: Location,
}

impl Stage {
    /// The stable key of the stage: `subject-year-status` (one stage a status and year).
    pub fn key(&self) -> String {
        format!("{}-{}-{}", self.subject, self.year, self.status)
    }
}

/// What a row of `report.csv` says of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportProperty {
    /// The date it was delivered (`2020-01-08`, written 2020年1月8日 in the report).
    Delivered,
    /// The session it was delivered at (an event).
    DeliveredAt,
    /// The person who delivered it.
    DeliveredBy,
}

impl ReportProperty {
    const ALL: [ReportProperty; 3] = [Self::Delivered, Self::DeliveredAt, Self::DeliveredBy];

    /// The value of the `property` column.
    pub fn name(self) -> &'static str {
        match self {
            Self::Delivered => "delivered",
            Self::DeliveredAt => "delivered-at",
            Self::DeliveredBy => "delivered-by",
        }
    }
}

/// One row of `report.csv`: a fact of the report itself, with the words of its front matter that state it.
#[derive(Debug, Clone)]
pub struct ReportFact {
    pub property: ReportProperty,
    /// A date `YYYY-MM-DD`, or the id of an event or a person.
    pub value: String,
    pub evidence: Vec<Quote>,
    pub place: Location,
}

impl ReportFact {
    /// The stable key of the fact: `report--{property}`.
    pub fn key(&self) -> String {
        format!("report--{}", self.property.name())
    }
}

/// One row of `corrections.csv`: words the conversion of the report into text garbled (`产业结构调整 and
/// 转型升级`), as the printed report reads them (`产业结构调整和转型升级`), and why. A label may use the corrected words;
/// the evidence keeps the stored bytes.
#[derive(Debug, Clone)]
pub struct Correction {
    pub written: String,
    pub read: String,
    pub reason: String,
    pub place: Location,
}

/// A row of the data: an entity or an observation, as an index into [`Dataset::entities`] or
/// [`Dataset::observations`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Entity(usize),
    Observation(usize),
}

/// A fact placed under a part of the report's plan (`qpk:reportedUnder`): the row, and the task (an index into
/// [`Dataset::entities`]) it stands under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Under {
    pub row: Row,
    pub task: usize,
}

/// One row of `links.csv`: an entity's identifier in another dataset, from a named source.
#[derive(Debug, Clone)]
pub struct Link {
    pub id: String,
    /// The IRI of the same thing elsewhere (`owl:sameAs`).
    pub same_as: String,
    /// Where the identifier was checked (e.g. Wikidata).
    pub source: String,
    pub place: Location,
}

/// All curated rows, checked.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    pub observations: Vec<Observation>,
    pub stages: Vec<Stage>,
    pub report: Vec<ReportFact>,
    pub corrections: Vec<Correction>,
    pub links: Vec<Link>,
    index: HashMap<String, usize>,
}

impl Entity {
    /// The scheme of a concept.
    pub fn scheme(&self) -> Option<&str> {
        match &self.detail {
            Detail::Concept { scheme, .. } => Some(scheme),
            _ => None,
        }
    }

    /// Whether the entity is a word of a controlled list — a status, a document type, a unit, an indicator, or a
    /// scheme itself: the vocabulary of the data, not a thing the report speaks of.
    pub fn is_controlled_list(&self) -> bool {
        match self.kind {
            Kind::Concept => self
                .scheme()
                .is_some_and(|s| [SCHEME_STATUS, SCHEME_DOCTYPE, SCHEME_UNIT, SCHEME_INDICATOR].contains(&s)),
            Kind::Scheme => true,
            _ => false,
        }
    }
}

impl Dataset {
    /// The entity that `query` names: an id, an IRI, or a Chinese or English label or alias. Several matches are
    /// listed in the error; none gets the nearest labels (those sharing most characters, then closest) as a hint.
    pub fn lookup(&self, query: &str) -> Result<usize, GraphError> {
        let data = self;
        let query = query.trim();
        let id = query.rsplit('/').next().unwrap_or(query);
        let matches: Vec<usize> = data
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.id == id
                    || e.label_zh == query
                    || e.label_en.eq_ignore_ascii_case(query)
                    || e.alt_zh.iter().any(|a| a == query)
            })
            .map(|(i, _)| i)
            .collect();
        let describe = |i: usize| {
            let e = &data.entities[i];
            format!("{} ({} `{}`, {})", e.label_zh, e.kind.name(), e.id, e.label_en)
        };
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => {
                let lower = query.to_lowercase();
                let mut nearest: Vec<(usize, usize, usize)> = data
                    .entities
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        let shared = query.chars().filter(|c| e.label_zh.contains(*c)).count();
                        let distance = strsim::levenshtein(query, &e.label_zh)
                            .min(strsim::levenshtein(&lower, &e.label_en.to_lowercase()));
                        (usize::MAX - shared, distance, i)
                    })
                    .collect();
                nearest.sort();
                let hint: Vec<String> = nearest.iter().take(5).map(|&(_, _, i)| describe(i)).collect();
                Err(GraphError::UnknownEntity { query: query.to_owned(), nearest: hint.join("; ") })
            }
            many => Err(GraphError::AmbiguousEntity {
                query: query.to_owned(),
                count: many.len(),
                candidates: many.iter().map(|&i| describe(i)).collect::<Vec<_>>().join("; "),
            }),
        }
    }

    /// Adds an entity and gives its index; an entity whose id is taken is not added, and the index is the one
    /// that holds the id. For rows made in memory (an extraction's); [`Dataset::load`] checks its files instead.
    pub fn add(&mut self, entity: Entity) -> usize {
        if let Some(&index) = self.index.get(&entity.id) {
            return index;
        }
        self.index.insert(entity.id.clone(), self.entities.len());
        self.entities.push(entity);
        self.entities.len() - 1
    }

    /// The entity of an id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index.get(id).map(|&i| &self.entities[i])
    }

    /// Reads and checks every CSV file of `dir`; a file that is absent holds no rows.
    pub fn load(dir: &Path) -> Result<Self, DataError> {
        let mut data = Dataset::default();
        let mut first_place: HashMap<String, Location> = HashMap::new();
        for kind in Kind::ALL {
            for entity in read_entities(dir, kind)? {
                if let Some(first) = first_place.get(&entity.id) {
                    return Err(DataError::DuplicateId {
                        place: entity.place.clone(),
                        id: entity.id,
                        first: Box::new(first.clone()),
                    });
                }
                first_place.insert(entity.id.clone(), entity.place.clone());
                data.index.insert(entity.id.clone(), data.entities.len());
                data.entities.push(entity);
            }
        }
        for entity in &data.entities {
            data.check_entity_references(entity)?;
        }
        data.relations = read_relations(dir, &data)?;
        data.check_labels()?;
        data.observations = read_observations(dir, &data, &mut first_place)?;
        data.stages = read_stages(dir, &data)?;
        data.report = read_report(dir, &data)?;
        data.corrections = read_corrections(dir)?;
        data.links = read_links(dir, &data)?;
        Ok(data)
    }

    /// Checks that no two things share a label in one language: a reader who looks a name up finds one thing.
    /// The one exception is a glossary term and what it names (`denotes`, `foaf:focus`): the concept and its focus, as an
    /// authority file gives a subject heading and the thing it stands for the same name.
    fn check_labels(&self) -> Result<(), DataError> {
        let focus: HashSet<(&str, &str)> = self
            .relations
            .iter()
            .filter(|r| r.predicate.property == foaf::FOCUS)
            .flat_map(|r| [(r.subject.as_str(), r.object.as_str()), (r.object.as_str(), r.subject.as_str())])
            .collect();
        for (column, label) in
            [("label_zh", (|e: &Entity| &e.label_zh) as fn(&Entity) -> &String), ("label_en", |e| &e.label_en)]
        {
            let mut first: HashMap<&str, &Entity> = HashMap::new();
            for entity in self.entities.iter().filter(|e| e.kind != Kind::Scheme && !label(e).is_empty()) {
                match first.get(label(entity).as_str()) {
                    Some(other) if !focus.contains(&(other.id.as_str(), entity.id.as_str())) => {
                        return Err(DataError::Invalid {
                            place: column_place(&entity.place, entity.kind, column),
                            message: format!(
                                "the label `{}` of `{}` is already the label of `{}` at {}: give each thing a label of its own (a qualifier of the report's words, `X（Y）`)",
                                label(entity),
                                entity.id,
                                other.id,
                                other.place
                            ),
                        });
                    }
                    Some(_) => {}
                    None => {
                        first.insert(label(entity), entity);
                    }
                }
            }
        }
        Ok(())
    }

    /// Resolves `id` (from the cell at `place`) to an entity of one of `kinds` and, where given, of the type (or,
    /// for a concept, the scheme) `scheme`.
    fn resolve(&self, place: &Location, id: &str, kinds: &[Kind], scheme: Option<&str>) -> Result<&Entity, DataError> {
        let entity = self.get(id).ok_or_else(|| DataError::UnknownId {
            place: place.clone(),
            id: id.to_owned(),
            hint: self.nearest_id(id).map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default(),
        })?;
        let expected = || {
            let names: Vec<_> = kinds.iter().map(|k| k.name()).collect();
            match scheme {
                Some(t) => format!("a {} of type `{t}`", names.join(" or ")),
                None => format!("a {}", names.join(" or ")),
            }
        };
        // A concept is checked against its scheme, anything else against its type.
        let class = entity.scheme().unwrap_or(&entity.type_id);
        if !kinds.contains(&entity.kind) || scheme.is_some_and(|s| s != class) {
            let found = match entity.scheme() {
                Some(scheme) => format!("{} of scheme `{scheme}`", entity.kind.name()),
                None => format!("{} of type `{}`", entity.kind.name(), entity.type_id),
            };
            return Err(DataError::WrongKind {
                place: place.clone(),
                id: id.to_owned(),
                found: found.into(),
                expected: expected().into(),
            });
        }
        Ok(entity)
    }

    fn nearest_id(&self, id: &str) -> Option<&str> {
        let best = self.entities.iter().map(|e| (strsim::levenshtein(id, &e.id), e.id.as_str())).min()?;
        (best.0 <= id.len().max(4) / 3).then_some(best.1)
    }

    fn check_entity_references(&self, entity: &Entity) -> Result<(), DataError> {
        let at = |column: &str| column_place(&entity.place, entity.kind, column);
        match &entity.detail {
            Detail::Concept { scheme, broader, .. } => {
                self.resolve(&at("scheme"), scheme, &[Kind::Scheme], None)?;
                if let Some(broader) = broader {
                    self.resolve(&at("broader"), broader, &[Kind::Concept], Some(scheme))?;
                }
            }
            Detail::Policy { .. } => {
                self.resolve(&at("type"), &entity.type_id, &[Kind::Concept], Some(SCHEME_DOCTYPE))?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// The columns of each entity file, in order.
fn columns(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Place => &["id", "type", "label_zh", "label_en", "alt_zh", "division_code", "evidence"],
        Kind::Organization => &["id", "type", "label_zh", "label_en", "alt_zh", "evidence"],
        Kind::Person => &["id", "label_zh", "label_en", "post_zh", "post_en", "evidence"],
        Kind::Project => &["id", "type", "label_zh", "label_en", "alt_zh", "evidence"],
        Kind::Policy => &["id", "type", "label_zh", "label_en", "alt_zh", "period", "evidence"],
        Kind::Event => &["id", "type", "label_zh", "label_en", "alt_zh", "year", "evidence"],
        Kind::Concept => {
            &["id", "scheme", "label_zh", "label_en", "alt_zh", "broader", "notation", "definition_zh", "evidence"]
        }
        Kind::Scheme => &["id", "label_zh", "label_en", "evidence"],
        Kind::Task => &["id", "type", "label_zh", "label_en", "alt_zh", "notation", "evidence"],
    }
}

const RELATION_COLUMNS: &[&str] = &["subject", "predicate", "object", "evidence", "source"];
const STAGE_COLUMNS: &[&str] = &["subject", "status", "year", "stage", "evidence"];
const REPORT_COLUMNS: &[&str] = &["property", "value", "evidence"];
const LINK_COLUMNS: &[&str] = &["id", "same_as", "source"];
/// The columns of `observations.csv`.
pub const OBSERVATION_COLUMNS: &[&str] =
    &["id", "indicator", "area", "about", "period", "kind", "value", "upper", "unit", "approx", "total", "evidence"];

fn column_place(line: &Location, kind: Kind, column: &str) -> Location {
    place_in(line, columns(kind), column)
}

fn place_in(line: &Location, columns: &[&str], column: &str) -> Location {
    let number = columns.iter().position(|c| *c == column).map_or(0, |i| i + 1);
    line.at_column(number, column)
}

/// The union of every entity file's columns: one serde row type for all of them.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct EntityRow {
    id: String,
    #[serde(rename = "type")]
    kind_type: String,
    scheme: String,
    label_zh: String,
    label_en: String,
    alt_zh: String,
    division_code: String,
    post_zh: String,
    post_en: String,
    year: String,
    period: String,
    broader: String,
    notation: String,
    definition_zh: String,
    evidence: String,
}

#[derive(Debug, Deserialize)]
struct RelationRow {
    subject: String,
    predicate: String,
    object: String,
    evidence: String,
    source: String,
}

#[derive(Debug, Deserialize)]
struct StageRow {
    subject: String,
    status: String,
    year: String,
    stage: String,
    evidence: String,
}

#[derive(Debug, Deserialize)]
struct CorrectionRow {
    written: String,
    read: String,
    reason: String,
}

#[derive(Debug, Deserialize)]
struct ReportRow {
    property: String,
    value: String,
    evidence: String,
}

#[derive(Debug, Deserialize)]
struct LinkRow {
    id: String,
    same_as: String,
    source: String,
}

#[derive(Debug, Deserialize)]
struct ObservationRow {
    id: String,
    indicator: String,
    area: String,
    about: String,
    period: String,
    kind: String,
    value: String,
    upper: String,
    unit: String,
    approx: String,
    total: String,
    evidence: String,
}

fn read_entities(dir: &Path, kind: Kind) -> Result<Vec<Entity>, DataError> {
    let cols = columns(kind);
    let rows: Vec<(Location, EntityRow)> = read_if_present(&dir.join(kind.file()), Columns::Exactly(cols))?;
    let mut entities = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let at = |column: &str| place_in(&line, cols, column);
        let id = slug(&at("id"), &row.id)?;
        let type_id = match kind {
            Kind::Person | Kind::Scheme | Kind::Concept => String::new(),
            Kind::Policy => slug(&at("type"), &row.kind_type)?,
            _ => {
                let types = kind.types().unwrap_or(&[]);
                if !types.iter().any(|(name, _)| *name == row.kind_type) {
                    let names: Vec<_> = types.iter().map(|(n, _)| *n).collect();
                    return Err(DataError::BadValue {
                        place: at("type"),
                        value: row.kind_type,
                        expected: format!("a {} type ({})", kind.name(), names.join(", ")),
                    });
                }
                row.kind_type
            }
        };
        let evidence = if kind == Kind::Scheme && row.evidence.is_empty() {
            Vec::new()
        } else {
            quotes(&at("evidence"), &row.evidence)?
        };
        let optional_slug = |column: &str, value: &str| -> Result<Option<String>, DataError> {
            if value.is_empty() { Ok(None) } else { slug(&at(column), value).map(Some) }
        };
        let detail = match kind {
            Kind::Place => Detail::Place { division_code: optional_code(&at("division_code"), &row.division_code)? },
            Kind::Person => Detail::Person {
                post_zh: required(&at("post_zh"), row.post_zh)?,
                post_en: required(&at("post_en"), row.post_en)?,
            },
            Kind::Policy => Detail::Policy { period: optional_period(&at("period"), &row.period)? },
            Kind::Event => Detail::Event { year: optional_year(&at("year"), &row.year)? },
            Kind::Concept => Detail::Concept {
                scheme: slug(&at("scheme"), &row.scheme)?,
                broader: optional_slug("broader", &row.broader)?,
                notation: Some(row.notation).filter(|n| !n.is_empty()),
                definition: (!row.definition_zh.is_empty())
                    .then(|| Quote { text: row.definition_zh, place: at("definition_zh") }),
            },
            Kind::Task => Detail::Task { notation: Some(row.notation).filter(|n| !n.is_empty()), period: None },
            Kind::Organization | Kind::Scheme | Kind::Project => Detail::None,
        };
        entities.push(Entity {
            kind,
            id,
            type_id,
            label_zh: required(&at("label_zh"), row.label_zh)?,
            label_en: required(&at("label_en"), row.label_en)?,
            alt_zh: aliases(&row.alt_zh),
            evidence,
            detail,
            place: line,
        });
    }
    Ok(entities)
}

fn read_stages(dir: &Path, data: &Dataset) -> Result<Vec<Stage>, DataError> {
    let rows: Vec<(Location, StageRow)> = read_if_present(&dir.join(STAGES_FILE), Columns::Exactly(STAGE_COLUMNS))?;
    let mut seen: HashMap<String, Location> = HashMap::new();
    let mut stages = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let at = |column: &str| place_in(&line, STAGE_COLUMNS, column);
        data.resolve(&at("subject"), &row.subject, &[Kind::Project, Kind::Policy], None)?;
        let status = data.resolve(&at("status"), &row.status, &[Kind::Concept], Some(SCHEME_STATUS))?;
        let evidence = quotes(&at("evidence"), &row.evidence)?;
        check_status_words(&at("evidence"), status, &evidence)?;
        let kind = StageKind::parse(&row.stage).ok_or_else(|| DataError::BadValue {
            place: at("stage"),
            value: row.stage.clone(),
            expected: "a stage (achieved, under-way or planned)".into(),
        })?;
        let stage = Stage {
            subject: row.subject,
            status: row.status,
            year: year(&at("year"), &row.year)?,
            kind,
            evidence,
            place: line.clone(),
        };
        if let Some(first) = seen.insert(stage.key(), line.clone()) {
            return Err(DataError::DuplicateId { place: line, id: stage.key(), first: Box::new(first) });
        }
        stages.push(stage);
    }
    Ok(stages)
}

/// A stage is the report's verb for what is done to its subject: its quotes must hold the status's label or one of
/// its aliases (推进 or 加快推进 for `advancing`), so that a stage says what the report says and not a near word
/// (深化, 完善 and 加强 are statuses of their own).
fn check_status_words(place: &Location, status: &Entity, evidence: &[Quote]) -> Result<(), DataError> {
    let words = || std::iter::once(&status.label_zh).chain(&status.alt_zh);
    if evidence.iter().any(|quote| words().any(|word| quote.text.contains(word.as_str()))) {
        return Ok(());
    }
    let written: Vec<String> = words().map(|word| format!("«{word}»")).collect();
    Err(DataError::Invalid {
        place: place.clone(),
        message: format!(
            "the stage's quotes hold none of the words of its status `{}` ({}): a stage takes the status of the \
             report's verb",
            status.id,
            written.join(", ")
        ),
    })
}

fn read_corrections(dir: &Path) -> Result<Vec<Correction>, DataError> {
    const COLUMNS: &[&str] = &["written", "read", "reason"];
    let rows: Vec<(Location, CorrectionRow)> = read_if_present(&dir.join(CORRECTIONS_FILE), Columns::Exactly(COLUMNS))?;
    rows.into_iter()
        .map(|(line, row)| {
            let at = |column: &str| place_in(&line, COLUMNS, column);
            Ok(Correction {
                written: required(&at("written"), row.written)?,
                read: required(&at("read"), row.read)?,
                reason: required(&at("reason"), row.reason)?,
                place: line,
            })
        })
        .collect()
}

fn read_report(dir: &Path, data: &Dataset) -> Result<Vec<ReportFact>, DataError> {
    let rows: Vec<(Location, ReportRow)> = read_if_present(&dir.join(REPORT_FILE), Columns::Exactly(REPORT_COLUMNS))?;
    let mut seen: HashMap<&'static str, Location> = HashMap::new();
    let mut facts = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let at = |column: &str| place_in(&line, REPORT_COLUMNS, column);
        let property =
            ReportProperty::ALL.into_iter().find(|p| p.name() == row.property).ok_or_else(|| DataError::BadValue {
                place: at("property"),
                value: row.property.clone(),
                expected: "a fact of the report (delivered, delivered-at, delivered-by)".into(),
            })?;
        let evidence = quotes(&at("evidence"), &row.evidence)?;
        match property {
            ReportProperty::Delivered => {
                let Some((y, m, d)) = date_parts(&row.value) else {
                    return Err(DataError::BadValue {
                        place: at("value"),
                        value: row.value,
                        expected: "a date YYYY-MM-DD".into(),
                    });
                };
                let written = format!("{y}年{m}月{d}日");
                if !evidence.iter().any(|q| q.text.contains(&written)) {
                    return Err(DataError::Invalid {
                        place: at("evidence"),
                        message: format!(
                            "the date `{}` is not in the evidence: it reads {written} in the report",
                            row.value
                        ),
                    });
                }
            }
            ReportProperty::DeliveredAt => {
                data.resolve(&at("value"), &row.value, &[Kind::Event], None)?;
            }
            ReportProperty::DeliveredBy => {
                data.resolve(&at("value"), &row.value, &[Kind::Person], None)?;
            }
        }
        if let Some(first) = seen.insert(property.name(), line.clone()) {
            return Err(DataError::DuplicateId { place: line, id: property.name().to_owned(), first: Box::new(first) });
        }
        facts.push(ReportFact { property, value: row.value, evidence, place: line });
    }
    Ok(facts)
}

fn read_relations(dir: &Path, data: &Dataset) -> Result<Vec<Relation>, DataError> {
    let rows: Vec<(Location, RelationRow)> =
        read_if_present(&dir.join(RELATIONS_FILE), Columns::Exactly(RELATION_COLUMNS))?;
    let mut seen: HashMap<String, Location> = HashMap::new();
    let mut relations = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let at = |column: &str| place_in(&line, RELATION_COLUMNS, column);
        let predicate = kinds::predicate(&row.predicate).ok_or_else(|| DataError::BadValue {
            place: at("predicate"),
            value: row.predicate.clone(),
            expected: format!(
                "a relation ({})",
                kinds::PREDICATES.iter().map(|p| p.key).collect::<Vec<_>>().join(", ")
            ),
        })?;
        data.resolve(&at("subject"), &row.subject, predicate.subjects, predicate.subject_type)?;
        data.resolve(&at("object"), &row.object, predicate.objects, predicate.object_type)?;
        let outside = match row.source.as_str() {
            "" => None,
            "division-codes" => {
                check_division_codes(data, &at("source"), &row.subject, predicate, &row.object)?;
                Some(Outside::DivisionCodes)
            }
            other => {
                return Err(DataError::BadValue {
                    place: at("source"),
                    value: other.to_owned(),
                    expected: "empty (the report states it), or division-codes".into(),
                });
            }
        };
        let evidence = if outside.is_some() && row.evidence.is_empty() {
            Vec::new()
        } else {
            quotes(&at("evidence"), &row.evidence)?
        };
        let relation =
            Relation { subject: row.subject, predicate, object: row.object, evidence, outside, place: line.clone() };
        if let Some(first) = seen.insert(relation.key(), line.clone()) {
            return Err(DataError::DuplicateId { place: line, id: relation.key(), first: Box::new(first) });
        }
        relations.push(relation);
    }
    Ok(relations)
}

/// A containment taken from the division codes must be what the codes say: both places have one, and the code
/// of the contained one begins with the other's.
fn check_division_codes(
    data: &Dataset,
    place: &Location,
    subject: &str,
    predicate: &Predicate,
    object: &str,
) -> Result<(), DataError> {
    let code = |id: &str| match data.get(id).map(|e| &e.detail) {
        Some(Detail::Place { division_code: Some(code) }) => Some(code.as_str()),
        _ => None,
    };
    let message = match (predicate.key, code(subject), code(object)) {
        ("contained-in", Some(inner), Some(outer)) if inner.len() > outer.len() && inner.starts_with(outer) => {
            return Ok(());
        }
        ("contained-in", Some(inner), Some(outer)) => {
            format!("the division code {inner} of `{subject}` does not begin with {outer}, the code of `{object}`")
        }
        ("contained-in", _, _) => format!("`{subject}` and `{object}` must both have a division code"),
        (other, _, _) => format!("the division codes say only what contains what, not `{other}`"),
    };
    Err(DataError::Invalid { place: place.clone(), message })
}

fn read_links(dir: &Path, data: &Dataset) -> Result<Vec<Link>, DataError> {
    let rows: Vec<(Location, LinkRow)> = read_if_present(&dir.join(LINKS_FILE), Columns::Exactly(LINK_COLUMNS))?;
    let mut links = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let at = |column: &str| place_in(&line, LINK_COLUMNS, column);
        let all = [
            Kind::Place,
            Kind::Organization,
            Kind::Person,
            Kind::Project,
            Kind::Policy,
            Kind::Event,
            Kind::Concept,
            Kind::Task,
        ];
        data.resolve(&at("id"), &row.id, &all, None)?;
        let absolute = row.same_as.starts_with("http://") || row.same_as.starts_with("https://");
        if !absolute || oxigraph::model::NamedNode::new(&row.same_as).is_err() {
            return Err(DataError::BadValue {
                place: at("same_as"),
                value: row.same_as,
                expected: "an absolute http(s) IRI".into(),
            });
        }
        let source = required(&at("source"), row.source)?;
        links.push(Link { id: row.id, same_as: row.same_as, source, place: line });
    }
    Ok(links)
}

fn read_observations(
    dir: &Path,
    data: &Dataset,
    first_place: &mut HashMap<String, Location>,
) -> Result<Vec<Observation>, DataError> {
    let rows: Vec<(Location, ObservationRow)> =
        read_if_present(&dir.join(OBSERVATIONS_FILE), Columns::Exactly(OBSERVATION_COLUMNS))?;
    let units: HashMap<&str, &str> = data
        .entities
        .iter()
        .filter(|e| e.scheme() == Some(SCHEME_UNIT))
        .map(|e| (e.label_zh.as_str(), e.id.as_str()))
        .collect();
    let mut observations = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let at = |column: &str| place_in(&line, OBSERVATION_COLUMNS, column);
        let id = slug(&at("id"), &row.id)?;
        if let Some(first) = first_place.insert(id.clone(), line.clone()) {
            return Err(DataError::DuplicateId { place: at("id"), id, first: Box::new(first) });
        }
        data.resolve(&at("indicator"), &row.indicator, &[Kind::Concept], Some(SCHEME_INDICATOR))?;
        data.resolve(&at("area"), &row.area, &[Kind::Place], None)?;
        let about = if row.about.is_empty() {
            None
        } else {
            let all = [Kind::Place, Kind::Organization, Kind::Person, Kind::Project, Kind::Policy, Kind::Event];
            Some(data.resolve(&at("about"), &row.about, &all, None)?.id.clone())
        };
        let kind = FigureKind::parse(&row.kind).ok_or_else(|| DataError::BadValue {
            place: at("kind"),
            value: row.kind.clone(),
            expected: "a figure kind (result, estimate, target, current)".into(),
        })?;
        let evidence = quotes(&at("evidence"), &row.evidence)?;
        let figure = match (row.value.is_empty(), row.unit.is_empty()) {
            (true, true) if matches!(kind, FigureKind::Target | FigureKind::Result) => None,
            (true, _) => return Err(DataError::Empty { place: at("value") }),
            (false, true) => return Err(DataError::Empty { place: at("unit") }),
            (false, false) => {
                if !is_decimal(&row.value) {
                    return Err(DataError::BadValue {
                        place: at("value"),
                        value: row.value,
                        expected: "a decimal number as written in the report (e.g. 539.5)".into(),
                    });
                }
                let upper = Some(row.upper.clone()).filter(|u| !u.is_empty());
                if let Some(upper) = &upper
                    && (!is_decimal(upper) || upper.parse::<f64>().ok() <= row.value.parse::<f64>().ok())
                {
                    return Err(DataError::BadValue {
                        place: at("upper"),
                        value: upper.clone(),
                        expected: format!("empty, or the upper bound of a range, a decimal above `{}`", row.value),
                    });
                }
                let (multiplier, base) = split_unit(&row.unit);
                // A power of ten alone (`80万重点群体`) is a count without a unit.
                let unit = match base {
                    "" => None,
                    base => Some(units.get(base).ok_or_else(|| DataError::BadValue {
                        place: at("unit"),
                        value: row.unit.clone(),
                        expected: format!("a unit whose base `{base}` is the label_zh of a concept of scheme `unit`"),
                    })?),
                };
                let qualifier = Qualifier::parse(&row.approx).ok_or_else(|| DataError::BadValue {
                    place: at("approx"),
                    value: row.approx.clone(),
                    expected: format!(
                        "empty, or a word qualifying the figure as the report writes it: {}",
                        crate::values::QUALIFIERS.iter().map(|q| q.word).collect::<Vec<_>>().join(", ")
                    ),
                })?;
                let written = Written { value: &row.value, upper: upper.as_deref(), unit: &row.unit, qualifier };
                let running_total = match row.total.as_str() {
                    "" => false,
                    "累计" => true,
                    other => {
                        return Err(DataError::BadValue {
                            place: at("total"),
                            value: other.to_owned(),
                            expected: "empty, or 累计 for a running total, as the report writes it".into(),
                        });
                    }
                };
                let said = evidence.iter().find_map(|q| running_total_said(&q.text, &written));
                if said.is_some_and(|said| said != running_total) {
                    let message = if running_total {
                        "the evidence gives no 累计 before the figure: it is not a running total"
                    } else {
                        "累计 stands before the figure in its evidence: it is a running total (column `total`: 累计)"
                    };
                    return Err(DataError::Invalid { place: at("total"), message: message.into() });
                }
                if !evidence.iter().any(|q| figure_in(&q.text, &written)) {
                    let range = upper.as_ref().map(|u| format!("-{u}")).unwrap_or_default();
                    return Err(DataError::FigureNotInEvidence {
                        place: at("evidence"),
                        figure: format!("{}{range}{} {}", row.value, row.unit, row.approx).trim_end().to_owned(),
                        evidence: row.evidence,
                    });
                }
                Some(Figure {
                    value: row.value,
                    unit_written: row.unit,
                    unit: unit.map(|u| (*u).to_owned()),
                    multiplier,
                    upper,
                    qualifier,
                    running_total,
                })
            }
        };
        observations.push(Observation {
            id,
            indicator: row.indicator,
            area: Some(row.area),
            about,
            period: Some(match optional_period(&at("period"), &row.period) {
                Ok(Some(period)) => period,
                _ => {
                    let year = year(&at("period"), &row.period)?;
                    Period { start: year, end: year }
                }
            }),
            kind,
            figure,
            evidence,
            place: line,
        });
    }
    Ok(observations)
}
