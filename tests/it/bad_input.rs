//! Bad input: each broken row is refused with exit code 2 and a message naming its place.

use crate::{DataCopy, bin, texts};

/// Runs `build` on the copy and checks exit code 2 and that stderr holds every one of `expected`.
fn refused(copy: &DataCopy, expected: &[&str]) {
    let output = copy.run(&["build"]);
    let (stdout, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "stdout: {stdout}\nstderr: {stderr}");
    for part in expected {
        assert!(stderr.contains(part), "stderr lacks {part:?}:\n{stderr}");
    }
    assert!(stdout.is_empty(), "nothing is printed on failure: {stdout}");
}

fn line_count(copy: &DataCopy, file: &str) -> usize {
    copy.read(file).lines().count()
}

const GOOD_QUOTE: &str = "全面完成 11 个街镇的“无违建先进街镇”市级验收";

#[test]
fn a_missing_column_is_named() {
    let copy = DataCopy::new();
    let text = copy.read("places.csv").replacen(",division_code", "", 1);
    copy.write("places.csv", &text);
    refused(&copy, &["places.csv:1", "missing column `division_code`"]);
}

#[test]
fn an_extra_column_is_named_with_its_number() {
    let copy = DataCopy::new();
    let text = copy.read("events.csv").replacen(",evidence\n", ",evidence,remark\n", 1);
    copy.write("events.csv", &text);
    refused(&copy, &["events.csv:1:8 (column `remark`)", "unexpected column `remark`"]);
}

#[test]
fn an_unknown_id_is_named_with_a_suggestion() {
    let copy = DataCopy::new();
    copy.append("relations.csv", &format!("xujing,contained-in,qingpuu,{GOOD_QUOTE},"));
    let line = line_count(&copy, "relations.csv");
    refused(
        &copy,
        &[&format!("relations.csv:{line}:3 (column `object`)"), "unknown id `qingpuu`", "did you mean `qingpu`"],
    );
}

#[test]
fn a_duplicate_id_names_both_places() {
    let copy = DataCopy::new();
    copy.append("places.csv", &format!("qingpu,district,青浦,Qingpu,,,{GOOD_QUOTE}"));
    let line = line_count(&copy, "places.csv");
    refused(&copy, &[&format!("places.csv:{line}"), "duplicate id `qingpu`", "first defined at"]);
}

#[test]
fn a_value_that_does_not_parse_is_named() {
    let copy = DataCopy::new();
    copy.append("events.csv", &format!("broken-event,other,验收,Acceptance,,20x9,{GOOD_QUOTE}"));
    let line = line_count(&copy, "events.csv");
    refused(&copy, &[&format!("events.csv:{line}:6 (column `year`)"), "`20x9` is not a year"]);
}

#[test]
fn an_unknown_type_lists_the_known_ones() {
    let copy = DataCopy::new();
    copy.append("places.csv", &format!("moon-base,crater,青浦,Qingpu crater,,,{GOOD_QUOTE}"));
    let line = line_count(&copy, "places.csv");
    refused(&copy, &[&format!("places.csv:{line}:2 (column `type`)"), "`crater` is not a place type", "district"]);
}

#[test]
fn a_quote_not_in_the_report_is_named() {
    let copy = DataCopy::new();
    copy.append("places.csv", "fake-lake,lake,背街小巷,Fake lake,,,淀山湖边新建了一座火星基地");
    let line = line_count(&copy, "places.csv");
    refused(
        &copy,
        &[
            &format!("places.csv:{line}:7 (column `evidence`)"),
            "quote not found in the report: «淀山湖边新建了一座火星基地»",
        ],
    );
}

#[test]
fn a_label_not_in_the_report_is_named() {
    let copy = DataCopy::new();
    copy.append("places.csv", &format!("mars,area,火星,Mars,,,{GOOD_QUOTE}"));
    let line = line_count(&copy, "places.csv");
    refused(&copy, &[&format!("places.csv:{line}:3 (column `label_zh`)"), "label `火星` does not occur in the report"]);
}

#[test]
fn a_rank_not_in_its_evidence_is_named() {
    // 总量全市第七 is the rank 7; a rank of 6 (第六) is not in the words.
    let copy = DataCopy::new();
    copy.append(
        "observations.csv",
        "invented-rank,district-budget-revenue-rank,qingpu,,2019,result,6,,第,,,区级一般公共预算收入207.2亿元、增长2.0%，总量全市第七",
    );
    let line = line_count(&copy, "observations.csv");
    refused(
        &copy,
        &[&format!("observations.csv:{line}:12 (column `evidence`)"), "the figure `6第` is not in the evidence"],
    );
}

