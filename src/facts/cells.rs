//! Cells: the value of one CSV cell, parsed and checked, or an error naming the cell.
//!
//! Ids (readable slugs), years and periods, division codes, decimals as written, units with their power of ten,
//! evidence quotes; and the checks that relate cells: whether a figure stands in its evidence, and the nearest
//! known id for a "did you mean".

use crate::document::chinese_number;
use crate::error::{DataError, Location};
use crate::values::{Approximation, Period, QUOTE_SEPARATOR, Quote};

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
    POWERS
        .iter()
        .find_map(|(prefix, power)| Some((*power, written.strip_prefix(prefix)?)))
        .filter(|(_, base)| !base.is_empty())
        .unwrap_or((0, written))
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

/// Whether `text` holds `value` (not as the tail of a longer number) followed by `unit`, spaces allowed between;
/// with an approximation, as the report writes it: `约 78 亿元`, `1 亿余元`, `30 余家`.
pub fn figure_in(text: &str, value: &str, unit: &str, approximation: Option<Approximation>) -> bool {
    figure_at(text, value, unit, approximation).is_some()
}

/// Whether `text` gives the figure as a running total: 累计 before it in its clause (`累计打击涉恶集团6个、涉恶团伙16个`
/// makes both running totals; `新增上市企业 2 家、累计 25 家` only the second). `None` when the figure is not in `text`.
pub fn running_total_said(text: &str, value: &str, unit: &str, approximation: Option<Approximation>) -> Option<bool> {
    let at = figure_at(text, value, unit, approximation)?;
    let clause = text[..at].rsplit(['，', '。', '；', '：', ',', ';', ':']).next().unwrap_or_default();
    Some(clause.contains("累计"))
}

/// The unit of a place in a ranking, which the report writes as an ordinal before its number: 第七 is the value 7
/// of unit 第 (总量全市第七, 位居全市第一).
pub const RANK_UNIT: &str = "第";

/// Where `text` holds the figure (the byte offset of its number), as [`figure_in`] reads it.
fn figure_at(text: &str, value: &str, unit: &str, approximation: Option<Approximation>) -> Option<usize> {
    if unit == RANK_UNIT {
        // 第七 for 7, read with the parser of the report's numbering: 第七十 is 70, and 第一百 no rank of 1.
        let value: u32 = value.parse().ok()?;
        return text.match_indices(RANK_UNIT).map(|(i, _)| i).find(|&i| {
            let after = &text[i + RANK_UNIT.len()..];
            approximation.is_none()
                && chinese_number(after)
                    .is_some_and(|(n, len)| n == value && !after[len..].starts_with(['百', '千', '万']))
        });
    }
    let unit = match approximation {
        Some(Approximation::MoreThan) => {
            let (power, base) = split_unit(unit);
            let prefix = &unit[..unit.len() - base.len()];
            debug_assert!(power == 0 || !prefix.is_empty());
            format!("{prefix}余{base}")
        }
        _ => unit.to_owned(),
    };
    text.match_indices(value).map(|(i, _)| i).find(|&i| {
        let lead = text[..i].trim_end_matches([' ', '\u{3000}']);
        let before_ok = !text[..i].ends_with(|c: char| c.is_ascii_digit() || c == '.')
            && (approximation != Some(Approximation::About) || lead.ends_with('约'));
        let after = text[i + value.len()..].trim_start_matches([' ', '\u{3000}']);
        let after_ok = !after.starts_with(|c: char| c.is_ascii_digit() || c == '.');
        before_ok && after_ok && after.starts_with(unit.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rank_is_the_ordinal_the_report_writes() {
        assert!(figure_in("总量全市第七、增幅第四", "7", RANK_UNIT, None));
        assert!(figure_in("总量全市第七、增幅第四", "4", RANK_UNIT, None));
        assert!(figure_in("位居全市第一", "1", RANK_UNIT, None));
        assert!(figure_in("排名第十二", "12", RANK_UNIT, None));
        assert!(figure_in("排名第二十", "20", RANK_UNIT, None));
        assert!(!figure_in("总量全市第七", "6", RANK_UNIT, None));
        assert!(!figure_in("排名第十二", "10", RANK_UNIT, None), "第十二 is not 第十");
        assert!(!figure_in("第七十", "7", RANK_UNIT, None));
        assert!(!figure_in("第七", "7.5", RANK_UNIT, None));
    }

    #[test]
    fn a_running_total_is_said_by_its_clause() {
        let text = "新增上市企业 2 家、累计 25 家";
        assert_eq!(running_total_said(text, "2", "家", None), Some(false));
        assert_eq!(running_total_said(text, "25", "家", None), Some(true));
        let list = "全面开展公共安全综合整治，累计检查企业 7.2 万余处、查处隐患 4.3 万处";
        assert_eq!(running_total_said(list, "4.3", "万处", None), Some(true));
        assert_eq!(running_total_said("累计达47个。新建3个", "3", "个", None), Some(false));
        assert_eq!(running_total_said(text, "9", "家", None), None);
    }

    #[test]
    fn figures_are_found_with_their_unit() {
        assert!(figure_in("税收总收入539.5亿元、增长2.1%", "539.5", "亿元", None));
        assert!(figure_in("增长 6%", "6", "%", None));
        assert!(!figure_in("增长 16%", "6", "%", None));
        assert!(!figure_in("增长 6.5%", "6", "%", None));
        assert!(!figure_in("539.5亿美元", "539.5", "亿元", None));
    }

    #[test]
    fn decimals_are_written_in_canonical_form() {
        assert_eq!(canonical_decimal("42.0"), "42");
        assert_eq!(canonical_decimal("41.550"), "41.55");
        assert_eq!(canonical_decimal("539.5"), "539.5");
        assert_eq!(canonical_decimal("51500"), "51500");
    }

    #[test]
    fn approximate_figures_are_found_as_written() {
        let (about, more) = (Some(Approximation::About), Some(Approximation::MoreThan));
        assert!(figure_in("全年减税约 78 亿元", "78", "亿元", about));
        assert!(!figure_in("全年减税 78 亿元", "78", "亿元", about));
        assert!(figure_in("收费 1 亿余元", "1", "亿元", more));
        assert!(figure_in("为 30 余家单位", "30", "家", more));
        assert!(figure_in("检查企业 7.2 万余处", "7.2", "万处", more));
        assert!(!figure_in("检查企业 7.2 万处", "7.2", "万处", more));
        assert!(!figure_in("收费 1 亿余元", "1", "亿元", None));
    }

    #[test]
    fn units_carry_their_power_of_ten() {
        assert_eq!(split_unit("亿元"), (8, "元"));
        assert_eq!(split_unit("万平方米"), (4, "平方米"));
        assert_eq!(split_unit("%"), (0, "%"));
        assert_eq!(split_unit("万亿元"), (12, "元"));
        assert_eq!(split_unit("千万元"), (7, "元"));
        assert_eq!(split_unit("万"), (0, "万"), "a bare multiplier is no unit");
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
