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
//! shares its indicator; a list before 分别 gives each figure of the list after it its own indicator, in order
//! (`诉求解决率、满意率分别达97.3%和97.7%`; in `新能源汽车、节能家电零售额分别增长21.2%、39.5%` the first item takes
//! the last one's head noun, 零售额). `从X增加到Y` makes Y a value of X's indicator; where the period is a span of
//! years (`“十四五”时期`), X is of the year before it and Y of its last year.
//!
//! The period is the one the words before the figure name ([`periods`](super::periods)), else its part's. The
//! kind follows from it: a figure of a sentence that says 预计 is an estimate, one of a period before the
//! report's year a result, one of the report's year or later a target; where no period is known, a plan's
//! figures are targets and the others results.

mod scan;

use super::periods;
use super::structure::{Context, PartKind};
use super::text::{after_last_in, back, clause_range, first_in, is_clause_mark, is_sentence_end, is_trimmed};
use crate::facts::cells::Written;
use crate::facts::cells::split_unit;
use crate::source::{Locator, Span};
use crate::values::{FigureKind, Period, Qualifier, QualifierPlace};
use scan::{Raw, scan};

/// A figure of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The number, in ASCII digits (`539.5`): an `xsd:decimal` lexical form.
    pub value: String,
    /// The unit as written after the number, without 余 (`亿元`, `万平方米`, `%`).
    pub unit: String,
    /// The power of ten of the written unit: 亿 8, 万 4.
    pub multiplier: u8,
    /// The upper bound of a range (`5` of `4.5%-5%`); `value` is the lower one.
    pub upper: Option<String>,
    /// The word that qualifies the number (约, 余, 多, 左右, 以上, 近 …), where the report gives one.
    pub qualifier: Option<&'static Qualifier>,
    pub kind: FigureKind,
    /// The year or years it is of.
    pub period: Option<Period>,
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
    /// Where the clause the figure stands in, its quote for `evidence`, lies in its paragraph's text (bytes;
    /// [`Figure::evidence`]).
    pub clause: std::ops::Range<usize>,
}

impl Figure {
    /// The unit without its power of ten (`元` of `亿元`); empty when the report writes the power alone (`2487万`).
    pub fn base_unit(&self) -> &str {
        split_unit(&self.unit).1
    }

    /// The clause the figure stands in, from its paragraph's text.
    pub fn evidence<'t>(&self, paragraph: &'t str) -> &'t str {
        &paragraph[self.clause.clone()]
    }

    /// The figure as a row writes it.
    pub fn written(&self) -> Written<'_> {
        Written { value: &self.value, upper: self.upper.as_deref(), unit: &self.unit, qualifier: self.qualifier }
    }

    /// What it is of: the indicator, or for a growth rate what grew.
    fn subject(&self) -> &str {
        self.growth.as_ref().map_or(&self.indicator, |g| &g.of)
    }
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
const COMPARISONS: &[&str] = &["较上年同期", "比上年同期", "较上年", "比上年", "较去年", "比去年", "同比", "分别"];
/// Leading words taken off an indicator phrase: verbs and adverbs of the sentence, not of the indicator (新增 is
/// of the indicator: `新增上市公司5家` counts the new ones, not all of them).
const LEADS: &[&str] =
    &["其中", "预计", "全年", "累计", "实现", "完成", "达到", "力争", "确保", "全面", "成功", "基本", "已"];