#[test]
fn a_figure_not_in_its_evidence_is_named() {
    let copy = DataCopy::new();
    let row = copy.read("observations.csv").lines().find(|l| l.contains("亿元")).expect("a figure in 亿元").to_owned();
    let mut fields: Vec<String> = row.split(',').map(String::from).collect();
    fields[0] = "invented-figure".into();
    fields[6] = "999.9".into();
    copy.append("observations.csv", &fields.join(","));
    let line = line_count(&copy, "observations.csv");
    refused(
        &copy,
        &[&format!("observations.csv:{line}:12 (column `evidence`)"), "the figure `999.9亿元` is not in the evidence"],
    );
}

#[test]
fn a_number_that_is_not_a_decimal_is_named() {
    let copy = DataCopy::new();
    let row = copy.read("observations.csv").lines().nth(1).expect("an observation").to_owned();
    let mut fields: Vec<String> = row.split(',').map(String::from).collect();
    fields[0] = "bad-number".into();
    fields[6] = "5.7.1".into();
    copy.append("observations.csv", &fields.join(","));
    let line = line_count(&copy, "observations.csv");
    refused(&copy, &[&format!("observations.csv:{line}:7 (column `value`)"), "`5.7.1` is not a decimal number"]);
}

#[test]
fn a_relation_between_the_wrong_kinds_is_named() {
    let copy = DataCopy::new();
    copy.append("relations.csv", &format!("xujing,member-of,qingpu,{GOOD_QUOTE},"));
    let line = line_count(&copy, "relations.csv");
    refused(
        &copy,
        &[
            &format!("relations.csv:{line}:3 (column `object`)"),
            "`qingpu` is a place of type `district`",
            "type `grouping`",
        ],
    );
}

#[test]
fn an_unknown_relation_lists_the_known_ones() {
    let copy = DataCopy::new();
    copy.append("relations.csv", &format!("xujing,neighbours,qingpu,{GOOD_QUOTE},"));
    let line = line_count(&copy, "relations.csv");
    refused(
        &copy,
        &[&format!("relations.csv:{line}:2 (column `predicate`)"), "`neighbours` is not a relation", "contained-in"],
    );
}

#[test]
fn an_id_that_is_not_a_slug_is_named() {
    let copy = DataCopy::new();
    copy.append("places.csv", &format!("Qing_Pu,area,青浦,Qingpu,,,{GOOD_QUOTE}"));
    let line = line_count(&copy, "places.csv");
    refused(&copy, &[&format!("places.csv:{line}:1 (column `id`)"), "`Qing_Pu` is not an id"]);
}

#[test]
fn a_row_with_too_few_fields_is_named() {
    let copy = DataCopy::new();
    copy.append("places.csv", "lonely,area,青浦");
    let line = line_count(&copy, "places.csv");
    refused(&copy, &[&format!("places.csv:{line}"), "fields"]);
}

#[test]
fn a_file_that_is_not_utf8_is_named() {
    let copy = DataCopy::new();
    let mut bytes = copy.read("people.csv").into_bytes();
    bytes.extend_from_slice(b"bad,\xff\xfe,x,y,z,w\n");
    std::fs::write(copy.path().join("people.csv"), bytes).expect("write");
    refused(&copy, &["people.csv:", "not valid UTF-8"]);
}

#[test]
fn a_missing_report_is_named() {
    let copy = DataCopy::new();
    std::fs::remove_dir_all(copy.path().join("source")).expect("remove source");
    refused(&copy, &["source", "cannot read"]);
}

