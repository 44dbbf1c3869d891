use super::*;
use crate::source::Source;
use crate::values::Period;

fn figures(text: &str, kind: Option<PartKind>) -> Vec<Figure> {
    figures_of(text, kind, 2020)
}

/// The figures of `text` in a part of `kind`, in the report of `report_year`.
fn figures_of(text: &str, kind: Option<PartKind>, report_year: u16) -> Vec<Figure> {
    let source = Source::new("t.md", text.to_owned());
    let mut locator = Locator::new(&source);
    locator.enter(0);
    let year = if kind == Some(PartKind::Plan) { report_year } else { report_year - 1 };
    let period = Some(Period { start: year, end: year });
    let context = Context { paragraph: 0, section: None, kind, period, report_year: Some(report_year) };
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
    let text = "预计地区生产总值增长5.7%。实现税收总收入539.5亿元、增长2.1%。";
    let found = figures(text, Some(PartKind::Review));
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
    assert_eq!(found[1].base_unit(), "元");
    assert_eq!(found[1].spans[0].exact(text), "实现税收总收入539.5亿元");
    assert_eq!(found[2].growth, Some(Growth { verb: "增长".into(), of: "税收总收入".into(), figure: Some(1) }));
    assert_eq!(found[2].evidence(text), "实现税收总收入539.5亿元、增长2.1%");
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
    let text = "全年减税约 78 亿元，停征收费 1 亿余元，为 30 余家单位落实用房，检查企业 7.2 万余处。";
    let found = figures(text, None);
    let approx: Vec<_> = found
        .iter()
        .map(|f| (f.value.as_str(), f.unit.as_str(), f.multiplier, f.qualifier.map(|q| q.approximation)))
        .collect();
    use crate::values::Approximation::{About, MoreThan};
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
    assert_eq!(found[0].spans[0].exact(text), "全年减税约 78 亿元");
}

#[test]
fn codes_years_ranks_and_versions_are_not_figures() {
    let text = "G318 跨线桥，5G 网络，“1+8”架构，“12345”热线，2019年，第 46 届，3.0 版，17号线，PM<sub>2.5</sub>，（2017~2019年），中 1 中 2 单元，4A级。";
    assert_eq!(summary(&figures(text, None)), []);
}

#[test]
fn the_words_after_the_unit_name_a_figure_when_none_precede_it() {
    let text = "新增 90 个智能安防自然村、64 栋智能安防楼宇，完成 2020 年 1000 户签约任务。";
    let found = figures(text, None);
    assert_eq!(
        summary(&found),
        [
            triple("90", "个", "新增智能安防自然村"),
            triple("64", "栋", "新增智能安防楼宇"),
            triple("1000", "户", "签约任务")
        ]
    );
    assert_eq!(found[0].spans[0].exact(text), "新增 90 个智能安防自然村");
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
    assert_eq!(found[2].base_unit(), "元");
    assert!(found.iter().all(|f| f.kind == FigureKind::Target));
}

#[test]
fn linking_verbs_come_off_the_phrase() {
    let found = figures("绿色食品认证率提高至22.9%，全流程审批时间压缩至 100 天，森林覆盖率（陆域）达到17.2%。", None);
    let indicators: Vec<_> = found.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(indicators, ["绿色食品认证率", "全流程审批时间", "森林覆盖率（陆域）"]);
    assert!(found.iter().all(|f| f.growth.is_none()));
}

/// The value, upper bound, unit, multiplier and qualifier of each figure.
fn numbers(figures: &[Figure]) -> Vec<(String, Option<String>, String, u8, &'static str)> {
    figures
        .iter()
        .map(|f| (f.value.clone(), f.upper.clone(), f.unit.clone(), f.multiplier, f.qualifier.map_or("", |q| q.word)))
        .collect()
}

fn number(
    value: &str,
    upper: Option<&str>,
    unit: &str,
    multiplier: u8,
    word: &'static str,
) -> (String, Option<String>, String, u8, &'static str) {
    (value.into(), upper.map(Into::into), unit.into(), multiplier, word)
}

