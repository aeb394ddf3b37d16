"""Deadline years, period starts and dated deadlines."""

from datetime import date

from planwatch.extract import extract_targets


def only(text, **options):
    (target,) = extract_targets(text, **options)
    return target


def test_an_explicit_deadline():
    target = only("到2027年,全市森林覆盖率达到48%。")
    assert (target.year, target.period_start) == (2027, None)


def test_a_deadline_in_chinese_numerals():
    assert only("到二〇三五年,人均地区生产总值达到20万元。").year == 2035


def test_a_five_year_plan_sets_its_span():
    text = "“十四五”时期主要目标\n常住人口城镇化率达到70%。"
    target = only(text)
    assert (target.year, target.period_start) == (2025, 2021)


def test_the_fifteenth_plan():
    target = only("“十五五”期间,全市新建公园30个。")
    assert (target.year, target.period_start) == (2030, 2026)


def test_a_later_horizon_inside_a_five_year_plan_keeps_the_plan_start():
    text = "“十四五”规划纲要\n到2035年,全区生产总值达到1000亿元。"
    target = only(text)
    assert (target.year, target.period_start) == (2035, 2021)


def test_coming_five_years_count_from_the_document_date():
    text = "2024年1月15日\n今后五年,全县规上工业企业达到300家。"
    target = only(text)
    assert (target.year, target.period_start) == (2028, 2024)


def test_an_earlier_deadline_inside_the_clause_wins():
    text = "“十四五”期间主要目标:力争2023年建成区面积达到60平方公里,人口达到80万人。"
    first, second = extract_targets(text)
    assert (first.year, second.year) == (2023, 2025)


def test_this_year_is_the_document_year():
    text = "某县2026年政府工作报告\n今年全县地区生产总值增长6%左右。"
    assert only(text).year == 2026


def test_this_year_falls_back_to_the_reference_year():
    assert only("今年新建口袋公园15个。", reference_year=2031).year == 2031


def test_an_annual_section_inside_a_five_year_plan():
    text = "“十四五”发展目标\n到2025年,全区新建学校10所。\n2022年:\n新建幼儿园4所。"
    five_year, annual = extract_targets(text)
    assert (five_year.year, five_year.period_start) == (2025, 2021)
    assert (annual.year, annual.period_start) == (2022, None)


def test_a_base_year_starts_the_period():
    target = only("2024年全市工作计划\n规上工业产值较2022年增长30%。")
    assert (target.kind, target.period_start) == ("cumulative", 2023)


def test_a_festival_deadline_is_a_date():
    target = only("2023年重点工作:确保“五一”前20个重点项目全部开工。")
    assert target.deadline == date(2023, 4, 30)


def test_a_month_deadline_is_the_end_of_that_month():
    target = only("2023年重点工作:9月底前完成改造老旧小区12个。")
    assert target.deadline == date(2023, 9, 30)


def test_past_figures_are_no_targets():
    text = ("2025年工作要点\n2024年完成地区生产总值410亿元。全年一般公共预算收入比上年增长5.2%。"
            "截至11月底,已建成充电桩600个。今年全区地区生产总值增长6%。")
    (target,) = extract_targets(text)
    assert (target.value, target.year) == (6, 2025)


def test_a_hedged_deadline_clause_holds_for_the_paragraph():
    first, second = extract_targets("力争到2028年,全县旅游收入达到60亿元,游客人数达到900万人次。")
    assert (first.year, second.year) == (2028, 2028)


def test_a_paragraph_opening_on_the_past_reviews_it_to_the_end():
    text = ("2025年政府工作报告\n过去一年,全县生产总值完成310亿元,增长6%;财政收入完成21亿元,增长8%。\n"
            "今年主要目标:全县生产总值增长6.5%。")
    (target,) = extract_targets(text)
    assert (target.value, target.year) == (6.5, 2025)
    assert extract_targets("2025年要点\n过去五年,新建学校12所;改造小区40个。")  == []


def test_year_on_year_wording_is_a_target_only_where_the_sentence_sets_one():
    text = "2026年计划\n主要预期目标是:全县生产总值比上年增长6%左右。\n全年全县生产总值完成300亿元,比上年增长5.2%。"
    (target,) = extract_targets(text)
    assert (target.value, target.comparator, target.year) == (6, "~", 2026)


def test_a_period_written_with_a_tilde_or_two_years():
    for text in ("2026~2030年,全市新建公园30个。", "2026年至2030年,全市新建公园30个。"):
        target = only(text)
        assert (target.year, target.period_start) == (2030, 2026), text


def test_any_number_of_coming_years_counts_from_the_document_date():
    for text, year in (("2024年1月15日\n今后三年,全县规上工业企业达到300家。", 2026),
                       ("2024年1月15日\n未来两年,全县规上工业企业达到300家。", 2025),
                       ("2024年1月15日\n用三年时间,全县新建学校12所。", 2026),
                       ("2024年1月15日\n三年内全县新建学校12所。", 2026)):
        target = only(text)
        assert (target.year, target.period_start) == (year, 2024), text


def test_the_last_few_years_are_no_coming_period():
    target = only("2024年1月15日\n近三年内全县新建学校12所。")
    assert (target.year, target.period_start) == (2024, None)


def test_within_five_years_is_the_plans_period_not_this_year():
    target = only("“十四五”规划纲要\n五年内全区新建学校12所。", reference_year=2021)
    assert (target.year, target.period_start) == (2025, 2021)


