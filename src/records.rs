//! Curated rows: the CSV files of the data folder read into checked records.
//!
//! Takes `data/*.csv` and gives a [`Dataset`] whose every id is unique and every reference resolves to an
//! entity of the right kind. Each row keeps its [`Place`] (file, line) and its evidence [`Quote`]s, which
//! [`crate::ground`] then finds in the report. The first problem stops the load with an error naming its place.

use crate::cells::{
    edit_distance, figure_in, is_decimal, optional_code, optional_period, optional_year, quotes, required, slug,
    split_unit, year,
};
use crate::error::{DataError, Place};
use crate::kinds::{self, Kind, Predicate, SCHEME_DOCTYPE, SCHEME_INDICATOR, SCHEME_STATUS, SCHEME_UNIT};
use crate::vocab::qpk;
use oxigraph::model::NamedNodeRef;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// The separator of several quotes in one `evidence` cell: space, U+2026, space.
pub const QUOTE_SEPARATOR: &str = " … ";
/// The separator of several aliases in one `alt_zh` cell.
pub const ALIAS_SEPARATOR: char = '|';
/// The file of relations.
pub const RELATIONS_FILE: &str = "relations.csv";
/// The file of statistical observations.
pub const OBSERVATIONS_FILE: &str = "observations.csv";
/// The file of identifiers in other datasets.
pub const LINKS_FILE: &str = "links.csv";

/// Words of the report that a row cites, with the cell they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    pub place: Place,
}

/// A span of years such as `2018~2020`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub start: u16,
    pub end: u16,
}

impl Period {
    /// The slug of the period's IRI: `2019` or `2018-2020`.
    pub fn slug(&self) -> String {
        if self.start == self.end { self.start.to_string() } else { format!("{}-{}", self.start, self.end) }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end { write!(f, "{}", self.start) } else { write!(f, "{}~{}", self.start, self.end) }
    }
}

/// What only some kinds of entity have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    None,
    Place { division_code: Option<String> },
    Person { post_zh: String, post_en: String },
    Project { status: Option<String>, year: Option<u16> },
    Policy { status: Option<String>, period: Option<Period> },
    Event { year: Option<u16> },
    Concept { broader: Option<String>, notation: Option<String>, definition: Option<Quote> },
    Task { notation: Option<String> },
}

/// One row of an entity file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: Kind,
    pub id: String,
    /// The `type` column (for policies the id of a document-type concept), or for concepts their scheme.
    pub kind_type: String,
    pub label_zh: String,
    pub label_en: String,
    pub alt_zh: Vec<String>,
    pub evidence: Vec<Quote>,
    pub detail: Detail,
    pub place: Place,
}

/// One row of `relations.csv`.
#[derive(Debug, Clone)]
pub struct Relation {
    pub subject: String,
    pub predicate: &'static Predicate,
    pub object: String,
    pub evidence: Vec<Quote>,
    pub place: Place,
}

impl Relation {
    /// The stable key of the statement: `subject--predicate--object` (ids never hold `--`).
    pub fn key(&self) -> String {
        format!("{}--{}--{}", self.subject, self.predicate.key, self.object)
    }
}

/// Whether a figure is a result, an estimate (预计), a target, or the current state of things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureKind {
    Result,
    Estimate,
    Target,
    Current,
}

impl FigureKind {
    /// Its code in the figure-kind dimension.
    pub fn iri(self) -> NamedNodeRef<'static> {
        match self {
            Self::Result => qpk::RESULT,
            Self::Estimate => qpk::ESTIMATE,
            Self::Target => qpk::TARGET,
            Self::Current => qpk::CURRENT,
        }
    }

    fn parse(value: &str) -> Option<Self> {
        match value {
            "result" => Some(Self::Result),
            "estimate" => Some(Self::Estimate),
            "target" => Some(Self::Target),
            "current" => Some(Self::Current),
            _ => None,
        }
    }
}

/// How the report qualifies a figure it does not give exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Approximation {
    /// 约: about.
    About,
    /// 余: more than.
    MoreThan,
}