#[test]
fn a_range_is_one_figure_with_both_bounds() {
    let found = figures_of("包括：地区生产总值年均增速4.5%-5%、努力争取更好结果", Some(PartKind::Plan), 2026);
    assert_eq!(numbers(&found), [number("4.5", Some("5"), "%", 0, "")]);
    assert_eq!(found[0].indicator, "地区生产总值年均增速");
    let found = figures_of("经济社会发展的主要预期目标是：全省地区生产总值增长5%—5.5%，", Some(PartKind::Plan), 2026);
    assert_eq!(numbers(&found), [number("5", Some("5.5"), "%", 0, "")]);
    assert_eq!(found[0].indicator, "全省地区生产总值增长");
    assert_eq!(numbers(&figures("增长4.5-5%", None)), [number("4.5", Some("5"), "%", 0, "")]);
    assert!(figures("“十五五”时期（2026-2030年）", None).is_empty(), "a span of years is no range");
}

#[test]
fn every_qualifier_of_the_genre_is_kept() {
    let text = "城镇新增就业115.8万人，新就业群体近300万人。实施对口支援协作项目8000多个，改善7000多所义务教育学校办学条件。\
         粮食总产量连续9年稳定在1300亿斤以上。经济增长5%左右，城镇调查失业率5.5%以内，占比超过25%，不低于90%。";
    let found = figures_of(text, Some(PartKind::Review), 2026);
    assert_eq!(
        numbers(&found),
        [
            number("115.8", None, "万人", 4, ""),
            number("300", None, "万人", 4, "近"),
            number("8000", None, "个", 0, "多"),
            number("7000", None, "所", 0, "多"),
            number("1300", None, "亿斤", 8, "以上"),
            number("5", None, "%", 0, "左右"),
            number("5.5", None, "%", 0, "以内"),
            number("25", None, "%", 0, "超过"),
            number("90", None, "%", 0, "不低于"),
        ]
    );
    assert_eq!(found[1].indicator, "新就业群体");
    assert_eq!(found[4].indicator, "粮食总产量连续9年", "the qualifier and the link off the phrase");
    assert!(found.iter().all(|f| f.evidence(text).contains(f.qualifier.map_or("", |q| q.word))));
    assert!(figures("最近3年，附近2公里", None).iter().all(|f| f.qualifier.is_none()), "最近, 附近 are words");
}

#[test]
fn a_power_of_ten_alone_keeps_its_multiplier() {
    let found = figures("为80万重点群体提供就业帮扶，职业技能培训5万人次", None);
    assert_eq!(numbers(&found), [number("80", None, "万", 4, ""), number("5", None, "万人次", 4, "")]);
    assert_eq!(found[0].base_unit(), "");
    assert_eq!(found[0].indicator, "重点群体");
}

#[test]
fn the_units_of_the_genre_are_read() {
    let found = figures("生物多样性本底调查发现物种数增至9266种，开展3轮巡视，建成12对服务区，举办5期培训", None);
    let units: Vec<_> = found.iter().map(|f| f.unit.as_str()).collect();
    assert_eq!(units, ["种", "轮", "对", "期"]);
    assert_eq!(found[0].indicator, "生物多样性本底调查发现物种数");
}

#[test]
fn a_list_before_respectively_is_paired_in_order() {
    let found = figures("市民服务热线诉求解决率、满意率分别达97.3%和97.7%，", None);
    let indicators: Vec<_> = found.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(indicators, ["市民服务热线诉求解决率", "满意率"]);
    let found = figures("消费品以旧换新带动限上新能源汽车、节能家电零售额分别增长21.2%、39.5%。", None);
    let indicators: Vec<_> = found.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(indicators, ["限上新能源汽车零售额增长", "节能家电零售额增长"]);
    assert_eq!(found[1].growth.as_ref().map(|g| g.of.as_str()), Some("节能家电零售额"));
    let found = figures("林木覆盖率、湿地保护率分别达24.1%和50.2%，", None);
    assert_eq!(found.iter().map(|f| f.indicator.as_str()).collect::<Vec<_>>(), ["林木覆盖率", "湿地保护率"]);
}

#[test]
fn from_one_value_to_another_is_one_indicator() {
    let text = "“十四五”时期，规模以上工业企业从1832户增加到3382户，专精特新“小巨人”企业从80户增加到810户。";
    let found = figures_of(text, Some(PartKind::Review), 2026);
    let read: Vec<_> =
        found.iter().map(|f| (f.value.as_str(), f.indicator.as_str(), f.period.map(|p| p.slug()))).collect();
    assert_eq!(
        read,
        [
            ("1832", "规模以上工业企业", Some("2020".into())),
            ("3382", "规模以上工业企业", Some("2025".into())),
            ("80", "专精特新“小巨人”企业", Some("2020".into())),
            ("810", "专精特新“小巨人”企业", Some("2025".into())),
        ]
    );
    assert!(found.iter().all(|f| f.kind == FigureKind::Result));
}

