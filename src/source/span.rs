//! Spans: byte ranges of a paragraph's text as spans of the stored file, in code points.
//!
//! Takes a [`Source`] and a paragraph's byte range and gives the [`Span`]s of the stored file it comes from: one,
//! or one per piece where the range runs across a page break, so that the stored text at `[start, end)` is always
//! exactly a span's [`exact`](Span::exact). A span is positions only; its words are read from the stored text
//! when they are written, so that a report of a million figures holds no second copy of its words. The one span builder of the project: quotes of the curated rows, mentions, paragraphs
//! and extracted items all get their spans here. Also finds a quote in the paragraphs ([`Source::locate`]).

use super::Source;

/// How many code points of context a span keeps on each side (`oa:prefix`, `oa:suffix`).
pub const CONTEXT: usize = 12;

/// A span of the stored text, in Unicode code points, and where it lies in the stored text's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// The byte of the stored text where it starts.
    pub byte_start: usize,
    /// The byte of the stored text where it ends.
    pub byte_end: usize,
    /// The paragraph the span lies in.
    pub paragraph: usize,
}

impl Span {
    /// `start..end`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The stored text at `[start, end)`; `text` is the stored text of the source the span is of.
    pub fn exact<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start..self.byte_end]
    }

    /// Up to [`CONTEXT`] code points of `text` (the stored text) before the span, not crossing a line.
    pub fn prefix<'t>(&self, text: &'t str) -> &'t str {
        let before = &text[..self.byte_start];
        let mut from = before.len();
        for (at, c) in before.char_indices().rev().take(CONTEXT) {
            if c == '\n' {
                break;
            }
            from = at;
        }
        &before[from..]
    }

    /// Up to [`CONTEXT`] code points of `text` (the stored text) after the span, not crossing a line.
    pub fn suffix<'t>(&self, text: &'t str) -> &'t str {
        let after = &text[self.byte_end..];
        let mut to = 0;
        for (at, c) in after.char_indices().take(CONTEXT) {
            if c == '\n' {
                break;
            }
            to = at + c.len_utf8();
        }
        &after[..to]
    }
}

/// Turns byte ranges of one paragraph's text into spans of the stored file, keeping the code-point count of the
/// current paragraph so that many ranges of one paragraph cost one pass over it.
pub struct Locator<'a> {
    source: &'a Source,
    paragraph: usize,
    /// Code points of the paragraph's text before each byte offset (meaningful at character boundaries).
    chars: Vec<u32>,
}

impl<'a> Locator<'a> {
    /// A locator over `source`, in no paragraph yet.
    pub fn new(source: &'a Source) -> Self {
        Self { source, paragraph: usize::MAX, chars: Vec::new() }
    }

    /// A locator in `paragraph`.
    pub fn at(source: &'a Source, paragraph: usize) -> Self {
        let mut locator = Self::new(source);
        locator.enter(paragraph);
        locator
    }

    /// Makes `paragraph` the current one.
    pub fn enter(&mut self, paragraph: usize) {
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

    /// The current paragraph's index.
    pub fn paragraph(&self) -> usize {
        self.paragraph
    }

    /// The current paragraph's text.
    pub fn text(&self) -> &'a str {
        &self.source.paragraphs[self.paragraph].text
    }

    /// The code point in the stored file of byte `at` of the current paragraph's text.
    pub fn char_at(&self, at: usize) -> usize {
        let paragraph = &self.source.paragraphs[self.paragraph];
        let segment = paragraph.segments.iter().rev().find(|s| s.text_byte <= at).or(paragraph.segments.first());
        segment.map_or(0, |s| s.source_char + (self.chars[at] - self.chars[s.text_byte]) as usize)
    }

    /// The spans of `[from, to)` (bytes of the current paragraph's text): one per piece of the stored file.
    pub fn spans(&self, from: usize, to: usize) -> Vec<Span> {
        let paragraph = &self.source.paragraphs[self.paragraph];
        paragraph
            .segments
            .iter()
            .filter_map(|segment| {
                let (lo, hi) = (from.max(segment.text_byte), to.min(segment.text_byte + segment.len));
                (lo < hi).then(|| {
                    let byte_start = segment.source_byte + (lo - segment.text_byte);
                    let byte_end = byte_start + (hi - lo);
                    let start = segment.source_char + (self.chars[lo] - self.chars[segment.text_byte]) as usize;
                    Span {
                        start,
                        end: start + (self.chars[hi] - self.chars[lo]) as usize,
                        byte_start,
                        byte_end,
                        paragraph: paragraph.index,
                    }
                })
            })
            .collect()
    }
}

impl Source {
    /// The spans of the first occurrence of `quote` in a paragraph, or `None`.
    pub fn locate(&self, quote: &str) -> Option<Vec<Span>> {
        let at = self.find(quote)?;
        let index = self.starts.partition_point(|&start| start <= at) - 1;
        let at = at - self.starts[index];
        Some(self.spans_in(index, at, at + quote.len()))
    }

    /// The spans of the stored text that bytes `[at, end)` of paragraph `index`'s text come from (see
    /// [`Locator::spans`]).
    pub fn spans_in(&self, index: usize, at: usize, end: usize) -> Vec<Span> {
        Locator::at(self, index).spans(at, end)
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
            assert_eq!(stored, span.exact(text));
        }
        assert_eq!(spans[0].exact(text), "促进生态");
        assert_eq!(spans[1].exact(text), "环境标准");
        assert_eq!(spans[0].prefix(text), "前文，");
        assert_eq!(spans[1].suffix(text), "统一。");
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
            assert_eq!(chars[span.start..span.end].iter().collect::<String>(), span.exact(text));
        }
        assert_eq!(spans[0].exact(text), "税收总收入539.5");
        assert_eq!(spans[1].exact(text), "亿元");
        assert_eq!(spans[0].prefix(text), "完成土地出让，");
        let whole = locator.spans(0, paragraph.len());
        assert_eq!((chars[whole[0].start], chars[whole[1].end - 1]), ('完', '。'));
    }
}
