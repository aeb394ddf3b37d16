"""总施工图: a five-year target split into annual targets, and the annual target the
evaluation judges a year against. Pure: no Django.

What a year's value means depends on the target's kind:
- level / share: the value the indicator must stand at by the end of that year; the years
  compound (geometric) or step evenly (linear) from the base to the goal, or are entered
  by hand and must end on the goal;
- growth: the growth rate of that year; entered rates must compound to the five-year
  average (Π(1 + g_y) = (1 + g)^n);
- cumulative / count: the amount that year delivers; the years must sum to the goal.

The evaluation then uses the decomposition as the target path (a piecewise, "custom" path
through the plan's own milestones, methodology §6.2): the five-year target follows it as its
序时进度 (`target_schedule`: the target's own measure by the end of each year), and each
year is judged on its own against its annual target (`annual_target`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum

from planwatch.domain.model import SCHEDULED_KINDS, Target
from planwatch.domain.vocabulary import Kind, PathShape

# Values entered by hand may be off the goal by this share (rounding in published tables).
RELATIVE_SLACK = 1e-3


class Method(StrEnum):
    LINEAR = "linear"  # equal steps (levels) or equal amounts (flows) or the same rate
    GEOMETRIC = "geometric"  # equal growth factors between the base and the goal
    MANUAL = "manual"  # entered year by year


STOCK_KINDS = (Kind.LEVEL, Kind.SHARE)
FLOW_KINDS = (Kind.CUMULATIVE, Kind.COUNT)
DECOMPOSABLE = SCHEDULED_KINDS  # the kinds a target's own schedule can hold


class DecompositionError(ValueError):
    """A decomposition that cannot be made or does not add up; names target and reason."""


def years_of(target: Target) -> range:
    """The years a target's decomposition covers: the year after the base to the deadline."""
    if target.year is None:
        raise DecompositionError(f"目标 {target.id}: 没有目标年份,无法分解")
    start = (target.base_year if target.base_year is not None
             else (target.period_start or target.year) - 1)
    if target.year <= start:
        raise DecompositionError(f"目标 {target.id}: 目标年份 {target.year} 不晚于基期 {start}")
    return range(start + 1, target.year + 1)


def decompose(target: Target, method: Method, *, base: float | None = None,
              manual: Mapping[int, float] | None = None) -> dict[int, float]:
    """The annual values of the target by year. `base` is the base-year level (stock kinds;
    default the target's base_value); `manual` the values entered by hand."""
    if target.kind not in DECOMPOSABLE:
        raise DecompositionError(f"目标 {target.id}: {target.kind} 类目标不作年度分解"
                                 "(只分解总量、比率、增速、累计和数量目标)")
    if target.value is None:
        raise DecompositionError(f"目标 {target.id}: 没有目标值,无法分解")
    years = years_of(target)
    goal, n = target.value, len(years)
    if method is Method.MANUAL:
        return _checked_manual(target, years, manual or {})
    if target.kind is Kind.GROWTH:
        return {year: goal for year in years}
    if target.kind in FLOW_KINDS:
        if method is Method.GEOMETRIC:
            raise DecompositionError(f"目标 {target.id}: 累计和数量目标按等额或逐年填报分解")
        return {year: goal / n for year in years}
    base = target.base_value if base is None else base
    if base is None:
        raise DecompositionError(f"目标 {target.id}: 总量目标分解需要基期值")
    if method is Method.GEOMETRIC:
        if base <= 0 or goal <= 0:
            raise DecompositionError(f"目标 {target.id}: 等比分解需要正的基期值和目标值")
        return {year: base * (goal / base) ** ((k + 1) / n) for k, year in enumerate(years)}
    return {year: base + (goal - base) * (k + 1) / n for k, year in enumerate(years)}


