"""A target's chart as an ECharts option: the observed series, the target path (序时进度),
the path required from the latest figure on, and the projection with its 80 % band, with the
deadline and the goal marked.

No database and no request: it reads the engine's table and results (planwatch.evaluate) and
returns plain data that the page hands to ECharts as JSON. Everything is drawn in the engine's working quantity, so the
chart shows exactly what was judged: levels in the target's unit, a growth target's index
(base year = 1), a cumulative target's running total, a relative target's yearly gap in points
next to both growth series it compares.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from planwatch.domain.model import Observation
from planwatch.domain.vocabulary import ObservationKind
from planwatch.evaluate import table as T

# Chart colours; each series also has its own line style and a legend name, so none of them
# is told apart by colour alone.
OBSERVED, PATH, REQUIRED, PROJECTED, BENCHMARK, GAP = (
    "#1d4f91", "#5f6b7a", "#b35c00", "#2f7d4f", "#8e44ad", "#1f2933")
Point = tuple[float, float]


@dataclass(frozen=True)
class ChartInput:
    """One target's row of the engine's columns, plus the figures of a relative target."""

    kind: int
    start: float
    deadline: float
    goal: float
    log_path: bool
    values: list[float]
    part_time: float
    part_value: float
    result: dict
    unit: str
    own_growth: list[Point]
    benchmark_growth: list[Point]
    benchmark_name: str
    illustrative: bool
    schedule: tuple[float, ...] = ()  # a custom path's year-end values (NaN on other paths)


def chart_input(judged, index: int) -> ChartInput:
    """The ChartInput of target `index` of a PlanAssessment."""
    table, info = judged.table, judged.infos[index]
    target = judged.targets[index]
    own = [o for o in judged.observations
           if o.place == info.place and o.indicator == info.indicator
           and o.period.end_date <= judged.as_of]
    benchmark: list[Observation] = []
    if target.benchmark is not None:
        place = target.benchmark.place or info.place
        benchmark = [o for o in judged.observations
                     if o.place == place and o.indicator == target.benchmark.indicator
                     and o.period.end_date <= judged.as_of]
    return ChartInput(
        kind=int(table.kind[index]), start=float(table.start[index]),
        deadline=float(table.deadline[index]), goal=float(table.goal[index]),
        log_path=bool(table.log_path[index]), values=[float(v) for v in table.values[index]],
        part_time=float(table.part_time[index]), part_value=float(table.part_value[index]),
        result=judged.results.row(index), unit=info.unit,
        own_growth=_annual_growth(own), benchmark_growth=_annual_growth(benchmark),
        benchmark_name=info.benchmark,
        illustrative=any(o.provenance == "illustrative" for o in [*own, *benchmark]),
        schedule=tuple(float(v) for v in table.schedule[index]))


def _annual_growth(observations: list[Observation]) -> list[Point]:
    return sorted((float(o.period.year), o.value) for o in observations
                  if o.kind is ObservationKind.GROWTH_PCT and o.period.is_annual)


def _finite(value: float) -> bool:
    return value is not None and not math.isnan(value)


def observed_points(chart: ChartInput) -> list[Point]:
    """The figures the engine used, on the plan's time axis (a full year Y at Y, H1 of Y+1
    at Y + 0.5); flows are summed into a running total."""
    flows = chart.kind in T.FLOW_KINDS
    points, total = [], 0.0
    for k, value in enumerate(chart.values):
        if flows and k == 0:
            continue
        if _finite(value):
            total += value
            points.append((chart.start + k, total if flows else value))
    if _finite(chart.part_time):
        points.append((chart.part_time, total + chart.part_value if flows else chart.part_value))
    return points


def _between(a: Point, b: Point, log: bool, step: float = 1.0) -> list[Point]:
    """Points from a to b, yearly, on a straight or a geometric path."""
    (t0, y0), (t1, y1) = a, b
    times = [t0]
    t = math.floor(t0) + step
    while t < t1 - 1e-9:
        times.append(t)
        t += step
    times.append(t1)
    geometric = log and y0 > 0 and y1 > 0

    def at(t: float) -> float:
        share = (t - t0) / (t1 - t0) if t1 != t0 else 1.0
        return y0 * (y1 / y0) ** share if geometric else y0 + (y1 - y0) * share

    return [(round(t, 4), at(t)) for t in times]


def goal_value(chart: ChartInput) -> float | None:
    """The goal in the chart's quantity (a relative target's margin; none for direction)."""
    if chart.kind == T.DIRECTION_ONLY or not _finite(chart.goal):
        return None
    return chart.goal


def target_path(chart: ChartInput) -> list[Point]:
    """序时进度: from the base to the goal over the plan period (a bound: the bound itself);
    on a custom path through the plan's own year-end values (its annual decomposition)."""
    goal = goal_value(chart)
    if goal is None:
        return []
    if chart.kind in (T.BOUND_EACH_YEAR, T.RELATIVE):
        return [(chart.start, goal), (chart.deadline, goal)]
    base = 0.0 if chart.kind in T.FLOW_KINDS else chart.values[0]
    if not _finite(base):
        return []
    waypoints = [(chart.start + k, value) for k, value in enumerate(chart.schedule)
                 if k > 0 and _finite(value)]
    if not waypoints:
        return _between((chart.start, base), (chart.deadline, goal), chart.log_path)
    return [(chart.start, base), *waypoints]


def required_path(chart: ChartInput, latest: Point | None) -> list[Point]:
    """The path from the latest figure that still reaches the goal at the deadline."""
    goal = goal_value(chart)
    if (goal is None or latest is None or latest[0] >= chart.deadline
            or chart.kind in (T.BOUND_EACH_YEAR, T.RELATIVE, T.DIRECTION_ONLY)):
        return []
    return _between(latest, (chart.deadline, goal), chart.log_path)


