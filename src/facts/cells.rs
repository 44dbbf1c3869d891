//! Cells: the value of one CSV cell, parsed and checked, or an error naming the cell.
//!
//! Ids (readable slugs), years and periods, division codes, decimals as written, units with their power of ten,
//! evidence quotes; and the checks that relate cells: whether a figure stands in its evidence, and the nearest
//! known id for a "did you mean".

use crate::document::chinese_number;
use crate::error::{DataError, Location};
use crate::values::{Period, QUOTE_SEPARATOR, Qualifier, QualifierPlace, Quote};

pub(crate) fn required(place: &Location, value: String) -> Result<String, DataError> {
    if value.trim().is_empty() { Err(DataError::Empty { place: place.clone() }) } else { Ok(value) }
}

/// A readable id: lowercase ASCII letters and digits in words joined by single hyphens.
pub(crate) fn slug(place: &Location, value: &str) -> Result<String, DataError> {
    let ok = !value.is_empty()
        && value.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    if value.is_empty() {
        Err(DataError::Empty { place: place.clone() })
    } else if ok {
        Ok(value.to_owned())
    } else {
        Err(DataError::BadValue {
            place: place.clone(),
            value: value.to_owned(),
            expected: "an id: lowercase letters and digits in words joined by single hyphens".into(),
        })
    }
}

pub(crate) fn quotes(place: &Location, value: &str) -> Result<Vec<Quote>, DataError> {
    let quotes: Vec<Quote> = value
        .split(QUOTE_SEPARATOR)
        .filter(|q| !q.is_empty())
        .map(|q| Quote { text: q.to_owned(), place: place.clone() })
        .collect();
    if quotes.is_empty() { Err(DataError::Empty { place: place.clone() }) } else { Ok(quotes) }
}

pub(crate) fn year(place: &Location, value: &str) -> Result<u16, DataError> {
    value.parse::<u16>().ok().filter(|y| (1949..=2100).contains(y) && value.len() == 4).ok_or_else(|| {
        DataError::BadValue { place: place.clone(), value: value.to_owned(), expected: "a year (e.g. 2019)".into() }
    })
}

pub(crate) fn optional_year(place: &Location, value: &str) -> Result<Option<u16>, DataError> {
    if value.is_empty() { Ok(None) } else { year(place, value).map(Some) }
}

pub(crate) fn optional_period(place: &Location, value: &str) -> Result<Option<Period>, DataError> {
    if value.is_empty() {
        return Ok(None);
    }
    let bad = || DataError::BadValue {
        place: place.clone(),
        value: value.to_owned(),
        expected: "a period of years such as 2018~2020".into(),
    };
    let (start, end) = value.split_once('~').ok_or_else(bad)?;
    let period = Period { start: year(place, start)?, end: year(place, end)? };
    if period.start > period.end { Err(bad()) } else { Ok(Some(period)) }
}

pub(crate) fn optional_code(place: &Location, value: &str) -> Result<Option<String>, DataError> {
    if value.is_empty() {
        Ok(None)
    } else if matches!(value.len(), 2 | 4 | 6 | 9 | 12) && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Some(value.to_owned()))
    } else {
        Err(DataError::BadValue {
            place: place.clone(),
            value: value.to_owned(),
            expected: "an administrative division code (2, 4, 6, 9 or 12 digits)".into(),
        })
    }
}

