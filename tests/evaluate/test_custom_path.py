"""A custom path (methodology §6.2): the plan's own annual decomposition is the 序时进度.

The schedule decides where the target should stand at the as-of date (τ, the gap, the
status), both engines follow it, and a schedule that is the linear or geometric path gives
exactly the result of that path."""

from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.domain.vocabulary import PathShape
from planwatch.evaluate import EvaluationError, build_table, engine, reference
from planwatch.evaluate import labels as L
from planwatch.evaluate import table as T
from planwatch.evaluate.table import TargetTable

from .conftest import judge, make_target, series

YEARS = 5
START = 2020


def _table(kind, values, goal, *, log_path=False, schedule=None, sign=1.0):
    table = TargetTable.empty(1, YEARS + 1)
    table.kind[0], table.sign[0], table.log_path[0] = kind, sign, log_path
    table.start[0], table.deadline[0], table.goal[0] = START, START + YEARS, goal
    table.values[0, : len(values)] = values
    if schedule is not None:
        table.schedule[0, 1:] = schedule
    return table


def _agree(table: TargetTable, now: float):
    fast = engine.assess_table(table, now)
    assert reference.results_equal(fast, reference.assess_table(table, now)) == []
    return fast.row(0)


SHARES = st.lists(st.floats(0.05, 2.0), min_size=YEARS, max_size=YEARS).map(
    lambda steps: np.cumsum(steps) / np.sum(steps))  # how far along the path, by each year
NOW = st.sampled_from([2021.0, 2022.0, 2022.5, 2023.0, 2024.0, 2024.5])


@settings(max_examples=80, deadline=None)
@given(shares=SHARES, changes=st.lists(st.floats(-0.1, 0.2), min_size=5, max_size=5),
       now=NOW, kind=st.sampled_from([T.LEVEL, T.SHARE, T.GROWTH, T.CUMULATIVE, T.COUNT]),
       geometric=st.booleans(), ambition=st.floats(0.2, 1.0))
def test_engine_and_reference_agree_on_custom_paths(shares, changes, now, kind, geometric,
                                                    ambition):
    if kind in T.FLOW_KINDS:
        flows = 10 * np.exp(np.cumsum(changes))
        goal = 50 * (1 + ambition)
        table = _table(kind, [np.nan, *flows], goal, schedule=shares * goal)
    else:
        log_path = geometric and kind != T.SHARE
        base = 1.0 if kind == T.GROWTH else 100.0
        goal = base * np.exp(ambition)
        path = base * (goal / base) ** shares if log_path else base + shares * (goal - base)
        table = _table(kind, [base, *(base * np.exp(np.cumsum(changes)))], goal,
                       log_path=log_path, schedule=path)
    part_year = now != int(now)
    if part_year:  # a half-year figure after the last full year
        table.part_time[0], table.part_value[0] = now, table.values[0, int(now) - START] * 1.02
        table.values[0, int(now) - START + 1:] = np.nan
    _agree(table, now)


@settings(max_examples=60, deadline=None)
@given(changes=st.lists(st.floats(-0.1, 0.2), min_size=5, max_size=5), now=NOW,
       kind=st.sampled_from([T.LEVEL, T.SHARE, T.CUMULATIVE, T.COUNT]),
       ambition=st.floats(0.2, 1.0), log_path=st.booleans())
def test_a_custom_path_equal_to_the_linear_or_geometric_one_gives_its_result(
        changes, now, kind, ambition, log_path):
    flows = kind in T.FLOW_KINDS
    log_path = log_path and kind == T.LEVEL  # shares and flows run on a straight path
    shares = np.arange(1, YEARS + 1) / YEARS
    if flows:
        goal = 50 * (1 + ambition)
        values = [np.nan, *(10 * np.exp(np.cumsum(changes)))]
        path = shares * goal
    else:
        goal = 100 * np.exp(ambition)
        values = [100.0, *(100 * np.exp(np.cumsum(changes)))]
        path = 100 * (goal / 100) ** shares if log_path else 100 + shares * (goal - 100)
    plain = engine.assess_table(_table(kind, values, goal, log_path=log_path), now).row(0)
    custom = _agree(_table(kind, values, goal, log_path=log_path, schedule=path), now)
    assert custom["status"] == plain["status"]
    for name in ("elapsed", "progress", "ratio", "gap", "scheduled", "probability",
                 "required_rate"):
        assert custom[name] == pytest.approx(plain[name], rel=1e-9, abs=1e-9, nan_ok=True)


@settings(max_examples=60, deadline=None)
@given(shares=SHARES, year=st.integers(1, YEARS - 1),
       kind=st.sampled_from([T.LEVEL, T.SHARE, T.CUMULATIVE, T.COUNT]), geometric=st.booleans())
def test_standing_on_the_schedule_at_a_waypoint_is_on_schedule(shares, year, kind, geometric):
    """A figure exactly at a year's scheduled value: τ equals π, no gap, 符合预期."""
    if kind in T.FLOW_KINDS:
        goal = 60.0
        running = shares * goal
        flows = np.diff(np.concatenate([[0.0], running]))[:year]
        table = _table(kind, [np.nan, *flows], goal, schedule=running)
    else:
        log_path = geometric and kind == T.LEVEL
        path = 100 * 3 ** shares if log_path else 100 + shares * 200
        table = _table(kind, [100.0, *path[:year]], 300.0, log_path=log_path, schedule=path)
    r = _agree(table, START + year)
    assert r["scheduled"] == pytest.approx(running[year - 1] if kind in T.FLOW_KINDS
                                           else path[year - 1])
    assert r["gap"] == pytest.approx(0.0, abs=1e-9)
    assert r["elapsed"] == pytest.approx(r["progress"])
    assert r["status"] == L.ON_TRACK