/// What makes 基本 an adverb of the sentence (`基本实现`), not the first word of a term (`基本养老保险参保率`).
const BASIC_VERBS: &[&str] = &["实现", "完成", "建成", "形成", "消除", "达到", "解决", "覆盖", "具备", "保持", "稳定"];
/// Verbs of what is new that a list writes once, before its first item, for all of them
/// (`新增科技型中小企业7227家、高新技术企业3200家`).
#[rustfmt::skip]
const NEW_LEADS: &[&str] = &[
    "新增", "新培育", "新建", "新引进", "新认定", "新开工", "新招引", "新创建", "新获批", "新设立", "新开通", "新改建",
];
/// Words that compare the figure before with another (`增长7.6%，高于全国1.7个百分点`): the comparison is of
/// that figure's indicator.
const COMPARED: &[&str] = &["高于", "低于", "快于", "慢于", "优于", "超出"];
/// The totals a clause gives after a count (`项目325个、总投资近2400亿元`): of what was counted.
const TOTALS: &[&str] = &["总投资", "总投资额", "计划总投资", "投资总额"];
/// Words that say a figure is of the subject of the figure before (`…连跨4个万亿元台阶、双双突破9万亿元`).
const SAME_SUBJECT: &[&str] = &["双双", "均", "都", "各", "全部"];
/// Qualifiers before a number that say a bound was passed (`突破3万亿元`): of a level, where a stock passed it.
const PASSED: &[&str] = &["突破", "超过", "超", "逾"];
/// Head nouns of a stock or a yearly level (`地区生产总值`, `通车里程`, `贷款余额`).
#[rustfmt::skip]
const STOCKS: &[&str] = &[
    "总量", "总数", "规模", "里程", "装机", "余额", "产值", "增加值", "营收", "收入", "生产总值", "面积", "长度",
    "吞吐量", "总额", "容量", "保有量", "储量",
];
/// Words of a flow: what is new, done or given each year or over the years.
const FLOWS: &[&str] = &["新增", "年均", "每年", "累计"];
/// Words before a number that make it a level reached, not a flow.
const LEVEL_LINKS: &[&str] = &[
    "达到",
    "达",
    "增至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "扩大到",
    "扩大至",
    "上升到",
    "上升至",
    "减少到",
    "减少至",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "升至",
    "降至",
    "下降到",
    "下降至",
    "降低到",
    "降低至",
];
/// Whether the words before a number end with a verb that links it as a level or a bound (`达`, `增至`, `超过`).
fn linked(before: &str) -> bool {
    let before = before.trim_end();
    LEVEL_LINKS.iter().chain(&["为", "超过", "突破", "超"]).any(|w| before.ends_with(w))
}

/// Verbs of a cause before what it drives.
const CAUSES: &[&str] = &["带动", "拉动", "推动", "促进", "助推", "助力"];
/// Trailing words taken off an indicator phrase: the links between it and the number.
#[rustfmt::skip]
const TRAILS: &[&str] = &[
    "分别为", "分别达到", "分别达", "分别", "达到", "提高至", "提高到", "提升至", "提升到", "上升至", "上升到",
    "扩大至", "扩大到", "缩小至", "缩小到", "缩短至", "缩短到", "降低至", "降低到", "下降至", "下降到",
    "增长至", "增长到", "增加至", "增加到", "减少至", "压缩至", "压缩到", "控制在", "保持在", "稳定在", "增至",
    "降至", "超过", "突破", "完成", "达", "为", "至", "到", "的", "了", "等", "从", "由", "双双", "均", "都",
    "预计", "持续", "继续", "始终", "有望",
];
/// Words after a unit that qualify the number, not name what it counts (`3.5%以内`).
const NOT_NOUNS: &[&str] = &["以内", "以上", "以下", "左右", "之内", "以来", "上下"];
/// Verbs that end the noun after a unit: what the sentence goes on to say of it.
#[rustfmt::skip]
const NOUN_ENDS: &[&str] = &[
    "提供", "开展", "实施", "享受", "落实", "进行", "接受", "获得", "发放", "办理", "惠及", "参加", "参与", "纳入",
    "实现", "完成", "达到", "覆盖", "入选", "获评", "通过",
];
/// Words that open the rest of a sentence, not a noun.
const CONJUNCTIONS: &[&str] = &["并", "且", "同时", "进一步", "逐步", "持续", "力争"];
/// What may stand between two figures of one list (`39.5%、46.8%和22%`).
fn is_connector(c: char) -> bool {
    c.is_whitespace() || matches!(c, '、' | '，' | ',' | '和' | '及' | '与' | '或')
}