impl Approximation {
    /// Its code in the approximation attribute.
    pub fn iri(self) -> NamedNodeRef<'static> {
        match self {
            Self::About => qpk::ABOUT,
            Self::MoreThan => qpk::MORE_THAN,
        }
    }

    fn parse(value: &str) -> Option<Option<Self>> {
        match value {
            "" => Some(None),
            "约" => Some(Some(Self::About)),
            "余" => Some(Some(Self::MoreThan)),
            _ => None,
        }
    }
}

/// A number of the report with its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The number as written (an `xsd:decimal` lexical form).
    pub value: String,
    /// The unit as written after the number (`亿元`).
    pub unit_written: String,
    /// The id of the unit concept (`元` → e.g. `yuan`).
    pub unit: String,
    /// The power of ten the written unit carries (`亿` → 8, `万` → 4).
    pub multiplier: u8,
    /// Where the report gives the number as approximate (约) or as a lower bound (余).
    pub approximation: Option<Approximation>,
}

/// One row of `observations.csv`.
#[derive(Debug, Clone)]
pub struct Observation {
    pub id: String,
    pub indicator: String,
    pub area: String,
    pub about: Option<String>,
    pub period: u16,
    pub kind: FigureKind,
    /// `None` for a target the report states without a number.
    pub figure: Option<Figure>,
    pub evidence: Vec<Quote>,
    pub place: Place,
}

/// One row of `links.csv`: an entity's identifier in another dataset, from a named source.
#[derive(Debug, Clone)]
pub struct Link {
    pub id: String,
    /// The IRI of the same thing elsewhere (`owl:sameAs`).
    pub same_as: String,
    /// Where the identifier was checked (e.g. Wikidata).
    pub source: String,
    pub place: Place,
}

/// All curated rows, checked.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    pub observations: Vec<Observation>,
    pub links: Vec<Link>,
    index: HashMap<String, usize>,
}

