//! The dataset's description as curated: `data/dataset.csv`, read and checked.
//!
//! Takes `dataset.csv` (what is said about this report's dataset: titles, descriptions, publisher, licence and
//! rights, dates, the place and years it covers, languages, keywords, who wrote the report) and the rest of the
//! data it refers to, and gives a checked [`Description`], which [`crate::map::metadata`] writes as DCAT and VoID.

use crate::error::{DataError, Location};
use crate::facts::cells::{optional_period, slug};
use crate::facts::csv::{Columns, read_if_present};
use crate::facts::curated::Dataset;
use crate::kinds::Kind;
use crate::values::Period;
use oxigraph::model::NamedNode;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The file of the description, in the data folder.
pub const DATASET_FILE: &str = "dataset.csv";
const COLUMNS: &[&str] = &["field", "lang", "value"];

/// The fields of `dataset.csv`: name, whether it is required, whether it is a text with a language.
const FIELDS: &[(&str, bool, bool)] = &[
    ("title", true, true),
    ("description", true, true),
    ("publisher", true, true),
    ("license", true, false),
    ("rights", true, true),
    ("issued", true, false),
    ("modified", false, false),
    ("spatial", true, false),
    ("temporal", false, false),
    ("language", true, false),
    ("keyword", false, true),
    ("source_creator", false, false),
];

/// A text in a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub lang: String,
    pub value: String,
}