/// Takes leading and trailing words off an indicator phrase; a word comes off when nothing or at least two
/// characters remain (`完成率` keeps its 完成).
fn simplify(phrase: &str) -> &str {
    let mut phrase = phrase.trim_matches(is_trimmed);
    if phrase.is_empty() {
        return phrase;
    }
    // The number of a list's item (`7.实施公路安全生命防护工程`): of the list, not of the indicator.
    let digits = phrase.len() - phrase.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0
        && let Some(rest) = phrase[digits..].strip_prefix(['.', '．', '、'])
        && !rest.starts_with(|c: char| c.is_ascii_digit())
    {
        phrase = rest.trim_start();
    }
    // What a cause drives is the indicator (`消费品以旧换新带动限上新能源汽车零售额`).
    if let Some((at, verb)) = CAUSES.iter().filter_map(|v| phrase.rfind(v).map(|at| (at, v))).max()
        && meaningful(&phrase[at + verb.len()..])
    {
        phrase = &phrase[at + verb.len()..];
    }
    let fits = |rest: &str| rest.is_empty() || rest.chars().count() >= 2;
    loop {
        let lead = LEADS.iter().find_map(|w| {
            let rest = phrase.strip_prefix(w).filter(|r| fits(r.trim_start()))?;
            (*w != "基本" || BASIC_VERBS.iter().any(|v| rest.starts_with(v))).then_some(rest)
        });
        // 均 of 平均 is no adverb (`高于全国平均`).
        let trail = TRAILS
            .iter()
            .find_map(|w| phrase.strip_suffix(w).filter(|r| fits(r.trim_end()) && !(*w == "均" && r.ends_with('平'))));
        // The year a change starts from (`农产品加工转化率从2020年的`): of the value, not of the indicator.
        let baseline = || strip_year(phrase).strip_suffix(['从', '由']).filter(|r| fits(r.trim_end()));
        // The year the figure is of, before it (`到2030年人均地区生产总值`): its period, not its indicator.
        let year = || {
            let rest = phrase.strip_prefix('到').unwrap_or(phrase);
            let digits = rest.get(..4).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
            rest[digits.len()..].strip_prefix('年').filter(|r| fits(r.trim_start()))
        };
        match lead.or(trail).or_else(baseline).or_else(year) {
            Some(rest) => phrase = rest.trim_matches(is_trimmed),
            None => return phrase,
        }
    }
}