impl Dataset {
    /// The entity of an id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index.get(id).map(|&i| &self.entities[i])
    }

    /// Reads and checks every CSV file of `dir`; a file that is absent holds no rows.
    pub fn load(dir: &Path) -> Result<Self, DataError> {
        let mut data = Dataset::default();
        let mut first_place: HashMap<String, Place> = HashMap::new();
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
        let mut indicator_labels: HashMap<&str, &Place> = HashMap::new();
        for entity in &data.entities {
            data.check_entity_references(entity)?;
            if entity.kind == Kind::Concept
                && entity.kind_type == SCHEME_INDICATOR
                && let Some(first) = indicator_labels.insert(&entity.label_zh, &entity.place)
            {
                return Err(DataError::Invalid {
                    place: column_place(&entity.place, Kind::Concept, "label_zh"),
                    message: format!(
                        "indicator label `{}` is already the label of the indicator at {first}: each indicator needs a label of its own",
                        entity.label_zh
                    ),
                });
            }
        }
        data.relations = read_relations(dir, &data)?;
        data.observations = read_observations(dir, &data, &mut first_place)?;
        data.links = read_links(dir, &data)?;
        Ok(data)
    }

    /// Resolves `id` (from the cell at `place`) to an entity of one of `kinds` and, where given, of `kind_type`.
    fn resolve(&self, place: &Place, id: &str, kinds: &[Kind], kind_type: Option<&str>) -> Result<&Entity, DataError> {
        let entity = self.get(id).ok_or_else(|| DataError::UnknownId {
            place: place.clone(),
            id: id.to_owned(),
            hint: self.nearest_id(id).map(|n| format!(" (did you mean `{n}`?)")).unwrap_or_default(),
        })?;
        let expected = || {
            let names: Vec<_> = kinds.iter().map(|k| k.name()).collect();
            match kind_type {
                Some(t) => format!("a {} of type `{t}`", names.join(" or ")),
                None => format!("a {}", names.join(" or ")),
            }
        };
        if !kinds.contains(&entity.kind) || kind_type.is_some_and(|t| t != entity.kind_type) {
            let found = format!("{} of type `{}`", entity.kind.name(), entity.kind_type);
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
        let best = self.entities.iter().map(|e| (edit_distance(id, &e.id), e.id.as_str())).min()?;
        (best.0 <= id.len().max(4) / 3).then_some(best.1)
    }

    fn check_entity_references(&self, entity: &Entity) -> Result<(), DataError> {
        let at = |column: &str| column_place(&entity.place, entity.kind, column);
        match &entity.detail {
            Detail::Concept { broader, .. } => {
                self.resolve(&at("scheme"), &entity.kind_type, &[Kind::Scheme], None)?;
                if let Some(broader) = broader {
                    self.resolve(&at("broader"), broader, &[Kind::Concept], Some(&entity.kind_type))?;
                }
            }
            Detail::Project { status: Some(status), .. } => {
                self.resolve(&at("status"), status, &[Kind::Concept], Some(SCHEME_STATUS))?;
            }
            Detail::Policy { status, .. } => {
                self.resolve(&at("type"), &entity.kind_type, &[Kind::Concept], Some(SCHEME_DOCTYPE))?;
                if let Some(status) = status {
                    self.resolve(&at("status"), status, &[Kind::Concept], Some(SCHEME_STATUS))?;
                }
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
        Kind::Project => &["id", "type", "label_zh", "label_en", "alt_zh", "status", "year", "evidence"],
        Kind::Policy => &["id", "type", "label_zh", "label_en", "alt_zh", "status", "period", "evidence"],
        Kind::Event => &["id", "type", "label_zh", "label_en", "alt_zh", "year", "evidence"],
        Kind::Concept => {
            &["id", "scheme", "label_zh", "label_en", "alt_zh", "broader", "notation", "definition_zh", "evidence"]
        }
        Kind::Scheme => &["id", "label_zh", "label_en", "evidence"],
        Kind::Task => &["id", "type", "label_zh", "label_en", "alt_zh", "notation", "evidence"],
    }
}

const RELATION_COLUMNS: &[&str] = &["subject", "predicate", "object", "evidence"];
const LINK_COLUMNS: &[&str] = &["id", "same_as", "source"];
const OBSERVATION_COLUMNS: &[&str] =
    &["id", "indicator", "area", "about", "period", "kind", "value", "unit", "approx", "evidence"];

fn column_place(line: &Place, kind: Kind, column: &str) -> Place {
    place_in(line, columns(kind), column)
}

fn place_in(line: &Place, columns: &[&str], column: &str) -> Place {
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
    status: String,
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
    unit: String,
    approx: String,
    evidence: String,
}

/// Reads `dir/file`, checking that its header is exactly `columns`; gives each row with its place.
pub(crate) fn read_rows<T: DeserializeOwned>(
    dir: &Path,
    file: &str,
    columns: &[&str],
) -> Result<Vec<(Place, T)>, DataError> {
    let path = dir.join(file);
    let place = Place::file(&path);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let csv_error = |place: &Place, e: csv::Error| {
        let line = e.position().map(|p| p.line());
        let place = line.map_or_else(|| place.clone(), |l| place.at_line(l));
        let message = e.to_string();
        match e.into_kind() {
            csv::ErrorKind::Io(source) => DataError::Io { place, source },
            csv::ErrorKind::Utf8 { err, .. } => DataError::NotUtf8 { place, byte: err.valid_up_to() },
            _ => DataError::Csv { place, message },
        }
    };
    let mut reader = csv::ReaderBuilder::new().from_path(&path).map_err(|e| csv_error(&place, e))?;
    let headers = reader.headers().map_err(|e| csv_error(&place, e))?.clone();
    let expected = columns.join(",");
    let header_line = place.at_line(1);
    for column in columns {
        if !headers.iter().any(|h| h == *column) {
            return Err(DataError::MissingColumn { place: header_line, column: (*column).to_owned(), expected });
        }
    }
    for (i, header) in headers.iter().enumerate() {
        if !columns.contains(&header) || headers.iter().filter(|h| *h == header).count() > 1 {
            return Err(DataError::ExtraColumn {
                place: header_line.at_column(i + 1, header),
                column: header.to_owned(),
                expected,
            });
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&place, e))?;
        let line = record.position().map_or(0, |p| p.line());
        let row: T = record.deserialize(Some(&headers)).map_err(|e| csv_error(&place.at_line(line), e))?;
        rows.push((place.at_line(line), row));
    }
    Ok(rows)
}

fn read_entities(dir: &Path, kind: Kind) -> Result<Vec<Entity>, DataError> {
    let cols = columns(kind);
    let rows: Vec<(Place, EntityRow)> = read_rows(dir, kind.file(), cols)?;
    let mut entities = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let at = |column: &str| place_in(&line, cols, column);
        let id = slug(&at("id"), &row.id)?;
        let kind_type = match kind {
            Kind::Concept => slug(&at("scheme"), &row.scheme)?,
            Kind::Person | Kind::Scheme => String::new(),
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
            Kind::Project => Detail::Project {
                status: optional_slug("status", &row.status)?,
                year: optional_year(&at("year"), &row.year)?,
            },
            Kind::Policy => Detail::Policy {
                status: optional_slug("status", &row.status)?,
                period: optional_period(&at("period"), &row.period)?,
            },
            Kind::Event => Detail::Event { year: optional_year(&at("year"), &row.year)? },
            Kind::Concept => Detail::Concept {
                broader: optional_slug("broader", &row.broader)?,
                notation: Some(row.notation).filter(|n| !n.is_empty()),
                definition: (!row.definition_zh.is_empty())
                    .then(|| Quote { text: row.definition_zh, place: at("definition_zh") }),
            },
            Kind::Task => Detail::Task { notation: Some(row.notation).filter(|n| !n.is_empty()) },
            Kind::Organization | Kind::Scheme => Detail::None,
        };
        entities.push(Entity {
            kind,
            id,
            kind_type,
            label_zh: required(&at("label_zh"), row.label_zh)?,
            label_en: required(&at("label_en"), row.label_en)?,
            alt_zh: row
                .alt_zh
                .split(ALIAS_SEPARATOR)
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
            evidence,
            detail,
            place: line,
        });
    }
    Ok(entities)
}

