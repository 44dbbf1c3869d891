//! Clauses and occurrences: the clause around a range of a paragraph, as the evidence of what stands in it.

use crate::source::{Locator, Span};

/// Clause punctuation, full- and half-width: an indicator phrase starts after the last one.
pub(super) fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '、' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '\n')
}

/// Punctuation that ends a sentence (a clause for evidence: the list comma 、 does not end it).
pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | ';' | '!' | '?' | '\n')
}

/// Punctuation that ends the clause an evidence quote is cut from.
fn is_evidence_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | '：' | ',' | ':')
}

/// Whitespace and markdown marks trimmed from phrases and quotes.
pub(super) fn is_trimmed(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '#' | '>' | '|' | '_')
}

/// Whether the character at byte `at` of `text` is a thousands separator (`1,000`), not punctuation.
fn in_number(text: &str, at: usize, c: char) -> bool {
    c == ','
        && text[..at].ends_with(|d: char| d.is_ascii_digit())
        && text[at + 1..].starts_with(|d: char| d.is_ascii_digit())
}

/// The byte offset just after the last character of `text[from..at]` that `stop` accepts, if there is one: a
/// search that never looks before `from`.
pub(super) fn after_last_in(text: &str, from: usize, at: usize, stop: impl Fn(char) -> bool) -> Option<usize> {
    text[from..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| stop(c) && !in_number(text, from + i, c))
        .map(|(i, c)| from + i + c.len_utf8())
}

/// The byte offset of the first character of `text[at..to]` that `stop` accepts, if there is one.
pub(super) fn first_in(text: &str, at: usize, to: usize, stop: impl Fn(char) -> bool) -> Option<usize> {
    text[at..to].char_indices().find(|&(i, c)| stop(c) && !in_number(text, at + i, c)).map(|(i, _)| at + i)
}

/// How far a quote reaches on each side of the words it is for, in bytes (about 60 characters of Chinese).
const QUOTE_REACH: usize = 180;

/// The byte offset `reach` bytes before `at` (or 0), on a character boundary.
pub(super) fn back(text: &str, at: usize, reach: usize) -> usize {
    let mut from = at.saturating_sub(reach);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// The byte offset `reach` bytes after `at` (or the end), on a character boundary.
fn ahead(text: &str, at: usize, reach: usize) -> usize {
    let mut to = (at + reach).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    to
}

/// The clause of `text` around `[from, to)`: from the punctuation before to the punctuation after (the list
/// comma 、 kept), trimmed. A quote a person can check, as `data/` wants for `evidence`. Where a clause runs on
/// past [`QUOTE_REACH`] (a list of thousands of figures), the quote stops at the list comma or the character
/// there, so that a quote's length never grows with the paragraph.
pub(super) fn clause(text: &str, from: usize, to: usize) -> &str {
    &text[clause_range(text, from, to)]
}

/// Where the clause around `[from, to)` stands in `text` (see [`clause`]).
pub(super) fn clause_range(text: &str, from: usize, to: usize) -> std::ops::Range<usize> {
    let floor = back(text, from, QUOTE_REACH);
    let start = match after_last_in(text, floor, from, is_evidence_end) {
        Some(start) => start,
        None if floor == 0 => 0,
        None => floor + text[floor..from].find('、').map_or(0, |i| i + '、'.len_utf8()),
    };
    let ceiling = ahead(text, to, QUOTE_REACH);
    let end = match first_in(text, to, ceiling, is_evidence_end) {
        Some(end) => end,
        None if ceiling == text.len() => ceiling,
        None => text[to..ceiling].rfind('、').map_or(ceiling, |i| to + i),
    };
    let trimmed = text[start..end].trim_start_matches(is_trimmed);
    let start = end - trimmed.len();
    start..start + trimmed.trim_end_matches(is_trimmed).len()
}

/// Where `words` stand in `text`: at `at` if they do, else their first occurrence. Offsets given by
/// [`crate::document`] are off by the trailing whitespace of a paragraph (`## 一、回顾 `): this finds the words.
pub(super) fn located(text: &str, at: usize, words: &str) -> Option<(usize, usize)> {
    let here = text.get(at..).is_some_and(|rest| rest.starts_with(words));
    let start = if here { at } else { text.find(words)? };
    Some((start, start + words.len()))
}

/// Where an item occurs: its paragraph, the spans of the stored file, and the clause around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub paragraph: usize,
    /// One span, or one per piece of the stored file where the words run across a page break.
    pub spans: Vec<Span>,
    /// The clause the words stand in, as a quote for `evidence`.
    pub evidence: String,
}

/// An occurrence of `[from, to)` in the locator's paragraph, with its clause as evidence.
pub(super) fn occurrence(locator: &Locator<'_>, from: usize, to: usize) -> Occurrence {
    Occurrence {
        paragraph: locator.paragraph(),
        spans: locator.spans(from, to),
        evidence: clause(locator.text(), from, to).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_keeps_lists_and_stops_at_commas() {
        let text = "预计增长，实现税收总收入539.5亿元、增长2.1%。下一句";
        let at = text.find("539").unwrap();
        assert_eq!(clause(text, at, at + 5), "实现税收总收入539.5亿元、增长2.1%");
        let text = "过去一年,新引进企业1,250家,其中";
        let at = text.find('1').unwrap();
        assert_eq!(clause(text, at, at + 5), "新引进企业1,250家");
    }
}
