//! The main indicators of the genre: one concept each (`qpk:GDP`, `qpk:GDPGrowth` …, in the scheme
//! `qpk:MainIndicators` of `ontology/qingpu.ttl`), so that the figures of many reports, each worded as its
//! report words it (`全省地区生产总值`, `全市地区生产总值增长`), compare as one indicator.
//!
//! An indicator phrase is matched to the first entry whose words it contains, the more specific entries first
//! (`单位地区生产总值能耗` is energy intensity, not GDP; `人均地区生产总值` GDP per capita). A share of something
//! (`服务业增加值占地区生产总值比重`) is not that thing: words after 占 do not match. A phrase that speaks of growth
//! (增长, 增速, 增幅) matches the entry's growth concept where it has one. The phrase's concept is linked to the
//! main indicator with `skos:broadMatch`: the report's wording stays, and names its subject (全省, 全市).

/// One main indicator of the genre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MainIndicator {
    /// The local name of its concept in the ontology (`GDP` for `qpk:GDP`).
    pub name: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// The words of a phrase that name it.
    pub words: &'static [&'static str],
    /// The concept of its growth rate, if it has one: local name, Chinese and English label.
    pub growth: Option<(&'static str, &'static str, &'static str)>,
}

const fn main(
    name: &'static str,
    label_zh: &'static str,
    label_en: &'static str,
    words: &'static [&'static str],
    growth: Option<(&'static str, &'static str, &'static str)>,
) -> MainIndicator {
    MainIndicator { name, label_zh, label_en, words, growth }
}

/// The main indicators, the more specific first.
#[rustfmt::skip]
pub const MAIN_INDICATORS: &[MainIndicator] = &[
    main("EnergyIntensity", "单位地区生产总值能耗", "energy use per unit of GDP",
        &["单位地区生产总值能耗", "单位生产总值能耗", "单位GDP能耗", "单位国内生产总值能耗", "万元地区生产总值能耗"], None),
    main("CarbonIntensity", "单位地区生产总值二氧化碳排放", "CO₂ emissions per unit of GDP",
        &["单位地区生产总值二氧化碳排放", "单位生产总值二氧化碳排放", "单位GDP二氧化碳排放"], None),
    main("RAndDIntensity", "研发经费投入强度", "R&D spending as a share of GDP",
        &["研发经费投入强度", "研发投入强度", "R&D经费投入强度", "研究与试验发展经费投入强度", "研发经费投入占"], None),
    main("GDPPerCapita", "人均地区生产总值", "GDP per capita", &["人均地区生产总值", "人均生产总值", "人均GDP"],
        Some(("GDPPerCapitaGrowth", "人均地区生产总值增长", "growth of GDP per capita"))),
    main("GDP", "地区生产总值", "gross domestic product (GDP)", &["地区生产总值", "生产总值", "GDP", "经济总量"],
        Some(("GDPGrowth", "地区生产总值增长", "GDP growth"))),
    main("GeneralBudgetRevenue", "一般公共预算收入", "general public budget revenue", &["一般公共预算收入"],
        Some(("GeneralBudgetRevenueGrowth", "一般公共预算收入增长", "growth of general public budget revenue"))),
    main("GeneralBudgetExpenditure", "一般公共预算支出", "general public budget expenditure", &["一般公共预算支出"],
        Some(("GeneralBudgetExpenditureGrowth", "一般公共预算支出增长", "growth of general public budget expenditure"))),
    main("TaxRevenue", "税收收入", "tax revenue", &["税收收入", "税收总收入"],
        Some(("TaxRevenueGrowth", "税收收入增长", "growth of tax revenue"))),
    main("CPI", "居民消费价格涨幅", "consumer price index (CPI) rise", &["居民消费价格", "消费价格指数", "CPI"], None),
    main("SurveyedUnemployment", "城镇调查失业率", "surveyed urban unemployment rate", &["城镇调查失业率", "调查失业率"], None),
    main("RegisteredUnemployment", "城镇登记失业率", "registered urban unemployment rate", &["城镇登记失业率", "登记失业率"], None),
    main("NewUrbanJobs", "城镇新增就业", "new urban jobs", &["城镇新增就业", "新增城镇就业"], None),
    main("UrbanDisposableIncome", "城镇居民人均可支配收入", "per-capita disposable income of urban residents",
        &["城镇居民人均可支配收入", "城镇常住居民人均可支配收入"],
        Some(("UrbanDisposableIncomeGrowth", "城镇居民人均可支配收入增长", "growth of urban per-capita disposable income"))),
    main("RuralDisposableIncome", "农村居民人均可支配收入", "per-capita disposable income of rural residents",
        &["农村居民人均可支配收入", "农村常住居民人均可支配收入", "农民人均可支配收入"],
        Some(("RuralDisposableIncomeGrowth", "农村居民人均可支配收入增长", "growth of rural per-capita disposable income"))),
    main("DisposableIncome", "居民人均可支配收入", "per-capita disposable income", &["人均可支配收入"],
        Some(("DisposableIncomeGrowth", "居民人均可支配收入增长", "growth of per-capita disposable income"))),
    main("GrainOutput", "粮食产量", "grain output", &["粮食产量", "粮食总产量", "粮食综合生产能力"], None),
    main("IndustrialValueAdded", "规模以上工业增加值", "value added of industry above designated size",
        &["规模以上工业增加值", "规上工业增加值"],
        Some(("IndustrialValueAddedGrowth", "规模以上工业增加值增长", "growth of industrial value added"))),
    main("FixedAssetInvestment", "固定资产投资", "fixed-asset investment", &["固定资产投资"],
        Some(("FixedAssetInvestmentGrowth", "固定资产投资增长", "growth of fixed-asset investment"))),
    main("RetailSales", "社会消费品零售总额", "total retail sales of consumer goods", &["社会消费品零售总额"],
        Some(("RetailSalesGrowth", "社会消费品零售总额增长", "growth of retail sales"))),
    main("ForeignTrade", "进出口总额", "total imports and exports", &["进出口总额", "外贸进出口", "货物贸易进出口", "进出口"],
        Some(("ForeignTradeGrowth", "进出口总额增长", "growth of imports and exports"))),
    main("ForeignInvestment", "实际使用外资", "foreign investment actually used", &["实际使用外资", "实际利用外资"],
        Some(("ForeignInvestmentGrowth", "实际使用外资增长", "growth of foreign investment actually used"))),
    main("RAndDSpending", "研发经费投入", "R&D spending", &["研发经费", "R&D经费", "研究与试验发展经费"],
        Some(("RAndDSpendingGrowth", "研发经费投入增长", "growth of R&D spending"))),
    main("PM25", "细颗粒物（PM2.5）平均浓度", "mean PM2.5 concentration", &["细颗粒物", "PM2.5"], None),
    main("GoodAirDays", "空气质量优良天数比例", "share of days with good air quality", &["优良天数比例", "优良天数比率", "空气质量优良率"], None),
    main("ForestCoverage", "森林覆盖率", "forest coverage", &["森林覆盖率"], None),
    main("Urbanisation", "常住人口城镇化率", "urbanisation rate of the resident population", &["城镇化率"], None),
    main("LifeExpectancy", "人均预期寿命", "life expectancy", &["人均预期寿命"], None),
];

