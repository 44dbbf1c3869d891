//! The structure of a work report: its numbered parts, the tasks that open a paragraph, and its glossary.
//!
//! Takes the [`Source`]'s paragraphs and gives a [`Document`]: the parts numbered 一、二、… (level 1) and
//! （一）（二）… (level 2) with their titles and the paragraphs they hold, and the glossary (名词解释, or an
//! appendix of term explanations) with each entry's term and definition. The numbering decides the level, not
//! the markdown: `#### （五）` beside `### （一）` are siblings, and a task that opens a paragraph of prose
//! (`（一）全力推进示范区建设。…`) is a part like a heading. Works on any report of this kind, markdown or plain text.

use crate::source::Source;

/// A numbered part of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 1 for 一、二、…; 2 for （一）（二）….
    pub level: u8,
    /// Its number (一 → 1).
    pub number: u32,
    /// The numbering as written (`一、`, `（五）`).
    pub marker: String,
    /// The title as written, without numbering and markdown (`2019年工作回顾`, `全力推进示范区建设`).
    pub title: String,
    /// The paragraph that holds the title.
    pub paragraph: usize,
    /// Whether the title opens a paragraph of prose instead of standing as a heading.
    pub inline: bool,
    /// The first paragraph after the part.
    pub end: usize,
    /// The enclosing part, as an index into [`Document::sections`].
    pub parent: Option<usize>,
    /// Byte offset of the title in the paragraph's text.
    pub title_at: usize,
    /// Whether it is an appendix (附件1) or a part of one, rather than a part of the report.
    pub appendix: bool,
}

/// An entry of the glossary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    /// The entry's number.
    pub number: u32,
    /// The term as written, quotes included (`“三网融合”`).
    pub term: String,
    /// The definition: the text after the colon.
    pub definition: String,
    /// The paragraph of the entry.
    pub paragraph: usize,
    /// Byte offsets of the term and of the definition in the paragraph's text.
    pub term_at: usize,
    pub definition_at: usize,
}

/// The glossary of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glossary {
    /// The paragraph of its heading.
    pub paragraph: usize,
    /// Its title as written (`名词解释`, `附件：名词解释`).
    pub title: String,
    pub entries: Vec<GlossaryEntry>,
    /// The first paragraph after it (an appendix that follows it, or the end of the report).
    pub end: usize,
}

impl Glossary {
    /// Whether a paragraph stands in the glossary (its title or an entry).
    pub fn holds(&self, paragraph: usize) -> bool {
        (self.paragraph..self.end).contains(&paragraph)
    }
}

/// The structure of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The title (the first heading, or the first paragraph), if any.
    pub title: Option<usize>,
    pub sections: Vec<Section>,
    pub glossary: Option<Glossary>,
    /// The paragraph that sets out the year's main targets (`主要预期目标是：…`), if the report has one.
    pub main_targets: Option<usize>,
}

/// How many opening paragraphs are looked at for the report's title.
const TITLE_REACH: usize = 8;