def test_a_back_loaded_schedule_judges_a_slow_start_on_schedule_where_the_line_does_not():
    # 8 new schools: the plan builds 1 in 2021 and 1 in 2022, the rest later.
    plain = make_target("count", 8, "所", indicator="新建学校")
    custom = make_target("count", 8, "所", indicator="新建学校", path=PathShape.CUSTOM,
                         schedule={2021: 1, 2022: 2, 2023: 4, 2024: 6, 2025: 8})
    built = series("新建学校", {"2021": 1, "2022": 1}, unit="所", kind="count")
    on_line = judge(plain, built, date(2022, 12, 31))
    on_plan = judge(custom, built, date(2022, 12, 31))
    assert on_line.status == "behind" and on_line.elapsed == pytest.approx(0.4)
    assert on_plan.status == "on_track" and on_plan.elapsed == pytest.approx(0.25)
    assert on_plan.gap == pytest.approx(0.0)
    assert "按本规划的年度分解（总施工图），序时进度应完成25%（2所）" in on_plan.explanation
    assert "τ按本规划的年度分解计" in on_plan.rule


def test_a_custom_path_runs_between_its_waypoints_within_a_year():
    """A half-year figure is judged against the point halfway between two year ends."""
    target = make_target("share", 40, "%", indicator="绿化覆盖率", base_value=30,
                         path=PathShape.CUSTOM,
                         schedule={2021: 31, 2022: 35, 2023: 37, 2024: 39, 2025: 40})
    figures = series("绿化覆盖率", {"2021": 31, "2022H1": 33}, unit="%")
    judged = judge(target, figures, date(2022, 6, 30))
    assert judged.elapsed == pytest.approx((33 - 30) / 10)  # S(2021.5) = 33
    assert judged.gap == pytest.approx(0.0)


def test_a_growth_schedule_is_the_average_growth_since_the_base_by_each_year():
    # 年均增长 6%: 5 % in 2021, then faster; the average since the base by each year.
    rates = {2021: 5.0, 2022: 5.5, 2023: 6.0, 2024: 6.5, 2025: 7.0}
    index, schedule = 1.0, {}
    for k, (year, rate) in enumerate(rates.items(), start=1):
        index *= 1 + rate / 100
        schedule[year] = (index ** (1 / k) - 1) * 100
    target = make_target("growth", round(schedule[2025], 6), "%", path=PathShape.CUSTOM,
                         schedule=schedule)
    figures = series("地区生产总值", {"2021": 5.0, "2022": 5.5}, unit="%", kind="growth_pct")
    judged = judge(target, figures, date(2022, 12, 31))
    assert judged.gap == pytest.approx(0.0, abs=1e-9)
    assert "按本规划的年度分解（总施工图），此时应年均增长5.2%" in judged.explanation


def test_a_schedule_with_a_year_left_out_is_filled_between_its_neighbours():
    target = make_target("cumulative", 600, "亿元", indicator="固定资产投资", path=PathShape.CUSTOM,
                         schedule={2021: 100, 2023: 400, 2025: 600})
    table, _ = build_table([target], [], date(2021, 12, 31))
    assert list(table.schedule[0, 1:]) == pytest.approx([100, 250, 400, 500, 600])


def test_a_geometric_quantity_keeps_its_log_scale_on_a_custom_path():
    target = make_target("level", 400, "亿元", base_value=100, path=PathShape.CUSTOM,
                         schedule={2021: 150, 2023: 300, 2025: 400})
    table, _ = build_table([target], [], date(2021, 12, 31))
    assert table.log_path[0]
    assert table.schedule[0, 2] == pytest.approx(np.sqrt(150 * 300))


@pytest.mark.parametrize(("fields", "message"), [
    ({"path": PathShape.CUSTOM}, "t1: schedule: custom 路径需要逐年进度表"),
    ({"schedule": {2025: 100}}, "t1: path: 有逐年进度表 schedule 时 path 应为 custom"),
    ({"path": PathShape.CUSTOM, "schedule": {2019: 50, 2025: 100}},
     "t1: schedule.2019: 年份 2019 不在基期 2020 之后、目标年 2025 之前"),
    ({"path": PathShape.CUSTOM, "schedule": {2021: 50, 2025: 90}},
     "t1: schedule.2025: 目标年的进度值 90 应等于目标值 100"),
    ({"path": PathShape.CUSTOM, "schedule": {2021: 50}},
     "t1: schedule: 进度表须给出目标年 2025 的值"),
    ({"kind": "multiple", "value": 2, "path": PathShape.CUSTOM, "schedule": {2025: 2}},
     "t1: schedule: multiple 目标不按年度进度表评估"),
])
def test_a_schedule_that_cannot_be_followed_is_refused_naming_target_and_field(fields,
                                                                               message):
    target = make_target(**{"kind": "level", "value": 100, **fields})
    with pytest.raises(EvaluationError, match=message):
        build_table([target], [], date(2022, 12, 31))