/// Takes words of comparison (`较上年`, `同比`) off both ends of a phrase.
fn without_comparison(mut phrase: &str) -> &str {
    // A comparison with a time (`死亡人数较“十三五”同期下降`): what grew is before it.
    if let Some(at) = phrase.rfind('较')
        && ["上年", "去年", "同期", "年", "末", "十三五", "十四五"].iter().any(|w| phrase[at..].contains(w))
        && meaningful(&phrase[..at])
    {
        phrase = phrase[..at].trim_end();
    }
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
    let mut raws = scan(text);
    let first = out.len();
    let cues = periods::Cues::of(text, context.report_year);
    // Every search below looks back no further than the figure before, and ahead no further than the next one,
    // so that the paragraph is read in time linear in its length however its figures are laid out.
    let mut sentence_start = 0;
    let mut read_up_to = 0;
    // The last 预计 read so far: the text between two figures is searched once.
    let mut estimate_at: Option<usize> = None;
    // The first figure of the list each figure stands in (itself if it opens one).
    let mut lists: Vec<usize> = Vec::with_capacity(raws.len());
    // Where the words read for each figure end: a figure's noun after its unit is not the next one's phrase.
    let mut read_to: Vec<usize> = Vec::with_capacity(raws.len());
    let mut read_from: Vec<usize> = Vec::with_capacity(raws.len());
    out.reserve(raws.len());
    for n in 0..raws.len() {
        let raw = &raws[n];
        sentence_start = after_last_in(text, read_up_to, raw.lead, is_sentence_end).unwrap_or(sentence_start);
        if let Some(at) = text[read_up_to..raw.lead].rfind("预计") {
            estimate_at = Some(read_up_to + at);
        }
        let floor = n.checked_sub(1).map_or(0, |p| raws[p].end);
        let punctuation = after_last_in(text, floor, raw.lead, is_clause_mark).unwrap_or(0);
        let punctuation = coordinated_from(text, floor, sentence_start, punctuation, raw.lead);
        read_up_to = raw.lead;
        let before = n.checked_sub(1).map(|p| (&raws[p], read_to[p], first + p));
        let next_lead = raws.get(n + 1).map_or(text.len(), |r| r.lead);
        let noun = noun_after(text, raw.end, next_lead);
        let words = Words {
            raw,
            from_noun: punctuation.max(before.map_or(0, |b| b.1)),
            from_figure: punctuation.max(before.map_or(0, |b| b.0.end)),
            noun,
            next_lead,
        };
        // The figure before, if it stands in the same sentence.
        let previous = before.filter(|b| b.0.end > sentence_start);
        let (indicator, growth, from, to) = match previous {
            Some((_, read, index)) if text[read..raw.lead].chars().all(is_connector) && noun.is_none() => {
                lists.push(lists[n - 1]);
                let figure = &out[index];
                (figure.indicator.clone(), figure.growth.clone(), raw.lead, raw.end)
            }
            _ => {
                lists.push(n);
                let (mut indicator, growth, from, to) =
                    read_phrase(text, &words, previous.map(|(_, _, index)| (index, &out[index])));
                // The next item of a list that opened with 新增 is new too.
                if let Some((_, read, index)) = previous
                    && read <= from
                    && text[read..from].trim() == "、"
                    && growth.is_none()
                    // An item with a verb of its own says something else (`新增发电装机…、总装机达9157万千瓦`).
                    && !linked(&text[from..raw.lead])
                    && let Some(lead) = NEW_LEADS.iter().find(|l| out[index].indicator.starts_with(*l))
                    && !NEW_LEADS.iter().any(|l| indicator.starts_with(l))
                {
                    indicator = format!("{lead}{indicator}");
                }
                (indicator, growth, from, to)
            }
        };
        read_to.push(to);
        read_from.push(from);
        // A growth rate of the figure before is quoted with it (`152.7亿元,增长5.2%`).
        let quoted_from = match growth.as_ref().and_then(|g| g.figure).and_then(|i| i.checked_sub(first)) {
            Some(local) if local < n => read_from[local].min(from),
            _ => from,
        };
        let period = cues.at(raw.lead, sentence_start).or(context.period).map(|period| {
            // A level reached over a span of years (`普及率97%`, `比重达46.3%`) is of its last year; a flow
            // (`年均增长5.5%`, `累计建成…`, `新增…`) is of the span.
            // A bound passed by a stock (`年营收突破200亿元`, `高速公路通车里程突破7000公里`) is a level too; by
            // a flow (`城镇新增就业超690万人`, `改造超过11万户`) it is not.
            let passed = raw.qualifier.is_some_and(|q| q.place == QualifierPlace::Before && PASSED.contains(&q.word))
                && STOCKS.iter().any(|w| indicator.ends_with(w))
                && !FLOWS.iter().any(|w| indicator.contains(w));
            let level = growth.is_none()
                && (split_unit(&raw.unit).1 == "%"
                    || passed
                    || LEVEL_LINKS.iter().any(|w| text[..raw.lead].trim_end().ends_with(w)))
                && !text[sentence_start.max(floor)..raw.lead].contains("累计");
            if period.start < period.end && level { Period { start: period.end, end: period.end } } else { period }
        });
        let estimate = estimate_at.is_some_and(|at| at >= sentence_start);
        let kind = match (period.zip(context.report_year), context.kind) {
            _ if estimate => FigureKind::Estimate,
            (Some((period, report)), _) if period.end < report => FigureKind::Result,
            (Some((period, report)), _) if period.start >= report => FigureKind::Target,
            (_, Some(PartKind::Plan)) => FigureKind::Target,
            _ => FigureKind::Result,
        };
        let start = locator.char_at(raw.number);
        // The words of the number move to the figure: what is read after this uses only where raws stand.
        let raw = &mut raws[n];
        out.push(Figure {
            value: std::mem::take(&mut raw.value),
            unit: std::mem::take(&mut raw.unit),
            multiplier: raw.multiplier,
            upper: raw.upper.take(),
            qualifier: raw.qualifier,
            kind,
            period,
            indicator,
            growth,
            paragraph: context.paragraph,
            section: context.section,
            start,
            spans: locator.spans(from, to),
            clause: clause_range(text, quoted_from, to),
        });
    }
    pair_respectively(text, &raws, &lists, &mut out[first..]);
    from_to(text, &raws, &mut out[first..]);
}