impl Document {
    /// Finds the structure of `source`.
    pub fn parse(source: &Source) -> Self {
        let mut document = Document::default();
        let paragraphs = &source.paragraphs;
        // The first heading; else, in a layout without headings, the first of the opening lines that names the
        // report (a line of the page before it, `云南要闻`, is not its title); else the first line.
        document.title = paragraphs
            .iter()
            .position(|p| p.heading.is_some())
            .or_else(|| paragraphs.iter().take(TITLE_REACH).position(|p| p.text.trim_end().ends_with("报告")))
            .or(if paragraphs.is_empty() { None } else { Some(0) });
        // A report whose parts are not numbered has them on lines of their own, read by their words
        // (`“十四五”时期工作回顾`, `2026年重点工作`).
        let numbered = paragraphs.iter().any(|p| matches!(numbering(strip_heading(&p.text)), Some((1, _, _))));
        let mut open = Open::default();
        let mut in_glossary = false;
        let mut appendices = 0;
        let mut unnumbered = 0;
        let mut title_line = None;
        let mut main_targets: Option<(MainTargets, usize)> = None;
        for (index, paragraph) in paragraphs.iter().enumerate() {
            let text = paragraph.text.as_str();
            let body = strip_heading(text);
            if title_line == Some(index) {
                continue;
            }
            if let Some((marker_len, number)) = appendix_heading(body) {
                // An appendix closes what is open; its title is on its line, else on the next short one.
                open.close_all(&mut document, index);
                let rest = body[marker_len..].trim_start_matches(['：', ':', '、', '．', '.', ' ', '\u{3000}']).trim();
                let next = paragraphs.get(index + 1).map(|p| strip_heading(&p.text)).filter(|n| {
                    rest.is_empty()
                        && n.chars().count() <= TITLE_LENGTH
                        && !n.contains('。')
                        && numbering(n).is_none()
                        && glossary_entry(n, index + 1).is_none()
                });
                let entry_follows =
                    paragraphs.get(index + 1).is_some_and(|p| glossary_entry(&p.text, index + 1).is_some());
                if let Some(title) = next {
                    title_line = Some(index + 1);
                    if is_glossary_title(title) {
                        document.glossary = Some(Glossary::open(index + 1, title));
                        in_glossary = true;
                        continue;
                    }
                }
                if is_glossary_title(rest) || (rest.is_empty() && next.is_none() && entry_follows) {
                    document.glossary = Some(Glossary::open(index, body));
                    in_glossary = true;
                    continue;
                }
                in_glossary = false;
                appendices += 1;
                let (title_paragraph, title) = match next {
                    Some(title) => (index + 1, title),
                    None => (index, rest),
                };
                let title_at = offset_in(&paragraphs[title_paragraph].text, title);
                let section = Section {
                    level: 1,
                    number: number.unwrap_or(appendices),
                    marker: body[..marker_len].to_owned(),
                    title: title.to_owned(),
                    paragraph: title_paragraph,
                    inline: false,
                    end: paragraphs.len(),
                    parent: None,
                    title_at,
                    appendix: true,
                };
                open.push(&mut document, section, index);
                continue;
            }
            if in_glossary {
                if let Some(entry) = glossary_entry(text, index)
                    && let Some(glossary) = &mut document.glossary
                {
                    glossary.entries.push(entry);
                }
                continue;
            }
            if is_glossary_title(body) {
                open.close_all(&mut document, index);
                document.glossary = Some(Glossary::open(index, body));
                in_glossary = true;
                continue;
            }
            let in_appendix = open.in_appendix(&document);
            if !in_appendix && let Some(how) = states_main_targets(body) {
                // The first paragraph of the genre's words, else the first of the plainer ones.
                if main_targets.is_none_or(|(before, _)| how < before) {
                    main_targets = Some((how, index));
                }
            }
            if let Some((level, number, marker_len)) = numbering(body) {
                let rest = &body[marker_len..];
                // A title on a line of its own, with the prose on the next line of the same block.
                let rest = match rest.split_once('\n') {
                    Some((line, _)) if line.chars().count() <= 40 && !line.contains('。') => line,
                    _ => rest,
                };
                let sentence_end = rest.find(['。', '！', '？']);
                let heading_like = paragraph.heading.is_some()
                    || (rest.chars().count() <= 40 && sentence_end.is_none_or(|e| e + '。'.len_utf8() >= rest.len()));
                let inline = !heading_like;
                if inline && sentence_end.is_none() {
                    continue; // a numbered clause inside prose, not a part
                }
                let title = match sentence_end {
                    Some(end) if inline => &rest[..end],
                    _ => rest.trim_end_matches(['。', '：', ':']),
                }
                .trim();
                // Inside an appendix, its numbered items are its parts, whatever their numbering.
                let level = if in_appendix { 2 } else { level };
                let section = Section {
                    level,
                    number,
                    marker: body[..marker_len].to_owned(),
                    title: title.to_owned(),
                    paragraph: index,
                    inline,
                    end: paragraphs.len(),
                    parent: None,
                    title_at: offset_in(text, title),
                    appendix: in_appendix,
                };
                open.push(&mut document, section, index);
            } else if !numbered
                && !in_appendix
                && document.title.is_some_and(|t| index > t)
                && is_unnumbered_heading(body)
            {
                unnumbered += 1;
                let section = Section {
                    level: 1,
                    number: unnumbered,
                    marker: String::new(),
                    title: body.to_owned(),
                    paragraph: index,
                    inline: false,
                    end: paragraphs.len(),
                    parent: None,
                    title_at: offset_in(text, body),
                    appendix: false,
                };
                open.push(&mut document, section, index);
            } else if body.starts_with("各位代表") {
                // An address to the deputies closes the task or part it follows.
                open.close(&mut document, 1, index);
            }
        }
        open.close_all(&mut document, paragraphs.len());
        document.main_targets = main_targets.map(|(_, paragraph)| paragraph);
        document
    }

