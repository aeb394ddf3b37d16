"""build_report: one document whose words and numbers come from the plan, data and engine."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain import (
    Comparator,
    Goal,
    Kind,
    Project,
    ProjectStage,
    StageTransition,
    Target,
    Task,
    TaskStatus,
)
from planwatch.reports import PLACEHOLDER, ReportError, ReportKind, build_report
from planwatch.reports.build import (
    ANNUAL_TABLE,
    INDICATOR_TABLE,
    METHOD_TABLE,
    OBSERVATION_TABLE,
    format_number,
    report_year,
)
from planwatch.reports.model import Paragraph, ParagraphRole, Tone

from .conftest import made_assessment, make_small_input, make_small_observations, observation


def texts(section) -> list[str]:
    return [block.text for s in section.walk() for block in s.blocks
            if isinstance(block, Paragraph)]


def section(document, title: str):
    return next(s for s in document.walk() if title in s.title)


def test_sections_follow_the_midterm_structure():
    titles = [s.title for s in build_report(make_small_input()).sections]
    assert titles == ["一、总体评价", "二、主要指标完成情况", "三、分领域进展", "四、存在的问题",
                      "五、下一步建议", "附录"]


def test_indicator_table_has_one_row_per_target_with_the_engine_labels(small_input):
    table = build_report(small_input).table(INDICATOR_TABLE)
    by_name = {row[1].text: row for row in table.rows}
    assert list(by_name) == ["地区生产总值", "服务业增加值增速", "登记失业率"]
    gdp = by_name["地区生产总值"]
    assert [c.value for c in gdp[4:8]] == [300.0, 500.0, 2025, 352.5]
    assert gdp[5].text == "≥500"
    assert gdp[8].text == "2022年（示意）"
    assert (gdp[9].value, gdp[9].text) == (0.52, "52.0%")
    assert (gdp[11].text, gdp[11].tone) == ("快于预期", Tone.GOOD)
    assert (gdp[12].text, gdp[12].tone) == ("预计能够完成", Tone.GOOD)
    jobless = by_name["登记失业率"]
    assert (jobless[3].text, jobless[11].tone) == ("约束性", Tone.BAD)
    assert by_name["服务业增加值增速"][5].text == "高于地区生产总值增速2个百分点以上"


def test_first_page_warns_when_illustrative_figures_are_used(small_input):
    notices = build_report(small_input).notices
    assert notices[0].role is ParagraphRole.NOTICE
    assert "1项示意数据" in notices[0].text and "地区生产总值" in notices[0].text


def test_no_warning_and_no_illustrative_appendix_for_official_data_only():
    official = [o for o in make_small_observations() if o.provenance != "illustrative"]
    document = build_report(make_small_input(observations=official))
    assert all(n.role is not ParagraphRole.NOTICE for n in document.notices)
    assert "示意数据清单" not in [s.title.split()[-1] for s in document.walk()]


def test_unfilled_narrative_shows_a_visible_placeholder(small_input):
    advice = section(build_report(small_input), "下一步建议")
    assert [(b.text, b.role) for b in advice.blocks] == [(PLACEHOLDER,
                                                         ParagraphRole.PLACEHOLDER)]


def test_planners_narrative_replaces_the_placeholder():
    document = build_report(make_small_input(
        narrative={"下一步建议": "加快服务业项目建设。\n稳定就业。"}))
    assert texts(section(document, "下一步建议")) == ["加快服务业项目建设。", "稳定就业。"]
    assert PLACEHOLDER not in texts(section(document, "下一步建议"))


def test_unknown_narrative_section_is_refused():
    with pytest.raises(ReportError, match="narrative: unknown section '结语'"):
        make_small_input(narrative={"结语": "…"})


def test_assessment_of_a_target_the_plan_lacks_is_refused():
    stray = made_assessment("nope", "on_track", "likely")
    with pytest.raises(ReportError, match="'nope': no such target in plan demo"):
        build_report(make_small_input(assessments=[stray]))


def test_problems_list_binding_targets_first_with_department_explanations():
    document = build_report(make_small_input(explanations={"jobless": "受疫情影响，岗位减少。"}))
    problems = texts(section(document, "存在的问题"))
    assert problems[0].startswith("【约束性·预警】登记失业率：未守住控制目标")
    assert problems[1] == "区人社局说明：受疫情影响，岗位减少。"
    assert problems[2].startswith("【预期性】服务业增加值增速：滞后（需加快）")
    assert problems[3] == "责任部门尚未提交书面说明。"
    assert all("地区生产总值：" not in text for text in problems)


def test_overall_judgement_counts_statuses_and_names_lagging_binding_targets(small_input):
    overall = texts(section(build_report(small_input), "总体评价"))
    assert "纳入评估的主要指标共3项，其中约束性1项、预期性2项" in overall[1]
    assert "达到或超过序时进度的1项，占33%" in overall[1]
    assert overall[2].startswith("约束性指标中，登记失业率")


def test_every_target_with_data_gets_a_chart_with_its_path_and_projection(small_input):
    charts = {chart.key: chart.spec for chart in build_report(small_input).charts()}
    assert set(charts) == {"chart-gdp", "chart-services", "chart-jobless"}
    gdp = charts["chart-gdp"]
    assert [p.value for p in gdp.observed] == [300.0, 330.0, 352.5]
    assert [p.illustrative for p in gdp.observed] == [False, False, True]
    assert gdp.path[0] == (2020.0, 300.0) and gdp.path[-1] == pytest.approx((2025.0, 500.0))
    assert (gdp.projection, gdp.band) == ((2025.0, 505.0), (470.0, 540.0))
    services = charts["chart-services"]
    assert [p.value for p in services.benchmark] == [10.0]
    assert services.target is None


def test_data_appendix_lists_every_observation_with_its_provenance(small_input):
    table = build_report(small_input).table(OBSERVATION_TABLE)
    assert len(table.rows) == len(small_input.observations)
    assert sorted(row[6].text for row in table.rows) == ["官方数据"] * 6 + ["示意数据"]


def test_annual_report_covers_the_last_complete_year_and_its_own_targets():
    plan = make_small_input().plan
    plan.goals.append(Goal("y2022", "2022年重点工作", "annual_area", year=2022))
    plan.targets.append(Target("jobs2022", "城镇新增就业", Kind.LEVEL, Comparator.GE, 8000.0, "人", 2022,
                               2022, goal="y2022"))
    assessments = [*make_small_input().assessments,
                   made_assessment("jobs2022", "achieved", "likely", latest_value=8200.0,
                                   latest_period="2022年", unit="人",
                                   series=[("2022", 8200.0)])]
    observations = [*make_small_observations(),
                    observation("城镇新增就业", "2022", 8200.0, "人")]
    document = build_report(make_small_input(plan=plan, kind=ReportKind.ANNUAL,
                                              assessments=assessments,
                                              observations=observations))
    assert "2022年度" in document.title
    assert [row[1].text for row in document.table(ANNUAL_TABLE).rows] == ["城镇新增就业"]
    assert "城镇新增就业" not in [row[1].text for row in document.table(INDICATOR_TABLE).rows]


@pytest.mark.parametrize(("as_of", "year"), [(date(2023, 12, 31), 2023),
                                              (date(2024, 3, 31), 2023)])
def test_annual_report_year(as_of, year):
    assert report_year(ReportKind.ANNUAL, as_of) == year


def test_final_report_says_so_in_its_title(small_input):
    document = build_report(replace(small_input, kind=ReportKind.FINAL))
    assert document.title.endswith("实施总结评估报告")


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_printed_numbers_keep_two_decimals_and_say_how_many(value):
    text, decimals = format_number(value)
    assert float(text) == pytest.approx(round(value, 2), abs=1e-9)
    assert decimals == (len(text.split(".")[1]) if "." in text else 0) <= 2
    assert not text.endswith("0") or "." not in text


def test_explanation_for_a_target_the_plan_lacks_is_refused():
    with pytest.raises(ReportError, match="explanations: no target 'nope' in plan demo"):
        make_small_input(explanations={"nope": "…"})


def test_method_appendix_lists_the_engines_settings_with_their_meaning():
    @dataclass(frozen=True)
    class Settings:
        ahead: float = 1.1
        likely: float = 0.8

    table = build_report(make_small_input(config=Settings())).table(METHOD_TABLE)
    assert [(row[0].text, row[1].value, row[2].text) for row in table.rows] == [
        ("ahead", 1.1, "进度比 ρ 不低于此值：快于预期"),
        ("likely", 0.8, "完成概率不低于此值：预计能够完成")]


def test_key_tasks_and_projects_get_their_own_section_with_the_stage_on_the_as_of_date():
    plan = make_small_input().plan
    plan.tasks.append(Task("t1", "建设西部物流园", 2022, lead_department="区发改局",
                           deadline=date(2022, 10, 31), status=TaskStatus.DELAYED))
    plan.projects.append(Project("p1", "中车配套产业园", investment=12.5, department="区工信局",
                                 stages=[StageTransition(ProjectStage.SIGNED, date(2022, 3, 1)),
                                         StageTransition(ProjectStage.STARTED,
                                                         date(2023, 9, 1))]))
    document = build_report(make_small_input(plan=plan))
    assert [s.title for s in document.sections][4] == "五、重点任务与项目"
    task = document.table("tasks").rows[0]
    assert [c.text for c in task] == ["2022", "建设西部物流园", "区发改局", "2022-10-31", "滞后"]
    assert task[4].tone is Tone.BAD
    project = document.table("projects").rows[0]
    assert [c.text for c in project] == ["中车配套产业园", "12.5", "", "签约", "区工信局",
                                         "示意数据"]


def test_without_tasks_or_projects_the_section_is_left_out(small_input):
    titles = [s.title for s in build_report(small_input).sections]
    assert not any("重点任务" in title for title in titles)


STATUS_CODES = ["achieved_early", "ahead", "on_track", "behind", "well_behind", "moving_away",
                "breached", "missed", "insufficient_data", "qualitative"]
OUTLOOK_CODES = ["likely", "probable", "at_risk", "unlikely", "no_outlook"]


@given(st.lists(st.tuples(st.sampled_from(STATUS_CODES), st.sampled_from(OUTLOOK_CODES)),
                min_size=3, max_size=3))
def test_any_judgement_reaches_the_table_and_the_problems_in_order(judgements):
    ids = ["gdp", "services", "jobless"]
    assessments = [made_assessment(target_id, status, outlook)
                   for target_id, (status, outlook) in zip(ids, judgements, strict=True)]
    document = build_report(make_small_input(assessments=assessments))
    rows = document.table(INDICATOR_TABLE).rows
    assert [(row[11].text, row[12].text) for row in rows] == [
        (a.status_zh, a.outlook_zh) for a in assessments]
    lagging = [a for a in assessments
               if a.status in ("behind", "well_behind", "moving_away", "breached", "missed")
               or a.outlook in ("at_risk", "unlikely")]
    listed = [text for text in texts(section(document, "存在的问题")) if text.startswith("【")]
    assert len(listed) == len(lagging)
    binding_first = [text.startswith("【约束性") for text in listed]
    assert binding_first == sorted(binding_first, reverse=True)
    counts = document.table("status_counts").rows
    assert sum(row[2].value for row in counts if row[0].text == "进度评价") == 3


def test_overall_judgement_when_no_binding_target_lags():
    assessments = [made_assessment("gdp", "on_track", "likely"),
                   made_assessment("services", "on_track", "likely"),
                   made_assessment("jobless", "maintained", "likely")]
    overall = texts(section(build_report(make_small_input(assessments=assessments)), "总体评价"))
    assert "1项约束性指标中，没有进度滞后或完成存在风险的指标。" in overall
    assert "在可作进度评价的3项中，达到或超过序时进度的3项，占100%。" in overall[1]


def test_plan_score_comes_from_the_engines_rollup():
    rollup = {"formula": "目标得分 = …", "goals": [],
              "plan": {"targets": 3, "judged": 2, "warnings": 1, "score": 61.5}}
    document = build_report(make_small_input(rollup=rollup))
    assert ("按综合评分方法计算，规划实施综合得分61.5分（满分100分；计入全部3项目标中可评价的2项，"
            "计算方法见附录）。") in texts(section(document, "总体评价"))
    assert "综合得分：目标得分 = …" in texts(section(document, "评估方法"))


def test_targets_the_engine_could_not_judge_are_counted_and_listed_with_the_reason():
    reason = "unit: cannot convert 人 to 亿元"
    assessments = make_small_input().assessments[:2]
    document = build_report(make_small_input(assessments=assessments,
                                             unjudged={"jobless": reason}))
    assert "另有1项目标因数据或设定问题未能评估，未计入上述统计，原因见附录。" in texts(
        section(document, "总体评价"))
    assert [[c.text for c in row] for row in document.table("unjudged").rows] == [
        ["jobless", "登记失业率", reason]]


def test_unjudged_target_the_plan_lacks_is_refused():
    with pytest.raises(ReportError, match="unjudged: no target 'nope' in plan demo"):
        make_small_input(unjudged={"nope": "…"})