/// Where the phrase of a figure starts when the words before its phrase's 、 are subjects coordinated with it,
/// short nouns that share its head (`金融机构本外币存、贷款余额双双突破…`, `游客人数、旅游收入均增长…`): at the first of
/// them. Otherwise at `punctuation`. The subjects stand after a clause mark, or open a sentence with no figure
/// before them: words right after a figure (`20个央陕合作项目落地、总投资…`) are what that figure counted.
fn coordinated_from(text: &str, figure_end: usize, sentence_start: usize, punctuation: usize, lead: usize) -> usize {
    let Some(before) = text[..punctuation].strip_suffix('、') else { return punctuation };
    let floor = figure_end.max(sentence_start);
    if before.len() <= floor {
        return punctuation;
    }
    let mark = after_last_in(text, floor, before.len(), |c| is_clause_mark(c) && c != '、');
    let Some(start) = mark.or((figure_end <= sentence_start).then_some(sentence_start)) else { return punctuation };
    let items = &text[start..before.len()];
    let short = |item: &str| (1..=COORDINATED_ITEM).contains(&item.chars().count());
    let phrase = simplify(&text[punctuation..lead]);
    // What grew, where the phrase is of a growth (`旅游收入均增长`).
    let grown = GROWTH_VERBS.iter().find_map(|v| phrase.strip_suffix(v));
    let phrase = grown.map(|p| p.strip_suffix("年均").unwrap_or(p)).map_or(phrase, simplify);
    let head = HEADS.iter().any(|h| phrase.ends_with(h));
    // A clause that ranks (`花卉产量全球第一`, `规模最大`) is no subject.
    let noun = |item: &str| short(item) && !item.contains(['最', '第']);
    if head && items.split('、').all(noun) && !items.contains(|c: char| c.is_ascii_digit()) {
        start
    } else {
        punctuation
    }
}

/// The most characters a subject coordinated with the next by 、 may have (`游客人数`, `金融机构本外币存`).
const COORDINATED_ITEM: usize = 8;

/// How far back from a list a 分别 is looked for, in bytes (about 60 characters).
const LIST_REACH: usize = 180;

/// Head nouns of indicators that a list before 分别 may write once, on its last item (`新能源汽车、节能家电零售额`).
#[rustfmt::skip]
const HEADS: &[&str] = &[
    "零售额", "销售额", "营业收入", "收入", "增加值", "产值", "产量", "投资", "进出口", "出口", "进口", "总额",
    "规模", "面积", "人数", "占比", "比重", "比例", "指数", "增速", "率", "额", "量", "数",
];

/// Gives each figure of a list after 分别 the item of the list before it that stands in its place.
fn pair_respectively(text: &str, raws: &[Raw], lists: &[usize], figures: &mut [Figure]) {
    let mut start = 0;
    while start < raws.len() {
        let end = (start..raws.len()).find(|&i| lists[i] != lists[start]).unwrap_or(raws.len());
        if end - start > 1 {
            pair_list(text, &raws[start], &mut figures[start..end]);
        }
        start = end;
    }
}

