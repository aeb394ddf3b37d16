"""Roll-up: counts per goal and for the plan, and a score whose formula travels with it."""

from datetime import date

import pytest

from planwatch.domain import Goal
from planwatch.evaluate import assess, rollup
from planwatch.evaluate.rollup import target_score

from .conftest import make_target, series


@pytest.fixture
def judged():
    targets = [
        make_target("share", 65, "%", id="a", indicator="城镇化率", goal="economy"),
        make_target("share", 65, "%", id="b", indicator="绿化率", goal="green",
                    attribute="约束性"),
        make_target("share", 65, "%", id="c", indicator="无数据", goal="green"),
    ]
    observations = (series("城镇化率", {"2020": 60, "2023": 66}, unit="%")
                    + series("绿化率", {"2020": 60, "2023": 61}, unit="%"))
    return targets, assess(targets, observations, date(2023, 12, 31))


def test_counts_by_status_and_outlook_for_the_plan(judged):
    targets, assessments = judged
    plan = rollup(assessments, targets)["plan"]
    assert plan["targets"] == 3 and plan["judged"] == 2 and plan["warnings"] == 1
    assert plan["status"] == {"achieved_early": 1, "well_behind": 1, "insufficient_data": 1}
    assert sum(plan["outlook"].values()) == 3


def test_score_is_the_weighted_mean_of_target_scores(judged):
    targets, assessments = judged
    a, b, _ = assessments
    # 约束性 b weighs 2; unjudged c is left out
    expected = (target_score(a) + 2 * target_score(b)) / 3
    assert rollup(assessments, targets)["plan"]["score"] == round(expected, 1)
    assert target_score(a) == 100.0  # 提前实现 without an outlook: its status points


def test_goals_count_the_targets_below_them(judged):
    targets, assessments = judged
    tree = [Goal("plan", "规划目标", "vision", children=[
        Goal("economy", "经济发展", "area"), Goal("green", "绿色发展", "area")])]
    groups = {g["key"]: g for g in rollup(assessments, targets, tree)["goals"]}
    assert groups["plan"]["targets"] == 3
    assert groups["green"]["targets"] == 2 and groups["economy"]["targets"] == 1


def test_without_a_tree_goal_keys_form_flat_groups(judged):
    targets, assessments = judged
    summary = rollup(assessments, targets)
    assert [g["key"] for g in summary["goals"]] == ["economy", "green"]
    assert "约束性指标权重 2" in summary["formula"]


def test_the_columnar_rollup_gives_the_same_counts_and_score(judged):
    import numpy as np

    from planwatch.evaluate import build_table, engine, plan_time
    from planwatch.evaluate.labels import STATUS_BY_CODE
    from planwatch.evaluate.rollup import rollup_table

    targets, assessments = judged
    observations = (series("城镇化率", {"2020": 60, "2023": 66}, unit="%")
                    + series("绿化率", {"2020": 60, "2023": 61}, unit="%"))
    as_of = date(2023, 12, 31)
    table, _ = build_table(targets, observations, as_of)
    results = engine.assess_table(table, plan_time(as_of))
    bulk = rollup_table(results, np.zeros(3, np.int64), table.binding)
    plan = rollup(assessments, targets)["plan"]
    assert bulk["score"][0] == pytest.approx(plan["score"], abs=0.05)
    assert bulk["status"][0, STATUS_BY_CODE["well_behind"]] == 1


def test_assess_plan_judges_every_target_and_rolls_up_the_goal_tree():
    from planwatch.domain.observation_csv import read_observations
    from planwatch.evaluate import assess_plan
    from planwatch.planfile import load_plan
    from planwatch.samples import luyuan

    plan = load_plan(luyuan.PLAN_PATH)
    observations = read_observations(luyuan.ILLUSTRATIVE_OBSERVATIONS_PATH)
    assessments, summary = assess_plan(plan, observations, date(2024, 6, 30))
    assert [a.target_id for a in assessments] == [t.id for t in plan.targets]
    assert summary["plan"]["targets"] == len(plan.targets)
    assert summary["plan"]["score"] is not None
    top = {goal.key for goal in plan.goals}
    assert top & {group["key"] for group in summary["goals"]}
