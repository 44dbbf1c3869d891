//! Figures: numbers with a unit, read with the words before them.
//!
//! A figure is a number (ASCII or full-width digits, `1,000` and `539.5` kept as written) followed by a power of
//! ten (万 4, 亿 8, 万亿 12), 余 where the report gives a lower bound, and a unit of a closed list of units and
//! measure words (`亿元`, `%`, `个百分点`, `万平方米`, `户次`, `微克/立方米` …). Years (`2019年`), ordinals
//! (`第46届`), codes (`G318`, `5G`, `“1+8”`) and ranges are not figures. The indicator is the phrase before the
//! number, back to the previous clause punctuation or figure, with leading verbs (实现, 完成, 新增 …) and
//! trailing links (达到, 分别为, 的 …) taken off; where nothing is left, the words after the unit
//! (`新增 90 个智能安防自然村`). A percentage or a number of percentage points after 增长, 下降, 提高, 减少 …
//! is a growth rate: of the phrase before the verb, or, where the verb stands alone (`539.5亿元、增长2.1%`),
//! of the figure it follows. A figure right after another one, joined by 、 or 和 (`39.5%、46.8%和22%`),
//! shares its indicator. The kind comes from the part: a plan's figures are targets, the others results, and
//! any figure of a sentence that says 预计 is an estimate.

mod scan;

use super::structure::{Context, PartKind};
use super::text::{after_last, clause, first_from, is_clause_mark, is_sentence_end, is_trimmed};
use crate::source::{Locator, Span};
use crate::values::{Approximation, FigureKind};
use scan::{Raw, scan};

/// A figure of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The number, in ASCII digits (`539.5`): an `xsd:decimal` lexical form.
    pub value: String,
    /// The unit as written after the number, without 余 (`亿元`, `万平方米`, `%`).
    pub unit: String,
    /// The unit without its power of ten (`元`); empty when the report writes the power alone (`2487万`).
    pub base_unit: String,
    /// The power of ten of the written unit: 亿 8, 万 4.
    pub multiplier: u8,
    /// 约 before the number (about), 余 after the power of ten (more than).
    pub approximation: Option<Approximation>,
    pub kind: FigureKind,
    /// The year it is of.
    pub period: Option<u16>,
    /// The indicator phrase (`税收总收入`; for a growth rate `税收总收入增长`).
    pub indicator: String,
    pub growth: Option<Growth>,
    pub paragraph: usize,
    /// The innermost numbered part it stands in, as an index into the document's sections.
    pub section: Option<usize>,
    /// The code point of the number's first digit in the stored file: the figure's key.
    pub start: usize,
    /// The spans of the words read: the phrase and the figure (`实现税收总收入539.5亿元`).
    pub spans: Vec<Span>,
    /// The clause the figure stands in, as a quote for `evidence`.
    pub evidence: String,
}

/// What a growth rate is the growth of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Growth {
    /// The verb as written: 增长, 下降, 提高, 减少 ….
    pub verb: String,
    /// The indicator that grew (`税收总收入`); empty if the report does not say.
    pub of: String,
    /// The figure it follows (`539.5亿元` for `、增长2.1%`), as an index into the extraction's figures.
    pub figure: Option<usize>,
}

/// The units of a growth rate.
const GROWTH_UNITS: &[&str] = &["%", "‰", "个百分点", "百分点", "倍"];
/// The verbs of change before a growth rate.
const GROWTH_VERBS: &[&str] = &["增长", "下降", "提高", "减少", "增加", "降低", "上升", "回落", "下滑", "增幅", "降幅"];
/// Words of comparison around the verb (`较上年提高`), not part of the indicator.
const COMPARISONS: &[&str] =
    &["较上年同期", "比上年同期", "较上年", "比上年", "较去年", "比去年", "同比", "年均", "分别"];
/// Leading words taken off an indicator phrase: verbs and adverbs of the sentence, not of the indicator.
const LEADS: &[&str] =
    &["其中", "预计", "全年", "累计", "实现", "完成", "达到", "新增", "力争", "全面", "成功", "基本", "已"];
