"""Headings become the goal path; the document's year is read from its opening."""

from planwatch.extract import extract_targets
from planwatch.extract.structure import five_year_plan_span, infer_document_year, parse_heading

PLAN = """某区国民经济和社会发展第十四个五年规划纲要
第一章 发展目标
一、经济发展
(一)总量指标
地区生产总值达到600亿元。
——创新能力显著增强。研发经费投入强度达到3%。
二、民生保障
新建学校8所。
"""


def test_goal_path_follows_the_headings():
    gdp, research, schools = extract_targets(PLAN)
    assert gdp.goal == ["发展目标", "经济发展", "总量指标"]
    assert research.goal == ["发展目标", "经济发展", "总量指标", "创新能力显著增强"]
    assert schools.goal == ["发展目标", "民生保障"]


def test_the_plan_title_sets_the_period():
    gdp = extract_targets(PLAN)[0]
    assert (gdp.year, gdp.period_start) == (2025, 2021)


def test_short_unnumbered_lines_are_headings():
    text = "2024年工作安排\n\n加快产业升级\n\n新增规上工业企业20家。\n\n改善民生福祉\n\n新建幼儿园3所。"
    industry, school = extract_targets(text)
    assert industry.goal == ["2024年工作安排", "加快产业升级"]
    assert school.goal == ["2024年工作安排", "改善民生福祉"]


def test_a_heading_and_its_subtitle_stack():
    text = "2023年:\n\n稳定经济增长\n\n夯实发展基础\n\n新增市场主体5000户。"
    (target,) = extract_targets(text)
    assert target.goal == ["2023年", "稳定经济增长", "夯实发展基础"]
    assert target.year == 2023


def test_heading_forms():
    assert parse_heading("三、社会事业", has_targets=False)[0].title == "社会事业"
    assert parse_heading("(二)城乡建设", has_targets=False)[0].level == 3
    assert parse_heading("第二节 主要指标", has_targets=False)[0].level == 1
    assert parse_heading("二〇三五年远景目标", has_targets=False)[0].year is None
    assert parse_heading("某区2024年工作要点", has_targets=False)[0].year == 2024
    assert parse_heading("——生态环境持续改善。森林覆盖率达到40%", has_targets=True)[0].title == "生态环境持续改善"
    assert parse_heading("1.地区生产总值增长6%。", has_targets=True)[0] is None


def test_five_year_plan_names():
    assert five_year_plan_span("“十四五”规划") == (2021, 2025)
    assert five_year_plan_span("十三五时期") == (2016, 2020)
    assert five_year_plan_span("第十五个五年规划") == (2026, 2030)
    assert five_year_plan_span("十五年") is None


def test_document_year():
    assert infer_document_year("某市2025年国民经济和社会发展计划") == 2025
    assert infer_document_year("发布日期:2023-02-10\n今年全市经济增长6%") == 2023
    assert infer_document_year("2023年是攻坚之年。2024年是关键一年。") == 2024
    assert infer_document_year("没有年份") is None


def test_headings_keep_the_document_script():
    (target,) = extract_targets("三、發展目標\n到2025年,全鎮地區生產總值達到15億元。")
    assert target.goal == ["發展目標"]


def test_document_year_in_traditional_script():
    (target,) = extract_targets("2027年計劃實施民生項目\n新建公園5個。")
    assert target.year == 2027


def test_an_em_dash_ends_the_clause_before_the_figure():
    target = extract_targets("会议明确了今年的主要预期目标——全区地区生产总值增长6%。")[0]
    assert target.indicator == "全区地区生产总值"


def test_adverbs_between_an_indicator_and_its_predicate_are_not_part_of_it():
    targets = extract_targets("地区生产总值将达到900亿元,外贸进出口同比增长5%以上。")
    assert [t.indicator for t in targets] == ["地区生产总值", "外贸进出口"]


def test_an_ellipsis_ends_a_counted_object():
    target = extract_targets("今年,全区改造18个老旧小区......更多实事请看下文")[0]
    assert (target.text, target.indicator) == ("全区改造18个老旧小区", "全区改造老旧小区")


def test_figures_under_a_heading_that_reviews_a_year_are_no_targets():
    text = ("■ 2023年成绩单\n●全县地区生产总值增长6.2%\n●新增城镇就业3000人\n"
            "■ 2024年主要预期目标\n●全县地区生产总值增长6.5%左右\n")
    (target,) = extract_targets(text)
    assert (target.value, target.year) == (6.5, 2024)


def test_a_heading_that_reviews_one_year_and_plans_the_next_is_no_review():
    text = "2023年成绩单和2024年任务书\n全县地区生产总值增长6.5%左右。\n"
    assert [t.value for t in extract_targets(text)] == [6.5]


def test_bullets_start_items_not_headings_and_stay_out_of_indicators():
    text = "■ 2024年主要预期目标\n●粮食产量继续保持50万吨以上\n●研发投入增长10%\n"
    targets = extract_targets(text)
    assert [t.indicator for t in targets] == ["粮食产量", "研发投入"]
    assert all(t.goal == ["■ 2024年主要预期目标"] for t in targets)


def test_a_horizon_in_a_short_line_after_the_first_figures_is_not_the_title():
    text = ("2024年主要预期目标\n●地区生产总值增长6%左右\n●能耗完成“十四五”考核目标\n")
    target = extract_targets(text)[0]
    assert (target.year, target.period_start) == (2024, None)
