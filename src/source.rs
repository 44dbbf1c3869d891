//! The report text: read byte for byte, cut into paragraphs as a reader reads them.
//!
//! Takes the markdown of the report and gives its [`Paragraph`]s, each the text a reader reads together with
//! the [`Segment`]s of the stored file it is made of. The stored text is never edited: a page break (`---`)
//! or a stray blank line that cuts a sentence in two yields one paragraph of two segments, and every offset
//! given out is in Unicode code points of the file as stored.

mod matcher;
mod span;

pub use matcher::Matcher;
pub use span::{CONTEXT, Locator, Span};

use crate::error::{DataError, Location};
use std::path::Path;

/// Characters that may end a paragraph; a block ending otherwise was cut mid-sentence.
const TERMINAL: &[char] = &['。', '！', '？', '；', '：', '”', '’', '）', ')', '」', '』', '!', '?', ';', ':'];
/// Clause punctuation: a block holding none of these is a title line, not a cut sentence.
const CLAUSE: &[char] = &['，', '。', '；', '：', ',', ';', ':'];
/// A block of at most this many characters that no page break follows is a title line (`附件：名词解释`), never a
/// cut sentence.
const TITLE_LENGTH: usize = 20;

/// A contiguous piece of the stored file that is part of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset in the paragraph's text where this segment starts.
    pub text_byte: usize,
    /// Byte offset in the stored file.
    pub source_byte: usize,
    /// Code point offset in the stored file.
    pub source_char: usize,
    /// Length in bytes.
    pub len: usize,
}

/// A paragraph as a reader reads it: a heading, or a block of prose joined across page breaks.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Position in the document, from 0.
    pub index: usize,
    /// The text, segments joined.
    pub text: String,
    /// The pieces of the stored file the text is made of, in order.
    pub segments: Vec<Segment>,
    /// The markdown heading level (`#` count), if the paragraph is a heading.
    pub heading: Option<usize>,
    /// 1-based line of the stored file where the paragraph starts.
    pub line: usize,
}

/// The report as stored, with its paragraphs.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file name, e.g. `qingpu-2020-government-work-report.md`.
    pub name: String,
    /// The text as stored.
    pub text: String,
    /// The paragraphs, in document order.
    pub paragraphs: Vec<Paragraph>,
    /// Every paragraph's text, in order, each followed by a NUL (so no match runs across two).
    joined: String,
    /// Where each paragraph starts in `joined`.
    starts: Vec<usize>,
    /// The positions in `joined` of each pair of consecutive characters, ascending: quotes are looked up by
    /// their first two characters instead of scanning the whole text each time.
    pairs: std::collections::HashMap<(char, char), Vec<u32>>,
}

impl Source {
    /// Reads the one markdown or text file of `dir` (`data/source/`).
    pub fn read_dir(dir: &Path) -> Result<Self, DataError> {
        let place = Location::file(dir);
        let entries = std::fs::read_dir(dir).map_err(|source| DataError::Io { place: place.clone(), source })?;
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
            .collect();
        files.sort();
        match files.as_slice() {
            [file] => Self::read(file),
            [] => Err(DataError::Invalid { place, message: "no report (.md or .txt file) in this folder".into() }),
            _ => Err(DataError::Invalid { place, message: format!("{} report files, expected one", files.len()) }),
        }
    }

    /// Reads one report file.
    pub fn read(path: &Path) -> Result<Self, DataError> {
        let place = Location::file(path);
        let bytes = std::fs::read(path).map_err(|source| DataError::Io { place: place.clone(), source })?;
        let text =
            String::from_utf8(bytes).map_err(|e| DataError::NotUtf8 { place, byte: e.utf8_error().valid_up_to() })?;
        let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        Ok(Self::new(name, text))
    }

    /// Cuts `text` into paragraphs.
    pub fn new(name: impl Into<String>, text: String) -> Self {
        let paragraphs = paragraphs(&text);
        let mut joined = String::with_capacity(text.len());
        let mut starts = Vec::with_capacity(paragraphs.len());
        for paragraph in &paragraphs {
            starts.push(joined.len());
            joined.push_str(&paragraph.text);
            joined.push('\0');
        }
        let mut pairs: std::collections::HashMap<(char, char), Vec<u32>> = std::collections::HashMap::new();
        let mut chars = joined.char_indices().peekable();
        while let Some((at, first)) = chars.next() {
            if let Some(&(_, second)) = chars.peek() {
                pairs.entry((first, second)).or_default().push(at as u32);
            }
        }
        Self { name: name.into(), text, paragraphs, joined, starts, pairs }
    }
}

/// A block: a run of non-blank lines, as a byte range of the text and its first line.
struct Block {
    start: usize,
    end: usize,
    line: usize,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut offset = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            blocks.extend(current.take());
        } else {
            if starts_part(content) {
                blocks.extend(current.take()); // a numbered title or a heading starts a block of its own
            }
            let end = offset + content.len();
            match &mut current {
                Some(block) => block.end = end,
                None => current = Some(Block { start: offset, end, line: number + 1 }),
            }
        }
        offset += line.len();
    }
    blocks.extend(current);
    blocks
}

