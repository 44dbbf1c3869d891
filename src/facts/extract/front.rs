//! The front matter: when, at which session and by whom a report was delivered, read from the lines between its
//! title and its first part, as reports of the genre write them:
//!
//! ```text
//! 2026年河北省政府工作报告
//! ——2026年1月26日在河北省第十四届人民代表大会第四次会议上
//! 河北省人民政府省长 王正谱
//! ```

use super::text::{Occurrence, occurrence};
use crate::document::{Document, chinese_number};
use crate::source::{Locator, Source};

/// The words of a post that presents a report, as the speaker's line ends its post (`省长`, `自治区人民政府主席`).
const POSTS: &[&str] = &["省长", "市长", "区长", "县长", "州长", "盟长", "旗长", "主席"];
/// The longest speaker's line: a post and a name.
const SPEAKER_LENGTH: usize = 30;

/// A value read from the front matter, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// The date as `YYYY-MM-DD`, the session's name, or the speaker's name, as written.
    pub value: String,
    pub occurrence: Occurrence,
}

/// What the front matter says of the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Front {
    /// The day it was delivered (`2026年1月26日`).
    pub delivered: Option<Said>,
    /// The session it was delivered at (`河北省第十四届人民代表大会第四次会议`).
    pub session: Option<Said>,
    /// Who delivered it, and the post written before the name (`河北省人民政府省长`).
    pub speaker: Option<(Said, String)>,
}

impl Front {
    /// The year it was delivered in.
    pub fn year(&self) -> Option<u16> {
        self.delivered.as_ref().and_then(|day| day.value.get(..4)?.parse().ok())
    }
}

/// Reads the front matter of `source`: the paragraphs after the title and before the first part.
pub(super) fn front(source: &Source, document: &Document, locator: &mut Locator<'_>) -> Front {
    let mut front = Front::default();
    for paragraph in source.paragraphs.get(document.front_matter(source.paragraphs.len())).unwrap_or_default() {
        locator.enter(paragraph.index);
        let text = paragraph.text.as_str();
        if front.delivered.is_none()
            && let Some((date, at, end)) = date_line(text)
        {
            front.delivered = Some(Said { value: date, occurrence: occurrence(locator, at, end) });
            if let Some((at, end)) = session(text, end) {
                front.session =
                    Some(Said { value: text[at..end].to_owned(), occurrence: occurrence(locator, at, end) });
            }
        } else if front.speaker.is_none()
            && let Some((post, at)) = speaker(text)
        {
            let name = text[at..].trim();
            let from = at + (text[at..].len() - text[at..].trim_start().len());
            let said = Said { value: name.to_owned(), occurrence: occurrence(locator, from, from + name.len()) };
            front.speaker = Some((said, post.to_owned()));
        }
    }
    front
}

/// A date line `——2026年1月26日在…会议上` (the dash may be left out when the session follows; the date may be
/// written in Chinese numerals, `二〇二六年一月二十七日`): the date as `YYYY-MM-DD` and the byte range of the date.
fn date_line(text: &str) -> Option<(String, usize, usize)> {
    let body = text.trim_start_matches(['—', '―', '-', '－', '─', '（', '(', ' ', '\u{3000}']);
    let at = text.len() - body.len();
    let (year, rest) = number(body, '年')?;
    let (month, rest) = number(rest, '月')?;
    let (day, rest) = number(rest, '日')?;
    let end = at + (body.len() - rest.len());
    let valid = (1949..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    let dated = at > 0 || session(text, end).is_some();
    (valid && dated).then(|| (format!("{year:04}-{month:02}-{day:02}"), at, end))
}

/// The number at the start of `text` up to `mark`, in ASCII digits or Chinese numerals (`二〇二六`, `二十七`): its
/// value and the text after the mark.
fn number(text: &str, mark: char) -> Option<(u32, &str)> {
    let (head, rest) = text.split_once(mark)?;
    let value = if !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit()) {
        head.parse().ok()?
    } else {
        chinese_number(head).filter(|&(_, len)| len == head.len())?.0
    };
    Some((value, rest))
}

/// The session after the date: `在X会议上` gives the byte range of X会议, a session of a people's congress.
fn session(text: &str, after_date: usize) -> Option<(usize, usize)> {
    let rest = &text[after_date..];
    let at = after_date + rest.find('在')? + '在'.len_utf8();
    let end = at + text[at..].rfind("会议")? + "会议".len();
    text[at..end].contains("人民代表大会").then_some((at, end))
}

