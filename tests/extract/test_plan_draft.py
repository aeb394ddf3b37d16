"""The plan draft: place from the opening, goals from headings, a plan the loader accepts."""

from planwatch.extract import extract_targets
from planwatch.extract.plan_draft import UNKNOWN_PLACE, draft_plan, plan_name

TEXT = ("长春市绿园区“十四五”规划纲要\n一、经济发展\n到2025年,地区生产总值年均增速高于全市平均水平。\n"
        "2021年:\n新建公园3个。\n")


def test_place_and_parent_from_the_title():
    plan = draft_plan(TEXT, extract_targets(TEXT), source="绿园区规划.txt")
    assert (plan.jurisdiction.name, plan.jurisdiction.parent) == ("绿园区", "长春市")
    assert plan.targets[0].benchmark.place == "长春市"


def test_generic_words_are_no_place():
    text = "全市各地区要抓好落实。\n新建公园3个。"
    plan = draft_plan(text, extract_targets(text, reference_year=2024), source="x.txt")
    assert plan.jurisdiction.name == UNKNOWN_PLACE


def test_goals_and_annual_sections():
    plan = draft_plan(TEXT, extract_targets(TEXT), source="plan.txt")
    assert [(g.key, g.title, g.level, g.year) for g in plan.walk_goals()] == [
        ("g1", "经济发展", "area", None), ("g2", "2021年", "annual", 2021)]
    assert [t.goal for t in plan.targets] == ["g1", "g2"]
    assert (plan.period_start, plan.period_end, plan.base_year) == (2021, 2025, 2020)


def test_plan_names_from_file_names():
    assert plan_name("Luyuan Plan 2021.txt") == "luyuan-plan-2021"
    assert plan_name("绿园区.txt") == "draft"