def _checked_manual(target: Target, years: range, manual: Mapping[int, float]
                    ) -> dict[int, float]:
    missing = [year for year in years if year not in manual]
    extra = sorted(set(manual) - set(years))
    if missing or extra:
        raise DecompositionError(
            f"目标 {target.id}: 逐年填报须给出 {years.start}–{years.stop - 1} 每一年"
            + (f",缺 {', '.join(map(str, missing))}" if missing else "")
            + (f",多出 {', '.join(map(str, extra))}" if extra else ""))
    values = {year: float(manual[year]) for year in years}
    goal = target.value
    if target.kind is Kind.GROWTH:
        compounded = math.prod(1 + g / 100 for g in values.values())
        average = (compounded ** (1 / len(years)) - 1) * 100
        if abs(average - goal) > 0.05:
            raise DecompositionError(
                f"目标 {target.id}: 各年增速复合后年均 {average:.2f}%,与目标 {goal:g}% 不符")
    elif target.kind in FLOW_KINDS:
        total = sum(values.values())
        if not math.isclose(total, goal, rel_tol=RELATIVE_SLACK):
            raise DecompositionError(
                f"目标 {target.id}: 各年合计 {total:g},与目标 {goal:g}{target.unit}不符")
    elif not math.isclose(values[years.stop - 1], goal, rel_tol=RELATIVE_SLACK):
        raise DecompositionError(
            f"目标 {target.id}: 末年 {years.stop - 1} 的值 {values[years.stop - 1]:g}"
            f"应等于目标值 {goal:g}")
    return values


def target_schedule(target: Target, annual: Mapping[int, float]) -> dict[int, float]:
    """The decomposition as the target's own schedule (Target.schedule): where the target's
    measure stands by the end of each year — a level as it is, a flow's running total, a
    growth target's average growth since the base."""
    years = sorted(annual)
    if target.kind in FLOW_KINDS:
        running, schedule = 0.0, {}
        for year in years:
            running += annual[year]
            schedule[year] = running
        return schedule
    if target.kind is Kind.GROWTH:
        start = years_of(target).start - 1
        index, schedule = 1.0, {}
        for year in years:
            index *= 1 + annual[year] / 100
            schedule[year] = (index ** (1 / (year - start)) - 1) * 100
        return schedule
    return {year: annual[year] for year in years}


def annual_values(target: Target, schedule: Mapping[int, float]) -> dict[int, float]:
    """The annual values a target's own schedule (Target.schedule) is made of — the inverse
    of target_schedule: a level as it is, a flow's amount of each year (the running total's
    step), a growth target's rate of each year (the average since the base, unchained)."""
    years = sorted(schedule)
    if target.kind in FLOW_KINDS:
        return {year: schedule[year] - (schedule[years[k - 1]] if k else 0.0)
                for k, year in enumerate(years)}
    if target.kind is Kind.GROWTH:
        start = years_of(target).start - 1
        annual, index = {}, 1.0
        for year in years:
            reached = (1 + schedule[year] / 100) ** (year - start)
            annual[year] = (reached / index - 1) * 100
            index = reached
        return annual
    return {year: schedule[year] for year in years}


def scheduled(target: Target, annual: Mapping[int, float]) -> Target:
    """The target on the custom path of its decomposition — when the decomposition is one
    the target can follow (every year up to the deadline, ending on the goal). An
    incomplete one (a year entered by hand in the back office, the rest not yet) leaves the
    target on its own path rather than making it unjudgeable."""
    on_schedule = replace(target, path=PathShape.CUSTOM,
                          schedule=target_schedule(target, annual))
    return target if on_schedule.schedule_problems() else on_schedule


def annual_target(target: Target, schedule: Mapping[int, float], year: int, *,
                  base: float | None = None) -> Target:
    """The target the evaluation judges `year` against: this year's value of the schedule,
    from the previous year's scheduled value (stock kinds) — the piece of the custom path
    that the year runs along."""
    if year not in schedule:
        raise DecompositionError(f"目标 {target.id}: {year} 年不在分解范围内")
    base_value = None
    if target.kind in STOCK_KINDS:
        base_value = schedule.get(year - 1, target.base_value if base is None else base)
    return replace(
        target, id=f"{target.id}@{year}", value=schedule[year], year=year, period_start=None,
        base_year=year - 1, base_value=base_value, deadline=None,
        path=target.path if target.path is not PathShape.CUSTOM else None, schedule={},
        text=f"{target.text}(总施工图 {year} 年)")