def test_next_year_as_a_clause_of_its_own_holds_for_the_paragraph():
    targets = extract_targets("到明年底,全区新建学校5所,改造公园3个。", reference_year=2024)
    assert [t.year for t in targets] == [2025, 2025]


def test_a_clauses_own_next_year_wins_over_the_paragraphs_deadline():
    targets = extract_targets("到2025年,全区新建学校5所,明年新建公园3个。", reference_year=2023)
    assert [t.year for t in targets] == [2025, 2024]


def test_a_goal_quoted_from_another_body_is_dated_only_inside_its_quotes():
    undated = only("2024年,全区要落实市委提出的“挺进全省前十”目标。", reference_year=2024)
    assert (undated.value, undated.year, undated.period_start) == (10, None, None)
    dated = only("全区要落实会议确定的“力争2027年挺进全省前十”目标。", reference_year=2024)
    assert dated.year == 2027


def test_a_quoted_goal_the_document_sets_itself_takes_its_year():
    assert only("奋力实现“综合实力跻身全国百强县前50位”目标。", reference_year=2024).year == 2024


def test_deadlines_listed_together_go_with_the_respective_figures_in_order():
    text = "到2025年和2035年,全县常住人口城镇化率分别达到62%、70%。"
    targets = extract_targets(text, reference_year=2021)
    assert [(t.value, t.year) for t in targets] == [(62, 2025), (70, 2035)]


def test_deadlines_listed_in_the_clause_itself_pair_with_its_figures():
    targets = extract_targets("2025年、2030年人均地区生产总值分别达到9万元和12万元。", reference_year=2021)
    assert [(t.value, t.year) for t in targets] == [(9, 2025), (12, 2030)]


def test_a_listed_deadline_pair_with_one_figure_keeps_the_first_year():
    assert only("到2025年和2035年,全县森林覆盖率稳定在45%以上。", reference_year=2021).year == 2025


def test_a_cutoff_after_the_document_year_is_a_deadline():
    target = only("2023年工作要点\n截至2025年底,全镇新建村级养老服务站12个。")
    assert (target.value, target.year) == (12, 2025)


def test_a_cutoff_before_the_document_year_is_the_past():
    assert extract_targets("2023年工作要点\n截至2022年底,全镇建成村级养老服务站12个。") == []


def test_a_five_year_plan_named_in_passing_holds_for_its_own_line_only():
    text = ("全区建设持续推进,对标“十五五”规划,新建口袋公园8个。\n"
            "2026年主要预期目标是:地区生产总值增长5.5%左右。")
    park, growth = extract_targets(text)
    assert (park.year, park.period_start) == (2030, 2026)
    assert (growth.year, growth.period_start) == (2026, None)


def test_the_year_a_plan_opens_is_no_horizon():
    text = "2026年是“十五五”开局之年,全区新建口袋公园8个,地区生产总值增长5.5%左右。"
    assert [(t.year, t.period_start) for t in extract_targets(text)] == [(2026, None), (2026, None)]


def test_a_five_year_plan_opening_its_line_holds_for_what_follows():
    text = "“十五五”期间,全区要久久为功。\n常住人口城镇化率达到72%。"
    assert (only(text).year, only(text).period_start) == (2030, 2026)


def test_the_opening_year_of_a_plan_dates_an_annual_report():
    text = "今年政府工作要奋力实现“十五五”良好开局。\n主要预期目标:规上工业增加值增长6%。"
    assert only(text).year == 2026


def test_the_closing_year_of_a_plan_dates_an_annual_report():
    assert only("今年是“十四五”收官之年,全县新增城镇就业3000人。").year == 2025


def test_a_year_of_works_named_with_its_issuing_bodies_dates_the_list():
    text = "2020年东河县人民政府民生实事项目\n新建乡镇卫生院3所。"
    assert only(text).year == 2020


def test_main_targets_of_economic_and_social_development_without_de_date_the_report():
    text = "代县长在报告中提出2019年经济社会发展主要预期目标:全县地区生产总值增长8%。"
    assert only(text).year == 2019


def test_under_a_heading_of_targets_growth_over_last_year_is_a_target():
    text = "一、全县经济社会发展主要预期目标\n1.地区生产总值比上年增长5%以上。\n"
    target = only(text, reference_year=2024)
    assert (target.value, target.comparator, target.year) == (5, ">=", 2024)


def test_growth_over_last_year_outside_targets_is_the_past():
    assert extract_targets("一、经济运行情况\n地区生产总值比上年增长5.2%。\n", reference_year=2024) == []


def test_a_period_that_ended_before_the_document_is_reviewed_not_planned():
    text = ("发布日期:2025年03月02日\n据统计,2020年至2024年间全县粮食产量稳定在30万吨以上。"
            "力争到2027年新建农田2万亩。")
    target = only(text)
    assert (target.value, target.year) == (2, 2027)


def test_main_targets_of_economic_and_social_development_date_the_report():
    text = "2022年全镇经济和社会发展的主要目标是:财政收入突破5000万元。"
    assert only(text).year == 2022


def test_a_plans_closing_year_with_the_quote_before_its_name_is_no_horizon():
    text = "今年是“十四五”规划收官之年。主要预期目标是:全县地区生产总值增长6%。"
    assert (only(text).year, only(text).period_start) == (2025, None)
