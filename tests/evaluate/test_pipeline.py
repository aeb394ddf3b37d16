"""The pipeline outlook of count targets measured from project records (methodology §6.4)."""

from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.evaluate.pipeline import (
    DEFAULT_PIPELINE,
    at_least,
    completion_probability,
    pipeline_outlook,
)


def brute_force_at_least(probabilities, needed):
    total = 0.0
    for outcome in product([0, 1], repeat=len(probabilities)):
        if sum(outcome) >= needed:
            weight = 1.0
            for hit, p in zip(outcome, probabilities, strict=True):
                weight *= p if hit else 1 - p
            total += weight
    return total


@given(st.lists(st.floats(0, 1), max_size=8), st.integers(-1, 9))
def test_at_least_is_the_poisson_binomial_tail(probabilities, needed):
    assert at_least(probabilities, needed) == pytest.approx(
        brute_force_at_least(probabilities, needed), abs=1e-9)


def test_a_project_already_at_the_stage_is_certain_and_one_with_no_time_left_cannot_arrive():
    assert completion_probability(0, 0.0) == 1.0
    assert completion_probability(2, 0.0) == 0.0


def test_a_full_year_gives_the_configured_yearly_chance_by_stages_to_go():
    assert completion_probability(1, 1.0) == pytest.approx(DEFAULT_PIPELINE.one_stage)
    assert completion_probability(3, 1.0) == pytest.approx(DEFAULT_PIPELINE.three_stages)
    assert completion_probability(6, 1.0) == pytest.approx(DEFAULT_PIPELINE.further)


@given(st.integers(1, 6), st.floats(0.01, 3), st.floats(0.01, 3))
def test_more_time_never_lowers_the_chance(stages, shorter, extra):
    assert completion_probability(stages, shorter + extra) >= completion_probability(
        stages, shorter)


def test_a_goal_already_reached_is_likely_whatever_is_pending():
    outlook = pipeline_outlook(reached=70, goal=68, pending=[(0.1, 1)] * 5)
    assert outlook.probability == 1.0
    assert outlook.outlook == "likely"


def test_a_goal_out_of_reach_of_the_whole_pipeline_is_unlikely():
    outlook = pipeline_outlook(reached=10, goal=68, pending=[(0.9, 1)] * 20)
    assert outlook.probability == 0.0
    assert outlook.outlook_zh == "预计难以完成"
    assert outlook.projected == pytest.approx(28.0)


def test_a_pipeline_of_near_certain_projects_covering_the_gap_is_likely():
    outlook = pipeline_outlook(reached=30, goal=35, pending=[(0.95, 1)] * 10)
    assert outlook.probability > 0.99
    low, high = outlook.interval
    assert 30 <= low <= outlook.projected <= high


def test_summed_amounts_use_the_weighted_sum():
    outlook = pipeline_outlook(reached=150, goal=200, pending=[(0.5, 40), (0.5, 60)])
    assert outlook.projected == pytest.approx(200)
    assert outlook.probability == pytest.approx(0.5)