#[test]
fn from_a_half_year_to_the_year_end_is_read_without_a_year_before_it() {
    // Guangxi 2026: the words before 从 end in a Chinese character where a reader of `2025年` looks for digits.
    let text = "城镇新增就业42.3万人，年末城镇调查失业率从上半年5.5%降到5.3%。";
    let found = figures_of(text, Some(PartKind::Review), 2026);
    let read: Vec<_> = found.iter().map(|f| (f.value.as_str(), f.unit.as_str())).collect();
    assert_eq!(read, [("42.3", "万人"), ("5.5", "%"), ("5.3", "%")]);
    assert_eq!(found[1].indicator, found[2].indicator);
}

#[test]
fn what_is_new_average_growth_comparisons_and_shared_subjects_stay_in_the_indicator() {
    let indicators = |text: &str| -> Vec<String> {
        figures_of(text, Some(PartKind::Review), 2026).into_iter().map(|f| f.indicator).collect()
    };
    // Liaoning 2026: 新增 is written once for the list.
    assert_eq!(indicators("新增专业技术人才19.3万人、技能人才19.6万人。"), ["新增专业技术人才", "新增技能人才"]);
    // Hunan 2026: an item with its own verb is not new.
    assert_eq!(indicators("新增发电装机4178万千瓦、总装机达9157万千瓦。"), ["新增发电装机", "总装机"]);
    // Anhui 2026: an average over the years.
    assert_eq!(indicators("研发人员总量年均增长11.2%。"), ["研发人员总量年均增长"]);
    // Shandong 2026: the comparison is of the growth before it.
    assert_eq!(
        indicators("规上工业增加值增长7.6%，高于全国1.7个百分点。"),
        ["规上工业增加值增长", "规上工业增加值增长高于全国"]
    );
    // Hunan 2026: 均 of 平均 stays.
    assert_eq!(
        indicators("其中农村居民收入增长5.8%、高于全国平均0.3个百分点。"),
        ["农村居民收入增长", "农村居民收入增长高于全国平均"]
    );
    // Shandong 2026: 均 is no part of what grew.
    assert_eq!(indicators("游客人数、旅游收入均增长10%以上。"), ["游客人数、旅游收入增长"]);
    // Fujian and Hunan 2026: adverbs before the link to the number are no part of what is measured.
    assert_eq!(indicators("数字经济增加值预计达3.4万亿元。"), ["数字经济增加值"]);
    assert_eq!(indicators("民生支出占比持续保持在70%以上。"), ["民生支出占比"]);
    // Fujian 2026: what the projects invested.
    assert_eq!(indicators("1550个省重点项目完成投资7398亿元。"), ["省重点项目", "省重点项目完成投资"]);
    // Fujian 2026: both balances, without 双双.
    assert_eq!(indicators("金融机构本外币存、贷款余额双双突破6万亿元。"), ["金融机构本外币存、贷款余额"]);
    // Not a list of actions before it, nor the item of a list of figures.
    assert_eq!(indicators("推进产业转型升级、新增企业100家。"), ["新增企业"]);
    // Yunnan 2026: a ranking clause before it is no subject of the share.
    assert_eq!(indicators("花卉产量全球第一、优质鲜切花占比60%。"), ["优质鲜切花占比"]);
}

#[test]
fn anniversaries_classes_groups_and_thresholds_are_not_figures() {
    let text = "在听取中国人民抗日战争暨世界反法西斯战争胜利80周年纪念活动总结报告时，建设25兆瓦级示范项目，\
                开展0—6岁儿童孤独症筛查、60岁以上老年人流感疫苗接种，公交与轨道50米内换乘比例达91%，亿元以上项目120个。";
    let found = figures(text, None);
    assert_eq!(numbers(&found), [number("91", None, "%", 0, ""), number("120", None, "个", 0, "")]);
    assert_eq!(found[0].indicator, "公交与轨道50米内换乘比例");
    // Yunnan 2026: a class of counties; Jilin and Shaanxi 2026: units of the genre.
    assert!(figures("20万以上人口县实现特殊教育学校全覆盖。", None).is_empty());
    let units = figures("组网卫星增至144颗，产能达到3095万吨/年。", None);
    assert_eq!(numbers(&units), [number("144", None, "颗", 0, ""), number("3095", None, "万吨/年", 4, "")]);
    // Chongqing, Shaanxi 2026: a rank's threshold, and the report's count of its own tasks.
    assert!(
        figures("12个学科进入ESI世界学科排名前1％，今年要重点做好9个方面工作。", None).iter().all(|f| f.value == "12")
    );
    let ages = figures("人均预期寿命达到80岁，", None);
    assert_eq!(numbers(&ages), [number("80", None, "岁", 0, "")], "an age that is the figure stays one");
}

