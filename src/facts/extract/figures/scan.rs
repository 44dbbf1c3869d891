//! Numbers with a unit: where a figure's number, power of ten, 余 and unit stand in a paragraph's text.

use crate::facts::cells::split_unit;
use crate::facts::extract::text::is_sentence_end;
use crate::values::Approximation;

/// Units and measure words a number may carry; the longest that matches is taken.
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "%", "％", "‰", "个百分点", "百分点", "倍", "元", "美元", "欧元", "港元", "日元", "元人民币", "人民币",
    "元/平方米", "元/人", "平方米", "平方公里", "平方千米", "立方米", "公顷", "亩", "公里", "千米", "米", "延米",
    "吨", "千克", "公斤", "吨标准煤", "标准箱", "标箱", "TEU", "千瓦", "千瓦时", "兆瓦", "微克/立方米",
    "毫克/立方米", "个", "家", "户", "户次", "人", "人次", "名", "位", "项", "件", "条", "张", "所", "台", "套",
    "栋", "幢", "座", "处", "起", "单", "辆", "辆次", "艘", "架", "架次", "班", "班次", "列", "部", "册", "篇",
    "场", "场次", "批", "支", "只", "头", "株", "棵", "间", "床", "门", "款", "宗", "份", "例", "次", "车次",
    "个月", "天", "小时", "分钟", "周", "岁",
];
/// Words that begin with a unit but are none (`2 单元`).
const NOT_UNITS: &[&str] = &["单元", "单位"];
/// Characters that make 约 part of a word (签约, 节约, 预约 …) rather than "about".
const NOT_ABOUT: &[char] =
    &['签', '节', '预', '合', '契', '履', '特', '违', '制', '集', '公', '条', '邀', '简', '婚', '租', '相'];

/// A number with its unit, found in a paragraph's text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Raw {
    /// Where the figure's words start: 约, or the number.
    pub(super) lead: usize,
    pub(super) number: usize,
    /// Where the unit ends.
    pub(super) end: usize,
    pub(super) value: String,
    pub(super) unit: String,
    pub(super) base_unit: String,
    pub(super) multiplier: u8,
    pub(super) approximation: Option<Approximation>,
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

fn skip_spaces(text: &str, at: usize) -> usize {
    at + (text[at..].len() - text[at..].trim_start_matches([' ', '\u{3000}', '\t', '\u{a0}']).len())
}

/// The figures of a paragraph's text, in order.
pub(super) fn scan(text: &str) -> Vec<Raw> {
    let mut found = Vec::new();
    let mut at = 0;
    let mut quoted = false;
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
        if let Some(raw) = figure(text, at, number_end, value) {
            at = raw.end;
            found.push(raw);
        } else {
            at = number_end;
        }
    }
    found
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

/// The figure of the number at `[at, number_end)`, if a unit follows it and nothing makes it a code, year or rank.
fn figure(text: &str, at: usize, number_end: usize, value: String) -> Option<Raw> {
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '_' | '/' | '>' | '-' | '~' | '～'))
    {
        return None;
    }
    let lead_text = text[..at].trim_end_matches([' ', '\u{3000}']);
    if lead_text.ends_with('第') {
        return None;
    }
    let after = next(text, number_end);
    if after.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '+' | '~' | '～' | '-' | '—' | '.' | ':' | '/'))
    {
        return None;
    }
    let mut end = skip_spaces(text, number_end);
    // 余 stands after the power of ten (`1 亿余元`) or before it (`120 余万人`).
    let mut more_than = false;
    let mut more = |end: &mut usize| {
        if text[*end..].starts_with('余') {
            more_than = true;
            *end = skip_spaces(text, *end + '余'.len_utf8());
        }
    };
    more(&mut end);
    let power = ["万亿", "亿", "万"].into_iter().find(|p| text[end..].starts_with(p));
    if let Some(power) = power {
        end = skip_spaces(text, end + power.len());
    }
    more(&mut end);
    let unit = UNITS
        .iter()
        .filter(|u| text[end..].starts_with(*u))
        .max_by_key(|u| u.len())
        .filter(|u| !NOT_UNITS.iter().any(|n| n.starts_with(*u) && text[end..].starts_with(n)));
    let (written_unit, end) = match (power, unit) {
        (power, Some(unit)) => (format!("{}{}", power.unwrap_or(""), unit.replace('％', "%")), end + unit.len()),
        (Some(power), None) => (power.to_owned(), end.min(text.len())),
        (None, None) => return None,
    };
    let (multiplier, base) = match written_unit.strip_prefix("万亿") {
        Some(base) => (12, base),
        None => split_unit(&written_unit),
    };
    let base_unit = base.to_owned();
    let about = lead_text.strip_suffix('约').is_some_and(|rest| !rest.ends_with(NOT_ABOUT));
    let lead = if about { lead_text.len() - '约'.len_utf8() } else { at };
    let approximation = if about {
        Some(Approximation::About)
    } else if more_than {
        Some(Approximation::MoreThan)
    } else {
        None
    };
    // Without a unit after the power of ten, the figure ends at the power (and 余), not at the spaces after.
    let end = if unit.is_none() { text[..end].trim_end_matches([' ', '\u{3000}', '\t', '\u{a0}']).len() } else { end };
    Some(Raw { lead, number: at, end, value, unit: written_unit, base_unit, multiplier, approximation })
}
