//! The report text: read byte for byte, cut into paragraphs as a reader reads them.
//!
//! Takes the markdown of the report and gives its [`Paragraph`]s, each the text a reader reads together with
//! the [`Segment`]s of the stored file it is made of. The stored text is never edited: a page break (`---`)
//! or a stray blank line that cuts a sentence in two yields one paragraph of two segments, and every offset
//! given out is in Unicode code points of the file as stored.

mod matcher;
mod span;

pub use matcher::{Matcher, leftmost_longest};
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

/// Cuts the text into blocks. A blank line ends a block (markdown); so does a line break after a line that ends
/// its sentence, or after a title line (one paragraph a line, as reports taken from web pages are laid out). A line
/// whose sentence goes on continues into the next (text hard-wrapped at a width).
fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut offset = 0;
    // The line before, if it was furniture whose value may stand on the next line: a field's label alone
    // (`来源：` then `宁夏日报客户端`) or the separator of a breadcrumb trail (`首页`, `>`, `宁夏要闻`).
    let mut label_before = false;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        let value_of_label = std::mem::replace(&mut label_before, false) && !trimmed.is_empty();
        if trimmed.is_empty() || value_of_label || is_furniture(trimmed) {
            label_before = trimmed == ">"
                || (!value_of_label
                    && trimmed.ends_with(['：', ':'])
                    && PAGE_FIELDS.iter().any(|field| trimmed.starts_with(field)));
            blocks.extend(current.take()); // page furniture stays in the stored text, in no paragraph
        } else {
            let part = starts_part(content);
            if part {
                blocks.extend(current.take()); // a numbered title or a heading starts a block of its own
            }
            let end = offset + content.len();
            match &mut current {
                Some(block) => block.end = end,
                None => current = Some(Block { start: offset, end, line: number + 1 }),
            }
            if part || line_ends_paragraph(content.trim()) {
                blocks.extend(current.take());
            }
        }
        offset += line.len();
    }
    blocks.extend(current);
    blocks
}

/// The controls of the web page a report was taken from, as whole lines (`下载`, `【字号：`, `加大`, `】`).
const PAGE_CONTROLS: &[&str] = &[
    "下载",
    "打印",
    "全屏",
    "收藏",
    "分享",
    "分享：",
    "分享:",
    "加大",
    "还原",
    "减小",
    "大",
    "中",
    "小",
    "】",
    ">",
    "首页",
    "关闭",
    "关闭窗口",
    "返回顶部",
    "相关报道：",
    "相关文档：",
    "扫一扫在手机打开当前页",
    "政府信息公开",
    "政务信息",
];
/// The fields of the page around a report, as a line's opening (`来源：北京日报`, `时间：2026-02-02`).
const PAGE_FIELDS: &[&str] = &[
    "来源：",
    "来源:",
    "（来源：",
    "时间：",
    "时间:",
    "发布时间",
    "发表时间",
    "编辑：",
    "责任编辑",
    "作者：",
    "阅读量",
    "您的位置",
    "当前位置",
    "【字号",
    "【字体",
];

/// Whether a line is page furniture rather than the report: a control or a field of the web page, or a photo
/// caption (`殷勇同志作政府工作报告。本报记者 戴冰摄`: its last 记者 is followed by a name and 摄 alone).
fn is_furniture(line: &str) -> bool {
    if PAGE_CONTROLS.contains(&line) || PAGE_FIELDS.iter().any(|field| line.starts_with(field)) {
        return true;
    }
    let caption = line.rsplit_once("记者").is_some_and(|(_, credit)| {
        let credit = credit.trim();
        !credit.is_empty() && credit.chars().count() <= 8 && !credit.contains(CLAUSE) && !credit.contains(TERMINAL)
    });
    caption && line.chars().count() <= 200
}

/// Whether a line that opens no part ends its paragraph where it ends (a numbered or markdown title always does:
/// `（一）深入落实城市总体规划，推动京津冀协同发展走深走实`): it closes its sentence, it holds no clause punctuation (a
/// title: `二、“十四五”时期发展成就和“十五五”时期主要目标任务`), or it is short (`来源：北京日报`). Only a long line of
/// prose cut before its sentence ends goes on into the next.
fn line_ends_paragraph(line: &str) -> bool {
    line.ends_with(TERMINAL) || !line.contains(CLAUSE) || line.chars().count() <= TITLE_LENGTH
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
            && (page_break_follows || (trimmed.chars().count() > TITLE_LENGTH && !starts_part(trimmed)));
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
            "二、今年任务\n（一）稳增长\n加快重大项目建设进度，扩大有效投资规模，稳定市场主体预期，\n做好就业。\n1. 甲：乙。\n2. 丙：丁。\n3.5亿元不是条目。",
        );
        let texts: Vec<_> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "二、今年任务",
                "（一）稳增长",
                "加快重大项目建设进度，扩大有效投资规模，稳定市场主体预期，\n做好就业。",
                "1. 甲：乙。",
                "2. 丙：丁。",
                "3.5亿元不是条目。"
            ]
        );
    }

    #[test]
    fn one_paragraph_a_line_is_read_as_the_corpus_lays_it_out() {
        // A long title with a comma but no full stop, a sub-part title, and prose, one to a line (Beijing 2026).
        let s = source(concat!(
            "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n",
            "（一）深入落实城市总体规划，推动京津冀协同发展走深走实\n",
            "坚持首都城市战略定位，发挥“一核”辐射带动作用。\n",
            "充分发挥规划统筹引领作用。\r\n",
            "各位代表：\r\n",
        ));
        let texts: Vec<_> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "二、“十四五”时期发展成就和“十五五”时期主要目标任务",
                "（一）深入落实城市总体规划，推动京津冀协同发展走深走实",
                "坚持首都城市战略定位，发挥“一核”辐射带动作用。",
                "充分发挥规划统筹引领作用。",
                "各位代表：",
            ]
        );
    }

    #[test]
    fn a_hard_wrapped_line_goes_on_while_its_sentence_does() {
        let s =
            source("过去一年，全市地区生产总值增长5.4%，一般公共预算收入\n增长4.8%，城镇调查失业率4.1%。\n下一段。\n");
        let texts: Vec<_> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            ["过去一年，全市地区生产总值增长5.4%，一般公共预算收入\n增长4.8%，城镇调查失业率4.1%。", "下一段。"]
        );
    }

    #[test]
    fn page_furniture_is_in_no_paragraph() {
        let text = concat!(
            "当前位置：\n首页\n>\n政务信息\n>\n宁夏要闻\n",
            "下载\n打印\n【字号：\n加大\n】\n",
            "2026年北京市政府工作报告\n",
            "来源：北京日报\n时间：2026-02-02\n",
            "发表时间：\n2026-02-09 09:45:30\n来源：\n宁夏日报客户端\n阅读量：\n",
            "殷勇同志作政府工作报告。本报记者 戴冰摄\n",
            "任振鹤作政府工作报告。新甘肃·甘肃日报记者 盛学卿\n",
            "各位代表：\n",
            "记者会上，市长回答了问题，记者们提问。\n",
            "致敬新闻记者\n",
            "相关报道：\n",
        );
        let s = source(text);
        let texts: Vec<_> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            ["2026年北京市政府工作报告", "各位代表：", "记者会上，市长回答了问题，记者们提问。", "致敬新闻记者"]
        );
        let title = &s.paragraphs[0].segments[0];
        assert_eq!(&text[title.source_byte..title.source_byte + title.len], "2026年北京市政府工作报告");
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
