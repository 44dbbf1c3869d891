//! Grounding: every quote of the data found in the report, as spans of the stored text.
//!
//! Takes the [`Source`] and the [`Dataset`] and gives, for every row, the [`Span`]s its quotes cover, or the
//! first quote (or Chinese label) that the report does not hold, with its place. A quote is looked for in the
//! paragraphs as a reader reads them; where it runs across a page break it yields one span per piece of the
//! stored file, so that the stored text at `[start, end)` is always exactly the span's `exact`.

use crate::error::DataError;
use crate::kinds::{Kind, SCHEME_INDICATOR};
use crate::records::{Dataset, Detail, Entity, Quote};
use crate::source::Source;
use std::collections::HashMap;

/// How many code points of context a span keeps on each side (`oa:prefix`, `oa:suffix`).
pub const CONTEXT: usize = 12;

/// A span of the stored text, in Unicode code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// The stored text at `[start, end)`.
    pub exact: String,
    /// Up to [`CONTEXT`] code points before, not crossing a line.
    pub prefix: String,
    /// Up to [`CONTEXT`] code points after, not crossing a line.
    pub suffix: String,
    /// The paragraph the span lies in.
    pub paragraph: usize,
}

impl Source {
    /// The spans of the first occurrence of `quote` in a paragraph, or `None`.
    pub fn locate(&self, quote: &str) -> Option<Vec<Span>> {
        let at = self.find(quote)?;
        let index = self.starts.partition_point(|&start| start <= at) - 1;
        let at = at - self.starts[index];
        Some(self.spans_in(index, at, at + quote.len()))
    }

    /// The spans of the stored text that bytes `[at, end)` of paragraph `index`'s text come from: one, or one a
    /// piece where the range runs across a page break.
    pub fn spans_in(&self, index: usize, at: usize, end: usize) -> Vec<Span> {
        let paragraph = &self.paragraphs[index];
        paragraph
            .segments
            .iter()
            .filter_map(|segment| {
                let from = at.max(segment.text_byte);
                let to = end.min(segment.text_byte + segment.len);
                (from < to).then(|| {
                    let byte_start = segment.source_byte + (from - segment.text_byte);
                    let byte_end = byte_start + (to - from);
                    let lead = &self.text[segment.source_byte..byte_start];
                    let start = segment.source_char + lead.chars().count();
                    self.span(byte_start, byte_end, start, paragraph.index)
                })
            })
            .collect()
    }

    /// The byte offset in the joined paragraphs of the first occurrence of `quote`.
    fn find(&self, quote: &str) -> Option<usize> {
        let mut chars = quote.chars();
        let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
            return if quote.is_empty() { None } else { self.joined.find(quote) };
        };
        if quote.contains('\0') {
            return None;
        }
        let candidates = self.pairs.get(&(first, second))?;
        candidates.iter().map(|&at| at as usize).find(|&at| self.joined[at..].starts_with(quote))
    }

    /// Whether the report, read as paragraphs, holds `text`.
    pub fn contains(&self, text: &str) -> bool {
        self.find(text).is_some()
    }

    fn span(&self, byte_start: usize, byte_end: usize, start: usize, paragraph: usize) -> Span {
        let exact = &self.text[byte_start..byte_end];
        let before = &self.text[..byte_start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let prefix: Vec<char> = before[line_start..].chars().rev().take(CONTEXT).collect();
        let after = &self.text[byte_end..];
        let line_end = after.find('\n').unwrap_or(after.len());
        Span {
            start,
            end: start + exact.chars().count(),
            exact: exact.to_owned(),
            prefix: prefix.into_iter().rev().collect(),
            suffix: after[..line_end].chars().take(CONTEXT).collect(),
            paragraph,
        }
    }
}

/// The spans of every row's quotes, by row key (an entity's or observation's id, a relation's key).
#[derive(Debug, Clone, Default)]
pub struct Grounding {
    spans: HashMap<String, Vec<Span>>,
}

