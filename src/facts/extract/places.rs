//! Known places: the national gazetteer of divisions, a local gazetteer in the shape of `data/places.csv`, and
//! every place where the report names one.
//!
//! Takes a [`Gazetteer`] and the report's region, and gives a [`Finder`]: the names the report is read for, each
//! resolved to one place ([`super::divisions`] says which names and how a shared one is resolved). The local
//! places (Qingpu's villages, lakes and zones in `data/places.csv`) are looked for in a report of a county, or of
//! a division inside one, that the local file names by its code, or in every report when the file is named
//! with `--gazetteer`; a local place with a division code is that division, under the local id and labels, in
//! every report. Each place found is given with its code and the chain of divisions that contain it.

use super::ExtractError;
use super::divisions::{divisions, name_matcher};
use super::text::Occurrence;
use crate::error::{DataError, Location};
use crate::facts::cells::slug;
use crate::facts::csv::{self, Columns, Table};
use crate::source::{Matcher, leftmost_longest};
use crate::values::aliases;
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
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
    /// The local places.
    pub places: Vec<KnownPlace>,
    /// Whether the local places are looked for in every report, not only in a report of their own area.
    pub everywhere: bool,
    /// Whether the national divisions are looked for.
    pub national: bool,
    /// The local place of each division code the local file gives.
    by_code: HashMap<String, usize>,
}

/// A known place the report names, with every place it does (none for a division that only contains one it
/// names), and the place that contains it, as an index into the extraction's places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMentions {
    pub place: KnownPlace,
    pub occurrences: Vec<Occurrence>,
    pub container: Option<usize>,
}

/// A place of either gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Place {
    Local(usize),
    Division(usize),
}

/// The columns a gazetteer must have; the others of `places.csv` are read where present.
const REQUIRED: &[&str] = &["id", "label_zh"];
const COLUMNS: &[&str] = &["id", "type", "label_zh", "label_en", "alt_zh", "division_code", "evidence"];

impl Gazetteer {
    /// The local places `places` alone, looked for in every report (no national divisions).
    pub fn new(places: Vec<KnownPlace>) -> Self {
        Self::of(places, true, false)
    }

    /// The national divisions alone.
    pub fn national() -> Self {
        Self::of(Vec::new(), false, true)
    }

    /// The national divisions and the places of `file`, a `places.csv` (columns
    /// `id,type,label_zh,label_en,alt_zh,division_code,evidence`; `id` and `label_zh` required), looked for in
    /// every report (`everywhere`) or only in a report of their own area. A row without id or label, a bad id or
    /// a duplicate one is refused with its place.
    pub fn read(file: &Path, everywhere: bool) -> Result<Self, ExtractError> {
        let places = read(file).map_err(ExtractError::Gazetteer)?;
        Ok(Self::of(places, everywhere, true))
    }

    fn of(places: Vec<KnownPlace>, everywhere: bool, national: bool) -> Self {
        let mut by_code = HashMap::new();
        for (index, place) in places.iter().enumerate().filter(|(_, p)| !p.division_code.is_empty()) {
            by_code.entry(place.division_code.clone()).or_insert(index);
        }
        Self { places, everywhere, national, by_code }
    }

    /// A division under its local name where the local file has its code.
    fn canonical(&self, place: Place) -> Place {
        match place {
            Place::Division(d) => self.by_code.get(divisions().list[d].code).map_or(place, |&l| Place::Local(l)),
            local => local,
        }
    }

    /// The code of a place, if it has one.
    fn code(&self, place: Place) -> Option<&str> {
        match place {
            Place::Local(l) => Some(self.places[l].division_code.as_str()).filter(|c| !c.is_empty()),
            Place::Division(d) => Some(divisions().list[d].code),
        }
    }

    /// The names a report of `region` is read for.
    pub(super) fn finder(&self, region: Option<&Region>) -> Finder<'_> {
        let national = divisions();
        let code: Option<&'static str> =
            region.and_then(|r| national.by_code(r.code.as_deref()?)).map(|d| national.list[d].code);
        // The local places' names, of two characters or more; a name two of them share names neither.
        let local = self.everywhere || code.is_some_and(|r| r.len() >= 6 && self.by_code.contains_key(r));
        let mut names: HashMap<&str, Option<usize>> = HashMap::new();
        for (index, place) in self.places.iter().enumerate().filter(|_| local) {
            for name in std::iter::once(&place.label_zh).chain(&place.alt_zh).filter(|n| n.chars().count() >= 2) {
                let named = names.entry(name).or_insert(Some(index));
                if *named != Some(index) {
                    *named = None;
                }
            }
        }
        let finder = Finder {
            gazetteer: self,
            code,
            local: Matcher::new(names.iter().filter_map(|(name, place)| Some((*name, (*place)?)))),
            local_names: names.into_keys().collect(),
            resolved: RefCell::default(),
            owners: RefCell::default(),
        };
        if let Some(region) = region {
            finder.owner(region.place);
        }
        finder
    }

    /// The place a report is of: of the places the first of `texts` that names one names (its title, else a line
    /// of its front matter: `在贵州省第十四届人民代表大会…`), the one of the longest code (the most specific
    /// division), the first of those.
    pub(super) fn region<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Option<Region> {
        let finder = self.finder(None);
        for text in texts {
            let mut best: Option<(usize, usize)> = None;
            finder.find(text, |_, _, owner| {
                let length = self.code(finder.place(owner)).map_or(0, str::len);
                if best.is_none_or(|(_, l)| length > l) {
                    best = Some((owner, length));
                }
            });
            if let Some((owner, _)) = best {
                let place = finder.place(owner);
                return Some(Region { place, code: self.code(place).map(str::to_owned) });
            }
        }
        None
    }
}