    /// The paragraphs of the front matter, of `count`: after the title, before the first part.
    pub fn front_matter(&self, count: usize) -> std::ops::Range<usize> {
        self.title.map_or(0, |t| t + 1)..self.sections.first().map_or(count, |s| s.paragraph)
    }

    /// The innermost part of each of `count` paragraphs, in one pass over the parts (a sub-part lies inside its
    /// part).
    pub fn innermost(&self, count: usize) -> Vec<Option<usize>> {
        let mut of = vec![None; count];
        for level in [1, 2] {
            for (index, section) in self.sections.iter().enumerate().filter(|(_, s)| s.level == level) {
                for slot in of.iter_mut().take(section.end.min(count)).skip(section.paragraph) {
                    *slot = Some(index);
                }
            }
        }
        of
    }

    /// The innermost part holding a paragraph.
    pub fn section_of(&self, paragraph: usize) -> Option<usize> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.paragraph <= paragraph && paragraph < s.end)
            .max_by_key(|(_, s)| s.level)
            .map(|(i, _)| i)
    }

    /// The key of a part, as an id of the rows: `part-2-5`, `appendix-1-3`.
    pub fn key(&self, section: usize) -> String {
        let path = self.path(section).replace('/', "-");
        if self.sections[section].appendix { path } else { format!("part-{path}") }
    }

    /// The path of a part: `1`, `2/5`; of an appendix and its parts `appendix-1`, `appendix-1/3`, which never
    /// collide with the report's own parts.
    pub fn path(&self, section: usize) -> String {
        let s = &self.sections[section];
        match s.parent {
            Some(parent) => format!("{}/{}", self.path(parent), s.number),
            None if s.appendix => format!("appendix-{}", s.number),
            None => s.number.to_string(),
        }
    }
}

/// The parts open while the paragraphs are read: the part (or appendix) and the sub-part.
#[derive(Default)]
struct Open {
    slots: [Option<usize>; 2],
}

impl Open {
    /// Whether the part open is an appendix.
    fn in_appendix(&self, document: &Document) -> bool {
        self.slots[0].is_some_and(|i| document.sections[i].appendix)
    }

    /// Closes the part open at `slot` (0 a part, 1 a sub-part) before paragraph `at`.
    fn close(&mut self, document: &mut Document, slot: usize, at: usize) {
        if let Some(i) = self.slots[slot].take() {
            document.sections[i].end = at;
        }
    }

    /// Closes every part open, and the glossary, before paragraph `at`.
    fn close_all(&mut self, document: &mut Document, at: usize) {
        self.close(document, 1, at);
        self.close(document, 0, at);
        if let Some(glossary) = &mut document.glossary
            && glossary.end > at
            && glossary.paragraph < at
        {
            glossary.end = at;
        }
    }

    /// Opens `section`, whose heading is at paragraph `at`, closing the part it follows: a sub-part lies in the
    /// part (or appendix) open.
    fn push(&mut self, document: &mut Document, mut section: Section, at: usize) {
        let slot = usize::from(section.level) - 1;
        if slot == 0 {
            self.close(document, 1, at);
        }
        self.close(document, slot, at);
        if slot == 1 {
            section.parent = self.slots[0];
        }
        document.sections.push(section);
        self.slots[slot] = Some(document.sections.len() - 1);
    }
}

impl Glossary {
    /// A glossary titled `title` at `paragraph`, running to the end until an appendix follows.
    fn open(paragraph: usize, title: &str) -> Self {
        Self { paragraph, title: title.to_owned(), entries: Vec::new(), end: usize::MAX }
    }
}

/// How long a heading of its own (an appendix's title, a part's title without numbering) may be, in characters.
const TITLE_LENGTH: usize = 30;

