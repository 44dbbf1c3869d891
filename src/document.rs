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
}

/// The structure of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The title (the first heading, or the first paragraph), if any.
    pub title: Option<usize>,
    pub sections: Vec<Section>,
    pub glossary: Option<Glossary>,
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
        let mut open: [Option<usize>; 2] = [None, None];
        let close = |sections: &mut Vec<Section>, slot: &mut Option<usize>, at: usize| {
            if let Some(i) = slot.take() {
                sections[i].end = at;
            }
        };
        for (index, paragraph) in paragraphs.iter().enumerate() {
            let text = paragraph.text.as_str();
            if document.glossary.is_some() {
                if let Some(entry) = glossary_entry(text, index)
                    && let Some(glossary) = &mut document.glossary
                {
                    glossary.entries.push(entry);
                }
                continue;
            }
            let body = strip_heading(text);
            if is_glossary_title(body, paragraph.heading.is_some()) {
                close(&mut document.sections, &mut open[1], index);
                close(&mut document.sections, &mut open[0], index);
                document.glossary = Some(Glossary { paragraph: index, title: body.to_owned(), entries: Vec::new() });
                continue;
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
                let title_at = offset_in(text, title);
                let slot = usize::from(level) - 1;
                if level == 1 {
                    close(&mut document.sections, &mut open[1], index);
                }
                close(&mut document.sections, &mut open[slot], index);
                let parent = if level == 2 { open[0] } else { None };
                document.sections.push(Section {
                    level,
                    number,
                    marker: body[..marker_len].to_owned(),
                    title: title.to_owned(),
                    paragraph: index,
                    inline,
                    end: paragraphs.len(),
                    parent,
                    title_at,
                });
                open[slot] = Some(document.sections.len() - 1);
            } else if body.starts_with("各位代表") {
                // An address to the deputies closes the task or part it follows.
                close(&mut document.sections, &mut open[1], index);
            }
        }
        let end = document.glossary.as_ref().map_or(paragraphs.len(), |g| g.paragraph);
        close(&mut document.sections, &mut open[1], end);
        close(&mut document.sections, &mut open[0], end);
        document
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

    /// The path of a part: `1`, `2/5`.
    pub fn path(&self, section: usize) -> String {
        let s = &self.sections[section];
        match s.parent {
            Some(parent) => format!("{}/{}", self.path(parent), s.number),
            None => s.number.to_string(),
        }
    }
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

fn is_glossary_title(body: &str, heading: bool) -> bool {
    let short = body.chars().count() <= 24;
    short
        && (GLOSSARY_WORDS.iter().any(|w| body.contains(w))
            || (heading && (body.starts_with("附件") || body.starts_with("附录"))))
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
}
