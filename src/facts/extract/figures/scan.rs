//! Numbers with a unit: where a figure's number, power of ten, qualifier and unit stand in a paragraph's text.
//!
//! A figure is a number followed by a power of ten (万 4, 亿 8, 万亿 12), a unit of a closed list, or both. A
//! range (`4.5%-5%`, `5%—5.5%`, `4.5-5%`) is one figure with two bounds. The qualifiers of the genre are read
//! where they stand: before the number (约, 近, 超过, 突破, 不低于 …), between it and the unit (余, 多) and after
//! the unit (左右, 以上, 以内, 倍多 …). A list of numbers whose unit is written once, after the last
//! (`分别提高20.9、36.2、54个百分点`), gives each number that unit. Not figures: a number in a name or code
//! (`G318`, `5G`, `“1+8”`), an ordinal (`第46届`), an anniversary (`80周年`), a class (`25兆瓦级`, `万吨级`), an
//! age that names a group (`0—6岁婴幼儿`, `60岁以上老年人`), a rank's threshold (`排名前1%`), the report's count
//! of its own tasks (`9个方面工作`) and a threshold that qualifies the next figure of its clause
//! (`50米内换乘比例达91%`, `亿元以上项目120个`).

use crate::facts::cells::{RANGE_MARKS, split_unit};
use crate::facts::extract::text::{is_clause_mark, is_sentence_end};
use crate::values::{Qualifier, QualifierPlace};

/// Units and measure words a number may carry; the longest that matches is taken.
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "%", "％", "‰", "个百分点", "百分点", "倍", "元", "美元", "欧元", "港元", "日元", "元人民币", "人民币",
    "元/平方米", "元/人", "元/吨", "元/月", "元/年", "吨/年", "平方米", "平方公里", "平方千米", "立方米", "公顷", "亩", "公里", "千米", "米",
    "延米", "吨", "千克", "公斤", "斤", "吨标准煤", "标准煤", "标准箱", "标箱", "TEU", "千瓦", "千瓦时", "兆瓦",
    "吉瓦", "微克/立方米", "毫克/立方米", "个", "家", "户", "户次", "人", "人次", "名", "位", "项", "件", "条", "张",
    "所", "台", "套", "栋", "幢", "座", "处", "起", "单", "辆", "辆次", "艘", "架", "架次", "班", "班次", "列", "部",
    "册", "篇", "场", "场次", "批", "支", "只", "头", "株", "棵", "颗", "间", "床", "门", "款", "宗", "份", "例", "次",
    "车次", "种", "轮", "对", "类", "期", "届", "个月", "个季度", "天", "小时", "分钟", "岁",
];
/// Words that begin with a unit but are none (`2 单元`, `80 周年`, `3 类型`).
const NOT_UNITS: &[&str] = &["单元", "单位", "周年", "类型", "种类", "期间", "期限"];
/// What makes a one-character qualifier before a number part of a word (签约, 最近, 赶超 …), with that word's
/// first character.
const NOT_QUALIFIER: &[(&str, &[char])] = &[
    ("约", &['签', '节', '预', '合', '契', '履', '特', '违', '制', '集', '公', '条', '邀', '简', '婚', '租', '相']),
    ("近", &['最', '附', '就', '临', '邻', '亲', '靠', '贴', '拉', '走', '逼', '将', '接']),
    ("超", &['赶', '高']),
];
/// Verbs after an age that make it a value that changes, not a group (`80.2岁提升至82.5岁`).
const AGE_CHANGES: &[&str] = &["提升", "提高", "增加", "增长", "上升", "延长", "达到"];
/// Words after a number and its unit that make it a threshold of what follows (`50米内换乘`, `亿元以上项目`).
const THRESHOLDS: &[&str] = &["及以上", "以上", "以下", "以内", "内"];

/// A number with its unit, found in a paragraph's text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Raw {
    /// Where the figure's words start: its qualifier, or the number.
    pub(super) lead: usize,
    pub(super) number: usize,
    /// Where the figure's words end: its unit, or a qualifier after it.
    pub(super) end: usize,
    pub(super) value: String,
    /// The upper bound of a range (`5` of `4.5%-5%`).
    pub(super) upper: Option<String>,
    pub(super) unit: String,
    pub(super) multiplier: u8,
    pub(super) qualifier: Option<&'static Qualifier>,
}

fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

fn next(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{a0}')
}

fn skip_spaces(text: &str, at: usize) -> usize {
    at + (text[at..].len() - text[at..].trim_start_matches(is_space).len())
}

