//! The time a figure is of, from the words of the report: a year (`2025年`, `到2030年`), a span of years
//! (`2026—2028年`), a five-year plan (`“十四五”时期` 2021–2025, `“十五五”` 2026–2030), the five years under review
//! (`五年来`, `过去五年`), and the years named relative to the report (`今年`, `去年`, `明年`).
//!
//! A year a figure is compared with is not its period: `比2020年`, `较上年`, `与去年相比`, `上年同期`, and a year
//! since which something runs (`2020年以来`), nor a year inside the title of a document (`《…2035年…》`) or in
//! brackets after a name (`顶层设计（2019~2025 年）`). A cue opening a sentence (in its first clause: `2025年，`,
//! `五年来，`) speaks for the sentences after it in the paragraph until the next such cue; a cue inside a sentence
//! only for the rest of that sentence.

use super::text::{is_clause_mark, is_sentence_end};
use crate::document::chinese_number;
use crate::values::Period;

/// Where a paragraph's words say the time of what follows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cue {
    /// Where its words end (a byte offset): it speaks for what follows.
    pub(super) end: usize,
    pub(super) period: Period,
    /// Whether it stands in the first clause of its sentence, so that it speaks for the rest of the paragraph.
    pub(super) opens_sentence: bool,
}

/// The years of the `n`th five-year plan (the third was 1966–1970, each after it five years on).
fn five_year_plan(n: u32) -> Option<Period> {
    let start = 1966 + 5 * n.checked_sub(3)?;
    let start = u16::try_from(start).ok()?;
    Some(Period { start, end: start + 4 })
}

/// Words that say the five years under review.
const FIVE_YEARS: &[&str] = &["五年来", "过去五年", "五年间", "这五年", "过去的五年", "五年多来"];
/// Words that say a year relative to the report's, with its offset.
const RELATIVE: &[(&str, i32)] = &[("今年", 0), ("去年", -1), ("上年", -1), ("明年", 1)];
/// Words before a year that make it the year compared with (`比2020年`, `较上年`).
const COMPARED: &[char] = &['比', '较', '与', '同', '超', '以'];
/// Words of comparison before a year (`快于2024年1.8个百分点`): of the year compared with, not of the figure's.
const COMPARED_WORDS: &[&str] = &["快于", "慢于", "高于", "低于", "优于", "好于", "多于", "少于"];

/// Whether `before` ends with a word that makes the year after it the year compared with.
fn compares(before: &str) -> bool {
    before.ends_with(COMPARED) || COMPARED_WORDS.iter().any(|w| before.ends_with(w))
}

fn year_at(text: &str, at: usize) -> Option<(u16, usize)> {
    let digits = text.get(at..at + 4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !(digits.starts_with("19") || digits.starts_with("20")) {
        return None;
    }
    if text[..at].ends_with(|c: char| c.is_ascii_digit()) || text[at + 4..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, at + 4))
}

/// The cues of a paragraph's text, in order.
pub(super) fn cues(text: &str, report_year: Option<u16>) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut in_title = 0usize;
    let mut sentence_start = 0;
    let mut clause_marks = 0;
    // Whether a cue already opened the sentence: the first is its subject (`2025年是“十四五”收官之年。`).
    let mut opened = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            // A period in a title or in brackets is the document's (`顶层设计（2019~2025 年）`), not a figure's.
            '《' | '（' | '(' => in_title += 1,
            '》' | '）' | ')' => in_title = in_title.saturating_sub(1),
            _ if is_sentence_end(c) => {
                sentence_start = at + c.len_utf8();
                clause_marks = 0;
                opened = false;
            }
            _ if is_clause_mark(c) => clause_marks += 1,
            _ => {}
        }
        if in_title > 0 {
            continue;
        }
        let opens_sentence = clause_marks == 0 && !opened;
        let before = text.get(sentence_start..at).unwrap_or_default().trim_end();
        let compared = compares(before);
        let found = if let Some((start, end)) = year_at(text, at) {
            // A span of years: `2026—2028年`, `2026-2028年`, `2026至2028年`, `2020年到2025年`.
            let after = &text[end..];
            let span = after
                .strip_prefix('年')
                .unwrap_or(after)
                .strip_prefix(['-', '—', '–', '~', '～', '至', '到'])
                .and_then(|rest| year_at(text, text.len() - rest.len()))
                .filter(|(last, _)| *last > start);
            let (last, end) = span.unwrap_or((start, end));
            let rest = text[end..].trim_start();
            let after_year = rest.strip_prefix('年');
            let since = after_year.is_some_and(|r| r.trim_start().starts_with(['以', '来']) || r.starts_with("相比"));
            after_year.filter(|_| !since && !compared).map(|r| (Period { start, end: last }, text.len() - r.len()))
        } else if c == '十' {
            // “十四五”: 十 and a digit make the plan's number, then 五 (五年规划); 十五五 is the fifteenth.
            let mut rest = text[at + c.len_utf8()..].chars();
            let digit = rest.next().and_then(|d| chinese_number(&d.to_string())).map(|(n, _)| n).filter(|n| *n < 10);
            let five = rest.next() == Some('五');
            // The end of a plan (`“十四五”末`) is its last year; a plan compared with (`较“十三五”末`) no period.
            let after = text[(at + 9).min(text.len())..].trim_start_matches(['”', '"', '’']);
            let end = after.starts_with('末');
            let compared = compares(before.trim_end_matches(['“', '"', '‘']));
            // A plan that approved a thing (`“十四五”批复的6个沙戈荒大基地`) names the thing, not a period.
            let approved = after.starts_with("批复") || after.starts_with("批准");
            digit
                .filter(|_| five && !compared && !approved)
                .and_then(|d| five_year_plan(10 + d))
                .map(|p| if end { Period { start: p.end, end: p.end } } else { p })
                .map(|p| (p, at + 9))
        } else {
            let rest = &text[at..];
            let five_years = FIVE_YEARS.iter().find(|w| rest.starts_with(*w)).zip(report_year);
            let relative = RELATIVE.iter().find(|(w, _)| rest.starts_with(w)).zip(report_year);
            if let Some((words, year)) = five_years {
                // The five years before the report's.
                Some((Period { start: year - 5, end: year - 1 }, at + words.len()))
            } else if let Some(((words, offset), year)) = relative {
                let end = at + words.len();
                let same_time = text[end..].starts_with("同期") || text[end..].starts_with("相比");
                let year = u16::try_from(i32::from(year) + offset).ok();
                year.filter(|_| !compared && !same_time).map(|y| (Period { start: y, end: y }, end))
            } else {
                None
            }
        };
        if let Some((period, end)) = found {
            // The year a change starts from (`从2020年的3.68万亿元增长到…`) is no period of the sentence.
            let opens_sentence = opens_sentence && !before.ends_with(['从', '由']);
            opened |= opens_sentence;
            cues.push(Cue { end, period, opens_sentence });
            while chars.peek().is_some_and(|(i, _)| *i < end) {
                chars.next();
            }
        }
    }
    cues
}

