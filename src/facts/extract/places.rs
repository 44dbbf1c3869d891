//! Known places: a gazetteer in the shape of `data/places.csv`, and every place where the report names one.

use super::ExtractError;
use super::text::Occurrence;
use crate::error::{DataError, Location};
use crate::facts::cells::slug;
use crate::facts::csv::{self, Columns, Table};
use crate::source::Matcher;
use crate::values::aliases;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPlace {
    pub id: String,
    /// The `type` column (district, town, lake …), empty if the gazetteer has none.
    pub kind_type: String,
    pub label_zh: String,
    pub label_en: String,
    /// Other names (`alt_zh`, separated by `|`).
    pub alt_zh: Vec<String>,
    pub division_code: String,
}

/// The places an extraction looks for.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub places: Vec<KnownPlace>,
}

/// A known place the report names, with every place it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMentions {
    pub place: KnownPlace,
    pub occurrences: Vec<Occurrence>,
}

/// The columns a gazetteer must have; the others of `places.csv` are read where present.
const REQUIRED: &[&str] = &["id", "label_zh"];
const COLUMNS: &[&str] = &["id", "type", "label_zh", "label_en", "alt_zh", "division_code", "evidence"];

impl Gazetteer {
    /// The gazetteer of `places`.
    pub fn new(places: Vec<KnownPlace>) -> Self {
        Self { places }
    }

    /// Reads a `places.csv` (columns `id,type,label_zh,label_en,alt_zh,division_code,evidence`; `id` and
    /// `label_zh` required), refusing a row without id or label, a bad id or a duplicate one with its place.
    pub fn read(file: &Path) -> Result<Self, ExtractError> {
        read(file).map_err(ExtractError::Gazetteer)
    }

    /// A matcher of every label and alias, naming the place's index. As for the curated entities' mentions, a
    /// name of one character is not looked for, and a name two places share names neither.
    pub(super) fn matcher(&self) -> Matcher<'_> {
        let mut names: HashMap<&str, Option<usize>> = HashMap::new();
        for (index, place) in self.places.iter().enumerate() {
            for name in std::iter::once(&place.label_zh).chain(&place.alt_zh).filter(|n| n.chars().count() >= 2) {
                let named = names.entry(name).or_insert(Some(index));
                if *named != Some(index) {
                    *named = None;
                }
            }
        }
        Matcher::new(names.into_iter().filter_map(|(name, place)| Some((name, place?))))
    }
}

/// A row of a gazetteer: every column but `id` and `label_zh` may be missing.
#[derive(Deserialize)]
struct Row {
    id: String,
    #[serde(default, rename = "type")]
    kind_type: String,
    label_zh: String,
    #[serde(default)]
    label_en: String,
    #[serde(default)]
    alt_zh: String,
    #[serde(default)]
    division_code: String,
}

fn read(file: &Path) -> Result<Gazetteer, DataError> {
    let table: Table<Row> = csv::read(file, Columns::AtLeast { required: REQUIRED, expected: COLUMNS })?;
    let mut places = Vec::new();
    let mut first: HashMap<String, Location> = HashMap::new();
    for (line, row) in &table.rows {
        let id = slug(&table.at(line, "id"), row.id.trim())?;
        let label_zh = row.label_zh.trim();
        if label_zh.is_empty() {
            return Err(DataError::Empty { place: table.at(line, "label_zh") });
        }
        if let Some(before) = first.insert(id.clone(), line.clone()) {
            return Err(DataError::DuplicateId { place: table.at(line, "id"), id, first: Box::new(before) });
        }
        places.push(KnownPlace {
            id,
            kind_type: row.kind_type.trim().to_owned(),
            label_zh: label_zh.to_owned(),
            label_en: row.label_en.trim().to_owned(),
            alt_zh: aliases(&row.alt_zh),
            division_code: row.division_code.trim().to_owned(),
        });
    }
    Ok(Gazetteer { places })
}

/// The places named at least once, in the gazetteer's order, and the area's index among them.
pub(super) fn mentioned(
    gazetteer: &Gazetteer,
    mentions: Vec<Vec<Occurrence>>,
    area: Option<usize>,
) -> (Vec<PlaceMentions>, Option<usize>) {
    let mut places = Vec::new();
    let mut area_index = None;
    for (i, occurrences) in mentions.into_iter().enumerate() {
        if occurrences.is_empty() {
            continue;
        }
        if area == Some(i) {
            area_index = Some(places.len());
        }
        places.push(PlaceMentions { place: gazetteer.places[i].clone(), occurrences });
    }
    (places, area_index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().expect("temporary file");
        std::fs::write(file.path(), text).expect("write");
        file
    }

    #[test]
    fn a_gazetteer_of_the_data_shape_is_read() {
        let file = write(
            "id,type,label_zh,label_en,alt_zh,division_code,evidence\nqingpu,district,青浦区,Qingpu,青浦|本区,310118,x\n",
        );
        let g = Gazetteer::read(file.path()).expect("reads");
        assert_eq!(g.places[0].alt_zh, ["青浦", "本区"]);
        assert_eq!(g.places[0].division_code, "310118");
    }

    #[test]
    fn shared_and_one_character_names_are_not_looked_for() {
        let place = |id: &str, label: &str, alt: &[&str]| KnownPlace {
            id: id.into(),
            kind_type: String::new(),
            label_zh: label.into(),
            label_en: String::new(),
            alt_zh: alt.iter().map(|a| (*a).into()).collect(),
            division_code: String::new(),
        };
        let g = Gazetteer::new(vec![place("a", "东湖镇", &["东湖", "湖"]), place("b", "东湖街道", &["东湖"])]);
        let mut found = Vec::new();
        g.matcher().find("东湖镇、东湖街道、东湖、湖", |s, e, o| found.push((s, e, o)));
        assert_eq!(found, [(0, 9, 0), (12, 24, 1)]);
    }

    #[test]
    fn a_bad_row_is_named_with_its_place() {
        let file = write("id,label_zh\nQingpu,青浦\n");
        let message = Gazetteer::read(file.path()).expect_err("refused").to_string();
        assert!(message.contains(":2:1 (column `id`)"), "{message}");
        let file = write("id,label\nqingpu,青浦\n");
        let message = Gazetteer::read(file.path()).expect_err("refused").to_string();
        assert!(message.contains("missing column `label_zh`"), "{message}");
    }
}