/// Whether a line opens a part or an entry: a markdown heading, `一、`, `（一）` / `(一)`, or `1.` / `１、`.
fn starts_part(line: &str) -> bool {
    let line = line.trim_start();
    let mut chars = line.chars();
    let first = chars.next();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    match first {
        Some('#') => true,
        Some('（' | '(') => chars.next().is_some_and(numeral),
        Some(c) if numeral(c) => line.trim_start_matches(numeral).starts_with('、'),
        Some(c) if c.is_ascii_digit() || ('０'..='９').contains(&c) => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
            let mut after = rest.chars();
            after.next().is_some_and(|c| matches!(c, '.' | '．' | '、'))
                && !after.as_str().starts_with(|c: char| c.is_ascii_digit())
        }
        _ => false,
    }
}

fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut result: Vec<Paragraph> = Vec::new();
    let mut open: Option<Paragraph> = None;
    let mut chars_before = 0; // code points before `counted`
    let mut counted = 0; // byte offset up to which code points are counted
    let blocks = blocks(text);
    let is_break = |block: &Block| text[block.start..block.end].trim() == "---";
    for (number, block) in blocks.iter().enumerate() {
        let raw = &text[block.start..block.end];
        let trimmed = raw.trim();
        if trimmed == "---" {
            continue; // a page break: the paragraph before may continue after it
        }
        let heading = trimmed.starts_with('#').then(|| trimmed.chars().take_while(|&c| c == '#').count());
        chars_before += text[counted..block.start].chars().count();
        counted = block.start;
        let segment_of = |paragraph_len: usize| Segment {
            text_byte: paragraph_len,
            source_byte: block.start,
            source_char: chars_before,
            len: raw.len(),
        };
        match (&mut open, heading) {
            (Some(paragraph), None) => {
                paragraph.segments.push(segment_of(paragraph.text.len()));
                paragraph.text.push_str(raw);
            }
            (slot, _) => {
                if let Some(done) = slot.take() {
                    result.push(done);
                }
                *slot = Some(Paragraph {
                    index: 0,
                    text: raw.to_owned(),
                    segments: vec![segment_of(0)],
                    heading,
                    line: block.line,
                });
            }
        }
        let page_break_follows = blocks.get(number + 1).is_some_and(is_break);
        let cut = heading.is_none()
            && !trimmed.ends_with(TERMINAL)
            && trimmed.contains(CLAUSE)
            && (page_break_follows || trimmed.chars().count() > TITLE_LENGTH);
        if !cut {
            result.extend(open.take());
        }
    }
    result.extend(open);
    for (index, paragraph) in result.iter_mut().enumerate() {
        paragraph.index = index;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source::new("t.md", text.to_owned())
    }

    #[test]
    fn headings_and_prose_are_paragraphs() {
        let s = source("# 标题\n\n第一段，完。\n\n## 二、任务\n\n第二段。\n");
        let texts: Vec<_> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["# 标题", "第一段，完。", "## 二、任务", "第二段。"]);
        assert_eq!(s.paragraphs[2].heading, Some(2));
        assert_eq!(s.paragraphs[3].line, 7);
    }

    #[test]
    fn a_page_break_inside_a_sentence_joins_the_paragraph() {
        let text = "前文，促进生态\n\n---\n\n环境标准统一。\n\n下一段。";
        let s = source(text);
        assert_eq!(s.paragraphs.len(), 2);
        let p = &s.paragraphs[0];
        assert_eq!(p.text, "前文，促进生态环境标准统一。");
        assert_eq!(p.segments.len(), 2);
        let second = &p.segments[1];
        assert_eq!(&text[second.source_byte..second.source_byte + second.len], "环境标准统一。");
        assert_eq!(second.source_char, text[..second.source_byte].chars().count());
    }

    #[test]
    fn a_blank_line_inside_a_sentence_joins_the_paragraph() {
        let s = source("完成土地出让25个、开工17个、竣工28个、投产36个。华为\n\n研发中心开工。");
        assert_eq!(s.paragraphs.len(), 1);
        assert_eq!(s.paragraphs[0].text, "完成土地出让25个、开工17个、竣工28个、投产36个。华为研发中心开工。");
    }

    #[test]
    fn a_short_title_line_stays_apart_unless_a_page_break_follows() {
        let s = source("附件：名词解释\n\n1. 甲：乙。\n\n2. 丙：丁，戊\n\n---\n\n己。");
        let texts: Vec<_> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["附件：名词解释", "1. 甲：乙。", "2. 丙：丁，戊己。"]);
    }

    #[test]
    fn a_numbered_line_starts_a_paragraph_even_without_a_blank_line() {
        let s = source(
            "二、今年任务\n（一）稳增长\n加快项目建设，\n做好就业。\n1. 甲：乙。\n2. 丙：丁。\n3.5亿元不是条目。",
        );
        let texts: Vec<_> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "二、今年任务",
                "（一）稳增长\n加快项目建设，\n做好就业。",
                "1. 甲：乙。",
                "2. 丙：丁。\n3.5亿元不是条目。"
            ]
        );
    }

    #[test]
    fn title_lines_without_clause_punctuation_stay_apart() {
        let s = source("——2020年1月8日在会议上\n\n区长 某某\n\n各位代表：");
        assert_eq!(s.paragraphs.len(), 3);
    }

    #[test]
    fn a_page_break_after_a_full_stop_starts_a_new_paragraph() {
        let s = source("16. 词:释义。\n\n---\n\n17. 词:释义。");
        assert_eq!(s.paragraphs.len(), 2);
    }
}