/// A speaker's line `河北省人民政府省长 王正谱`: the post as written and the byte offset where the name starts.
fn speaker(text: &str) -> Option<(&str, usize)> {
    let line = text.trim();
    if line.chars().count() > SPEAKER_LENGTH || line.contains(['，', '。', '：', '；', ',', ':']) {
        return None;
    }
    let offset = text.len() - text.trim_start().len();
    POSTS.iter().filter_map(|post| line.find(post).map(|i| i + post.len())).min().and_then(|end| {
        let name = &line[end..];
        let spaced = name.starts_with([' ', '\u{3000}']);
        let letters = name.trim().chars().filter(|c| !c.is_whitespace() && *c != '·').count();
        (spaced && (2..=8).contains(&letters)).then_some((line[..end].trim(), offset + end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front_of(text: &str) -> Front {
        let source = Source::new("t.md", text.to_owned());
        let document = Document::parse(&source);
        front(&source, &document, &mut Locator::new(&source))
    }

    #[test]
    fn the_date_session_and_speaker_are_read_as_the_genre_writes_them() {
        let f = front_of(concat!(
            "2026年河北省政府工作报告\n",
            "——2026年1月26日在河北省第十四届人民代表大会第四次会议上\n",
            "河北省人民政府省长 王正谱\n",
            "各位代表：\n",
            "一、回顾\n",
            "正文。\n"
        ));
        assert_eq!(f.delivered.as_ref().map(|d| d.value.as_str()), Some("2026-01-26"));
        assert_eq!(
            f.delivered.expect("a date").occurrence.evidence,
            "——2026年1月26日在河北省第十四届人民代表大会第四次会议上"
        );
        assert_eq!(f.session.map(|s| s.value), Some("河北省第十四届人民代表大会第四次会议".to_owned()));
        let (name, post) = f.speaker.expect("a speaker");
        assert_eq!((name.value.as_str(), post.as_str()), ("王正谱", "河北省人民政府省长"));
    }

    #[test]
    fn a_date_line_after_another_dash_or_in_brackets() {
        // Qinghai 2026 opens it with ―― (U+2015), Guizhou 2026 writes it in brackets.
        for (line, session) in [
            ("――2026年1月27日在青海省第十四届人民代表大会第四次会议上", "青海省第十四届人民代表大会第四次会议"),
            ("（2026年1月27日在贵州省第十四届人民代表大会第四次会议上）", "贵州省第十四届人民代表大会第四次会议"),
        ] {
            let f = front_of(&format!("政府工作报告\n{line}\n省长 李炳军\n一、回顾\n"));
            assert_eq!(f.delivered.map(|d| d.value), Some("2026-01-27".to_owned()), "{line}");
            assert_eq!(f.session.map(|s| s.value), Some(session.to_owned()));
        }
    }

    #[test]
    fn a_name_with_a_space_inside_and_a_full_width_space_before_it() {
        let f = front_of(
            "广西2026年政府工作报告\n——2026年1月25日在广西壮族自治区第十四届人民代表大会第五次会议上\n自治区主席 韦 韬\n一、回顾\n",
        );
        assert_eq!(f.speaker.map(|(s, p)| (s.value, p)), Some(("韦 韬".to_owned(), "自治区主席".to_owned())));
        let f = front_of("云南省2026年政府工作报告\n省长　王予波\n一、回顾\n");
        assert_eq!(f.speaker.map(|(s, _)| s.value), Some("王予波".to_owned()));
    }

    #[test]
    fn a_date_without_its_dash_or_in_chinese_numerals() {
        let f = front_of("2026年浙江省政府工作报告\n2026年1月14日在浙江省第十四届人民代表大会第四次会议上\n一、回顾\n");
        assert_eq!(f.delivered.map(|d| d.value), Some("2026-01-14".to_owned()));
        let f = front_of(
            "2026年甘肃省政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会五次会议上\n一、回顾\n",
        );
        assert_eq!(f.delivered.map(|d| d.value), Some("2026-01-27".to_owned()));
        assert_eq!(f.session.map(|s| s.value), Some("甘肃省十四届人民代表大会五次会议".to_owned()));
    }

    #[test]
    fn prose_and_other_lines_are_no_front_matter() {
        let f = front_of(
            "报告\n省长刘小涛代表省人民政府向大会作政府工作报告。\n——2026年13月1日在会上\n2025年1月2日，我们召开了会议。\n一、回顾\n",
        );
        assert_eq!(f, Front::default());
    }
}