/// The period a title names (`2025年工作回顾`, `“十五五”时期主要目标任务`): where it names a year and a span of
/// years (`“十四五”时期和2025年工作回顾`), the year, since the part reviews or plans that year and says so where
/// a figure is of the five years (五年来, 年均, “十四五”时期); else its first period.
pub(super) fn of_title(title: &str, report_year: Option<u16>) -> Option<Period> {
    let cues = cues(title, report_year);
    cues.iter().find(|c| c.period.start == c.period.end).or(cues.first()).map(|c| c.period)
}

/// The period a paragraph opens with: a cue in its first clause (`过去的五年，`, `刚刚过去的2025年，`), after the
/// address to the deputies where one opens it (`各位代表！刚刚过去的2025年，…`), which speaks for the paragraphs
/// after it in its part until another paragraph opens with one.
pub(super) fn opening(text: &str, report_year: Option<u16>) -> Option<Period> {
    let text = text.trim_start();
    let text = match text.strip_prefix("各位代表") {
        Some(rest) => rest.trim_start_matches(|c: char| c.is_whitespace() || is_clause_mark(c)),
        None => text,
    };
    let first_clause = text.find(is_clause_mark).unwrap_or(text.len());
    let head = &text[..first_clause];
    cues(head, report_year).first().map(|c| c.period)
}

/// The cues of a paragraph, ready to be asked for the period at any place in it.
pub(super) struct Cues {
    cues: Vec<Cue>,
    /// For each cue, the last cue up to it that opens a sentence.
    opening: Vec<Option<usize>>,
}