/// The words an appendix's heading begins with.
const APPENDIX_WORDS: &[&str] = &["附件", "附录", "附表", "附："];

/// An appendix's heading (`附件`, `附件1`, `附件2：名词解释`, `附录一 …`): the byte length of its marker and its
/// number, if written.
fn appendix_heading(body: &str) -> Option<(usize, Option<u32>)> {
    let word = APPENDIX_WORDS.iter().find(|w| body.starts_with(**w))?;
    if body.chars().count() > TITLE_LENGTH || body.contains(['。', '；', '，']) {
        return None;
    }
    let rest = &body[word.len()..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).collect();
    if !digits.is_empty() {
        let number = digits.chars().fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or_else(|| c as u32 - '０' as u32));
        return Some((word.len() + digits.len(), Some(number)));
    }
    match chinese_number(rest) {
        Some((number, len)) => Some((word.len() + len, Some(number))),
        None => Some((word.trim_end_matches('：').len(), None)),
    }
}

/// How a paragraph sets out the year's main targets, if it does: `主要预期目标是：` or `…为：` (the genre's words for
/// the year's targets, first choice), or `主要目标是：` not said of a span of years (`“十五五”时期…的主要目标是：` are
/// the plan's goals).
fn states_main_targets(body: &str) -> Option<MainTargets> {
    let said = |phrase: &str| {
        body.match_indices(phrase).find(|(at, _)| {
            let after = body[at + phrase.len()..].trim_start_matches(['是', '为']);
            let sentence = body[..*at].rfind(['。', '；']).map_or(0, |end| end + '。'.len_utf8());
            let before = &body[sentence..*at];
            after.starts_with(['：', ':']) && !before.contains("时期") && !before.contains("五年")
        })
    };
    if said("主要预期目标").is_some() {
        Some(MainTargets::Expected)
    } else {
        said("主要目标").map(|_| MainTargets::Plain)
    }
}

/// The words a paragraph of the main targets is introduced by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MainTargets {
    Expected,
    Plain,
}

/// The words of a part's title that mark a review of the past.
pub const REVIEW_WORDS: &[&str] = &["回顾", "过去", "去年", "上年", "成绩", "成就", "成效", "总结"];
/// The words of a part's title that mark the plan of the coming year or years.
pub const PLAN_WORDS: &[&str] = &[
    "任务",
    "目标",
    "计划",
    "安排",
    "打算",
    "部署",
    "重点工作",
    "主要工作",
    "思路",
    "建议",
    "展望",
    "今年",
    "明年",
    "今后",
];

