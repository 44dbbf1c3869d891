//! The parts of a report as a plan: which part reviews the past year (its figures are results) and which sets
//! the tasks of the coming one (its figures are targets), and the year each speaks of.
//!
//! Decided from the titles of the numbered parts only, never from one report's wording: a title whose first
//! period (`2025年`, `“十四五”时期`, see [`periods`](super::periods)) is past is a review, one whose first period
//! is the report's year or later a plan; without a period, a title that speaks of a review (回顾, 过去, 成绩,
//! 成就 …) is a review and one that speaks of tasks, targets, plans (任务, 目标, 计划, 安排 …) a plan; a part that
//! says neither follows a review or a plan and so belongs to the plan (reports review first, then plan). A
//! sub-part (（一）) is of its part's kind. Within a part, the words of a sentence may name another period
//! (`“十五五”时期` in a part that also reviews `“十四五”`): figures take the period of their words first.

use super::periods;
use super::text::located;
use crate::document::{Document, PLAN_WORDS, REVIEW_WORDS};
use crate::source::Source;
use crate::source::{Locator, Span};
use crate::values::Period;

/// What a part of the report does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartKind {
    /// It reviews the past year's work: its figures are results (or estimates, 预计).
    Review,
    /// It sets the tasks and targets of the coming year (or years): its figures are targets.
    Plan,
}

/// A numbered part of the report, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// `None` when neither its title nor its place tells (a part before any review).
    pub kind: Option<PartKind>,
    /// The year or years its figures are of: the period its title names first, else its part's, else the year
    /// before the report's (a review) or the report's own (a plan).
    pub period: Option<Period>,
    /// The numbering without its separator (`一`, `（一）`), as `tasks.csv` writes a notation.
    pub notation: String,
    /// The spans of the title.
    pub title_spans: Vec<Span>,
}

/// The first year written as a year (`2020年`, `2020 年`) in `text`.
pub(super) fn year_in(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = &bytes[i..i + 4];
        let bounded =
            (i == 0 || !bytes[i - 1].is_ascii_digit()) && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if !bounded
            || !digits.iter().all(u8::is_ascii_digit)
            || !(digits.starts_with(b"19") || digits.starts_with(b"20"))
        {
            return None;
        }
        let rest = text.get(i + 4..)?.trim_start_matches([' ', '\u{3000}']);
        rest.starts_with('年').then(|| std::str::from_utf8(digits).ok()?.parse().ok()).flatten()
    })
}

/// The year of the report: the first year written in its title lines (the title, the date it was delivered).
pub(super) fn report_year(source: &Source, document: &Document) -> Option<u16> {
    let first_part = document.sections.first().map_or(source.paragraphs.len(), |s| s.paragraph);
    let from = document.title.unwrap_or(0);
    source.paragraphs.iter().skip(from).take(first_part.saturating_sub(from).min(6)).find_map(|p| year_in(&p.text))
}

fn kind_of_title(title: &str, report_year: Option<u16>) -> Option<PartKind> {
    match (periods::of_title(title, report_year), report_year) {
        (Some(period), Some(report)) if period.end < report => return Some(PartKind::Review),
        (Some(period), Some(report)) if period.start >= report => return Some(PartKind::Plan),
        _ => {}
    }
    if REVIEW_WORDS.iter().any(|w| title.contains(w)) {
        return Some(PartKind::Review);
    }
    PLAN_WORDS.iter().any(|w| title.contains(w)).then_some(PartKind::Plan)
}

/// The kind of every section of `document`: a part's from its title (or, saying neither, a plan after a review
/// or a plan), a sub-part's its part's.
fn kinds(document: &Document, report_year: Option<u16>) -> Vec<Option<PartKind>> {
    let mut kinds: Vec<Option<PartKind>> = Vec::with_capacity(document.sections.len());
    let mut previous: Option<PartKind> = None;
    for section in &document.sections {
        let kind = match section.parent.and_then(|p| kinds.get(p)) {
            Some(parent) => *parent,
            // An appendix is what its title says (`2026年自治区民生实事`: the year's plan), whatever precedes it.
            None if section.appendix => kind_of_title(&section.title, report_year),
            None => {
                let kind = kind_of_title(&section.title, report_year).or(previous.map(|_| PartKind::Plan));
                previous = kind.or(previous);
                kind
            }
        };
        kinds.push(kind);
    }
    kinds
}

/// The kind of each paragraph of `source`: whether it stands in a review of the past year or in the plan of the
/// year ahead, by the part it stands in (`None` before the first part, in the glossary, or where no title tells).
pub fn paragraph_kinds(source: &Source, document: &Document) -> Vec<Option<PartKind>> {
    let kinds = kinds(document, report_year(source, document));
    let in_glossary = |paragraph: usize| document.glossary.as_ref().is_some_and(|g| g.holds(paragraph));
    let sections = document.innermost(source.paragraphs.len());
    sections
        .iter()
        .enumerate()
        .map(|(paragraph, section)| section.filter(|_| !in_glossary(paragraph)).and_then(|s| kinds[s]))
        .collect()
}