/// What `dataset.csv` says, checked.
#[derive(Debug, Clone)]
pub struct Description {
    pub title: Vec<Text>,
    pub description: Vec<Text>,
    pub publisher: Vec<Text>,
    pub license: NamedNode,
    pub rights: Vec<Text>,
    /// `YYYY-MM-DD`.
    pub issued: String,
    pub modified: Option<String>,
    /// The id of a place of the data.
    pub spatial: String,
    pub temporal: Option<Period>,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    pub keywords: Vec<Text>,
    /// The id of the organisation that wrote the report.
    pub source_creator: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Row {
    field: String,
    lang: String,
    value: String,
}

/// One checked row.
struct Cell {
    place: Location,
    lang: String,
    value: String,
}

impl Description {
    /// Reads `dir/dataset.csv` and checks it against `data`: every required field present (the texts in Chinese
    /// and English), every value parsed, the places and organisations named known, the years covered those of
    /// the figures.
    pub fn read(dir: &Path, data: &Dataset) -> Result<Self, DataError> {
        let path = dir.join(DATASET_FILE);
        let file = Location::file(&path);
        if !path.exists() {
            return Err(DataError::Invalid {
                place: file,
                message: "missing: the dataset description (title, publisher, licence …) is read from this file".into(),
            });
        }
        let rows: Vec<(Location, Row)> = read_if_present(&dir.join(DATASET_FILE), Columns::Exactly(COLUMNS))?;
        let mut fields: BTreeMap<&'static str, Vec<Cell>> = BTreeMap::new();
        for (line, row) in rows {
            let at =
                |column: &str| line.at_column(COLUMNS.iter().position(|c| *c == column).map_or(0, |i| i + 1), column);
            let Some(&(name, _, text)) = FIELDS.iter().find(|(name, _, _)| *name == row.field) else {
                return Err(DataError::BadValue {
                    place: at("field"),
                    value: row.field,
                    expected: format!("a field of {DATASET_FILE} ({})", field_names()),
                });
            };
            check_lang(&at("lang"), &row.lang, text)?;
            if row.value.trim().is_empty() {
                return Err(DataError::Empty { place: at("value") });
            }
            fields.entry(name).or_default().push(Cell { place: at("value"), lang: row.lang, value: row.value });
        }
        let missing = |name: &str, what: &str| DataError::Invalid {
            place: file.clone(),
            message: format!("missing field `{name}`{what} (the fields: {})", field_names()),
        };
        for (name, required, text) in FIELDS {
            let cells = fields.get(name).map_or(&[][..], Vec::as_slice);
            if *required && cells.is_empty() {
                return Err(missing(name, ""));
            }
            if *required && *text {
                for lang in ["zh", "en"] {
                    if !cells.iter().any(|c| c.lang == lang) {
                        return Err(missing(name, &format!(" in language `{lang}`")));
                    }
                }
            }
        }
        let mut take = |name: &str| fields.remove(name).unwrap_or_default();
        let (title, description, publisher, rights) =
            (take("title"), take("description"), take("publisher"), take("rights"));
        let (license, issued, modified, spatial) = (take("license"), take("issued"), take("modified"), take("spatial"));
        let (temporal, languages, keywords, creator) =
            (take("temporal"), take("language"), take("keyword"), take("source_creator"));
        Ok(Self {
            title: unique_texts(title)?,
            description: unique_texts(description)?,
            publisher: unique_texts(publisher)?,
            license: one(license)?.map(|c| iri(&c)).transpose()?.ok_or_else(|| missing("license", ""))?,
            rights: unique_texts(rights)?,
            issued: one(issued)?.map(|c| date(&c)).transpose()?.ok_or_else(|| missing("issued", ""))?,
            modified: one(modified)?.map(|c| date(&c)).transpose()?,
            spatial: one(spatial)?
                .map(|c| entity(&c, data, Kind::Place))
                .transpose()?
                .ok_or_else(|| missing("spatial", ""))?,
            temporal: one(temporal)?.map(|c| period(&c, data)).transpose()?,
            languages: languages.iter().map(language).collect::<Result<_, _>>()?,
            keywords: keywords.into_iter().map(|c| Text { lang: c.lang, value: c.value }).collect(),
            source_creator: one(creator)?.map(|c| entity(&c, data, Kind::Organization)).transpose()?,
        })
    }
}

fn field_names() -> String {
    FIELDS.iter().map(|(name, _, _)| *name).collect::<Vec<_>>().join(", ")
}

/// A text field needs a language tag (`zh`, `en`, `zh-Hant` …); any other field none.
fn check_lang(place: &Location, lang: &str, text: bool) -> Result<(), DataError> {
    let tag = |l: &str| {
        let mut parts = l.split('-');
        parts.next().is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
            && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
    };
    match (text, lang.is_empty()) {
        (true, _) if tag(lang) => Ok(()),
        (true, _) => Err(DataError::BadValue {
            place: place.clone(),
            value: lang.to_owned(),
            expected: "a language tag (zh, en …): this field is a text".into(),
        }),
        (false, true) => Ok(()),
        (false, false) => Err(DataError::BadValue {
            place: place.clone(),
            value: lang.to_owned(),
            expected: "empty: this field is not a text".into(),
        }),
    }
}

/// Texts with at most one per language.
fn unique_texts(cells: Vec<Cell>) -> Result<Vec<Text>, DataError> {
    let mut seen: BTreeMap<String, Location> = BTreeMap::new();
    let mut texts = Vec::with_capacity(cells.len());
    for cell in cells {
        if let Some(first) = seen.get(&cell.lang) {
            return Err(DataError::Invalid {
                place: cell.place,
                message: format!("a second text in language `{}` (the first is at {first})", cell.lang),
            });
        }
        seen.insert(cell.lang.clone(), cell.place);
        texts.push(Text { lang: cell.lang, value: cell.value });
    }
    Ok(texts)
}

/// The value of a field that has at most one.
fn one(cells: Vec<Cell>) -> Result<Option<Cell>, DataError> {
    let mut cells = cells.into_iter();
    let first = cells.next();
    match (first, cells.next()) {
        (Some(first), Some(second)) => Err(DataError::Invalid {
            place: second.place,
            message: format!("a second value of this field (the first is at {})", first.place),
        }),
        (first, None) => Ok(first),
        (None, Some(_)) => Ok(None),
    }
}

fn iri(cell: &Cell) -> Result<NamedNode, DataError> {
    NamedNode::new(cell.value.trim()).map_err(|e| DataError::BadValue {
        place: cell.place.clone(),
        value: cell.value.clone(),
        expected: format!("an absolute IRI ({e})"),
    })
}

/// A date `YYYY-MM-DD` that exists.
fn date(cell: &Cell) -> Result<String, DataError> {
    let value = cell.value.trim();
    match crate::facts::cells::date_parts(value) {
        Some(_) => Ok(value.to_owned()),
        None => Err(DataError::BadValue {
            place: cell.place.clone(),
            value: cell.value.clone(),
            expected: "a date YYYY-MM-DD".into(),
        }),
    }
}

/// The id of an entity of `kind` in the data.
fn entity(cell: &Cell, data: &Dataset, kind: Kind) -> Result<String, DataError> {
    let id = slug(&cell.place, cell.value.trim())?;
    match data.get(&id) {
        Some(entity) if entity.kind == kind => Ok(id),
        Some(entity) => Err(DataError::WrongKind {
            place: cell.place.clone(),
            id,
            found: entity.kind.name().into(),
            expected: format!("a {}", kind.name()).into(),
        }),
        None => {
            Err(DataError::UnknownId { place: cell.place.clone(), id, hint: format!(" (an id of {})", kind.file()) })
        }
    }
}

/// The years covered: they must be the span of the years of the figures.
fn period(cell: &Cell, data: &Dataset) -> Result<Period, DataError> {
    let Some(declared) = optional_period(&cell.place, cell.value.trim())? else {
        return Err(DataError::Empty { place: cell.place.clone() });
    };
    let periods = data.observations.iter().filter_map(|o| o.period);
    match (periods.clone().map(|p| p.start).min(), periods.map(|p| p.end).max()) {
        (Some(start), Some(end)) if (Period { start, end }) == declared => Ok(declared),
        (Some(start), Some(end)) => Err(DataError::Invalid {
            place: cell.place.clone(),
            message: format!(
                "the figures of the data cover {}, not {declared}: the temporal coverage is what the data supports",
                Period { start, end }
            ),
        }),
        _ => Err(DataError::Invalid {
            place: cell.place.clone(),
            message: "the data has no figures, so no years it covers: leave `temporal` out".into(),
        }),
    }
}

/// An ISO 639-1 code: two lowercase letters.
fn language(cell: &Cell) -> Result<String, DataError> {
    let code = cell.value.trim();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(code.to_owned())
    } else {
        Err(DataError::BadValue {
            place: cell.place.clone(),
            value: cell.value.clone(),
            expected: "an ISO 639-1 language code of two lowercase letters (zh, en …)".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(value: &str) -> Cell {
        Cell { place: Location::file("dataset.csv").at_line(3), lang: String::new(), value: value.into() }
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(date(&cell("2020-02-29")).ok().as_deref(), Some("2020-02-29"));
        for bad in ["2019-02-29", "2020-13-01", "2020-1-01", "8 January 2020", "2020-04-31"] {
            let error = date(&cell(bad)).expect_err(bad).to_string();
            assert!(error.contains("dataset.csv:3") && error.contains("YYYY-MM-DD"), "{error}");
        }
    }

    #[test]
    fn languages_are_two_letters_and_tags_fit_the_field() {
        assert_eq!(language(&cell("zh")).ok().as_deref(), Some("zh"));
        assert!(language(&cell("chi")).is_err() && language(&cell("ZH")).is_err());
        let place = Location::file("dataset.csv");
        assert!(check_lang(&place, "zh-Hant", true).is_ok());
        assert!(check_lang(&place, "", true).is_err(), "a text needs a language");
        assert!(check_lang(&place, "en", false).is_err(), "an IRI takes none");
    }

    #[test]
    fn a_single_valued_field_refuses_a_second_value() {
        let error = one(vec![cell("a"), cell("b")]).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("a second value"), "{error}");
    }
}