#[test]
fn the_period_comes_from_the_words_and_the_kind_from_the_period() {
    // The review of a 2026 report: the five years, then the year; its part title also names 十四五.
    let text = "五年来，全省地区生产总值年均增长5.5%。2025年，地区生产总值增长5.4%。“十五五”时期，年均增长5%左右；今年，增长5%左右。";
    let found = figures_of(text, Some(PartKind::Review), 2026);
    let read: Vec<_> = found.iter().map(|f| (f.period.map(|p| p.slug()), f.kind)).collect();
    use FigureKind::{Result, Target};
    assert_eq!(
        read,
        [
            (Some("2021-2025".into()), Result),
            (Some("2025".into()), Result),
            (Some("2026-2030".into()), Target),
            (Some("2026".into()), Target),
        ]
    );
    // A plan part whose sentence reports last year's figure.
    let found = figures_of("去年，全市完成投资1.2万亿元。今年，投资增长5%。", Some(PartKind::Plan), 2026);
    let read: Vec<_> = found.iter().map(|f| (f.period.map(|p| p.slug()), f.kind)).collect();
    assert_eq!(read, [(Some("2025".into()), Result), (Some("2026".into()), Target)]);
}

#[test]
fn examples_before_deng_are_not_the_indicator_and_a_level_is_of_the_last_year() {
    let found = figures("推动商丘等5个国家骨干冷链物流基地建设。", None);
    assert_eq!(found[0].indicator, "国家骨干冷链物流基地建设");
    let text = "“十四五”时期，农村自来水普及率97%，服务业比重达到55%，新建高标准农田3000万亩，年均增长5.5%。";
    let found = figures_of(text, Some(PartKind::Review), 2026);
    let periods: Vec<_> = found.iter().map(|f| f.period.map(|p| p.slug())).collect();
    assert_eq!(
        periods,
        [Some("2025".into()), Some("2025".into()), Some("2021-2025".into()), Some("2021-2025".into())],
        "levels of the last year, flows of the span"
    );
    let found = figures("地区生产总值连续迈上4个万亿元台阶、达14.2万亿元。", None);
    assert_eq!(found[1].indicator, found[0].indicator, "a figure of the subject of the one before");
}

#[test]
fn a_figure_with_no_words_of_its_own_is_named_by_its_clause_up_to_the_next_figure() {
    let found = figures("超70万人次接受补贴性职业技能培训。2个1类创新药获批上市。", None);
    let indicators: Vec<_> = found.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(indicators[..2], ["超70万人次接受补贴性职业技能培训", "2个"]);
    // Bare figures one after another: no figure's phrase holds the others.
    let bare: String = (0..200).map(|i| format!("{i}个")).collect();
    assert!(figures(&bare, None).iter().all(|f| f.indicator.chars().count() <= 4), "{bare}");
}

#[test]
fn a_list_whose_unit_is_written_once_gives_each_number_that_unit() {
    // Yunnan 2026.
    let text = "农村卫生户厕覆盖率、污水治理率、生活垃圾处理设施覆盖率分别提高20.9、36.2、54个百分点。第1、2名，2021、2022年。";
    let found = figures(text, None);
    assert_eq!(
        numbers(&found),
        [
            number("20.9", None, "个百分点", 0, ""),
            number("36.2", None, "个百分点", 0, ""),
            number("54", None, "个百分点", 0, ""),
            number("2", None, "名", 0, "")
        ]
    );
    let indicators: Vec<_> = found[..3].iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(indicators, ["农村卫生户厕覆盖率提高", "污水治理率提高", "生活垃圾处理设施覆盖率提高"]);
}

#[test]
fn a_count_that_opens_its_clause_is_of_what_the_clause_says_of_it() {
    // Chongqing, Shaanxi, Jilin 2026; Zhejiang 2026 keeps the object alone.
    let text = "启动建设30个产业创新综合体，12家单位入选全国首批重点培育中试平台。西凤酒等5个品牌入选首批中国消费名品。\
                20项民生实事全面完成。为80万重点群体提供就业帮扶。";
    let found = figures_of(text, Some(PartKind::Review), 2026);
    let indicators: Vec<_> = found.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(
        indicators,
        [
            "启动建设产业创新综合体",
            "单位入选全国首批重点培育中试平台",
            "品牌入选首批中国消费名品",
            "民生实事全面完成",
            "重点群体"
        ]
    );
}