fn pair_list(text: &str, first: &Raw, figures: &mut [Figure]) {
    let floor = back(text, first.lead, LIST_REACH);
    let clause_start = after_last_in(text, floor, first.lead, |c| is_clause_mark(c) && c != '、').unwrap_or(floor);
    let words = &text[clause_start..first.lead];
    let Some(at) = words.find("分别") else { return };
    let subjects = simplify(&words[..at]);
    let mut items: Vec<&str> = subjects.split('、').map(|i| i.trim_matches(is_trimmed)).collect();
    if items.len() < figures.len() {
        items = items.iter().flat_map(|i| i.split(['和', '及', '与'])).collect();
    }
    let last = items[items.len() - 1];
    let head = HEADS.iter().filter(|h| last.ends_with(*h) && last.len() > h.len()).max_by_key(|h| h.len());
    // An item of one character names something with the head it shares (`肉、奶产量分别稳定在…`); a numeral
    // (`一、二、三产业增加值`) is part of a word the list does not write out.
    let single = |item: &str| {
        let mut chars = item.chars();
        chars.next().is_some_and(|c| c.is_alphabetic() && !"一二三四五六七八九十".contains(c)) && chars.next().is_none()
    };
    let names = |item: &&str| meaningful(item) || (head.is_some() && single(item));
    if items.len() != figures.len() || !items.iter().all(names) {
        return;
    }
    for (figure, item) in figures.iter_mut().zip(&items) {
        let item = match head {
            Some(head) if !HEADS.iter().any(|h| item.ends_with(h)) => format!("{item}{head}"),
            _ => (*item).to_owned(),
        };
        match &mut figure.growth {
            Some(growth) => {
                figure.indicator = format!("{item}{}", growth.verb);
                growth.of = item;
                growth.figure = None;
            }
            None => figure.indicator = item,
        }
    }
}

/// Verbs of change before the second value of `从X…到Y`.
const FROM_TO: &[&str] = &[
    "增加到",
    "增长到",
    "提高到",
    "提升到",
    "上升到",
    "扩大到",
    "下降到",
    "降低到",
    "减少到",
    "增加至",
    "增长至",
    "提高至",
    "提升至",
    "上升至",
    "扩大至",
    "下降至",
    "降低至",
    "减少至",
    "整合为",
    "压减为",
    "压减至",
    "精简为",
    "达到",
    "到",
    "至",
];

/// Whether `words` link the two values of one thing (`从X增加到Y`): a link, or a link of three characters after
/// a word of how (`由71所优化整合为47所`).
fn is_link(words: &str) -> bool {
    FROM_TO.contains(&words)
        || FROM_TO
            .iter()
            .any(|w| w.chars().count() >= 3 && words.ends_with(w) && words.chars().count() <= w.chars().count() + 2)
}

/// Gives the second value of `从X增加到Y` the indicator of the first, and, where their period is a span of years,
/// the first its year before and the second its last year.
fn from_to(text: &str, raws: &[Raw], figures: &mut [Figure]) {
    for n in 1..raws.len() {
        let (a, b) = (&raws[n - 1], &raws[n]);
        let before = strip_year(text[..a.lead].trim_end_matches(is_trimmed));
        let between = strip_year(text[a.end..b.lead].trim_matches(is_trimmed));
        let opens = before.ends_with('从') || before.ends_with('由');
        if !opens || !is_link(between) {
            continue;
        }
        let (head, tail) = figures.split_at_mut(n);
        let (x, y) = (&mut head[n - 1], &mut tail[0]);
        y.indicator = x.indicator.clone();
        y.growth = None;
        if let Some(period) = x.period.filter(|p| p.start < p.end) {
            x.period = Some(Period { start: period.start - 1, end: period.start - 1 });
            y.period = Some(Period { start: period.end, end: period.end });
        }
    }
}