/// The place a report is of, and its division code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Region {
    place: Place,
    code: Option<String>,
}

/// The names a report is read for: the local places' (where looked for) and the national divisions', each
/// resolved to one place when first found. Each place found is an owner, numbered from 0 in the order found.
pub(super) struct Finder<'g> {
    gazetteer: &'g Gazetteer,
    /// The code of the report's region.
    code: Option<&'static str>,
    local: Matcher<'g>,
    /// The names of the local places, which no division's name shadows.
    local_names: HashSet<&'g str>,
    /// The place each name of the national table found stands for in this report, by name index.
    resolved: RefCell<HashMap<usize, Option<Place>>>,
    /// The places found, in order, and the owner of each.
    owners: RefCell<(Vec<Place>, HashMap<Place, usize>)>,
}

impl Finder<'_> {
    /// The owner that is `place`, numbered anew if it is the first time.
    fn owner(&self, place: Place) -> usize {
        let mut owners = self.owners.borrow_mut();
        let (list, index) = &mut *owners;
        *index.entry(place).or_insert_with(|| {
            list.push(place);
            list.len() - 1
        })
    }

    fn place(&self, owner: usize) -> Place {
        self.owners.borrow().0[owner]
    }

    /// The owner of the region's place.
    pub fn region_owner(&self, region: &Region) -> Option<usize> {
        self.owners.borrow().1.get(&region.place).copied()
    }

    /// Calls `found(start, end, owner)` (byte offsets) for each place `text` names, left to right, the longest
    /// name first, none overlapping: local names over the national ones, and a national name only where the
    /// report is read for it and it is not ambiguous.
    pub fn find(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        let g = self.gazetteer;
        let mut all: Vec<(usize, usize, usize)> =
            self.local.occurrences(text).into_iter().map(|(s, e, l)| (s, e, self.owner(Place::Local(l)))).collect();
        if g.national {
            let national = divisions();
            for (start, end, name) in name_matcher().occurrences(text) {
                if self.local_names.contains(&text[start..end]) {
                    continue;
                }
                let place = *self.resolved.borrow_mut().entry(name).or_insert_with(|| {
                    national.resolve(&national.names[name].1, self.code).map(|d| g.canonical(Place::Division(d)))
                });
                if let Some(place) = place {
                    all.push((start, end, self.owner(place)));
                }
            }
        }
        leftmost_longest(all, &mut found);
    }

    /// The place an owner is, as a place of a `places.csv`.
    fn known(&self, place: Place) -> KnownPlace {
        let g = self.gazetteer;
        match place {
            Place::Local(l) => g.places[l].clone(),
            Place::Division(d) => {
                let national = divisions();
                let division = &national.list[d];
                KnownPlace {
                    id: division.code.to_owned(),
                    kind_type: national.kind(d).to_owned(),
                    label_zh: division.name.to_owned(),
                    label_en: String::new(),
                    alt_zh: national.short(d).map(str::to_owned).into_iter().collect(),
                    division_code: division.code.to_owned(),
                }
            }
        }
    }

    /// The division that contains a place, under its local name where it has one.
    fn container(&self, place: Place) -> Option<Place> {
        let national = divisions();
        let division = national.by_code(self.gazetteer.code(place)?)?;
        national.list[division].container.map(|c| self.gazetteer.canonical(Place::Division(c)))
    }

    /// The places named at least once (`mentions`, by owner) and the owner `area`, each with the chain of
    /// divisions that contain it (the local places in the gazetteer's order, the divisions in the order of their
    /// codes, then the containers named nowhere), and the index of `area` among them.
    pub fn mentioned(
        &self,
        mentions: Vec<Vec<Occurrence>>,
        area: Option<usize>,
    ) -> (Vec<PlaceMentions>, Option<usize>) {
        let owners = self.owners.borrow();
        let area = area.map(|owner| owners.0[owner]);
        // The local places in the gazetteer's order, then the divisions in the order of their codes.
        let mut found: Vec<(Place, Vec<Occurrence>)> = owners
            .0
            .iter()
            .zip(mentions.into_iter().chain(std::iter::repeat_with(Vec::new)))
            .filter(|(place, occurrences)| !occurrences.is_empty() || area == Some(**place))
            .map(|(place, occurrences)| (*place, occurrences))
            .collect();
        found.sort_unstable_by_key(|(place, _)| *place);
        let mut index: HashMap<Place, usize> = found.iter().enumerate().map(|(i, (place, _))| (*place, i)).collect();
        let area_index = area.and_then(|place| index.get(&place).copied());
        let mut containers = Vec::with_capacity(found.len());
        let mut at = 0;
        while at < found.len() {
            let container = self.container(found[at].0).map(|c| {
                *index.entry(c).or_insert_with(|| {
                    found.push((c, Vec::new()));
                    found.len() - 1
                })
            });
            containers.push(container);
            at += 1;
        }
        let places = found
            .into_iter()
            .zip(containers)
            .map(|((place, occurrences), container)| PlaceMentions { place: self.known(place), occurrences, container })
            .collect();
        (places, area_index)
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

fn read(file: &Path) -> Result<Vec<KnownPlace>, DataError> {
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
    Ok(places)
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
        let g = Gazetteer::read(file.path(), true).expect("reads");
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
        let finder = g.finder(None);
        finder.find("东湖镇、东湖街道、东湖、湖", |s, e, o| found.push((s, e, finder.place(o))));
        assert_eq!(found, [(0, 9, Place::Local(0)), (12, 24, Place::Local(1))]);
    }

    fn found_in(g: &Gazetteer, opening: &str, text: &str) -> Vec<(String, String)> {
        let region = g.region([opening]);
        let finder = g.finder(region.as_ref());
        let mut found = Vec::new();
        finder.find(text, |s, e, o| found.push((text[s..e].to_owned(), finder.known(finder.place(o)).id)));
        found
    }

    #[test]
    fn the_national_divisions_are_found_in_the_reports_region_first() {
        let g = Gazetteer::national();
        // Qinghai 2026: 海南 is Qinghai's prefecture there, the province elsewhere; 西宁 a short name of Qinghai's.
        let text = "格尔木东、海南清洁能源基地开工建设，西宁—海东都市圈一体化，朝阳区、成都、美丽江苏";
        assert_eq!(
            found_in(&g, "2026年青海省政府工作报告", text),
            [
                ("格尔木".into(), "632801".into()),
                ("海南".into(), "6325".into()),
                ("西宁".into(), "6301".into()),
                ("海东".into(), "6302".into()),
                ("江苏".into(), "32".into()),
            ],
            "朝阳区 is two districts, neither in Qinghai; 成都 a short name outside its province; 丽江 not looked for"
        );
        let beijing = found_in(&g, "北京市2026年政府工作报告", "朝阳区、海南自由贸易港、平原新城");
        assert_eq!(beijing, [("朝阳区".into(), "110105".into()), ("海南".into(), "46".into())]);
    }

    #[test]
    fn a_local_place_with_a_division_code_is_that_division_and_is_looked_for_in_its_own_report() {
        let file = write(
            "id,type,label_zh,label_en,alt_zh,division_code,evidence\nqingpu,district,青浦区,Qingpu District,青浦|本区,310118,x\nshanghai,city,上海,Shanghai,上海市,31,x\ndianshan-lake,lake,淀山湖,Dianshan Lake,,,x\n",
        );
        let g = Gazetteer::read(file.path(), false).expect("reads");
        let text = "淀山湖畔，本区与上海市、松江区";
        let ids = |found: Vec<(String, String)>| found.into_iter().map(|(_, id)| id).collect::<Vec<_>>();
        assert_eq!(
            ids(found_in(&g, "2020年青浦区政府工作报告", text)),
            ["dianshan-lake", "qingpu", "shanghai", "310117"]
        );
        assert_eq!(
            ids(found_in(&g, "2026年上海市政府工作报告", text)),
            ["shanghai", "310117"],
            "not in a city's report"
        );
        let region = g.region(["2020年青浦区政府工作报告"]);
        let finder = g.finder(region.as_ref());
        let (places, area) = finder.mentioned(Vec::new(), region.as_ref().and_then(|r| finder.region_owner(r)));
        let chain: Vec<_> = places.iter().map(|p| (p.place.id.as_str(), p.container)).collect();
        assert_eq!(chain, [("qingpu", Some(1)), ("shanghai", None)], "the region, and what contains it");
        assert_eq!(area, Some(0));
    }

    #[test]
    fn a_bad_row_is_named_with_its_place() {
        let file = write("id,label_zh\nQingpu,青浦\n");
        let message = Gazetteer::read(file.path(), true).expect_err("refused").to_string();
        assert!(message.contains(":2:1 (column `id`)"), "{message}");
        let file = write("id,label\nqingpu,青浦\n");
        let message = Gazetteer::read(file.path(), true).expect_err("refused").to_string();
        assert!(message.contains("missing column `label_zh`"), "{message}");
    }
}