#[test]
fn a_change_from_one_year_to_another_is_of_its_indicator_alone() {
    // Guizhou, Zhejiang 2026.
    let text = "农产品加工转化率从2020年的51%提升到2025年的70%。人均预期寿命从80.2岁提升至82.5岁。90%的县医院达到三级医院服务能力水平。";
    let found = figures_of(text, Some(PartKind::Review), 2026);
    let read: Vec<_> = found.iter().map(|f| (f.value.as_str(), f.indicator.as_str())).collect();
    assert_eq!(
        read,
        [
            ("51", "农产品加工转化率"),
            ("70", "农产品加工转化率"),
            ("80.2", "人均预期寿命"),
            ("82.5", "人均预期寿命"),
            ("90", "县医院达到三级医院服务能力水平")
        ]
    );
}

#[test]
fn levels_passed_links_with_adverbs_comparisons_with_a_time_and_years_before_the_phrase() {
    // Hainan, Jiangxi, Ningxia 2026: a five-year review.
    let text = "五年来，文昌国际航天城年营收突破200亿元，新增就业超过30万人，人均体育场地面积增加至2.9平方米，\
                中职学校由71所优化整合为47所，生产安全事故死亡人数较“十三五”同期下降40.1%，到2030年人均地区生产总值达到10万元以上。";
    let found = figures_of(text, Some(PartKind::Review), 2026);
    let read: Vec<_> =
        found.iter().map(|f| (f.value.as_str(), f.period.map(|p| p.to_string()), f.indicator.as_str())).collect();
    let span = Some("2021~2025".to_owned());
    let end = Some("2025".to_owned());
    assert_eq!(
        read,
        [
            ("200", end.clone(), "文昌国际航天城年营收"),
            ("30", span.clone(), "新增就业"),
            ("2.9", end.clone(), "人均体育场地面积"),
            ("71", Some("2020".to_owned()), "中职学校"),
            ("47", end, "中职学校"),
            ("40.1", span, "生产安全事故死亡人数下降"),
            ("10", Some("2030".to_owned()), "人均地区生产总值")
        ]
    );
    assert_eq!(numbers(&figures("连续5个季度居全国前列", None)), [number("5", None, "个季度", 0, "")]);
}

#[test]
fn units_per_month_verbs_of_the_sentence_and_item_numbers_are_read() {
    // Guizhou and Inner Mongolia 2026.
    let text = "城乡低保平均标准提高到801元/月。确保新增新能源装机3000万千瓦。7.实施公路安全生命防护工程1000公里。\
                确保肉、奶产量分别稳定在310万吨和750万吨左右。";
    let found = figures_of(text, Some(PartKind::Plan), 2026);
    let read: Vec<_> = found.iter().map(|f| (f.unit.as_str(), f.indicator.as_str())).collect();
    assert_eq!(
        read,
        [
            ("元/月", "城乡低保平均标准"),
            ("万千瓦", "新增新能源装机"),
            ("公里", "实施公路安全生命防护工程"),
            ("万吨", "肉产量"),
            ("万吨", "奶产量")
        ]
    );
}

#[test]
fn links_terms_totals_and_from_to_of_the_genre() {
    // Jilin, Yunnan, Shaanxi, Chongqing 2026.
    let text = "产业投资比重提升至55.7%、提高4.7个百分点。基本养老保险参保率超95%，基本实现全覆盖率98%。\
                向民间资本推介项目325个、总投资近2400亿元。开发区和工业园区由162个整合为123个。\
                绿色铝、硅光伏、新能源电池合计产值年均增长30.4%。重庆段监测鱼类增长1倍多。";
    let found = figures_of(text, Some(PartKind::Review), 2026);
    let indicators: Vec<_> = found.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(
        indicators,
        [
            "产业投资比重",
            "产业投资比重提高",
            "基本养老保险参保率",
            "全覆盖率",
            "向民间资本推介项目",
            "向民间资本推介项目总投资",
            "开发区和工业园区",
            "开发区和工业园区",
            "绿色铝、硅光伏、新能源电池合计产值年均增长",
            "重庆段监测鱼类增长"
        ]
    );
    assert_eq!(
        found[9].qualifier.map(|q| (q.word, q.approximation)),
        Some(("多", crate::values::Approximation::MoreThan))
    );
}