/// Trailing words taken off an indicator phrase: the links between it and the number.
#[rustfmt::skip]
const TRAILS: &[&str] = &[
    "分别为", "分别达到", "分别达", "分别", "达到", "提高至", "提高到", "降低至", "降低到", "下降至", "下降到",
    "增长至", "增长到", "增加至", "增加到", "减少至", "压缩至", "压缩到", "控制在", "保持在", "稳定在", "增至",
    "降至", "超过", "突破", "完成", "达", "为", "至", "到", "的", "了", "等",
];
/// Words after a unit that qualify the number, not name what it counts (`3.5%以内`).
const NOT_NOUNS: &[&str] = &["以内", "以上", "以下", "左右", "之内", "以来", "上下"];
/// What may stand between two figures of one list (`39.5%、46.8%和22%`).
fn is_connector(c: char) -> bool {
    c.is_whitespace() || matches!(c, '、' | '，' | ',' | '和' | '及' | '与' | '或')
}

/// Takes leading and trailing words off an indicator phrase; a word comes off when nothing or at least two
/// characters remain (`完成率` keeps its 完成).
fn simplify(phrase: &str) -> &str {
    let mut phrase = phrase.trim_matches(is_trimmed);
    let fits = |rest: &str| rest.is_empty() || rest.chars().count() >= 2;
    loop {
        let lead = LEADS.iter().find_map(|w| phrase.strip_prefix(w).filter(|r| fits(r.trim_start())));
        let trail = TRAILS.iter().find_map(|w| phrase.strip_suffix(w).filter(|r| fits(r.trim_end())));
        match lead.or(trail) {
            Some(rest) => phrase = rest.trim_matches(is_trimmed),
            None => return phrase,
        }
    }
}

/// Takes words of comparison (`较上年`, `同比`) off both ends of a phrase.
fn without_comparison(mut phrase: &str) -> &str {
    while let Some(rest) = COMPARISONS.iter().find_map(|w| phrase.strip_prefix(w).or_else(|| phrase.strip_suffix(w))) {
        phrase = rest.trim_matches(is_trimmed);
    }
    phrase
}

/// Whether a phrase names something: two letters or more that are not 年, 月, 日.
fn meaningful(phrase: &str) -> bool {
    phrase.chars().filter(|&c| c.is_alphabetic() && !matches!(c, '年' | '月' | '日')).count() >= 2
}

/// Reads the figures of one paragraph (not of the glossary) into `out`.
pub(super) fn in_paragraph(text: &str, context: &Context, locator: &Locator<'_>, out: &mut Vec<Figure>) {
    let raws = scan(text);
    let first = out.len();
    // Where the words read for each figure end: a figure's noun after its unit is not the next one's phrase.
    let mut read_to: Vec<usize> = Vec::with_capacity(raws.len());
    let mut read_from: Vec<usize> = Vec::with_capacity(raws.len());
    for (n, raw) in raws.iter().enumerate() {
        let sentence_start = after_last(text, raw.lead, is_sentence_end);
        let punctuation = after_last(text, raw.lead, is_clause_mark);
        let before = n.checked_sub(1).map(|p| (&raws[p], read_to[p], first + p));
        let next_lead = raws.get(n + 1).map_or(text.len(), |r| r.lead);
        let noun = noun_after(text, raw.end, next_lead);
        let words = Words {
            raw,
            from_noun: punctuation.max(before.map_or(0, |b| b.1)),
            from_figure: punctuation.max(before.map_or(0, |b| b.0.end)),
            noun,
        };
        // The figure before, if it stands in the same sentence.
        let previous = before.filter(|b| b.0.end > sentence_start);
        let (indicator, growth, from, to) = match previous {
            Some((_, read, index)) if text[read..raw.lead].chars().all(is_connector) && noun.is_none() => {
                let figure = &out[index];
                (figure.indicator.clone(), figure.growth.clone(), raw.lead, raw.end)
            }
            _ => read_phrase(text, &words, previous.map(|(_, _, index)| (index, &out[index]))),
        };
        read_to.push(to);
        read_from.push(from);
        // A growth rate of the figure before is quoted with it (`152.7亿元,增长5.2%`).
        let quoted_from = match growth.as_ref().and_then(|g| g.figure).and_then(|i| i.checked_sub(first)) {
            Some(local) if local < n => read_from[local].min(from),
            _ => from,
        };
        let estimate = text[sentence_start..raw.lead].contains("预计");
        let kind = match (estimate, context.kind) {
            (true, _) => FigureKind::Estimate,
            (false, Some(PartKind::Plan)) => FigureKind::Target,
            (false, _) => FigureKind::Result,
        };
        out.push(Figure {
            value: raw.value.clone(),
            unit: raw.unit.clone(),
            base_unit: raw.base_unit.clone(),
            multiplier: raw.multiplier,
            approximation: raw.approximation,
            kind,
            period: context.year,
            indicator,
            growth,
            paragraph: context.paragraph,
            section: context.section,
            start: locator.char_at(raw.number),
            spans: locator.spans(from, to),
            evidence: clause(text, quoted_from, to).to_owned(),
        });
    }
}

