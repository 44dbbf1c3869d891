use super::*;
use crate::source::Source;

fn figures(text: &str, kind: Option<PartKind>) -> Vec<Figure> {
    let source = Source::new("t.md", text.to_owned());
    let mut locator = Locator::new(&source);
    locator.enter(0);
    let context = Context { paragraph: 0, section: None, kind, year: Some(2019) };
    let mut out = Vec::new();
    in_paragraph(&source.paragraphs[0].text, &context, &locator, &mut out);
    out
}

fn summary(figures: &[Figure]) -> Vec<(String, String, String)> {
    figures.iter().map(|f| (f.value.clone(), f.unit.clone(), f.indicator.clone())).collect()
}

fn triple(value: &str, unit: &str, indicator: &str) -> (String, String, String) {
    (value.into(), unit.into(), indicator.into())
}

#[test]
fn growth_rates_follow_their_phrase_or_figure() {
    let found = figures("预计地区生产总值增长5.7%。实现税收总收入539.5亿元、增长2.1%。", Some(PartKind::Review));
    assert_eq!(
        summary(&found),
        [
            triple("5.7", "%", "地区生产总值增长"),
            triple("539.5", "亿元", "税收总收入"),
            triple("2.1", "%", "税收总收入增长")
        ]
    );
    assert_eq!(found[0].kind, FigureKind::Estimate);
    assert_eq!(found[0].growth.as_ref().map(|g| (g.of.as_str(), g.figure)), Some(("地区生产总值", None)));
    assert_eq!(found[1].kind, FigureKind::Result);
    assert_eq!(found[1].multiplier, 8);
    assert_eq!(found[1].base_unit, "元");
    assert_eq!(found[1].spans[0].exact, "实现税收总收入539.5亿元");
    assert_eq!(found[2].growth, Some(Growth { verb: "增长".into(), of: "税收总收入".into(), figure: Some(1) }));
    assert_eq!(found[2].evidence, "实现税收总收入539.5亿元、增长2.1%");
}

#[test]
fn percentage_points_after_a_comparison_are_growth_of_the_figure_before() {
    let found = figures("环境空气质量指数（AQI）优良率77.5%、较上年提高4.9个百分点，", None);
    assert_eq!(found[1].unit, "个百分点");
    assert_eq!(found[1].indicator, "环境空气质量指数（AQI）优良率提高");
    assert_eq!(found[1].growth.as_ref().and_then(|g| g.figure), Some(0));
}

#[test]
fn a_list_of_figures_shares_its_indicator() {
    let found = figures("项目分别完成总体工程量的39.5%、46.8%和22%，民用航空、软件信息业税收增长40%和33.9%。", None);
    let indicators: Vec<_> = found.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(
        indicators,
        [
            "项目分别完成总体工程量",
            "项目分别完成总体工程量",
            "项目分别完成总体工程量",
            "软件信息业税收增长",
            "软件信息业税收增长"
        ]
    );
    assert!(found[4].growth.is_some());
}

#[test]
fn approximate_figures_keep_their_qualifier() {
    let found = figures("全年减税约 78 亿元，停征收费 1 亿余元，为 30 余家单位落实用房，检查企业 7.2 万余处。", None);
    let approx: Vec<_> =
        found.iter().map(|f| (f.value.as_str(), f.unit.as_str(), f.multiplier, f.approximation)).collect();
    use Approximation::{About, MoreThan};
    assert_eq!(
        approx,
        [
            ("78", "亿元", 8, Some(About)),
            ("1", "亿元", 8, Some(MoreThan)),
            ("30", "家", 0, Some(MoreThan)),
            ("7.2", "万处", 4, Some(MoreThan))
        ]
    );
    assert_eq!(found[0].indicator, "减税");
    assert_eq!(found[0].spans[0].exact, "全年减税约 78 亿元");
}

#[test]
fn codes_years_ranks_and_versions_are_not_figures() {
    let text = "G318 跨线桥，5G 网络，“1+8”架构，“12345”热线，2019年，第 46 届，3.0 版，17号线，PM<sub>2.5</sub>，（2017~2019年），中 1 中 2 单元，4A级。";
    assert_eq!(summary(&figures(text, None)), []);
}

#[test]
fn the_words_after_the_unit_name_a_figure_when_none_precede_it() {
    let found = figures("新增 90 个智能安防自然村、64 栋智能安防楼宇，完成 2020 年 1000 户签约任务。", None);
    assert_eq!(
        summary(&found),
        [triple("90", "个", "智能安防自然村"), triple("64", "栋", "智能安防楼宇"), triple("1000", "户", "签约任务")]
    );
    assert_eq!(found[0].spans[0].exact, "新增 90 个智能安防自然村");
}

#[test]
fn full_width_digits_thousands_and_large_powers_are_read() {
    let found =
        figures("生产总值增长５．７％，接待游客1,200万人次，生产总值3.87万亿元，完成率 95%。", Some(PartKind::Plan));
    assert_eq!(
        summary(&found),
        [
            triple("5.7", "%", "生产总值增长"),
            triple("1200", "万人次", "接待游客"),
            triple("3.87", "万亿元", "生产总值"),
            triple("95", "%", "完成率")
        ]
    );
    assert_eq!(found[2].multiplier, 12);
    assert_eq!(found[2].base_unit, "元");
    assert!(found.iter().all(|f| f.kind == FigureKind::Target));
}

#[test]
fn linking_verbs_come_off_the_phrase() {
    let found = figures("绿色食品认证率提高至22.9%，全流程审批时间压缩至 100 天，森林覆盖率（陆域）达到17.2%。", None);
    let indicators: Vec<_> = found.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(indicators, ["绿色食品认证率", "全流程审批时间", "森林覆盖率（陆域）"]);
    assert!(found.iter().all(|f| f.growth.is_none()));
}
