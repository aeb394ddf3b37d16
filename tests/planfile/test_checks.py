"""Semantic rules beyond the schema: ids, references, units, spans, years, stages."""

import copy
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.planfile import validate_plan_data


def test_duplicate_target_ids_are_reported_at_the_repeat(plan_data, reasons):
    plan_data["targets"][1]["id"] = "gdp-2025"
    assert reasons(plan_data) == {"$.targets[1].id": "目标编号重复：'gdp-2025' / duplicate id"}


def test_goal_keys_are_unique_across_the_whole_tree(plan_data, reasons):
    plan_data["goals"].append({"key": "fyp.economy", "level": "area", "title": "重复"})
    assert "$.goals[1].key" in reasons(plan_data)


def test_a_target_must_name_an_existing_goal(plan_data, reasons):
    plan_data["targets"][0]["goal"] = "fyp.society"
    assert reasons(plan_data)["$.targets[0].goal"].startswith("未知的目标节点 'fyp.society'")


def test_a_quantitative_target_needs_a_declared_indicator(plan_data, reasons):
    plan_data["targets"][1]["indicator"] = "新建广场"
    assert reasons(plan_data)["$.targets[1].indicator"].startswith("未知的指标 '新建广场'")


def test_a_milestone_names_its_commitment_without_declaring_an_indicator(plan_data, reasons):
    assert plan_data["targets"][2]["indicator"] not in {i["name"] for i in plan_data["indicators"]}
    assert reasons(plan_data) == {}


def test_a_quantitative_target_needs_a_value_and_a_unit(plan_data, reasons):
    plan_data["targets"][1]["value"] = None
    plan_data["targets"][1]["unit"] = ""
    found = reasons(plan_data)
    assert found["$.targets[1].value"] == "count 目标需要数值 / a count target needs a value"
    assert found["$.targets[1].unit"] == "count 目标需要单位 / a count target needs a unit"


def test_units_must_be_readable_by_planwatch(plan_data, reasons):
    plan_data["targets"][0]["unit"] = "英里"
    plan_data["indicators"][0]["unit"] = "furlongs"
    found = reasons(plan_data)
    assert found["$.targets[0].unit"] == "无法识别的单位 '英里' / unknown unit"
    assert found["$.indicators[0].unit"] == "无法识别的单位 'furlongs' / unknown unit"


def test_a_span_must_quote_the_target_text(plan_data, reasons):
    plan_data["targets"][0]["span"] = [6, 19]
    assert reasons(plan_data)["$.targets[0].span"] == (
        "原文此处为 ',地区生产总值突破500亿'，与 text 不符 / span does not quote text")


def test_a_span_must_lie_inside_the_source(plan_data, reasons):
    plan_data["goals"][0]["children"][0]["span"] = [10, 999]
    assert "超出原文长度" in reasons(plan_data)["$.goals[0].children[0].span"]


def test_a_span_must_not_end_before_it_starts(plan_data, reasons):
    plan_data["targets"][1]["span"] = [9, 3]
    assert "起点大于终点" in reasons(plan_data)["$.targets[1].span"]


def test_period_start_must_not_follow_the_deadline_year(plan_data, reasons):
    plan_data["targets"][0]["period_start"] = 2026
    assert reasons(plan_data)["$.targets[0].period_start"] == (
        "period_start 2026 晚于 year 2025 / period_start after year")


def test_the_plan_period_must_be_in_order(plan_data, reasons):
    plan_data["base_year"] = 2022
    assert "$.base_year" in reasons(plan_data)


def test_a_deadline_date_falls_in_the_target_year(plan_data, reasons):
    plan_data["targets"][2]["deadline"] = "2022-04-30"
    assert "不在目标年份 2021" in reasons(plan_data)["$.targets[2].deadline"]


def test_a_deadline_must_be_a_calendar_date(plan_data, reasons):
    plan_data["targets"][2]["deadline"] = "2021-02-30"
    assert reasons(plan_data)["$.targets[2].deadline"] == (
        "不是有效日期 '2021-02-30' / not a calendar date")


def test_a_relative_target_needs_a_benchmark(plan_data, reasons):
    plan_data["targets"][0]["kind"] = "relative"
    assert "needs a benchmark" in reasons(plan_data)["$.targets[0].benchmark"]


def test_a_benchmark_names_a_known_indicator_and_place(plan_data, reasons):
    target = plan_data["targets"][0]
    target.update(kind="relative", unit="百分点", value=2,
                  benchmark={"indicator": "人均收入", "place": "吉林省", "margin": 2})
    found = reasons(plan_data)
    assert found["$.targets[0].benchmark.indicator"].startswith("未知的对比指标 '人均收入'")
    assert found["$.targets[0].benchmark.place"].startswith("未知的对比地区 '吉林省'")


