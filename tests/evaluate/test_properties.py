"""Properties of the method, checked on generated data (hypothesis): the vectorised engine
equals the reference, probabilities are probabilities, intervals hold their projection, more
progress never hurts, and the unit a figure is written in changes nothing."""

from datetime import date

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planwatch.evaluate import assess, engine, reference
from planwatch.evaluate import table as T
from planwatch.evaluate.config import DEFAULT_CONFIG
from planwatch.evaluate.labels import STATUS_RANK
from planwatch.evaluate.synthetic import synthetic_table
from planwatch.evaluate.table import TargetTable

from .conftest import make_target, series

NOW = st.sampled_from([2015.0, 2016.0, 2017.0, 2019.5, 2020.0, 2022.0, 2024.5, 2025.0, 2026.0])


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), now=NOW)
def test_vectorised_engine_equals_the_reference(seed, now):
    table = synthetic_table(300, seed=seed)
    fast = engine.assess_table(table, now, chunk=64)
    slow = reference.assess_table(table, now)
    assert reference.results_equal(fast, slow) == []


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), now=NOW)
@example(seed=2233, now=2024.5)  # a far tail where 0.5 − 0.5 rounded to −1e-16
def test_probabilities_are_probabilities_and_intervals_hold_the_projection(seed, now):
    results = engine.assess_table(synthetic_table(500, seed=seed), now)
    judged = ~np.isnan(results.probability)
    assert np.all((results.probability[judged] >= 0) & (results.probability[judged] <= 1))
    shown = ~np.isnan(results.projected)
    assert np.all(results.low[shown] <= results.projected[shown] + 1e-9)
    assert np.all(results.projected[shown] <= results.high[shown] + 1e-9)


def _table(kind, values, goal, *, sign=1.0, log_path=False, scope=T.END_YEAR):
    table = TargetTable.empty(1, 6)
    table.kind[0], table.sign[0], table.log_path[0], table.scope[0] = kind, sign, log_path, scope
    table.percent[0] = not log_path
    table.start[0], table.deadline[0], table.goal[0] = 2020, 2025, goal
    table.values[0, : len(values)] = values
    return table


def _no_worse(before: TargetTable, after: TargetTable, now: float) -> None:
    first, second = engine.assess_table(before, now), engine.assess_table(after, now)
    rank_before = STATUS_RANK[int(first.status[0])]
    rank_after = STATUS_RANK[int(second.status[0])]
    if rank_before is not None and rank_after is not None:
        assert rank_after >= rank_before
    if not np.isnan(first.probability[0]):
        assert second.probability[0] >= first.probability[0] - 1e-12


CHANGES = st.lists(st.floats(-0.1, 0.15), min_size=1, max_size=5)
BOOST = st.floats(0.001, 0.1)


@settings(max_examples=150, deadline=None)
@given(changes=CHANGES, boost=BOOST, ambition=st.floats(-0.1, 0.3),
       sign=st.sampled_from([1.0, -1.0]), kind=st.sampled_from([T.LEVEL, T.SHARE, T.GROWTH]))
def test_faster_progress_on_a_path_never_gives_a_worse_status_or_lower_probability(
        changes, boost, ambition, sign, kind):
    if kind == T.GROWTH:
        sign = 1.0
    steps = np.concatenate([[0.0], np.cumsum(changes)])
    faster = steps + sign * boost * np.arange(len(steps))
    if kind == T.SHARE:
        before = _table(kind, 50 + 10 * steps, 50 + sign * 50 * ambition, sign=sign)
        after = _table(kind, 50 + 10 * faster, 50 + sign * 50 * ambition, sign=sign)
    else:
        scale = 1.0 if kind == T.GROWTH else 100.0
        goal = scale * np.exp(sign * 5 * ambition)
        before = _table(kind, scale * np.exp(steps), goal, sign=sign, log_path=True)
        after = _table(kind, scale * np.exp(faster), goal, sign=sign, log_path=True)
    _no_worse(before, after, 2020.0 + len(changes))


@settings(max_examples=100, deadline=None)
@given(changes=CHANGES, boost=BOOST, ambition=st.floats(0.5, 1.5))
def test_larger_flows_never_give_a_worse_status_or_lower_probability(changes, boost,
                                                                   ambition):
    flows = np.concatenate([[np.nan], 10 * np.exp(np.cumsum(changes))])
    goal = 50 * ambition
    _no_worse(_table(T.CUMULATIVE, flows, goal), _table(T.CUMULATIVE, flows * (1 + boost), goal),
              2020.0 + len(changes))