/// The figures of a paragraph's text, in order.
pub(super) fn scan(text: &str) -> Vec<Raw> {
    // As many as there are runs of ASCII digits at most (full-width ones are rare): one allocation, not a
    // doubling one, for a paragraph of a hundred thousand figures.
    let runs = text.as_bytes().windows(2).filter(|w| !w[0].is_ascii_digit() && w[1].is_ascii_digit()).count();
    let mut found: Vec<Raw> = Vec::with_capacity(runs + 1);
    let mut at = 0;
    let mut quoted = false;
    // Numbers of a list whose unit is written once, after its last number (`分别提高20.9、36.2、54个百分点`):
    // each bare number followed by 、 and the next number, waiting for a unit.
    let mut pending: Vec<(usize, usize, String)> = Vec::new();
    while let Some(c) = next(text, at) {
        if digit(c).is_none() || quoted {
            // A number inside quotation marks is part of a name (`“15 分钟社区生活圈”`), not a figure.
            quoted = match c {
                '“' | '「' => true,
                '”' | '」' => false,
                _ => quoted && !is_sentence_end(c),
            };
            at += c.len_utf8();
            continue;
        }
        let (value, number_end) = number(text, at);
        // A bare number goes on a list that is open, or opens one where nothing makes it a code or an ordinal.
        let follows = pending
            .last()
            .is_some_and(|&(_, end, _)| text[end..].strip_prefix('、').map(str::len) == Some(text.len() - at));
        let opens = pending.is_empty()
            && !text[..at].ends_with(|c: char| c == '、' || c == '第' || c.is_ascii_alphanumeric() || c == '.');
        if !follows {
            pending.clear();
        }
        let listed = (follows || opens)
            && text[number_end..].strip_prefix('、').is_some_and(|rest| rest.starts_with(|c| digit(c).is_some()));
        // Only a number that may wait for its list's unit keeps a copy of its digits.
        let kept = listed.then(|| value.clone());
        match figure(text, at, number_end, value) {
            Some(raw) => {
                at = raw.end;
                for (lead, end, value) in pending.drain(..) {
                    let (unit, multiplier) = (raw.unit.clone(), raw.multiplier);
                    found.push(Raw { lead, number: lead, end, value, upper: None, unit, multiplier, qualifier: None });
                }
                // A threshold of the figure after it in the clause is not a figure of its own.
                if let Some(last) = found.last()
                    && is_threshold(text, last, raw.lead)
                {
                    found.pop();
                }
                found.push(raw);
            }
            None => {
                if let Some(value) = kept {
                    pending.push((at, number_end, value));
                }
                at = number_end;
            }
        }
    }
    found
}

/// Whether `raw` qualifies what follows it up to the next figure at `next_lead` (`50米内换乘比例达91%`): a
/// threshold word right after its unit and words, not punctuation, up to the next figure.
fn is_threshold(text: &str, raw: &Raw, next_lead: usize) -> bool {
    let unit_end = raw.end - raw.qualifier.filter(|q| q.place == QualifierPlace::After).map_or(0, |q| q.word.len());
    let rest = &text[unit_end..next_lead];
    THRESHOLDS.iter().find_map(|t| rest.strip_prefix(t)).is_some_and(|words| {
        words.starts_with(|c: char| c.is_alphabetic() && !matches!(c, '和' | '及' | '与' | '或' | '的'))
            && !words.contains(is_clause_mark)
    })
}

/// The number starting at `at`: its ASCII value and where it ends.
fn number(text: &str, at: usize) -> (String, usize) {
    let mut value = String::new();
    let mut end = at;
    let digits = |value: &mut String, end: &mut usize| {
        while let Some(d) = next(text, *end).and_then(|c| digit(c).map(|d| (d, c.len_utf8()))) {
            value.push(d.0);
            *end += d.1;
        }
    };
    digits(&mut value, &mut end);
    // Thousands separators: `1,000` (a comma and exactly three ASCII digits).
    while text[end..].starts_with(',') {
        let group = &text.as_bytes()[end + 1..];
        if group.len() >= 3
            && group[..3].iter().all(u8::is_ascii_digit)
            && !group.get(3).is_some_and(u8::is_ascii_digit)
        {
            value.push_str(&text[end + 1..end + 4]);
            end += 4;
        } else {
            break;
        }
    }
    if let Some(point) = next(text, end).filter(|c| matches!(c, '.' | '．'))
        && next(text, end + point.len_utf8()).and_then(digit).is_some()
    {
        value.push('.');
        end += point.len_utf8();
        digits(&mut value, &mut end);
    }
    (value, end)
}

/// What follows a number: its power of ten, qualifier in the unit (余, 多) and unit, and where they end.
struct Unit {
    power: Option<&'static str>,
    unit: Option<&'static str>,
    qualifier: Option<&'static Qualifier>,
    end: usize,
}

fn unit_at(text: &str, from: usize) -> Unit {
    let mut end = skip_spaces(text, from);
    let mut qualifier = None;
    // 余 and 多 stand after the power of ten (`1 亿余元`) or before it (`120 余万人`, `1000多万`).
    let mut in_unit = |end: &mut usize| {
        if qualifier.is_none()
            && let Some(q) = Qualifier::starting(&text[*end..], QualifierPlace::InUnit)
        {
            qualifier = Some(q);
            *end = skip_spaces(text, *end + q.word.len());
        }
    };
    in_unit(&mut end);
    let power = ["万亿", "亿", "万"].into_iter().find(|p| text[end..].starts_with(p));
    if let Some(power) = power {
        end = skip_spaces(text, end + power.len());
    }
    in_unit(&mut end);
    let unit = UNITS
        .iter()
        .copied()
        .filter(|u| text[end..].starts_with(*u))
        .max_by_key(|u| u.len())
        .filter(|u| !NOT_UNITS.iter().any(|n| n.starts_with(*u) && text[end..].starts_with(n)));
    match unit {
        Some(unit) => Unit { power, unit: Some(unit), qualifier, end: end + unit.len() },
        // Without a unit the figure ends at the power (or 余), not at the spaces after it.
        None => Unit { power, unit: None, qualifier, end: text[..end].trim_end_matches(is_space).len() },
    }
}

