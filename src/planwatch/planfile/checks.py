"""Rules a JSON Schema cannot state: unique ids, references that resolve, spans that quote the
source, units planwatch can read, years in order.

The checks read the raw YAML data and skip what has the wrong shape (the schema reports that),
so one pass reports every problem a file has, not only the first.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from planwatch.domain import Comparator, Kind, PathShape, ProjectStage, UnitError, parse_unit
from planwatch.domain.model import Target

from .issues import YamlPath

QUALITATIVE = ("milestone", "direction_only")
# Kinds the schema accepts that need a number; an unknown kind is the schema's to report.
QUANTITATIVE = frozenset(kind.value for kind in Kind) - set(QUALITATIVE)


_DATE_SHAPE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class _Problems:
    def __init__(self) -> None:
        self.found: list[tuple[YamlPath, str]] = []

    def add(self, path: YamlPath, reason: str) -> None:
        self.found.append((path, reason))


def _items(data: Any, key: str) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
    """The mappings listed under data[key], with their paths; anything else is skipped."""
    items = data.get(key) if isinstance(data, dict) else None
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield (key, index), item


def _text(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    return value if isinstance(value, str) else None


def _int(item: dict[str, Any], key: str) -> int | None:
    value = item.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _goals(data: Any) -> Iterator[tuple[YamlPath, dict[str, Any]]]:
    def walk(path: YamlPath, goal: dict[str, Any]):
        yield path, goal
        for child_path, child in _items(goal, "children"):
            yield from walk(path + child_path, child)

    for path, goal in _items(data, "goals"):
        yield from walk(path, goal)


def _unique(problems: _Problems, entries, key: str, what: str) -> set[str]:
    """The set of names under `key`, reporting each repeat at its second place."""
    seen: set[str] = set()
    for path, item in entries:
        name = _text(item, key)
        if name is None:
            continue
        if name in seen:
            problems.add(path + (key,), f"{what}重复：{name!r} / duplicate {key}")
        seen.add(name)
    return seen


def _known(problems: _Problems, path: YamlPath, name: Any, known: set[str], what: str,
           hint: str) -> None:
    if isinstance(name, str) and name not in known:
        problems.add(path, f"未知的{what} {name!r}：{hint} / unknown {path[-1]}")


def _check_unit(problems: _Problems, path: YamlPath, unit: Any) -> None:
    if isinstance(unit, str) and unit:
        try:
            parse_unit(unit)
        except UnitError:
            problems.add(path, f"无法识别的单位 {unit!r} / unknown unit")


def _check_number(problems: _Problems, path: YamlPath, value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        problems.add(path, f"数值必须是有限数 {value!r} / value must be finite")


def _check_date(problems: _Problems, path: YamlPath, value: Any) -> date | None:
    if not (isinstance(value, str) and _DATE_SHAPE.match(value)):
        return None  # the schema reports the shape
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.add(path, f"不是有效日期 {value!r} / not a calendar date")
        return None


def _check_span(problems: _Problems, path: YamlPath, item: dict[str, Any],
                source_text: str | None, quoted: str | None) -> None:
    span = item.get("span")
    if not (isinstance(span, list) and len(span) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in span)):
        return
    start, end = span
    if start > end:
        problems.add(path + ("span",), f"起点大于终点 {span} / span start after end")
    elif source_text is not None and end > len(source_text):
        problems.add(path + ("span",), f"{span} 超出原文长度 {len(source_text)} / "
                                       "span outside the source text")
    elif source_text is not None and quoted is not None and source_text[start:end] != quoted:
        problems.add(path + ("span",), f"原文此处为 {source_text[start:end]!r}，与 text 不符 / "
                                       "span does not quote text")


def _check_year_order(problems: _Problems, path: YamlPath, item: dict[str, Any], earlier: str,
                      later: str) -> None:
    first, last = _int(item, earlier), _int(item, later)
    if first is not None and last is not None and first > last:
        problems.add(path + (earlier,), f"{earlier} {first} 晚于 {later} {last} / "
                                        f"{earlier} after {later}")


def semantic_problems(data: Any, source_text: str | None) -> list[tuple[YamlPath, str]]:
    """Every semantic problem of the plan data; spans are checked when the text is known."""
    problems = _Problems()
    if not isinstance(data, dict):
        return []
    _check_year_order(problems, (), data, "period_start", "period_end")
    _check_year_order(problems, (), data, "base_year", "period_start")

    jurisdictions = list(_items(data, "jurisdictions"))
    if isinstance(data.get("jurisdiction"), dict):
        jurisdictions.insert(0, (("jurisdiction",), data["jurisdiction"]))
    places = _unique(problems, jurisdictions, "name", "地区")
    for path, place in jurisdictions:
        _known(problems, path + ("parent",), place.get("parent"), places, "上级地区",
               "请在 jurisdictions 中列出")

    departments = list(_items(data, "departments"))
    department_names = _unique(problems, departments, "name", "部门")
    _unique(problems, departments, "short_name", "部门简称")

    def department_ref(path: YamlPath, name: Any) -> None:
        _known(problems, path, name, department_names, "部门", "请在 departments 中列出")

    indicators = list(_items(data, "indicators"))
    indicator_names = _unique(problems, indicators, "name", "指标")
    for path, indicator in indicators:
        _check_unit(problems, path + ("unit",), indicator.get("unit"))
        department_ref(path + ("department",), indicator.get("department"))

    goal_keys = _unique(problems, _goals(data), "key", "目标节点")
    for path, goal in _goals(data):
        _check_span(problems, path, goal, source_text, None)

    targets = list(_items(data, "targets"))
    _unique(problems, targets, "id", "目标编号")
    measured = indicator_names | {name for _, t in targets if (name := _text(t, "indicator"))}
    for path, target in targets:
        _check_target(problems, path, target, source_text, goal_keys, indicator_names,
                      measured, places)
        department_ref(path + ("department",), target.get("department"))

    tasks = list(_items(data, "tasks"))
    _unique(problems, tasks, "key", "任务")
    for path, task in tasks:
        _known(problems, path + ("goal",), task.get("goal"), goal_keys, "目标节点",
               "请在 goals 中定义")
        department_ref(path + ("lead_department",), task.get("lead_department"))
        departments = task.get("departments")
        for position, name in enumerate(departments if isinstance(departments, list) else []):
            department_ref(path + ("departments", position), name)
        deadline = _check_date(problems, path + ("deadline",), task.get("deadline"))
        if deadline is not None and _int(task, "year") not in (None, deadline.year):
            problems.add(path + ("deadline",), f"截止日期 {deadline} 不在 {task['year']} 年 / "
                                               "deadline outside the task's year")
        _check_span(problems, path, task, source_text, None)

    projects = list(_items(data, "projects"))
    _unique(problems, projects, "key", "项目")
    for path, project in projects:
        department_ref(path + ("department",), project.get("department"))
        _check_stages(problems, path, project)
    return problems.found


def _check_target(problems: _Problems, path: YamlPath, target: dict[str, Any],
                  source_text: str | None, goal_keys: set[str], indicator_names: set[str],
                  measured: set[str], places: set[str]) -> None:
    kind = _text(target, "kind")
    quantitative = kind in QUANTITATIVE
    _known(problems, path + ("goal",), target.get("goal"), goal_keys, "目标节点",
           "请在 goals 中定义")
    if quantitative:
        _known(problems, path + ("indicator",), target.get("indicator"), indicator_names,
               "指标", "请在 indicators 中列出")
        if target.get("value") is None:
            problems.add(path + ("value",), f"{kind} 目标需要数值 / a {kind} target needs a value")
        if target.get("unit") in (None, ""):
            problems.add(path + ("unit",), f"{kind} 目标需要单位 / a {kind} target needs a unit")
    _check_unit(problems, path + ("unit",), target.get("unit"))
    for key in ("value", "base_value", "tolerance"):
        _check_number(problems, path + (key,), target.get(key))
    _check_year_order(problems, path, target, "period_start", "year")
    _check_year_order(problems, path, target, "base_year", "year")
    _known(problems, path + ("place",), target.get("place"), places, "地区",
           "请在 jurisdictions 中列出")

    benchmark = target.get("benchmark")
    if kind == "relative" and benchmark is None:
        problems.add(path + ("benchmark",), "relative 目标需要 benchmark / a relative target "
                                            "needs a benchmark")
    if isinstance(benchmark, dict):
        if kind in QUANTITATIVE | set(QUALITATIVE) and kind != "relative":
            problems.add(path + ("benchmark",), f"只有 relative 目标有 benchmark，此处为 {kind} / "
                                                "benchmark on a non-relative target")
        _known(problems, path + ("benchmark", "indicator"), benchmark.get("indicator"), measured,
               "对比指标", "请在 indicators 中列出")
        _known(problems, path + ("benchmark", "place"), benchmark.get("place"), places,
               "对比地区", "请在 jurisdictions 中列出")
        _check_number(problems, path + ("benchmark", "margin"), benchmark.get("margin"))

    _check_schedule(problems, path, target)
    deadline = _check_date(problems, path + ("deadline",), target.get("deadline"))
    if deadline is not None and _int(target, "year") not in (None, deadline.year):
        problems.add(path + ("deadline",), f"截止日期 {deadline} 不在目标年份 {target['year']} / "
                                           "deadline outside the target's year")
    _check_span(problems, path, target, source_text, _text(target, "text") or None)


def _check_schedule(problems: _Problems, path: YamlPath, target: dict[str, Any]) -> None:
    """A schedule keyed by years, that the target's custom path can follow (the domain's
    rules: Target.schedule_problems)."""
    schedule = target.get("schedule")
    path_shape = target.get("path")
    if not isinstance(schedule, dict) and path_shape != PathShape.CUSTOM.value:
        return
    schedule = schedule if isinstance(schedule, dict) else {}
    years = {}
    for key, value in schedule.items():
        if not isinstance(key, int) or isinstance(key, bool):
            problems.add(path + ("schedule", str(key)), f"键应为年份（整数）{key!r} / a "
                                                        "schedule is keyed by years")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            years[key] = float(value)
    kind, value = _text(target, "kind"), target.get("value")
    if (len(years) < len(schedule) or kind not in Kind._value2member_map_
            or path_shape not in (*PathShape._value2member_map_, None)
            or not isinstance(value, int | float | None)):
        return  # the schema reports the rest
    shaped = Target(id="", indicator="", kind=Kind(kind), comparator=Comparator.EQ,
                    value=value, unit="", year=_int(target, "year"),
                    period_start=_int(target, "period_start"), base_year=_int(target, "base_year"),
                    path=PathShape(path_shape) if path_shape else None, schedule=years)
    for field, reason in shaped.schedule_problems():
        problems.add(path + tuple(field.split(".")), reason)


def _check_stages(problems: _Problems, path: YamlPath, project: dict[str, Any]) -> None:
    previous: tuple[date, int] | None = None
    for stage_path, stage in _items(project, "stages"):
        on = _check_date(problems, path + stage_path + ("date",), stage.get("date"))
        name = _text(stage, "stage")
        if on is None or name not in ProjectStage._value2member_map_:
            continue
        order = ProjectStage(name).order
        if previous is not None and (on < previous[0] or order < previous[1]):
            problems.add(path + stage_path, f"阶段 {name} ({on}) 早于前一阶段 / stages must "
                                            "move forward in time and order")
        previous = (on, order)
