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

    pub(crate) fn parse(value: &str) -> Option<Option<Self>> {
        match value {
            "" => Some(None),
            "约" => Some(Some(Self::About)),
            "余" => Some(Some(Self::MoreThan)),
            _ => None,
        }
    }
}