/// `text` without a year and 的 at its end (`从2020年的`, `增加到2025年的`).
fn strip_year(text: &str) -> &str {
    let text = text.strip_suffix('的').unwrap_or(text);
    match text.strip_suffix('年') {
        Some(rest) if rest.len() >= 4 && rest.as_bytes()[rest.len() - 4..].iter().all(u8::is_ascii_digit) => {
            &rest[..rest.len() - 4]
        }
        _ => text,
    }
}

/// The words around one figure.
struct Words<'a> {
    raw: &'a Raw,
    /// Where its phrase may start: after the clause punctuation, or the words read for the figure before.
    from_noun: usize,
    /// Where its phrase may start when the figure before read its noun: after that figure's unit.
    from_figure: usize,
    /// The noun after its unit (`个智能安防自然村`), if it names something.
    noun: Option<Noun>,
    /// Where the next figure's words start (the paragraph's end if none follows).
    next_lead: usize,
}

/// The noun after a unit, as byte offsets of the paragraph's text.
#[derive(Debug, Clone, Copy)]
struct Noun {
    start: usize,
    end: usize,
    /// Where the words the clause goes on to say of it end, where a verb ends the noun (`单位` of
    /// `12家单位入选全国首批重点培育中试平台`: after 平台).
    said: Option<usize>,
}

/// The words after a unit up to the clause punctuation or the next figure (at most 20 characters), if they
/// name something (`90 个智能安防自然村`).
fn noun_after(text: &str, end: usize, next_lead: usize) -> Option<Noun> {
    let punctuation = first_in(text, end, next_lead, is_clause_mark);
    // A share of a group (`90%的县医院`): the group is the noun.
    let words = text[end..punctuation.unwrap_or(next_lead)].trim_start_matches(is_trimmed).trim_start_matches('的');
    let whole = words.chars().count() <= 20;
    let words = words.char_indices().nth(20).map_or(words, |(i, _)| &words[..i]);
    // Cut at the next figure, the words end with what joins the two (`49 个存量基地和 12 个`).
    let words = match punctuation {
        None if next_lead < text.len() => words.trim_end().trim_end_matches(['和', '及', '与', '或']),
        _ => words,
    };
    if words.is_empty() {
        return None;
    }
    let words = NOT_NOUNS.iter().find_map(|w| words.strip_prefix(w)).unwrap_or(words);
    // Words that go on with the sentence (`不低于10%并逐步提升`), or to the next value of the same thing
    // (`由162个整合为123个`), name nothing counted.
    if CONJUNCTIONS.iter().chain(FROM_TO).any(|c| words.starts_with(c)) || is_link(words.trim_end()) {
        return None;
    }
    // The noun ends where the sentence goes on with a verb (`80万重点群体提供就业帮扶`).
    let verb = NOUN_ENDS.iter().filter_map(|v| words.find(v)).min();
    // What the clause says of it, where the words run whole to the clause's end, not into the next figure.
    let said = verb
        .filter(|_| whole && punctuation.is_some_and(|at| !text[at..].starts_with('、')))
        .map(|_| end + offset_in(&text[end..], words) + words.trim_end().len());
    let words = verb.map_or(words, |at| &words[..at]);
    let noun = simplify(words);
    let at = end + text[end..].find(noun)?;
    meaningful(noun).then_some(Noun { start: at, end: at + noun.len(), said })
}