/// A part's title on a line of its own without numbering: short, no punctuation inside a sentence, and words of a
/// review or a plan (`“十四五”时期工作回顾`, `“十五五”时期的主要目标任务`, `2026年重点工作`).
fn is_unnumbered_heading(body: &str) -> bool {
    let length = body.chars().count();
    (4..=TITLE_LENGTH).contains(&length)
        && !body.contains(['。', '，', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?'])
        && !body.starts_with(['—', '-', '（', '('])
        && REVIEW_WORDS.iter().chain(PLAN_WORDS).any(|w| body.contains(w))
}

/// The byte offset of `part`, a slice of `text`, in `text`.
fn offset_in(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// The text of a paragraph without markdown heading marks.
fn strip_heading(text: &str) -> &str {
    text.trim_start_matches('#').trim()
}

/// The words of a glossary's title in the genre: 名词解释, and 名词注释 or 名词释义 (`《政府工作报告》有关内容名词注释`).
const GLOSSARY_WORDS: &[&str] = &["名词解释", "名词注释", "名词释义"];

/// A glossary's title: short, with a word of [`GLOSSARY_WORDS`] (an appendix of term explanations whose heading
/// says only `附件` is told by its first entry, see [`Document::parse`]).
fn is_glossary_title(body: &str) -> bool {
    body.chars().count() <= 24 && GLOSSARY_WORDS.iter().any(|w| body.contains(w))
}

const NUMERALS: &[char] = &['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// A Chinese number at the start of `text`, up to 99 written with 十 (`二十七`) or any written digit by digit
/// (`二〇二六`): its value and byte length.
pub fn chinese_number(text: &str) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut tens = None;
    let mut len = 0;
    for c in text.chars() {
        if let Some(digit) = NUMERALS.iter().position(|&n| n == c).or((c == '〇').then_some(0)) {
            value = value * if tens.is_some() { 1 } else { 10 } + digit as u32;
        } else if c == '十' && tens.is_none() {
            tens = Some(if value == 0 { 1 } else { value });
            value = 0;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    let total = tens.map_or(value, |t| t * 10 + value);
    (len > 0 && total > 0).then_some((total, len))
}

/// The numbering at the start of a paragraph: (level, number, byte length of the marker).
fn numbering(body: &str) -> Option<(u8, u32, usize)> {
    if let Some(rest) = body.strip_prefix(['（', '(']) {
        let (number, len) = chinese_number(rest)?;
        let after = &rest[len..];
        let close = after.chars().next().filter(|c| *c == '）' || *c == ')')?;
        return Some((2, number, body.len() - after.len() + close.len_utf8()));
    }
    let (number, len) = chinese_number(body)?;
    let separator = body[len..].chars().next().filter(|c| matches!(c, '、' | '．' | '.'))?;
    Some((1, number, len + separator.len_utf8()))
}

/// A glossary line: `1. “三网融合”：定义`, also with full-width digits, `、` or `．`, and `:`.
fn glossary_entry(text: &str, paragraph: usize) -> Option<GlossaryEntry> {
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).collect();
    if digits.is_empty() {
        return None;
    }
    let number = digits
        .chars()
        .map(|c| if c.is_ascii_digit() { c as u32 - '0' as u32 } else { c as u32 - '０' as u32 })
        .fold(0, |n, d| n * 10 + d);
    let rest = &text[digits.len()..];
    let separator = rest.chars().next().filter(|c| matches!(c, '.' | '．' | '、'))?;
    let rest = &rest[separator.len_utf8()..];
    let body = rest.trim_start();
    let colon = body.find(['：', ':'])?;
    let colon_len = body[colon..].chars().next()?.len_utf8();
    let term = body[..colon].trim();
    let definition = body[colon + colon_len..].trim();
    if term.is_empty() || definition.is_empty() {
        return None;
    }
    Some(GlossaryEntry {
        number,
        term: term.to_owned(),
        definition: definition.to_owned(),
        paragraph,
        term_at: offset_in(text, term),
        definition_at: offset_in(text, definition),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str) -> (Source, Document) {
        let source = Source::new("t.md", text.to_owned());
        let document = Document::parse(&source);
        (source, document)
    }

    #[test]
    fn chinese_numbers_are_read() {
        assert_eq!(chinese_number("三、"), Some((3, 3)));
        assert_eq!(chinese_number("十、"), Some((10, 3)));
        assert_eq!(chinese_number("十二）"), Some((12, 6)));
        assert_eq!(chinese_number("二十一"), Some((21, 9)));
        assert_eq!(chinese_number("各位"), None);
        assert_eq!(chinese_number("二〇二六年"), Some((2026, 12)), "a year, digit by digit");
    }

    #[test]
    fn numbering_decides_the_level_not_the_markdown() {
        let text = "# 报告\n\n## 一、回顾\n\n### （一）甲\n\n正文，甲。\n\n#### （二）乙\n\n正文，乙。\n\n## 二、任务\n\n（一）推进丙。正文，丙。\n\n正文，丙二。\n\n（二）推进丁。正文。\n\n各位代表，结束。\n";
        let (_, d) = document(text);
        let summary: Vec<_> = d.sections.iter().map(|s| (s.level, s.number, s.title.as_str(), s.inline)).collect();
        assert_eq!(
            summary,
            [
                (1, 1, "回顾", false),
                (2, 1, "甲", false),
                (2, 2, "乙", false),
                (1, 2, "任务", false),
                (2, 1, "推进丙", true),
                (2, 2, "推进丁", true)
            ]
        );
        assert_eq!(d.path(2), "1/2");
        assert_eq!(d.sections[4].end, 9, "（一） holds its two paragraphs");
        assert_eq!(d.sections[5].end, 10, "an address to the deputies closes a task");
        assert_eq!(d.sections[3].end, 11, "the part runs to the end");
        assert_eq!(d.section_of(8), Some(4));
        assert_eq!(d.section_of(10), Some(3));
    }

    #[test]
    fn plain_text_numbered_lines_are_parts() {
        let (_, d) = document(
            "某市政府工作报告\n\n一、过去一年工作回顾\n\n正文，甲。\n\n二、今年主要任务\n\n(一)稳增长\n\n正文。",
        );
        let titles: Vec<_> = d.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["过去一年工作回顾", "今年主要任务", "稳增长"]);
        assert_eq!(d.title, Some(0));
    }

    #[test]
    fn a_title_line_directly_above_its_prose_is_a_heading() {
        let (_, d) = document(
            "一、过去一年工作回顾\n过去一年，全市生产总值增长5%。\n\n二、今年任务\n（一）稳增长\n加快项目建设。",
        );
        let titles: Vec<_> = d.sections.iter().map(|s| (s.title.as_str(), s.inline)).collect();
        assert_eq!(titles, [("过去一年工作回顾", false), ("今年任务", false), ("稳增长", false)]);
    }

    #[test]
    fn glossary_entries_in_any_punctuation() {
        let text = "## 一、回顾\n\n正文，甲。\n\n附件：名词解释\n\n1. “三网融合”：基层党建网、城市管理网的融合。\n\n２、“两网融合”:生活垃圾分类收运\n\n---\n\n体系融合。\n\n3．四个一批：出让一批、开工一批。\n";
        let (_, d) = document(text);
        let glossary = d.glossary.expect("a glossary");
        assert_eq!(glossary.title, "附件：名词解释");
        let entries: Vec<_> =
            glossary.entries.iter().map(|e| (e.number, e.term.as_str(), e.definition.as_str())).collect();
        assert_eq!(
            entries,
            [
                (1, "“三网融合”", "基层党建网、城市管理网的融合。"),
                (2, "“两网融合”", "生活垃圾分类收运体系融合。"),
                (3, "四个一批", "出让一批、开工一批。")
            ]
        );
        assert_eq!(d.sections[0].end, 2, "the glossary ends the last part");
    }

    #[test]
    fn a_glossary_titled_in_another_words_of_the_genre_is_opened() {
        // Jiangxi 2026, one paragraph a line: 附件, then the glossary's own title with 名词注释.
        let text = "一、回顾\n正文，甲。\n附件\n《政府工作报告》有关内容名词注释\n1.“2030启航计划”：面向2030年及长远发展的计划。\n5.“三通一码”：赣服通、赣政通、赣企通、赣通码。\n";
        let (_, d) = document(text);
        let glossary = d.glossary.expect("a glossary");
        assert_eq!(glossary.title, "《政府工作报告》有关内容名词注释");
        let terms: Vec<_> = glossary.entries.iter().map(|e| (e.number, e.term.as_str())).collect();
        assert_eq!(terms, [(1, "“2030启航计划”"), (5, "“三通一码”")]);
    }

    #[test]
    fn offsets_point_at_the_words() {
        let (source, d) = document("### （二）经济发展 \n\n#### 名词解释\n\n12. “两转变”： 从能办转变。 ");
        let s = &d.sections[0];
        assert!(source.paragraphs[s.paragraph].text[s.title_at..].starts_with("经济发展"));
        let e = &d.glossary.as_ref().unwrap().entries[0];
        let text = &source.paragraphs[e.paragraph].text;
        assert!(text[e.term_at..].starts_with("“两转变”"));
        assert!(text[e.definition_at..].starts_with("从能办"));
    }
    #[test]
    fn appendices_are_sections_of_their_own_that_never_collide_with_the_parts() {
        // Inner Mongolia 2026: 附件 on a line, its title on the next, numbered items; then an appendix with parts
        // numbered 一、 as the report's are, and the glossary after them.
        let text = "一、回顾\n正文，甲。\n二、任务\n正文，乙。\n附件\n2026年自治区民生实事\n1.发放劳务报酬20亿元以上。\n2.实现城镇新增就业18万人以上。\n附件2：2025年重点项目\n一、产业项目\n建成项目甲。\n二、民生项目\n附件3：名词解释\n1.“三北”工程：三北防护林体系建设工程。\n";
        let (_, d) = document(text);
        let summary: Vec<_> =
            d.sections.iter().enumerate().map(|(i, s)| (d.path(i), s.title.as_str(), s.paragraph, s.end)).collect();
        assert_eq!(
            summary,
            [
                ("1".into(), "回顾", 0, 2),
                ("2".into(), "任务", 2, 4),
                ("appendix-1".into(), "2026年自治区民生实事", 5, 8),
                ("appendix-2".into(), "2025年重点项目", 8, 12),
                ("appendix-2/1".into(), "产业项目", 9, 11),
                ("appendix-2/2".into(), "民生项目", 11, 12),
            ]
        );
        assert_eq!(d.key(4), "appendix-2-1");
        assert_eq!(d.sections[2].marker, "附件");
        let glossary = d.glossary.expect("the glossary");
        assert_eq!((glossary.title.as_str(), glossary.paragraph, glossary.entries.len()), ("附件3：名词解释", 12, 1));
    }

    #[test]
    fn a_glossary_ends_where_an_appendix_follows_it() {
        let text = "一、回顾\n正文。\n名词解释\n1.“一网通办”：政务服务。\n附件2\n2026年民生实事\n1.新增就业5万人。\n";
        let (_, d) = document(text);
        let glossary = d.glossary.as_ref().expect("the glossary");
        assert_eq!((glossary.paragraph, glossary.end, glossary.entries.len()), (2, 4, 1));
        assert!(glossary.holds(3) && !glossary.holds(6));
        assert_eq!((d.sections[1].title.as_str(), d.sections[1].number, d.sections[1].end), ("2026年民生实事", 2, 7));
    }

    #[test]
    fn the_paragraph_of_the_main_targets_is_marked() {
        let text = "一、2026年工作\n今年是开局之年。\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n主要预期目标是：另一段。\n";
        let (_, d) = document(text);
        assert_eq!(d.main_targets, Some(2));
        let how = states_main_targets;
        assert_eq!(
            how("综合考虑各方面因素，建议经济社会发展主要预期目标为：地区生产总值增长5%以上"),
            Some(MainTargets::Expected)
        );
        assert_eq!(how("今年经济社会发展主要目标是：地区生产总值增长4.5%—5%"), Some(MainTargets::Plain), "Shanxi 2026");
        assert_eq!(how("努力实现以下8个方面主要目标。"), None, "no list after a colon");
        assert_eq!(how("“十四五”规划主要目标任务基本完成"), None);
        // Hebei 2026: the plan's goals first, the year's targets later.
        assert_eq!(how("“十五五”时期经济社会发展的主要目标是：高质量发展取得显著成效"), None);
        let (_, d) =
            document("一、目标\n今后五年的主要目标是：甲。\n今年的主要目标是：增长5%。\n主要预期目标是：增长5%。\n");
        assert_eq!(d.main_targets, Some(3), "the genre's words over the plainer ones");
    }

    #[test]
    fn parts_without_numbering_are_read_by_the_words_of_their_titles() {
        // Gansu 2026: three parts on lines of their own, the tasks numbered （一） under the third.
        let text = "2026年甘肃省政府工作报告\n各位代表：\n“十四五”时期工作回顾\n“十四五”时期是极不平凡的五年。\n——这是追赶进位的五年\n五年来主要做了以下工作。\n“十五五”时期的主要目标任务\n“十五五”时期，要努力实现以下目标任务：\n2026年重点工作\n重点抓好八个方面工作：\n（一）放大促消费扩投资政策效应\n积极承接用好政策。\n";
        let (_, d) = document(text);
        let summary: Vec<_> =
            d.sections.iter().enumerate().map(|(i, s)| (d.path(i), s.title.as_str(), s.marker.as_str())).collect();
        assert_eq!(
            summary,
            [
                ("1".into(), "“十四五”时期工作回顾", ""),
                ("2".into(), "“十五五”时期的主要目标任务", ""),
                ("3".into(), "2026年重点工作", ""),
                ("3/1".into(), "放大促消费扩投资政策效应", "（一）"),
            ]
        );
        let (_, numbered) = document("一、回顾\n正文。\n2026年重点工作\n正文。\n");
        assert_eq!(numbered.sections.len(), 1, "in a report whose parts are numbered, an unnumbered line is prose");
    }
}