@settings(max_examples=100, deadline=None)
@given(gaps=st.lists(st.floats(-3, 3), min_size=1, max_size=5), boost=st.floats(0.01, 1),
       scope=st.sampled_from([T.END_YEAR, T.EACH_YEAR, T.PERIOD_AVERAGE]),
       margin=st.sampled_from([0.0, 1.0, 2.0]))
def test_wider_gaps_over_the_benchmark_never_hurt(gaps, boost, scope, margin):
    values = np.concatenate([[np.nan], gaps])
    _no_worse(_table(T.RELATIVE, values, margin, scope=scope),
              _table(T.RELATIVE, values + boost, margin, scope=scope), 2020.0 + len(gaps))


@settings(max_examples=100, deadline=None)
@given(levels=st.lists(st.floats(3, 6), min_size=2, max_size=6), boost=st.floats(0.01, 1),
       sign=st.sampled_from([1.0, -1.0]))
def test_more_headroom_under_a_bound_never_hurts(levels, boost, sign):
    values = np.array(levels)
    _no_worse(_table(T.BOUND_EACH_YEAR, values, 4.5, sign=sign),
              _table(T.BOUND_EACH_YEAR, values + sign * boost, 4.5, sign=sign),
              2020.0 + len(levels) - 1)


OUTLOOK_THRESHOLDS = (DEFAULT_CONFIG.likely, DEFAULT_CONFIG.probable, DEFAULT_CONFIG.at_risk)
STATUS_THRESHOLDS = (DEFAULT_CONFIG.on_track, DEFAULT_CONFIG.behind)


def _on_a_threshold(value: float | None, thresholds: tuple[float, ...]) -> bool:
    return value is not None and any(abs(value - limit) < 1e-9 for limit in thresholds)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(base=10.0, growth=[0.0, -7.304535665484187e-17], ambition=1.0, kind="level")
@given(base=st.floats(10, 1000), growth=st.lists(st.floats(-0.05, 0.15), min_size=1,
                                                 max_size=4),
       ambition=st.floats(1.0, 2.0), kind=st.sampled_from(["level", "cumulative"]))
def test_the_same_data_in_wan_yuan_instead_of_yi_yuan_changes_nothing(base, growth, ambition,
                                                                     kind):
    levels = base * np.cumprod([1.0, *(1 + g for g in growth)])
    points = {str(2020 + i): float(v) for i, v in enumerate(levels)}
    if kind == "cumulative":
        points.pop("2020")
    goal = float(levels[0] * ambition * (5 if kind == "cumulative" else 1))
    as_of = date(2020 + len(growth), 12, 31)
    [yi] = assess([make_target(kind, goal)], series("地区生产总值", points), as_of)
    [wan] = assess([make_target(kind, goal * 1e4, "万元")],
                   series("地区生产总值", {p: v * 1e4 for p, v in points.items()}, unit="万元"),
                   as_of)
    for field in ("probability", "progress", "elapsed", "ratio"):
        a, b = getattr(yi, field), getattr(wan, field)
        assert (a is None and b is None) or a == pytest.approx(b, rel=1e-9, abs=1e-12)
    # The labels are the same, unless a figure sits on a threshold to rounding (a flat series
    # whose goal is its own level has P = 0.5 exactly, and 1e4 × rounds either side of it).
    if not _on_a_threshold(yi.probability, OUTLOOK_THRESHOLDS):
        assert yi.outlook == wan.outlook
    if not _on_a_threshold(yi.ratio, STATUS_THRESHOLDS):
        assert yi.status == wan.status
    if yi.projected is not None:
        assert wan.projected == pytest.approx(yi.projected * 1e4, rel=1e-9)


@settings(max_examples=100, deadline=None)
@given(counts=st.lists(st.integers(0, 6), min_size=1, max_size=5), extra=st.integers(1, 3),
       goal=st.integers(5, 30))
def test_more_items_completed_never_hurt(counts, extra, goal):
    values = np.concatenate([[np.nan], counts]).astype(float)
    more = values.copy()
    more[-1] += extra
    _no_worse(_table(T.COUNT, values, goal), _table(T.COUNT, more, goal),
              2020.0 + len(counts))


@settings(max_examples=100, deadline=None)
@given(counts=st.lists(st.integers(1, 15), min_size=2, max_size=6), fewer=st.integers(1, 3))
def test_fewer_cases_left_never_hurt_a_zero_target(counts, fewer):
    values = np.array(counts, dtype=float)
    less = values.copy()
    less[-1] = max(0.0, less[-1] - fewer)
    _no_worse(_table(T.ZERO, values, 0.0, sign=-1.0), _table(T.ZERO, less, 0.0, sign=-1.0),
              2020.0 + len(counts) - 1)