def _at_deadline(chart: ChartInput, value: float) -> float:
    """A projection in the chart's quantity: a growth target's projected average annual rate
    (%) becomes the index it implies at the deadline."""
    if chart.kind == T.GROWTH:
        return (1 + value / 100) ** (chart.deadline - chart.start)
    return value


def projection(chart: ChartInput, latest: Point | None
               ) -> tuple[list[Point], tuple[float, float, float, float, float] | None]:
    """Central projection from the latest figure to the deadline, and the 80 % band as
    (t, y, T, low, high): the fan from the latest figure to the interval at the deadline.
    Empty when the engine has no outlook."""
    result = chart.result
    if latest is None or latest[0] >= chart.deadline or chart.kind in (
            T.RELATIVE, T.BOUND_EACH_YEAR) or not _finite(result.get("projected", math.nan)):
        return [], None
    line = [latest, (chart.deadline, _at_deadline(chart, result["projected"]))]
    if not (_finite(result.get("low", math.nan)) and _finite(result.get("high", math.nan))):
        return line, None
    return line, (latest[0], latest[1], chart.deadline, _at_deadline(chart, result["low"]),
                  _at_deadline(chart, result["high"]))


def axis_name(chart: ChartInput) -> str:
    if chart.kind == T.GROWTH:
        return _("增长指数(基期=1)")
    if chart.kind == T.RELATIVE:
        return _("个百分点")
    if chart.kind in T.FLOW_KINDS:
        return _("累计 %(unit)s") % {"unit": chart.unit}
    return chart.unit


def _line(name: str, points: list[Point], colour: str, **style) -> dict:
    return {"name": name, "type": "line", "data": [[t, _round(v)] for t, v in points],
            "itemStyle": {"color": colour}, "lineStyle": {"color": colour, **style.pop(
                "line", {})}, **style}


def _round(value: float) -> float:
    return float(f"{value:.6g}")


def echarts_option(chart: ChartInput) -> dict:
    """The ECharts option for the chart (animation off: pages and tests see the final frame)."""
    observed = observed_points(chart)
    latest = observed[-1] if observed else None
    series = []
    if chart.kind == T.RELATIVE:
        series += [
            _line(_("本地增速(%)"), chart.own_growth, OBSERVED, symbol="circle"),
            _line(_("对标增速(%)") + f" {chart.benchmark_name}", chart.benchmark_growth,
                  BENCHMARK, symbol="diamond", line={"type": "dotted"}),
        ]
    relative = chart.kind == T.RELATIVE
    observed_series = _line(_("增速差(个百分点)") if relative else _("实际值"), observed,
                            GAP if relative else OBSERVED, symbol="circle", symbolSize=8,
                            line={"width": 3})
    series.append(observed_series)
    path = target_path(chart)
    if path:
        series.append(_line(_("要求的增速差") if relative else _("序时进度(目标路径)"), path,
                            PATH, symbol="none", line={"type": "dashed"}))
    required = required_path(chart, latest)
    if required:
        series.append(_line(_("完成目标所需路径"), required, REQUIRED, symbol="triangle",
                            line={"type": "dotted", "width": 2}))
    central, band = projection(chart, latest)
    if central:
        series.append(_line(_("趋势预测"), central, PROJECTED, symbol="rect",
                            line={"type": [8, 4]}))
    if band:
        # Drawn by charts.js as a filled fan (a custom series cannot carry its drawing
        # function in JSON); x and y encode every corner so the axes include the band.
        series.append({"name": _("80%区间"), "type": "custom", "planwatchBand": True,
                       "data": [[_round(v) for v in band]],
                       "encode": {"x": [0, 2], "y": [1, 3, 4]},
                       "itemStyle": {"color": PROJECTED, "opacity": 0.18}, "z": 1})
    goal = goal_value(chart)
    # The deadline is the x axis' end, the grid's right edge: ECharts centres a vertical
    # line's label on it and puts a horizontal line's label past its end, so both would be
    # cut off by the canvas. The deadline's label ends at its line, the target's sits above
    # its line, inside the grid.
    marks: dict = {"symbol": "none", "silent": True, "data": [
        {"xAxis": chart.deadline, "label": {"formatter": _("期限 %(year)s") % {
            "year": int(chart.deadline)}, "position": "end", "align": "right"},
         "lineStyle": {"color": "#a4161a"}}]}
    if goal is not None:
        marks["data"].append({"yAxis": _round(goal), "label": {
            "formatter": _("目标 %(value)s") % {"value": f"{_round(goal):g}"},
            "position": "insideEndTop"},
            "lineStyle": {"color": "#a4161a", "type": "dotted"}})
    observed_series["markLine"] = marks
    title = {"text": "", "right": 8, "subtext": _("⚠ 含示例数据(非真实统计)")
             if chart.illustrative else "",
             "subtextStyle": {"color": "#8a4b00", "fontWeight": "bold"}}
    return {
        "animation": False,
        "title": title,
        "tooltip": {"trigger": "axis"},
        "legend": {"type": "scroll", "bottom": 0},
        "grid": {"left": 56, "right": 24, "top": 48, "bottom": 56},
        "xAxis": {"type": "value", "min": chart.start, "max": chart.deadline, "interval": 1},
        # Room above the highest line: a target at the top of the figures keeps its label
        # inside the grid, clear of the deadline's above it.
        "yAxis": {"type": "value", "name": axis_name(chart), "scale": True,
                  "boundaryGap": [0, "10%"]},
        "series": series,
    }