/// The parts of `document`, one per section, with their kind, year and title spans.
pub(super) fn parts(document: &Document, report_year: Option<u16>, locator: &mut Locator<'_>) -> Vec<Part> {
    let kinds = kinds(document, report_year);
    let mut parts: Vec<Part> = Vec::with_capacity(document.sections.len());
    for (section, &kind) in document.sections.iter().zip(&kinds) {
        let parent = section.parent.and_then(|p| parts.get(p)).and_then(|p| p.period);
        let year = |year: u16| Period { start: year, end: year };
        let period = periods::of_title(&section.title, report_year).or(parent).or_else(|| match kind {
            Some(PartKind::Plan) => report_year.map(year),
            _ => report_year.map(|y| year(y - 1)),
        });
        locator.enter(section.paragraph);
        let title_spans = located(locator.text(), section.title_at, &section.title)
            .map_or_else(Vec::new, |(from, to)| locator.spans(from, to));
        let notation = section.marker.trim_end_matches(['、', '.', '．']).to_owned();
        parts.push(Part { kind, period, notation, title_spans });
    }
    parts
}

/// Where a paragraph stands: its innermost part, that part's kind and period, and the year of the report.
#[derive(Debug, Clone, Copy)]
pub(super) struct Context {
    pub paragraph: usize,
    pub section: Option<usize>,
    pub kind: Option<PartKind>,
    pub period: Option<Period>,
    pub report_year: Option<u16>,
}

impl Context {
    pub(super) fn new(parts: &[Part], report_year: Option<u16>, paragraph: usize, section: Option<usize>) -> Self {
        let part = section.and_then(|s| parts.get(s));
        Self {
            paragraph,
            section,
            kind: part.and_then(|p| p.kind),
            period: part.and_then(|p| p.period).or(report_year.map(|y| Period { start: y - 1, end: y - 1 })),
            report_year,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_where_written_as_years() {
        assert_eq!(year_in("2020年青浦区政府工作报告"), Some(2020));
        assert_eq!(year_in("二、2020 年主要任务"), Some(2020));
        assert_eq!(year_in("新增 12020 年"), None);
        assert_eq!(year_in("建成 2019 个"), None);
        assert_eq!(year_in("“十四五”时期"), None);
    }

    #[test]
    fn titles_tell_a_review_from_a_plan() {
        let y = Some(2021);
        assert_eq!(kind_of_title("2020年工作回顾", y), Some(PartKind::Review));
        assert_eq!(kind_of_title("过去五年的工作", y), Some(PartKind::Review));
        assert_eq!(kind_of_title("2021年主要任务", y), Some(PartKind::Plan));
        assert_eq!(kind_of_title("“十四五”时期主要目标", y), Some(PartKind::Plan));
        assert_eq!(kind_of_title("2020年的工作", y), Some(PartKind::Review));
        assert_eq!(kind_of_title("2021年重点工作", y), Some(PartKind::Plan));
        assert_eq!(kind_of_title("今年的主要工作", y), Some(PartKind::Plan));
        assert_eq!(kind_of_title("2020年主要工作回顾", y), Some(PartKind::Review));
        assert_eq!(kind_of_title("全面加强政府自身建设", y), None);
        let y = Some(2026);
        assert_eq!(kind_of_title("2025年主要工作和“十四五”发展成就", y), Some(PartKind::Review), "a past year first");
        assert_eq!(kind_of_title("“十四五”时期经济社会发展回顾", y), Some(PartKind::Review));
        assert_eq!(kind_of_title("“十五五”时期主要目标任务", y), Some(PartKind::Plan));
        assert_eq!(kind_of_title("关于2026年工作", y), Some(PartKind::Plan));
        assert_eq!(kind_of_title("一年接着一年干，新福建建设持续取得新进展新成效", y), Some(PartKind::Review));
    }

    #[test]
    fn a_part_that_says_nothing_follows_the_plan() {
        let text = "# 2021年某省政府工作报告\n\n一、2020年工作回顾\n\n二、2021年重点工作\n\n（一）稳增长\n\n三、加强政府自身建设\n\n（一）依法行政\n";
        let source = Source::new("t.md", text.to_owned());
        let document = Document::parse(&source);
        let mut locator = Locator::new(&source);
        let year = report_year(&source, &document);
        assert_eq!(year, Some(2021));
        let parts = parts(&document, year, &mut locator);
        let summary: Vec<_> = parts.iter().map(|p| (p.kind, p.period.map(|p| p.end), p.notation.as_str())).collect();
        use PartKind::{Plan, Review};
        assert_eq!(
            summary,
            [
                (Some(Review), Some(2020), "一"),
                (Some(Plan), Some(2021), "二"),
                (Some(Plan), Some(2021), "（一）"),
                (Some(Plan), Some(2021), "三"),
                (Some(Plan), Some(2021), "（一）")
            ]
        );
        assert_eq!(parts[0].title_spans[0].exact(&source.text), "2020年工作回顾");
        let of = document.innermost(source.paragraphs.len());
        assert_eq!(of, (0..source.paragraphs.len()).map(|p| document.section_of(p)).collect::<Vec<_>>());
    }
}