#[test]
fn a_folder_without_data_is_refused() {
    let empty = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir(empty.path().join("source")).expect("source folder");
    std::fs::write(empty.path().join("source/report.md"), "# 报告\n\n正文。\n").expect("report");
    let output = bin().arg("--data").arg(empty.path()).arg("build").output().expect("run");
    let (_, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no entity rows"), "{stderr}");
}

#[test]
fn a_bad_base_iri_is_refused() {
    let output = bin().args(["--base-iri", "not an iri", "build"]).output().expect("run");
    let (_, stderr) = texts(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("invalid base IRI `not an iri`"), "{stderr}");
    let output = bin().args(["--base-iri", "https://example.org/kg", "build"]).output().expect("run");
    assert!(texts(&output).1.contains("must end with `/` or `#`"));
}

#[test]
fn a_link_that_is_not_an_iri_is_named() {
    let copy = DataCopy::new();
    copy.append("links.csv", "qingpu,wikidata:Q0,Wikidata");
    let line = line_count(&copy, "links.csv");
    refused(
        &copy,
        &[&format!("links.csv:{line}:2 (column `same_as`)"), "`wikidata:Q0` is not an absolute http(s) IRI"],
    );
}

#[test]
fn an_achieved_stage_that_quotes_the_plan_is_refused() {
    // 建成淀山湖福利院 stands in the tasks of 2020: what they plan is not what 2019 achieved.
    let copy = DataCopy::new();
    copy.append("stages.csv", "dianshan-lake-welfare-home,built,2019,achieved,建成淀山湖福利院");
    let line = line_count(&copy, "stages.csv");
    refused(
        &copy,
        &[
            &format!("stages.csv:{line}:5 (column `evidence`)"),
            "the achieved stage `built` of `dianshan-lake-welfare-home` (2019) quotes «建成淀山湖福利院»",
            "the plan of the year ahead",
        ],
    );
}

#[test]
fn a_planned_stage_that_quotes_the_review_is_refused() {
    let copy = DataCopy::new();
    copy.append("stages.csv", "zhuguang-road,opened-to-traffic,2020,planned,诸光路（崧泽大道一区界）建成通车");
    let line = line_count(&copy, "stages.csv");
    refused(&copy, &[&format!("stages.csv:{line}:5 (column `evidence`)"), "the review of the past year"]);
}

#[test]
fn a_stage_needs_a_known_kind_and_a_status_of_the_scheme() {
    let copy = DataCopy::new();
    copy.append("stages.csv", "zhuguang-road,opened-to-traffic,2019,done,诸光路（崧泽大道一区界）建成通车");
    let line = line_count(&copy, "stages.csv");
    refused(&copy, &[&format!("stages.csv:{line}:4 (column `stage`)"), "`done` is not a stage (achieved"]);
    let copy = DataCopy::new();
    copy.append("stages.csv", "zhuguang-road,qingpu,2019,achieved,诸光路（崧泽大道一区界）建成通车");
    let line = line_count(&copy, "stages.csv");
    refused(&copy, &[&format!("stages.csv:{line}:2 (column `status`)"), "`qingpu`"]);
}

#[test]
fn a_stage_whose_words_are_not_its_status_is_refused() {
    // The report deepens (深化) the 6+365 platforms; 推进 (`advancing`) and its aliases are not in the quote.
    let copy = DataCopy::new();
    copy.append("stages.csv", "ciie-6-365-platform,advancing,2020,planned,深化“6+365”功能性平台建设");
    let line = line_count(&copy, "stages.csv");
    refused(&copy, &[&format!("stages.csv:{line}:5 (column `evidence`)"), "status `advancing`", "«推进», «大力推进»"]);
}

#[test]
fn a_stage_given_twice_names_both_places() {
    let copy = DataCopy::new();
    let first = copy.read("stages.csv").lines().nth(1).expect("a stage").to_owned();
    copy.append("stages.csv", &first);
    let line = line_count(&copy, "stages.csv");
    refused(&copy, &[&format!("stages.csv:{line}: duplicate id"), "stages.csv:2)"]);
}

#[test]
fn a_running_total_is_marked_exactly_where_the_report_says_累计() {
    // 累计 25 家 is a running total: without the mark the figure would read as the flow of 2019.
    let copy = DataCopy::new();
    let text = copy.read("observations.csv");
    let (n, row) = text.lines().enumerate().find(|(_, l)| l.starts_with("listed-companies-total-2019,")).expect("row");
    copy.set_line("observations.csv", n + 1, &row.replace(",累计,", ",,"));
    refused(&copy, &[&format!("observations.csv:{}:11 (column `total`)", n + 1), "累计 stands before the figure"]);
    // 新增上市企业 2 家 is the year's flow: 累计 stands after it, not before.
    let copy = DataCopy::new();
    let (n, row) = text.lines().enumerate().find(|(_, l)| l.starts_with("new-listed-companies-2019,")).expect("row");
    copy.set_line("observations.csv", n + 1, &row.replace(",家,,", ",家,,累计"));
    refused(&copy, &[&format!("observations.csv:{}:11 (column `total`)", n + 1), "no 累计 before the figure"]);
}

#[test]
fn a_date_of_delivery_must_be_the_one_the_report_writes() {
    let copy = DataCopy::new();
    let text = copy.read("report.csv").replace("delivered,2020-01-08,", "delivered,2020-01-09,");
    copy.write("report.csv", &text);
    refused(
        &copy,
        &["report.csv:2:3 (column `evidence`)", "the date `2020-01-09` is not in the evidence", "2020年1月9日"],
    );
    let copy = DataCopy::new();
    copy.write("report.csv", &text.replace("2020-01-09", "2020-02-30"));
    refused(&copy, &["report.csv:2:2 (column `value`)", "a date YYYY-MM-DD"]);
}

#[test]
fn a_containment_from_the_division_codes_must_be_what_the_codes_say() {
    // 练塘 (310118103) is not in 朱家角 (310118102): the codes refuse it.
    let copy = DataCopy::new();
    copy.append("relations.csv", "liantang,contained-in,zhujiajiao,,division-codes");
    let line = line_count(&copy, "relations.csv");
    refused(
        &copy,
        &[
            &format!("relations.csv:{line}:5 (column `source`)"),
            "the division code 310118103 of `liantang` does not begin with 310118102",
        ],
    );
    let copy = DataCopy::new();
    copy.append("relations.csv", "liantang,contained-in,qingpu,,the-internet");
    let line = line_count(&copy, "relations.csv");
    refused(&copy, &[&format!("relations.csv:{line}:5 (column `source`)"), "`the-internet`"]);
}

#[test]
fn a_label_without_its_quotation_marks_needs_the_quoted_alias() {
    // The report writes “城中村”改造: the label 城中村改造 stands for it only with the alias that keeps the marks.
    let copy = DataCopy::new();
    let text = copy.read("projects.csv");
    let (n, row) = text.lines().enumerate().find(|(_, l)| l.starts_with("urban-village-renewal,")).expect("row");
    assert!(row.contains(",Urban village redevelopment,“城中村”改造,"), "{row}");
    copy.set_line("projects.csv", n + 1, &row.replace(",“城中村”改造,持续", ",,持续"));
    refused(&copy, &[&format!("projects.csv:{}:3 (column `label_zh`)", n + 1), "城中村改造"]);
}

#[test]
fn a_qualified_label_needs_both_parts_in_the_report() {
    let copy = DataCopy::new();
    let text = copy.read("projects.csv");
    let (n, row) = text.lines().enumerate().find(|(_, l)| l.starts_with("zhangma-village-demo,")).expect("row");
    copy.set_line("projects.csv", n + 1, &row.replace("张马村（乡村振兴示范村）", "张马村（火星基地）"));
    refused(&copy, &[&format!("projects.csv:{}:3 (column `label_zh`)", n + 1), "张马村（火星基地）"]);
}

#[test]
fn a_correction_must_correct_words_of_the_report() {
    let copy = DataCopy::new();
    copy.append("corrections.csv", "火星基地,火星 基地,Not in the report.");
    let line = line_count(&copy, "corrections.csv");
    refused(&copy, &[&format!("corrections.csv:{line}:1 (column `written`)"), "火星基地"]);
}

#[test]
fn a_label_shared_by_two_things_is_refused() {
    // 复兴路 is the label of the project `fuxing-road`; a second thing of that name is refused, in either language.
    let copy = DataCopy::new();
    copy.append("projects.csv", &format!("fuxing-road-again,road,复兴路,Fuxing Road (again),,{GOOD_QUOTE}"));
    let line = line_count(&copy, "projects.csv");
    refused(&copy, &[&format!("projects.csv:{line}:3 (column `label_zh`)"), "`复兴路`", "`fuxing-road`"]);

    let copy = DataCopy::new();
    copy.append("projects.csv", &format!("fuxing-road-again,road,复兴路（无违建先进街镇）,Fuxing Road,,{GOOD_QUOTE}"));
    let line = line_count(&copy, "projects.csv");
    refused(&copy, &[&format!("projects.csv:{line}:4 (column `label_en`)"), "`Fuxing Road`", "`fuxing-road`"]);
}

#[test]
fn a_qualifier_that_is_no_word_of_the_genre_or_a_range_upside_down_is_named() {
    let copy = DataCopy::new();
    let row = copy.read("observations.csv").lines().nth(1).expect("an observation").to_owned();
    let mut fields: Vec<String> = row.split(',').map(String::from).collect();
    fields[0] = "vague-figure".into();
    fields[9] = "大概".into();
    copy.append("observations.csv", &fields.join(","));
    let line = line_count(&copy, "observations.csv");
    refused(&copy, &[&format!("observations.csv:{line}:10 (column `approx`)"), "`大概`", "左右", "以内"]);

    let copy = DataCopy::new();
    let mut fields: Vec<String> = row.split(',').map(String::from).collect();
    fields[0] = "upside-down".into();
    fields[7] = "1".into();
    copy.append("observations.csv", &fields.join(","));
    let line = line_count(&copy, "observations.csv");
    refused(&copy, &[&format!("observations.csv:{line}:8 (column `upper`)"), "the upper bound of a range"]);
}
