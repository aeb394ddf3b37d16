"""The target chart's geometry: what each line of the ECharts option says."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from planwatch.evaluate import table as T
from planwatch.web.plans import charts

NAN = math.nan


def chart_input(kind=T.LEVEL, values=(100.0, 110.0, 121.0, NAN, NAN, NAN), goal=200.0,
                log_path=True, result=None, part=(NAN, NAN)) -> charts.ChartInput:
    return charts.ChartInput(
        kind=kind, start=2020.0, deadline=2025.0, goal=goal, log_path=log_path,
        values=list(values), part_time=part[0], part_value=part[1],
        result=result or {"projected": 180.0, "low": 150.0, "high": 210.0}, unit="亿元",
        own_growth=[], benchmark_growth=[], benchmark_name="", illustrative=False)


def test_the_target_path_is_geometric_for_a_growing_amount():
    path = charts.target_path(chart_input())
    assert path[0] == (2020.0, 100.0) and path[-1] == (2025.0, 200.0)
    assert math.isclose(dict(path)[2021.0], 100 * 2 ** 0.2)


def test_the_target_path_is_straight_for_a_rate():
    path = charts.target_path(chart_input(log_path=False))
    assert math.isclose(dict(path)[2021.0], 120.0)


def test_the_required_path_runs_from_the_latest_figure_to_the_goal():
    observed = charts.observed_points(chart_input())
    required = charts.required_path(chart_input(), observed[-1])
    assert required[0] == (2022.0, 121.0) and required[-1] == (2025.0, 200.0)


def test_flows_are_drawn_as_a_running_total_with_the_year_to_date_figure():
    chart = chart_input(kind=T.CUMULATIVE, values=(NAN, 1.0, 2.0, NAN, NAN, NAN),
                        part=(2022.5, 0.5))
    assert charts.observed_points(chart) == [(2021.0, 1.0), (2022.0, 3.0), (2022.5, 3.5)]
    assert charts.target_path(chart)[0] == (2020.0, 0.0)


def test_a_growth_targets_projection_is_drawn_on_its_index():
    chart = chart_input(kind=T.GROWTH, values=(1.0, 1.06, NAN, NAN, NAN, NAN), goal=1.06 ** 5,
                        result={"projected": 6.0, "low": 4.0, "high": 8.0})
    line, band = charts.projection(chart, (2021.0, 1.06))
    assert math.isclose(line[-1][1], 1.06 ** 5)
    assert math.isclose(band[3], 1.04 ** 5) and math.isclose(band[4], 1.08 ** 5)


def test_a_relative_target_has_its_margin_as_a_flat_line_and_no_projection():
    chart = chart_input(kind=T.RELATIVE, values=(NAN, 1.0, 0.5, NAN, NAN, NAN), goal=2.0,
                        log_path=False)
    assert charts.target_path(chart) == [(2020.0, 2.0), (2025.0, 2.0)]
    assert charts.projection(chart, (2022.0, 0.5)) == ([], None)


def test_no_outlook_means_no_projection():
    chart = chart_input(result={"projected": NAN, "low": NAN, "high": NAN})
    assert charts.projection(chart, (2022.0, 121.0)) == ([], None)


def test_the_option_marks_the_deadline_and_the_goal_and_turns_animation_off():
    option = charts.echarts_option(chart_input())
    assert option["animation"] is False
    marks = option["series"][0]["markLine"]["data"]
    assert marks[0]["xAxis"] == 2025.0 and marks[1]["yAxis"] == 200.0
    band = [s for s in option["series"] if s.get("planwatchBand")]
    assert band and band[0]["data"] == [[2022.0, 121.0, 2025.0, 150.0, 210.0]]


@given(st.floats(1, 1e6), st.floats(1, 1e6), st.booleans())
def test_every_path_starts_and_ends_where_it_is_asked_to(start, end, log):
    path = charts._between((2020.3, start), (2025.0, end), log)
    assert path[0] == (2020.3, start)
    assert math.isclose(path[-1][1], end, rel_tol=1e-9)
    assert [t for t, _ in path] == sorted(t for t, _ in path)
