//! The values of facts: the words a fact cites, periods of years, the kind of a figure and its approximation.
//!
//! Plain value types shared by the curated rows, the extractors and the mapping; each knows its own code IRI.

use crate::error::Location;
use crate::vocab::qpk;
use oxigraph::model::NamedNodeRef;
use std::fmt;

/// The separator of several quotes in one `evidence` cell: space, U+2026, space.
pub const QUOTE_SEPARATOR: &str = " … ";
/// The separator of several aliases in one `alt_zh` cell.
pub const ALIAS_SEPARATOR: char = '|';

/// The aliases of an `alt_zh` cell: split at [`ALIAS_SEPARATOR`], trimmed, empty ones left out.
pub fn aliases(cell: &str) -> Vec<String> {
    cell.split(ALIAS_SEPARATOR).map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect()
}
/// Words of the report that a row cites, with the cell they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    pub place: Location,
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

    pub(crate) fn parse(value: &str) -> Option<Self> {
        match value {
            "result" => Some(Self::Result),
            "estimate" => Some(Self::Estimate),
            "target" => Some(Self::Target),
            "current" => Some(Self::Current),
            _ => None,
        }
    }
}

/// Where a thing stands at a stage the report gives: done in the year under review, under way in it, or planned
/// for the year ahead (the tense of the report's words, which the part they stand in decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StageKind {
    /// Done in the year under review (开工, 建成, 通过验收 in the review).
    Achieved,
    /// Under way in the year under review (推进, 施工, 加快建设 in the review).
    UnderWay,
    /// What the year ahead plans (the same words in the tasks of the year ahead).
    Planned,
}

impl StageKind {
    /// Its code in the stage-kind scheme.
    pub fn iri(self) -> NamedNodeRef<'static> {
        match self {
            Self::Achieved => qpk::ACHIEVED,
            Self::UnderWay => qpk::UNDER_WAY,
            Self::Planned => qpk::PLANNED,
        }
    }

    /// The value of the `stage` column.
    pub fn name(self) -> &'static str {
        match self {
            Self::Achieved => "achieved",
            Self::UnderWay => "under-way",
            Self::Planned => "planned",
        }
    }

    pub(crate) fn parse(value: &str) -> Option<Self> {
        [Self::Achieved, Self::UnderWay, Self::Planned].into_iter().find(|k| k.name() == value)
    }
}

/// How the report qualifies a figure it does not give exactly: the code of the approximation attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Approximation {
    /// About the value (约 78 亿元, 5% 左右).
    About,
    /// More than the value (1 亿余元, 8000 多个, 超过 300 万, 突破 1 万亿元).
    MoreThan,
    /// The value or more (4000 亿斤以上, 不低于 90%).
    AtLeast,
    /// The value or less (3.5% 以内, 不超过 5%).
    AtMost,
    /// Nearly the value, a little under it (近 300 万人, 接近 50%).
    Nearly,
}

impl Approximation {
    /// Its code in the approximation attribute.
    pub fn iri(self) -> NamedNodeRef<'static> {
        match self {
            Self::About => qpk::ABOUT,
            Self::MoreThan => qpk::MORE_THAN,
            Self::AtLeast => qpk::AT_LEAST,
            Self::AtMost => qpk::AT_MOST,
            Self::Nearly => qpk::NEARLY,
        }
    }
}

/// Where the word of a qualifier stands in the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QualifierPlace {
    /// Before the number (约 78 亿元, 近 300 万人).
    Before,
    /// After the number, before the unit; after the power of ten where there is one (30 余家, 1 亿余元, 8000 多个).
    InUnit,
    /// After the unit (5% 左右, 3.5% 以内).
    After,
}

/// A word by which the report qualifies a figure: the approximation it says and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Qualifier {
    /// The word as written (约, 余, 左右 …): the value of the `approx` column.
    pub word: &'static str,
    pub approximation: Approximation,
    pub place: QualifierPlace,
}

const fn qualifier(word: &'static str, approximation: Approximation, place: QualifierPlace) -> Qualifier {
    Qualifier { word, approximation, place }
}

/// The qualifiers of the genre, longest word first where one begins another (超过 before 超).
#[rustfmt::skip]
pub const QUALIFIERS: &[Qualifier] = {
    use Approximation::*;
    use QualifierPlace::*;
    &[
        qualifier("约", About, Before), qualifier("大约", About, Before),
        qualifier("左右", About, After), qualifier("上下", About, After),
        qualifier("余", MoreThan, InUnit), qualifier("多", MoreThan, InUnit),
        qualifier("超过", MoreThan, Before), qualifier("超", MoreThan, Before), qualifier("逾", MoreThan, Before),
        qualifier("突破", MoreThan, Before),
        qualifier("以上", AtLeast, After), qualifier("不低于", AtLeast, Before), qualifier("不少于", AtLeast, Before),
        qualifier("至少", AtLeast, Before),
        qualifier("以内", AtMost, After), qualifier("之内", AtMost, After), qualifier("以下", AtMost, After),
        qualifier("不超过", AtMost, Before), qualifier("不高于", AtMost, Before),
        qualifier("接近", Nearly, Before), qualifier("将近", Nearly, Before), qualifier("近", Nearly, Before),
    ]
};

impl Qualifier {
    /// The qualifier of an `approx` cell: `Some(None)` for an empty one, `None` for a word that is none.
    pub fn parse(value: &str) -> Option<Option<&'static Self>> {
        if value.is_empty() {
            return Some(None);
        }
        QUALIFIERS.iter().find(|q| q.word == value).map(Some)
    }

    /// The qualifier whose word `text` starts with at `place` (the longest).
    pub(crate) fn starting(text: &str, place: QualifierPlace) -> Option<&'static Self> {
        QUALIFIERS.iter().filter(|q| q.place == place && text.starts_with(q.word)).max_by_key(|q| q.word.len())
    }

    /// The qualifier whose word `text` ends with, standing before a number (the longest).
    pub(crate) fn ending(text: &str) -> Option<&'static Self> {
        QUALIFIERS
            .iter()
            .filter(|q| q.place == QualifierPlace::Before && text.ends_with(q.word))
            .max_by_key(|q| q.word.len())
    }
}
