//! Terms: the glossary's entries with the spans of term and definition, and the words the report puts in
//! quotation marks (“…”, 「…」, "…") as candidate concepts with every place they occur.

use super::text::{Occurrence, is_sentence_end, located};
use crate::document::Document;
use crate::source::{Locator, Source, Span};
use std::collections::HashSet;

/// A word the report quotes (“三网融合”), with every place its words occur, quoted or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The words between the quotation marks.
    pub text: String,
    pub occurrences: Vec<Occurrence>,
}

/// An entry of the glossary, with its spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryItem {
    /// The entry's number as written.
    pub number: u32,
    /// The term without the quotation marks around it (`三网融合`), or as written when it is more than one
    /// quoted word (`“1+1+5”人才政策`).
    pub label: String,
    /// The term as written.
    pub term: String,
    pub definition: String,
    pub paragraph: usize,
    pub term_spans: Vec<Span>,
    pub definition_spans: Vec<Span>,
    /// The entry from its term to its end, as a quote for `evidence`.
    pub evidence: String,
}

/// The shortest and longest quoted words taken as terms; longer quotes are quotations, not names.
const TERM_CHARS: std::ops::RangeInclusive<usize> = 2..=24;

/// The glossary's entries with their spans.
pub(super) fn glossary(document: &Document, locator: &mut Locator<'_>) -> Vec<GlossaryItem> {
    let Some(glossary) = &document.glossary else { return Vec::new() };
    glossary
        .entries
        .iter()
        .map(|entry| {
            locator.enter(entry.paragraph);
            let text = locator.text();
            let term = located(text, entry.term_at, &entry.term);
            let definition = located(text, entry.definition_at, &entry.definition);
            let spans =
                |range: Option<(usize, usize)>| range.map_or_else(Vec::new, |(from, to)| locator.spans(from, to));
            let evidence = match (term, definition) {
                (Some((from, _)), Some((_, to))) if from < to => &text[from..to],
                _ => entry.definition.as_str(),
            };
            GlossaryItem {
                number: entry.number,
                label: unquoted(&entry.term).to_owned(),
                term: entry.term.clone(),
                definition: entry.definition.clone(),
                paragraph: entry.paragraph,
                term_spans: spans(term),
                definition_spans: spans(definition),
                evidence: evidence.trim_end_matches(['。', '.']).to_owned(),
            }
        })
        .collect()
}

/// A term without the one pair of quotation marks around it.
pub(super) fn unquoted(term: &str) -> &str {
    for (open, close) in [('“', '”'), ('「', '」'), ('"', '"')] {
        if let Some(inner) = term.strip_prefix(open).and_then(|t| t.strip_suffix(close))
            && !inner.contains([open, close])
            && !inner.is_empty()
        {
            return inner;
        }
    }
    term
}

/// The distinct words the report quotes, in the order they first occur.
pub(super) fn quoted(source: &Source) -> Vec<String> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut terms = Vec::new();
    for paragraph in &source.paragraphs {
        let text = paragraph.text.as_str();
        let mut open: Option<(char, usize)> = None;
        for (at, c) in text.char_indices() {
            let closing = match (open, c) {
                (Some(('“', start)), '”') | (Some(('「', start)), '」') | (Some(('"', start)), '"') => {
                    Some(start)
                }
                _ => None,
            };
            if let Some(start) = closing {
                open = None;
                let word = text[start..at].trim();
                let length = word.chars().count();
                if TERM_CHARS.contains(&length) && !word.contains(is_sentence_end) && seen.insert(word) {
                    terms.push(word.to_owned());
                }
            } else if matches!(c, '“' | '「' | '"') {
                open = Some((c, at + c.len_utf8()));
            } else if is_sentence_end(c) {
                open = None;
            }
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_terms_once_each() {
        let source = Source::new(
            "t.md",
            "深入推进“三网融合”，落实“双减半”“双零”。\n\n持续深化“三网融合”，“X”是指，\"两网融合\"与「一网通办」。\n"
                .to_owned(),
        );
        let terms = quoted(&source);
        assert_eq!(terms, ["三网融合", "双减半", "双零", "两网融合", "一网通办"]);
    }

    #[test]
    fn a_quote_left_open_at_a_full_stop_is_not_a_term() {
        let source = Source::new("t.md", "他说“这不是。然后”好的。".to_owned());
        assert!(quoted(&source).is_empty());
    }

    #[test]
    fn only_one_wrapping_pair_of_quotes_is_taken_off() {
        assert_eq!(unquoted("“三网融合”"), "三网融合");
        assert_eq!(unquoted("“1+1+5”人才政策"), "“1+1+5”人才政策");
        assert_eq!(unquoted("“双减半”“双零”"), "“双减半”“双零”");
        assert_eq!(unquoted("四个一批"), "四个一批");
    }
}