impl Cues {
    pub(super) fn of(text: &str, report_year: Option<u16>) -> Self {
        let cues = cues(text, report_year);
        let mut last = None;
        let opening = cues
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if c.opens_sentence {
                    last = Some(i);
                }
                last
            })
            .collect();
        Self { cues, opening }
    }

    /// The period the words at byte `at` are of, in the sentence that starts at `sentence_start`: the last cue
    /// before them in their sentence, else the last cue before it that opened a sentence.
    pub(super) fn at(&self, at: usize, sentence_start: usize) -> Option<Period> {
        let before = self.cues.partition_point(|c| c.end <= at);
        let last = before.checked_sub(1)?;
        if self.cues[last].end > sentence_start {
            return Some(self.cues[last].period);
        }
        self.opening[last].map(|i| self.cues[i].period)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn periods(text: &str) -> Vec<(u16, u16, bool)> {
        cues(text, Some(2026)).iter().map(|c| (c.period.start, c.period.end, c.opens_sentence)).collect()
    }

    #[test]
    fn years_and_plans_are_periods() {
        assert_eq!(periods("2025年，全省地区生产总值增长5.4%"), [(2025, 2025, true)]);
        assert_eq!(periods("“十四五”时期，年均增长5.5%"), [(2021, 2025, true)]);
        assert_eq!(periods("“十五五”时期主要目标"), [(2026, 2030, true)]);
        assert_eq!(periods("十三五"), [(2016, 2020, true)]);
        assert_eq!(periods("五年来，我们"), [(2021, 2025, true)]);
        assert_eq!(periods("今年经济增长预期目标5%左右"), [(2026, 2026, true)]);
        assert_eq!(periods("实施2026—2028年行动"), [(2026, 2028, true)]);
        assert_eq!(periods("全面完成，到2030年达到50%"), [(2030, 2030, false)]);
    }

    #[test]
    fn a_title_naming_a_year_and_five_years_is_of_the_year() {
        assert_eq!(of_title("“十四五”时期和2025年工作回顾", Some(2026)), Some(Period { start: 2025, end: 2025 }));
        assert_eq!(of_title("“十四五”时期经济社会发展回顾", Some(2026)), Some(Period { start: 2021, end: 2025 }));
        assert_eq!(
            of_title("“十五五”时期目标任务和2026年工作安排", Some(2026)),
            Some(Period { start: 2026, end: 2026 })
        );
    }

    #[test]
    fn a_year_compared_with_is_no_period() {
        assert!(periods("比2020年增长30%").is_empty());
        assert!(periods("较上年提高2个百分点").is_empty());
        assert!(periods("去年同期").is_empty());
        assert!(periods("与2020年相比").is_empty());
        assert!(periods("2020年以来").is_empty());
        assert!(periods("印发《2030年前碳达峰行动方案》").is_empty());
        // Qingpu 2020: the period of a plan, in brackets after its name.
        assert!(periods("编制新型智慧城市顶层设计（2019~2025 年）和三年行动计划").is_empty());
        assert!(periods("实现十五年连增").is_empty(), "十五 without 五 is no plan");
        assert!(periods("较“十三五”末改善16.5%").is_empty(), "a baseline");
        // Tianjin 2026: the year of a comparison after a growth rate.
        assert!(periods("增长5.5%，快于2024年1.8个百分点").is_empty());
        assert!(periods("高于“十三五”末").is_empty());
        // Inner Mongolia 2026: a plan that approved what the sentence plans for.
        assert!(periods("加快建设“十四五”批复的6个沙戈荒大基地").is_empty());
        assert_eq!(periods("“十四五”末达到90%"), [(2025, 2025, true)]);
    }

    #[test]
    fn a_cue_opening_a_sentence_speaks_for_the_paragraph() {
        let text = "五年来，经济总量迈上新台阶。年均增长5.5%。2025年，增长5.4%；今年，目标5%。";
        let found = Cues::of(text, Some(2026));
        let sentence = |at: usize| text[..at].rfind('。').map_or(0, |i| i + '。'.len_utf8());
        let year = |words: &str| {
            let at = text.find(words).expect("words");
            found.at(at, sentence(at)).map(|p| (p.start, p.end))
        };
        assert_eq!(year("年均"), Some((2021, 2025)));
        assert_eq!(year("增长5.4"), Some((2025, 2025)));
        assert_eq!(year("目标"), Some((2026, 2026)));
        let inside = "推动高质量发展，到2030年达到50%。增长6%。";
        let found = Cues::of(inside, Some(2026));
        let fifty = inside.find("50").expect("50");
        assert_eq!(found.at(fifty, 0).map(|p| p.end), Some(2030));
        // Guizhou 2026: a span written with 年 twice; Hebei 2026: the year a change starts from.
        assert_eq!(periods("2020年到2025年，工业投资占比提升"), [(2020, 2025, true)]);
        let change = "全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元。高速公路总里程达到9000公里。";
        let changed = Cues::of(change, Some(2026));
        let road = change.find("9000").expect("9000");
        let second = change.find('。').expect("。") + '。'.len_utf8();
        assert_eq!(changed.at(road, second).map(|p| (p.start, p.end)), Some((2025, 2025)));
        // Heilongjiang 2026: the year the sentence is of, then the plan it closes.
        let closing = "2025年是“十四五”收官之年。全省地区生产总值增长4.2%。";
        let closed = Cues::of(closing, Some(2026));
        let growth = closing.find("4.2").expect("4.2");
        let sentence = closing.find('。').expect("。") + '。'.len_utf8();
        assert_eq!(closed.at(growth, sentence).map(|p| (p.start, p.end)), Some((2025, 2025)));
        let six = inside.find("6%").expect("6");
        assert_eq!(found.at(six, inside.find('。').expect("。") + 3), None, "a cue inside a sentence stops with it");
    }

    #[test]
    fn a_paragraph_opens_on_its_period_after_the_address_to_the_deputies() {
        let year = |text: &str| opening(text, Some(2026)).map(|p| (p.start, p.end));
        // Yunnan 2026: the year's review after the five years', in the same part.
        assert_eq!(year("各位代表！刚刚过去的2025年，是云南发展历程中具有重要里程碑意义的一年。"), Some((2025, 2025)));
        assert_eq!(year("这五年，我们完整准确全面贯彻新发展理念"), Some((2021, 2025)));
        assert_eq!(year("各位代表！我们深知，发展还面临不少困难"), None);
    }
}
