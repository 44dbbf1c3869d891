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

/// The byte offset just after the last character of `text[..at]` that `stop` accepts, or 0.
pub(super) fn after_last(text: &str, at: usize, stop: impl Fn(char) -> bool) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| stop(c) && !in_number(text, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The byte offset of the first character of `text[at..]` that `stop` accepts, or the end.
pub(super) fn first_from(text: &str, at: usize, stop: impl Fn(char) -> bool) -> usize {
    text[at..].char_indices().find(|&(i, c)| stop(c) && !in_number(text, at + i, c)).map_or(text.len(), |(i, _)| at + i)
}

/// The clause of `text` around `[from, to)`: from the punctuation before to the punctuation after (the list
/// comma 、 kept), trimmed. A quote a person can check, as `data/` wants for `evidence`.
pub(super) fn clause(text: &str, from: usize, to: usize) -> &str {
    let start = after_last(text, from, is_evidence_end);
    let end = first_from(text, to, is_evidence_end);
    text[start..end].trim_matches(is_trimmed)
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