/// The byte offset of `part`, a slice of `whole`, in `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
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
        .contains(&split_unit(&raw.unit).1)
        .then(|| GROWTH_VERBS.iter().find(|v| core.ends_with(*v)))
        .flatten();
    if let Some(verb) = verb {
        let before_verb = core[..core.len() - verb.len()].trim_end();
        // An average over years is another measure than the growth of one year (`研发人员总量年均增长11.2%`).
        let (before_verb, verb) = match before_verb.strip_suffix("年均") {
            Some(rest) => (rest, format!("年均{verb}")),
            None => (before_verb, (*verb).to_owned()),
        };
        let of = simplify(without_comparison(before_verb));
        let growth = match previous {
            // A growth rate after a growth rate (`增长 3.6%，五年年均增长 6.9%`) is of the same indicator.
            Some((index, figure)) if !meaningful(of) => match &figure.growth {
                Some(before) => Growth { verb: verb.clone(), of: before.of.clone(), figure: before.figure },
                None => Growth { verb: verb.clone(), of: figure.indicator.clone(), figure: Some(index) },
            },
            _ => Growth { verb: verb.clone(), of: of.to_owned(), figure: None },
        };
        return (format!("{}{}", growth.of, growth.verb), Some(growth), from, raw.end);
    }
    // Examples before 等 are not what is counted (`商丘等5个国家骨干冷链物流基地`): the noun after the unit is.
    let label = if words.noun.is_some() && phrase.ends_with('等') { "" } else { simplify(phrase) };
    if let Some((_, figure)) = previous
        && words.noun.is_none()
    {
        let subject = figure.subject();
        if COMPARED.iter().any(|w| label.starts_with(w)) {
            return (format!("{}{label}", figure.indicator), None, from, raw.end);
        }
        // The total of what the count before it counted (`推介项目325个、总投资近2400亿元`).
        if TOTALS.contains(&label) && figure.growth.is_none() && !["元", "%"].contains(&figure.base_unit()) {
            return (format!("{}{label}", figure.indicator), None, from, raw.end);
        }
        if SAME_SUBJECT.iter().any(|w| phrase.starts_with(w)) && !meaningful(label) && !subject.is_empty() {
            return (subject.to_owned(), None, from, raw.end);
        }
        // A word or two after a figure that counted a noun is said of that noun (`1550个省重点项目完成投资…`).
        let from_figure = simplify(&text[words.from_figure..raw.lead]);
        if label.chars().count() <= 2 && words.from_figure < words.from_noun && from_figure.len() > label.len() {
            let from = raw.lead - text[words.from_figure..raw.lead].trim_start_matches(is_trimmed).len();
            return (from_figure.to_owned(), None, from, raw.end);
        }
    }
    match words.noun {
        // The number counts the noun after it; the words before qualify it (`启动7个区级美丽乡村示范村建设`).
        Some(Noun { start, end, .. }) if meaningful(label) => {
            (format!("{label}{}", &text[start..end]), None, from, end)
        }
        // A count that opens its clause (or follows its examples, `西凤酒等5个品牌入选…`) is of the noun as
        // the clause goes on to say it (`12家单位入选全国首批重点培育中试平台`, `20项民生实事全面完成`); after
        // other words (`为80万重点群体提供就业帮扶`) the noun is an object, and counted alone.
        Some(Noun { start, said: Some(said), .. }) if phrase.is_empty() || phrase.ends_with('等') => {
            (text[start..said].to_owned(), None, from, said)
        }
        Some(Noun { start, end, .. }) => (text[start..end].to_owned(), None, from, end),
        None if meaningful(label) => (label.to_owned(), None, from, raw.end),
        None => {
            // After a figure whose noun was read, the words from its unit on (`13 个地块完成 7 个`).
            let words_from_figure = simplify(&text[words.from_figure..raw.lead]);
            let label = if meaningful(words_from_figure) {
                words_from_figure
            } else if let Some((_, figure)) = previous {
                // A figure of the same subject as the one before it (`地区生产总值…台阶、达14.2万亿元`).
                return (figure.subject().to_owned(), None, from, raw.end);
            } else if phrase.is_empty() {
                // No words of its own before or after it: its clause, up to the next figure (`超70万人次接受…培训`;
                // `2个1类创新药…` gives `2个`, never a phrase holding other figures).
                let range = clause_range(text, raw.lead, raw.end);
                &text[range.start..range.end.min(words.next_lead.max(raw.end))]
            } else {
                phrase
            };
            (label.to_owned(), None, from, raw.end)
        }
    }
}

#[cfg(test)]
mod tests;