fn read_relations(dir: &Path, data: &Dataset) -> Result<Vec<Relation>, DataError> {
    let rows: Vec<(Place, RelationRow)> = read_rows(dir, RELATIONS_FILE, RELATION_COLUMNS)?;
    let mut seen: HashMap<String, Place> = HashMap::new();
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
        let relation = Relation {
            subject: row.subject,
            predicate,
            object: row.object,
            evidence: quotes(&at("evidence"), &row.evidence)?,
            place: line.clone(),
        };
        if let Some(first) = seen.insert(relation.key(), line.clone()) {
            return Err(DataError::DuplicateId { place: line, id: relation.key(), first: Box::new(first) });
        }
        relations.push(relation);
    }
    Ok(relations)
}

fn read_links(dir: &Path, data: &Dataset) -> Result<Vec<Link>, DataError> {
    let rows: Vec<(Place, LinkRow)> = read_rows(dir, LINKS_FILE, LINK_COLUMNS)?;
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
    first_place: &mut HashMap<String, Place>,
) -> Result<Vec<Observation>, DataError> {
    let rows: Vec<(Place, ObservationRow)> = read_rows(dir, OBSERVATIONS_FILE, OBSERVATION_COLUMNS)?;
    let units: HashMap<&str, &str> = data
        .entities
        .iter()
        .filter(|e| e.kind == Kind::Concept && e.kind_type == SCHEME_UNIT)
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
            (true, true) if kind == FigureKind::Target => None,
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
                let (multiplier, base) = split_unit(&row.unit);
                let unit = units.get(base).ok_or_else(|| DataError::BadValue {
                    place: at("unit"),
                    value: row.unit.clone(),
                    expected: format!("a unit whose base `{base}` is the label_zh of a concept of scheme `unit`"),
                })?;
                let approximation = Approximation::parse(&row.approx).ok_or_else(|| DataError::BadValue {
                    place: at("approx"),
                    value: row.approx.clone(),
                    expected: "empty, 约 (about) or 余 (more than), as the report writes it".into(),
                })?;
                if !evidence.iter().any(|q| figure_in(&q.text, &row.value, &row.unit, approximation)) {
                    return Err(DataError::FigureNotInEvidence {
                        place: at("evidence"),
                        figure: format!("{}{}{}", row.value, row.unit, row.approx),
                        evidence: row.evidence,
                    });
                }
                Some(Figure {
                    value: row.value,
                    unit_written: row.unit,
                    unit: (*unit).to_owned(),
                    multiplier,
                    approximation,
                })
            }
        };
        observations.push(Observation {
            id,
            indicator: row.indicator,
            area: row.area,
            about,
            period: year(&at("period"), &row.period)?,
            kind,
            figure,
            evidence,
            place: line,
        });
    }
    Ok(observations)
}