/// Whether `value` is a plain decimal as written in the report: digits, at most one point.
pub fn is_decimal(value: &str) -> bool {
    let (int, frac) = value.split_once('.').unwrap_or((value, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// Splits a written unit into its power of ten and its base: `亿元` → (8, `元`), `%` → (0, `%`).
pub fn split_unit(written: &str) -> (u8, &str) {
    const POWERS: &[(&str, u8)] = &[("万亿", 12), ("亿", 8), ("千万", 7), ("百万", 6), ("万", 4)];
    POWERS.iter().find_map(|(prefix, power)| Some((*power, written.strip_prefix(prefix)?))).unwrap_or((0, written))
}

/// The canonical lexical form of an `xsd:decimal` written as the report writes it (`42.0` → `42`), as stores keep
/// it: the graph is the same whether it is read from a store or written from the build.
pub fn canonical_decimal(value: &str) -> &str {
    match value.split_once('.') {
        Some((int, fraction)) if fraction.bytes().all(|b| b == b'0') => int,
        Some(_) => value.trim_end_matches('0'),
        None => value,
    }
}

/// The year, month and day of a date `YYYY-MM-DD` that exists.
pub fn date_parts(value: &str) -> Option<(u32, u32, u32)> {
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let parts: Vec<&str> = value.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else { return None };
    let (y, m, d) = (number(y, 4)?, number(m, 2)?, number(d, 2)?);
    let leap = y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// A figure as a row writes it: the number, the upper bound of a range, the unit with its power of ten, and the
/// word that qualifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written<'a> {
    pub value: &'a str,
    pub upper: Option<&'a str>,
    pub unit: &'a str,
    pub qualifier: Option<&'static Qualifier>,
}

impl<'a> Written<'a> {
    /// A single number with its unit and no qualifier.
    pub fn plain(value: &'a str, unit: &'a str) -> Self {
        Written { value, upper: None, unit, qualifier: None }
    }
}

/// Whether `text` holds the figure as written: `value` (not as the tail of a longer number) followed by `unit`,
/// spaces allowed between; a range with its mark and upper bound (`4.5%-5%`, `4.5-5%`); and its qualifier where
/// the report writes it (`约 78 亿元`, `1 亿余元`, `30 余家`, `120 余万人`, `5% 左右`).
pub fn figure_in(text: &str, figure: &Written<'_>) -> bool {
    figure_at(text, figure).is_some()
}

/// Whether `text` gives the figure as a running total: 累计 before it in its clause (`累计打击涉恶集团6个、涉恶团伙16个`
/// makes both running totals; `新增上市企业 2 家、累计 25 家` only the second). `None` when the figure is not in `text`.
pub fn running_total_said(text: &str, figure: &Written<'_>) -> Option<bool> {
    let at = figure_at(text, figure)?;
    let clause = text[..at].rsplit(['，', '。', '；', '：', ',', ';', ':']).next().unwrap_or_default();
    Some(clause.contains("累计"))
}

/// The unit of a place in a ranking, which the report writes as an ordinal before its number: 第七 is the value 7
/// of unit 第 (总量全市第七, 位居全市第一).
pub const RANK_UNIT: &str = "第";

/// The marks between the bounds of a range.
pub const RANGE_MARKS: &[char] = &['-', '—', '–', '~', '～', '至'];

fn trim_spaces(text: &str) -> &str {
    text.trim_start_matches([' ', '\u{3000}'])
}

/// `text` after `value` standing at its start and not followed by a digit.
fn after_number<'t>(text: &'t str, value: &str) -> Option<&'t str> {
    let rest = text.strip_prefix(value)?;
    (!rest.starts_with(|c: char| c.is_ascii_digit() || c == '.')).then(|| trim_spaces(rest))
}

/// Where `text` holds the figure (the byte offset of its number), as [`figure_in`] reads it.
fn figure_at<'t>(text: &'t str, figure: &Written<'_>) -> Option<usize> {
    let place = figure.qualifier.map(|q| q.place);
    if figure.unit == RANK_UNIT {
        // 第七 for 7, read with the parser of the report's numbering: 第七十 is 70, and 第一百 no rank of 1.
        let value: u32 = figure.value.parse().ok()?;
        return text.match_indices(RANK_UNIT).map(|(i, _)| i).find(|&i| {
            let after = &text[i + RANK_UNIT.len()..];
            figure.qualifier.is_none()
                && figure.upper.is_none()
                && chinese_number(after)
                    .is_some_and(|(n, len)| n == value && !after[len..].starts_with(['百', '千', '万']))
        });
    }
    // The unit as written: with 余 or 多 after its power of ten (`1 亿余元`) or before it (`120 余万人`).
    let (_, base) = split_unit(figure.unit);
    let power = &figure.unit[..figure.unit.len() - base.len()];
    let units: Vec<String> = match figure.qualifier {
        Some(q) if q.place == QualifierPlace::InUnit => {
            let mut units = vec![format!("{power}{}{base}", q.word)];
            if !power.is_empty() {
                units.push(format!("{}{power}{base}", q.word));
            }
            units
        }
        _ => vec![figure.unit.to_owned()],
    };
    let unit_then = |rest: &'t str| -> Option<&'t str> {
        units.iter().find_map(|u| rest.strip_prefix(u.as_str())).filter(|after| match figure.qualifier {
            Some(q) if q.place == QualifierPlace::After => trim_spaces(after).starts_with(q.word),
            _ => true,
        })
    };
    text.match_indices(figure.value).map(|(i, _)| i).find(|&i| {
        let lead = text[..i].trim_end_matches([' ', '\u{3000}']);
        let before_ok = !text[..i].ends_with(|c: char| c.is_ascii_digit() || c == '.')
            && (place != Some(QualifierPlace::Before) || figure.qualifier.is_some_and(|q| lead.ends_with(q.word)));
        let Some(after) = after_number(&text[i..], figure.value) else { return false };
        let after = match figure.upper {
            None => Some(after),
            Some(upper) => {
                // The lower bound with or without the unit, then the mark and the upper bound.
                let after = trim_spaces(unit_then(after).unwrap_or(after));
                after.strip_prefix(RANGE_MARKS).and_then(|rest| after_number(trim_spaces(rest), upper))
            }
        };
        before_ok && after.and_then(unit_then).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str, value: &str, unit: &str) -> bool {
        figure_in(text, &Written::plain(value, unit))
    }

    fn qualified(text: &str, value: &str, unit: &str, word: &str) -> bool {
        let qualifier = Qualifier::parse(word).expect("a qualifier of the genre");
        figure_in(text, &Written { value, upper: None, unit, qualifier })
    }

    #[test]
    fn a_rank_is_the_ordinal_the_report_writes() {
        assert!(plain("总量全市第七、增幅第四", "7", RANK_UNIT));
        assert!(plain("总量全市第七、增幅第四", "4", RANK_UNIT));
        assert!(plain("位居全市第一", "1", RANK_UNIT));
        assert!(plain("排名第十二", "12", RANK_UNIT));
        assert!(plain("排名第二十", "20", RANK_UNIT));
        assert!(!plain("总量全市第七", "6", RANK_UNIT));
        assert!(!plain("排名第十二", "10", RANK_UNIT), "第十二 is not 第十");
        assert!(!plain("第七十", "7", RANK_UNIT));
        assert!(!plain("第七", "7.5", RANK_UNIT));
    }

    #[test]
    fn a_running_total_is_said_by_its_clause() {
        let text = "新增上市企业 2 家、累计 25 家";
        assert_eq!(running_total_said(text, &Written::plain("2", "家")), Some(false));
        assert_eq!(running_total_said(text, &Written::plain("25", "家")), Some(true));
        let list = "全面开展公共安全综合整治，累计检查企业 7.2 万余处、查处隐患 4.3 万处";
        assert_eq!(running_total_said(list, &Written::plain("4.3", "万处")), Some(true));
        assert_eq!(running_total_said("累计达47个。新建3个", &Written::plain("3", "个")), Some(false));
        assert_eq!(running_total_said(text, &Written::plain("9", "家")), None);
    }

    #[test]
    fn figures_are_found_with_their_unit() {
        assert!(plain("税收总收入539.5亿元、增长2.1%", "539.5", "亿元"));
        assert!(plain("增长 6%", "6", "%"));
        assert!(!plain("增长 16%", "6", "%"));
        assert!(!plain("增长 6.5%", "6", "%"));
        assert!(!plain("539.5亿美元", "539.5", "亿元"));
        assert!(plain("为80万重点群体提供就业帮扶", "80", "万"), "a bare power of ten");
    }

    #[test]
    fn a_range_is_found_with_both_bounds() {
        let range = |text: &str, value: &str, upper: &str, unit: &str| {
            figure_in(text, &Written { value, upper: Some(upper), unit, qualifier: None })
        };
        assert!(range("地区生产总值年均增速4.5%-5%", "4.5", "5", "%"));
        assert!(range("增长5%—5.5%", "5", "5.5", "%"));
        assert!(range("增长4.5-5%", "4.5", "5", "%"));
        assert!(!range("增长4.5-5%", "4.5", "6", "%"));
        assert!(!range("增长4.5%", "4.5", "5", "%"));
    }
    #[test]
    fn decimals_are_written_in_canonical_form() {
        assert_eq!(canonical_decimal("42.0"), "42");
        assert_eq!(canonical_decimal("41.550"), "41.55");
        assert_eq!(canonical_decimal("539.5"), "539.5");
        assert_eq!(canonical_decimal("51500"), "51500");
    }

    #[test]
    fn qualified_figures_are_found_as_written() {
        assert!(qualified("全年减税约 78 亿元", "78", "亿元", "约"));
        assert!(!qualified("全年减税 78 亿元", "78", "亿元", "约"));
        assert!(qualified("收费 1 亿余元", "1", "亿元", "余"));
        assert!(qualified("为 30 余家单位", "30", "家", "余"));
        assert!(qualified("检查企业 7.2 万余处", "7.2", "万处", "余"));
        assert!(qualified("惠及 120 余万人", "120", "万人", "余"));
        assert!(!qualified("检查企业 7.2 万处", "7.2", "万处", "余"));
        assert!(!plain("收费 1 亿余元", "1", "亿元"));
        assert!(qualified("新建8000多个", "8000", "个", "多"));
        assert!(qualified("增长5%左右", "5", "%", "左右"));
        assert!(!qualified("增长5%", "5", "%", "左右"));
        assert!(qualified("新就业群体近300万人", "300", "万人", "近"));
        assert!(qualified("粮食产量1300亿斤以上", "1300", "亿斤", "以上"));
        assert!(qualified("控制在3.5%以内", "3.5", "%", "以内"));
        assert!(qualified("不低于90%", "90", "%", "不低于"));
    }

    #[test]
    fn units_carry_their_power_of_ten() {
        assert_eq!(split_unit("亿元"), (8, "元"));
        assert_eq!(split_unit("万平方米"), (4, "平方米"));
        assert_eq!(split_unit("%"), (0, "%"));
        assert_eq!(split_unit("万亿元"), (12, "元"));
        assert_eq!(split_unit("千万元"), (7, "元"));
        assert_eq!(split_unit("万"), (4, ""), "a bare power of ten is a count without a unit");
    }

    #[test]
    fn decimals_are_plain() {
        assert!(is_decimal("539.5") && is_decimal("51500"));
        assert!(!is_decimal("5.") && !is_decimal("1,000") && !is_decimal("-3") && !is_decimal(""));
    }

    #[test]
    fn slugs_are_checked() {
        let p = Location::file("x.csv");
        assert!(slug(&p, "huawei-rd-centre").is_ok());
        for bad in ["Huawei", "a--b", "-a", "a_b", "华为"] {
            assert!(matches!(slug(&p, bad), Err(DataError::BadValue { .. })), "{bad}");
        }
    }
}