/// Words that make a phrase speak of a growth rate.
const GROWTH_WORDS: &[&str] = &["增长", "增速", "增幅", "下降", "提高"];

/// The concept of the main indicator a phrase names, as `(local name, Chinese label, English label)`.
pub fn main_indicator(phrase: &str) -> Option<(&'static str, &'static str, &'static str)> {
    // A share of something is not that thing: only the words before 占 name the indicator.
    let named = phrase.split('占').next().unwrap_or(phrase);
    let main = MAIN_INDICATORS.iter().find(|m| m.words.iter().any(|w| named.contains(w)))?;
    let growth = GROWTH_WORDS.iter().any(|w| phrase.contains(w));
    match main.growth {
        Some(concept) if growth => Some(concept),
        _ => Some((main.name, main.label_zh, main.label_en)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(phrase: &str) -> Option<&'static str> {
        main_indicator(phrase).map(|m| m.0)
    }

    #[test]
    fn phrases_of_many_reports_name_one_indicator() {
        assert_eq!(name("全省地区生产总值"), Some("GDP"));
        assert_eq!(name("全市地区生产总值增长"), Some("GDPGrowth"));
        assert_eq!(name("地区生产总值年均增速"), Some("GDPGrowth"));
        assert_eq!(name("单位地区生产总值能耗下降"), Some("EnergyIntensity"));
        assert_eq!(name("人均地区生产总值"), Some("GDPPerCapita"));
        assert_eq!(name("城镇调查失业率"), Some("SurveyedUnemployment"));
        assert_eq!(name("城镇新增就业"), Some("NewUrbanJobs"));
        assert_eq!(name("农村居民人均可支配收入增长"), Some("RuralDisposableIncomeGrowth"));
        assert_eq!(name("居民人均可支配收入"), Some("DisposableIncome"));
        assert_eq!(name("粮食总产量"), Some("GrainOutput"));
        assert_eq!(name("区级一般公共预算收入"), Some("GeneralBudgetRevenue"));
        assert_eq!(name("研发经费投入强度"), Some("RAndDIntensity"));
    }

    #[test]
    fn every_main_indicator_is_a_concept_of_the_ontology_with_its_labels() {
        let ontology = crate::vocab::ONTOLOGY_TTL;
        for main in MAIN_INDICATORS {
            let growth = main.growth;
            for (name, zh, en) in std::iter::once((main.name, main.label_zh, main.label_en)).chain(growth) {
                let labels = format!(
                    "qpk:{name} a skos:Concept ;\n    skos:inScheme qpk:MainIndicators ; skos:topConceptOf qpk:MainIndicators ;\n    rdfs:label \"{zh}\"@zh , \"{en}\"@en ;"
                );
                assert!(ontology.contains(&labels), "qpk:{name} with labels {zh} / {en} in ontology/qingpu.ttl");
                assert!(
                    ontology.contains(&format!(" qpk:{name} ")) || ontology.contains(&format!(" qpk:{name} .")),
                    "qpk:{name} is a top concept"
                );
            }
        }
    }

    #[test]
    fn a_share_of_an_indicator_is_not_that_indicator() {
        assert_eq!(name("服务业增加值占地区生产总值比重"), None);
        assert_eq!(name("新增企业数"), None);
    }
}
