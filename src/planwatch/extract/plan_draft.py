"""A plan draft from extracted targets: the goal tree from the document's headings, one
indicator per measured quantity, the targets with their spans, and the document as source.

The draft is what a reviewer starts from: `planwatch extract --format plan doc.txt > plan.yaml`
then `planwatch plan load plan.yaml`. Places the document leaves implicit (全市 in 高于全市平均)
become jurisdictions of their own name unless a parent is named.
"""

from __future__ import annotations

import re
from pathlib import Path

from planwatch.domain import (
    Benchmark,
    Comparator,
    Goal,
    Indicator,
    Jurisdiction,
    Kind,
    Plan,
    Span,
    Target,
)

from .extractor import ExtractedTarget
from .places import guess_place, jurisdiction_level

_PLACE_WORD_LEVELS = {"全国": "country", "全省": "province", "全市": "city", "全区": "district",
                      "全县": "county", "全州": "city", "全镇": "town", "全旗": "county"}
UNKNOWN_PLACE = "待定地区"


def plan_name(source: str) -> str:
    """A command-line name from a file name: 'Luyuan Plan.txt' → 'luyuan-plan'."""
    stem = Path(source).stem.lower()
    name = re.sub(r"[^a-z0-9_-]+", "-", stem).strip("-_")
    return name or "draft"


def draft_plan(text: str, targets: list[ExtractedTarget], *, source: str, place: str | None = None,
               parent: str | None = None) -> Plan:
    """A Plan holding the document and every extracted target, ready for review."""
    title = next((line.strip() for line in text.splitlines() if line.strip()), source)[:120]
    inferred, inferred_parent = guess_place(text)
    place = place or inferred or UNKNOWN_PLACE
    parent = parent or (inferred_parent if place == inferred else None)
    parent_level = jurisdiction_level(parent) if parent else None
    jurisdictions: dict[str, Jurisdiction] = {}
    if parent:
        jurisdictions[parent] = Jurisdiction(parent, parent_level or "city")
    jurisdiction = Jurisdiction(place, jurisdiction_level(place), parent=parent)

    goals, goal_keys = _goal_tree(targets)
    indicators: dict[str, Indicator] = {}
    plan_targets = []
    for number, extracted in enumerate(targets, 1):
        benchmark = None
        if extracted.benchmark:
            bench_place = extracted.benchmark.get("place")
            if bench_place in _PLACE_WORD_LEVELS and parent:
                bench_place = parent
            elif bench_place and bench_place not in jurisdictions and bench_place != place:
                jurisdictions[bench_place] = Jurisdiction(
                    bench_place, _PLACE_WORD_LEVELS.get(bench_place, jurisdiction_level(bench_place)))
            bench_indicator = extracted.benchmark["indicator"]
            indicators.setdefault(bench_indicator, Indicator(bench_indicator, extracted.unit))
            benchmark = Benchmark(bench_indicator, bench_place, float(extracted.benchmark.get("margin") or 0))
        indicators.setdefault(extracted.indicator, Indicator(extracted.indicator, extracted.unit))
        plan_targets.append(Target(
            id=f"t{number:03d}", indicator=extracted.indicator, kind=Kind(extracted.kind),
            comparator=Comparator(extracted.comparator), value=extracted.value, unit=extracted.unit,
            year=extracted.year, period_start=extracted.period_start,
            goal=goal_keys.get(tuple(extracted.goal)), benchmark=benchmark,
            deadline=extracted.deadline, text=extracted.text, span=Span(*extracted.span),
            note=f"自动提取，置信度 {extracted.confidence:.2f} / extracted, confidence {extracted.confidence:.2f}"))

    years = [t.year for t in plan_targets if t.year]
    starts = [t.period_start or t.year for t in plan_targets if t.period_start or t.year]
    period_end = max(years) if years else None
    period_start = min(starts) if starts else None
    if period_start is None or period_end is None:
        raise ValueError("no target has a year: the draft needs at least one dated target")
    return Plan(
        name=plan_name(source), title=title, jurisdiction=jurisdiction,
        period_start=period_start, period_end=period_end, base_year=period_start - 1,
        source_text=text, source_title=title,
        jurisdictions=[j for name, j in jurisdictions.items() if name != place],
        indicators=list(indicators.values()), goals=goals, targets=plan_targets)


def _goal_tree(targets: list[ExtractedTarget]) -> tuple[list[Goal], dict[tuple[str, ...], str]]:
    """Goals from the heading paths, keyed g1, g1.2 …; the path of each target → its key."""
    roots: list[Goal] = []
    keys: dict[tuple[str, ...], str] = {}
    nodes: dict[tuple[str, ...], Goal] = {}
    for target in targets:
        path = tuple(target.goal)
        for depth in range(1, len(path) + 1):
            prefix = path[:depth]
            if prefix in nodes:
                continue
            siblings = nodes[prefix[:-1]].children if depth > 1 else roots
            key = f"{keys[prefix[:-1]]}.{len(siblings) + 1}" if depth > 1 else f"g{len(roots) + 1}"
            year_match = re.search(r"((?:19|20)\d{2})年", prefix[-1])
            goal = Goal(key=key, title=prefix[-1], level="area" if depth == 1 else "measure",
                        year=int(year_match.group(1)) if year_match else None)
            if goal.year is not None:
                goal.level = "annual" if depth == 1 else "annual_area"
            siblings.append(goal)
            nodes[prefix] = goal
            keys[prefix] = key
    return roots, keys