/// The words around one figure.
struct Words<'a> {
    raw: &'a Raw,
    /// Where its phrase may start: after the clause punctuation, or the words read for the figure before.
    from_noun: usize,
    /// Where its phrase may start when the figure before read its noun: after that figure's unit.
    from_figure: usize,
    /// The noun after its unit (`个智能安防自然村`), as a byte range, if it names something.
    noun: Option<(usize, usize)>,
}

/// The words after a unit up to the clause punctuation or the next figure (at most 20 characters), if they
/// name something (`90 个智能安防自然村`).
fn noun_after(text: &str, end: usize, next_lead: usize) -> Option<(usize, usize)> {
    let punctuation = first_from(text, end, is_clause_mark);
    let words = text[end..punctuation.min(next_lead)].trim_start_matches(is_trimmed);
    let words = words.char_indices().nth(20).map_or(words, |(i, _)| &words[..i]);
    // Cut at the next figure, the words end with what joins the two (`49 个存量基地和 12 个`).
    let words =
        if next_lead < punctuation { words.trim_end().trim_end_matches(['和', '及', '与', '或']) } else { words };
    let words = NOT_NOUNS.iter().find_map(|w| words.strip_prefix(w)).unwrap_or(words);
    let noun = simplify(words);
    let at = end + text[end..].find(noun)?;
    meaningful(noun).then_some((at, at + noun.len()))
}

/// The indicator (and growth) of a figure from the words before it and after it, and the byte range read.
fn read_phrase(
    text: &str,
    words: &Words<'_>,
    previous: Option<(usize, &Figure)>,
) -> (String, Option<Growth>, usize, usize) {
    let raw = words.raw;
    let before = text[words.from_noun..raw.lead].trim_start_matches(is_trimmed);
    let from = raw.lead - before.len();
    let phrase = before.trim_end_matches(is_trimmed);
    let core = phrase.trim_end_matches('了');
    let core = ["为", "达"].iter().find_map(|w| core.strip_suffix(w)).unwrap_or(core);
    let verb = GROWTH_UNITS
        .contains(&raw.base_unit.as_str())
        .then(|| GROWTH_VERBS.iter().find(|v| core.ends_with(*v)))
        .flatten();
    if let Some(verb) = verb {
        let of = simplify(without_comparison(&core[..core.len() - verb.len()]));
        let growth = match previous {
            // A growth rate after a growth rate (`增长 3.6%，五年年均增长 6.9%`) is of the same indicator.
            Some((index, figure)) if !meaningful(of) => match &figure.growth {
                Some(before) => Growth { verb: (*verb).to_owned(), of: before.of.clone(), figure: before.figure },
                None => Growth { verb: (*verb).to_owned(), of: figure.indicator.clone(), figure: Some(index) },
            },
            _ => Growth { verb: (*verb).to_owned(), of: of.to_owned(), figure: None },
        };
        return (format!("{}{verb}", growth.of), Some(growth), from, raw.end);
    }
    let label = simplify(phrase);
    match words.noun {
        // The number counts the noun after it; the words before qualify it (`启动7个区级美丽乡村示范村建设`).
        Some((start, end)) if meaningful(label) => (format!("{label}{}", &text[start..end]), None, from, end),
        Some((start, end)) => (text[start..end].to_owned(), None, from, end),
        None if meaningful(label) => (label.to_owned(), None, from, raw.end),
        None => {
            // After a figure whose noun was read, the words from its unit on (`13 个地块完成 7 个`).
            let words_from_figure = simplify(&text[words.from_figure..raw.lead]);
            let label = if meaningful(words_from_figure) {
                words_from_figure
            } else if phrase.is_empty() {
                clause(text, raw.lead, raw.end)
            } else {
                phrase
            };
            (label.to_owned(), None, from, raw.end)
        }
    }
}

#[cfg(test)]
mod tests;