impl Grounding {
    /// The spans of a row, in the order of its quotes.
    pub fn spans(&self, key: &str) -> &[Span] {
        self.spans.get(key).map_or(&[], Vec::as_slice)
    }

    /// Every row key with its spans.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<Span>)> {
        self.spans.iter()
    }
}

/// Finds every quote of `data` in `source`, and checks that every Chinese label occurs in it.
pub fn ground(source: &Source, data: &Dataset) -> Result<Grounding, DataError> {
    let mut grounding = Grounding::default();
    let mut add = |key: String, quotes: &mut dyn Iterator<Item = &Quote>| -> Result<(), DataError> {
        let mut spans = Vec::new();
        for quote in quotes {
            let found = source
                .locate(&quote.text)
                .ok_or_else(|| DataError::QuoteNotFound { place: quote.place.clone(), quote: quote.text.clone() })?;
            spans.extend(found);
        }
        grounding.spans.insert(key, spans);
        Ok(())
    };
    for entity in &data.entities {
        if must_occur(entity) && !source.contains(&entity.label_zh) {
            return Err(DataError::LabelNotFound {
                place: entity.place.at_column(label_column(entity.kind), "label_zh"),
                label: entity.label_zh.clone(),
            });
        }
        let definition = match &entity.detail {
            Detail::Concept { definition: Some(d), .. } => Some(d),
            _ => None,
        };
        add(entity.id.clone(), &mut entity.evidence.iter().chain(definition))?;
    }
    for relation in &data.relations {
        add(relation.key(), &mut relation.evidence.iter())?;
    }
    for observation in &data.observations {
        add(observation.id.clone(), &mut observation.evidence.iter())?;
    }
    Ok(grounding)
}

/// Whether an entity's Chinese label must be words of the report: all but schemes (lists of the dataset's
/// own) and indicators (named from the report's words, but often longer than one phrase of it, so that
/// every indicator has a label of its own: 工业（研发）项目开工 beside 商办项目开工).
fn must_occur(entity: &Entity) -> bool {
    match entity.kind {
        Kind::Scheme => false,
        Kind::Concept => entity.kind_type != SCHEME_INDICATOR,
        _ => true,
    }
}

fn label_column(kind: Kind) -> usize {
    match kind {
        Kind::Person | Kind::Scheme => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_across_a_page_break_gives_two_true_spans() {
        let text = "前文，促进生态\n\n---\n\n环境标准统一。";
        let source = Source::new("t.md", text.to_owned());
        let spans = source.locate("促进生态环境标准").unwrap();
        assert_eq!(spans.len(), 2);
        let chars: Vec<char> = text.chars().collect();
        for span in &spans {
            let stored: String = chars[span.start..span.end].iter().collect();
            assert_eq!(stored, span.exact);
        }
        assert_eq!(spans[0].exact, "促进生态");
        assert_eq!(spans[1].exact, "环境标准");
        assert_eq!(spans[0].prefix, "前文，");
        assert_eq!(spans[1].suffix, "统一。");
    }

    #[test]
    fn the_first_occurrence_is_found_and_no_quote_spans_two_paragraphs() {
        let text = "甲乙丙。\n\n乙丙丁。\n";
        let source = Source::new("t.md", text.to_owned());
        assert_eq!(source.locate("乙丙").unwrap()[0].start, 1);
        assert_eq!(source.locate("丙丁").unwrap()[0].start, 7);
        assert!(source.locate("丙。乙").is_none());
        assert!(source.locate("丙。\n\n乙").is_none());
        assert_eq!(source.locate("丁").unwrap()[0].start, 8);
    }

    #[test]
    fn a_missing_quote_is_none() {
        let source = Source::new("t.md", "甲乙丙。".to_owned());
        assert!(source.locate("丁").is_none());
        assert!(source.locate("").is_none());
    }
}