/// The figure of the number at `[at, number_end)`, if a unit follows it and nothing makes it a code, year,
/// rank, anniversary, class or group.
fn figure(text: &str, at: usize, number_end: usize, value: String) -> Option<Raw> {
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '_' | '/' | '>' | '-' | '~' | '～'))
    {
        return None;
    }
    let lead_text = text[..at].trim_end_matches(is_space);
    if lead_text.ends_with('第') {
        return None;
    }
    let after = next(text, number_end);
    if after.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '+' | '.' | ':' | '/')) {
        return None;
    }
    let mut unit = unit_at(text, number_end);
    let mut upper = None;
    // A range: the lower bound with or without the unit, a mark, the upper bound with it (`4.5%-5%`, `4.5-5%`).
    let mark_at = skip_spaces(text, unit.end);
    if let Some(mark) = next(text, mark_at).filter(|c| RANGE_MARKS.contains(c)) {
        let upper_at = skip_spaces(text, mark_at + mark.len_utf8());
        if next(text, upper_at).and_then(digit).is_some() {
            let (upper_value, upper_end) = number(text, upper_at);
            let upper_unit = unit_at(text, upper_end);
            let bare = unit.unit.is_none() && unit.power.is_none();
            let same = bare || (unit.unit, unit.power) == (upper_unit.unit, upper_unit.power);
            if same && (upper_unit.unit.is_some() || upper_unit.power.is_some()) {
                upper = Some(upper_value);
                unit = Unit { qualifier: unit.qualifier.or(upper_unit.qualifier), ..upper_unit };
            } else if mark != '至' {
                // Numbers joined by a dash that are no range: a code or a span of years (`2021-2025年`).
                return None;
            }
        }
    }
    let (written_unit, mut end) = match (unit.power, unit.unit) {
        (power, Some(u)) => (format!("{}{}", power.unwrap_or(""), u.replace('％', "%")), unit.end),
        (Some(power), None) => (power.to_owned(), unit.end),
        (None, None) => return None,
    };
    let rest = &text[end..];
    // A class (`25兆瓦级`), or an age naming a group (`0—6岁婴幼儿`, `60岁以上老年人`).
    let group_age = unit.unit == Some("岁") && {
        let rest = THRESHOLDS.iter().find_map(|t| rest.strip_prefix(t)).unwrap_or(rest);
        rest.starts_with(|c: char| c.is_alphabetic() && !matches!(c, '的'))
            // An age that changes is a figure (`人均预期寿命从80.2岁提升至82.5岁`).
            && !AGE_CHANGES.iter().any(|v| rest.starts_with(v))
    };
    // A rank's threshold (`ESI世界学科排名前1%`), and the report's own count of what it will do
    // (`今年要重点做好9个方面工作`).
    let rank = lead_text.ends_with('前') && unit.unit.is_some_and(|u| u == "%" || u == "％");
    let aspects = unit.unit == Some("个") && rest.starts_with("方面");
    // A population that makes a class (`20万以上人口县`), not a count (`30万以上参保孕产妇`).
    let class = unit.unit.is_none()
        && THRESHOLDS.iter().find_map(|t| rest.strip_prefix(t)).is_some_and(|words| words.starts_with("人口"));
    if rest.starts_with('级') || group_age || rank || aspects || class {
        return None;
    }
    let (multiplier, _) = split_unit(&written_unit);
    let before_word = Qualifier::ending(lead_text).filter(|q| {
        let rest = &lead_text[..lead_text.len() - q.word.len()];
        !NOT_QUALIFIER.iter().any(|(word, firsts)| *word == q.word && rest.ends_with(*firsts))
    });
    let lead = before_word.map_or(at, |q| lead_text.len() - q.word.len());
    let after_at = skip_spaces(text, end);
    let mut after_word = Qualifier::starting(&text[after_at..], QualifierPlace::After);
    // 多 after 倍 (`增长1倍多`): more than that many times.
    if after_word.is_none() && unit.unit == Some("倍") && text[end..].starts_with('多') {
        after_word = Qualifier::starting("多", QualifierPlace::InUnit);
        end += '多'.len_utf8();
    }
    if let Some(q) = after_word.filter(|q| q.word != "多") {
        end = after_at + q.word.len();
    }
    let qualifier = before_word.or(unit.qualifier).or(after_word);
    Some(Raw { lead, number: at, end, value, upper, unit: written_unit, multiplier, qualifier })
}