def test_a_benchmark_belongs_only_to_relative_targets(plan_data, reasons):
    plan_data["targets"][0]["benchmark"] = {"indicator": "地区生产总值"}
    assert "只有 relative 目标有 benchmark" in reasons(plan_data)["$.targets[0].benchmark"]


def test_a_parent_jurisdiction_must_be_listed(plan_data, reasons):
    plan_data["jurisdictions"] = []
    assert reasons(plan_data)["$.jurisdiction.parent"].startswith("未知的上级地区 '示范市'")


def test_departments_are_referred_to_by_their_full_name(plan_data, reasons):
    plan_data["targets"][0]["department"] = "区发改局"
    assert reasons(plan_data)["$.targets[0].department"].startswith("未知的部门 '区发改局'")


def test_numbers_must_be_finite(plan_data, reasons):
    plan_data["targets"][0]["value"] = math.nan
    assert "有限数" in reasons(plan_data)["$.targets[0].value"]


def test_project_stages_move_forward(plan_data, reasons):
    plan_data["projects"] = [{"key": "p1", "name": "天香公园", "stages": [
        {"stage": "开工", "date": "2021-05-01"}, {"stage": "签约", "date": "2021-06-01"}]}]
    assert "早于前一阶段" in reasons(plan_data)["$.projects[0].stages[1]"]


def test_a_task_refers_to_known_goals_and_departments(plan_data, reasons):
    plan_data["tasks"] = [{"key": "k1", "title": "开放天香公园", "year": 2021, "goal": "nowhere",
                           "departments": ["示范区发展和改革局", "区城管局"]}]
    found = reasons(plan_data)
    assert set(found) == {"$.tasks[0].goal", "$.tasks[0].departments[1]"}


def test_every_problem_is_reported_not_only_the_first(plan_data, reasons):
    plan_data["targets"][0]["unit"] = "英里"
    plan_data["targets"][1]["goal"] = "nowhere"
    plan_data["targets"][2]["kind"] = "wish"
    plan_data["departments"].append(dict(plan_data["departments"][0]))
    assert set(reasons(plan_data)) == {
        "$.targets[0].unit", "$.targets[1].goal", "$.targets[2].kind",
        "$.departments[1].name", "$.departments[1].short_name"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=12)


@given(json_values)
def test_any_yaml_shaped_data_gets_issues_not_a_crash(data):
    assert isinstance(validate_plan_data(data), list)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_plan_with_any_one_field_replaced_gets_issues_not_a_crash(plan_data, data):
    plan = copy.deepcopy(plan_data)  # the fixture is shared by every example
    containers = [plan]
    while True:
        container = containers[-1]
        keys = list(container) if isinstance(container, dict) else list(range(len(container)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        if isinstance(container[key], dict | list) and data.draw(st.booleans()):
            containers.append(container[key])
            continue
        container[key] = data.draw(json_values)
        break
    assert isinstance(validate_plan_data(plan), list)


def _custom_parks(plan_data, schedule):
    parks = plan_data["targets"][1]  # 新建公园 6个, 2021–2025
    parks.update(path="custom", schedule=schedule)
    return plan_data


def test_a_custom_path_with_its_schedule_by_year_is_valid(plan_data, reasons):
    assert reasons(_custom_parks(plan_data, {2021: 1, 2023: 3, 2025: 6})) == {}


def test_a_schedule_year_outside_the_plan_period_is_named_by_its_path(plan_data, reasons):
    found = reasons(_custom_parks(plan_data, {2020: 0, 2025: 6}))
    assert found == {"$.targets[1].schedule.2020": "年份 2020 不在基期 2020 之后、目标年 2025 之前 / "
                                                   "year outside base..deadline"}


def test_a_schedule_must_end_on_the_goal(plan_data, reasons):
    found = reasons(_custom_parks(plan_data, {2021: 1, 2025: 5}))
    assert found == {"$.targets[1].schedule.2025": "目标年的进度值 5 应等于目标值 6 / the schedule "
                                                   "must end on the goal"}


def test_a_schedule_is_keyed_by_years(plan_data, reasons):
    found = reasons(_custom_parks(plan_data, {"明年": 1, 2025: 6}))
    assert found == {"$.targets[1].schedule.明年": "键应为年份（整数）'明年' / a schedule is keyed by "
                                                  "years"}


def test_a_custom_path_needs_a_schedule_and_only_scheduled_kinds_have_one(plan_data, reasons):
    plan_data["targets"][1]["path"] = "custom"
    plan_data["targets"][3]["schedule"] = {2025: 0}
    found = reasons(plan_data)
    assert found["$.targets[1].schedule"].startswith("custom 路径需要逐年进度表")
    assert found["$.targets[3].path"].startswith("有逐年进度表 schedule 时 path 应为 custom")
