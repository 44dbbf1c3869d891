//! Offsets and clauses: byte ranges of a paragraph's text become spans of the stored file in code points; the
//! clause around a range; a piece of text as an IRI path segment.

use super::terms::Occurrence;
use crate::ground::{CONTEXT, Span};
use crate::source::Source;

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

/// `text` as one IRI path segment: letters and digits of any script kept, everything else percent-encoded.
pub fn iri_segment(text: &str) -> String {
    let mut segment = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | '+') {
            segment.push(c);
        } else {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                segment.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    segment
}

/// Turns byte ranges of one paragraph's text into spans of the stored file.
pub(super) struct Locator<'a> {
    source: &'a Source,
    paragraph: usize,
    /// Code points of the paragraph's text before each byte offset (meaningful at character boundaries).
    chars: Vec<u32>,
}

impl<'a> Locator<'a> {
    pub(super) fn new(source: &'a Source) -> Self {
        Self { source, paragraph: usize::MAX, chars: Vec::new() }
    }

    /// Makes `paragraph` the current one.
    pub(super) fn enter(&mut self, paragraph: usize) {
        if self.paragraph == paragraph {
            return;
        }
        self.paragraph = paragraph;
        let text = &self.source.paragraphs[paragraph].text;
        self.chars.clear();
        self.chars.resize(text.len() + 1, 0);
        let mut count = 0;
        for (at, _) in text.char_indices() {
            self.chars[at] = count;
            count += 1;
        }
        self.chars[text.len()] = count;
    }

    /// The current paragraph's text.
    pub(super) fn text(&self) -> &'a str {
        &self.source.paragraphs[self.paragraph].text
    }

    /// The code point in the stored file of byte `at` of the current paragraph's text.
    pub(super) fn char_at(&self, at: usize) -> usize {
        let paragraph = &self.source.paragraphs[self.paragraph];
        let segment = paragraph.segments.iter().rev().find(|s| s.text_byte <= at).or(paragraph.segments.first());
        segment.map_or(0, |s| s.source_char + (self.chars[at] - self.chars[s.text_byte]) as usize)
    }

    /// The spans of `[from, to)` (bytes of the current paragraph's text): one per piece of the stored file.
    pub(super) fn spans(&self, from: usize, to: usize) -> Vec<Span> {
        let paragraph = &self.source.paragraphs[self.paragraph];
        let text = &self.source.text;
        paragraph
            .segments
            .iter()
            .filter_map(|segment| {
                let (lo, hi) = (from.max(segment.text_byte), to.min(segment.text_byte + segment.len));
                (lo < hi).then(|| {
                    let byte_start = segment.source_byte + (lo - segment.text_byte);
                    let byte_end = byte_start + (hi - lo);
                    let start = segment.source_char + (self.chars[lo] - self.chars[segment.text_byte]) as usize;
                    let mut prefix: Vec<char> =
                        text[..byte_start].chars().rev().take_while(|&c| c != '\n').take(CONTEXT).collect();
                    prefix.reverse();
                    Span {
                        start,
                        end: start + (self.chars[hi] - self.chars[lo]) as usize,
                        exact: text[byte_start..byte_end].to_owned(),
                        prefix: prefix.into_iter().collect(),
                        suffix: text[byte_end..].chars().take_while(|&c| c != '\n').take(CONTEXT).collect(),
                        paragraph: paragraph.index,
                    }
                })
            })
            .collect()
    }

    /// An occurrence of `[from, to)` in the current paragraph, with its clause as evidence.
    pub(super) fn occurrence(&self, from: usize, to: usize) -> Occurrence {
        let text = &self.source.paragraphs[self.paragraph].text;
        Occurrence {
            paragraph: self.paragraph,
            spans: self.spans(from, to),
            evidence: clause(text, from, to).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_across_a_page_break_are_true_to_the_stored_text() {
        let text = "# 报告\n\n完成土地出让，税收总收入539.5\n\n---\n\n亿元、增长2.1%。\n";
        let source = Source::new("t.md", text.to_owned());
        let mut locator = Locator::new(&source);
        locator.enter(1);
        let paragraph = &source.paragraphs[1].text;
        let from = paragraph.find("税收").unwrap();
        let to = paragraph.find("、").unwrap();
        let spans = locator.spans(from, to);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(spans.len(), 2);
        for span in &spans {
            assert_eq!(chars[span.start..span.end].iter().collect::<String>(), span.exact);
        }
        assert_eq!(spans[0].exact, "税收总收入539.5");
        assert_eq!(spans[1].exact, "亿元");
        assert_eq!(spans[0].prefix, "完成土地出让，");
        let whole = locator.spans(0, paragraph.len());
        assert_eq!((chars[whole[0].start], chars[whole[1].end - 1]), ('完', '。'));
    }

    #[test]
    fn a_clause_keeps_lists_and_stops_at_commas() {
        let text = "预计增长，实现税收总收入539.5亿元、增长2.1%。下一句";
        let at = text.find("539").unwrap();
        assert_eq!(clause(text, at, at + 5), "实现税收总收入539.5亿元、增长2.1%");
        let text = "过去一年,新引进企业1,250家,其中";
        let at = text.find('1').unwrap();
        assert_eq!(clause(text, at, at + 5), "新引进企业1,250家");
    }

    #[test]
    fn segments_keep_letters_of_any_script() {
        assert_eq!(iri_segment("三网融合"), "三网融合");
        assert_eq!(iri_segment("1+8"), "1+8");
        assert_eq!(iri_segment("a b/、"), "a%20b%2F%E3%80%81");
    }
}
