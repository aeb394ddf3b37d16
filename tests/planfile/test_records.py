"""Plan → YAML → Plan is lossless, for any plan the format can hold."""

import dataclasses
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.domain import (
    Attribute,
    Benchmark,
    Comparator,
    Department,
    Direction,
    Frequency,
    Goal,
    Indicator,
    Jurisdiction,
    Kind,
    PathShape,
    Plan,
    Project,
    ProjectStage,
    Provenance,
    Scope,
    Span,
    StageTransition,
    Target,
    Task,
    TaskStatus,
)
from planwatch.domain.model import SCHEDULED_KINDS
from planwatch.planfile import dump_plan, parse_plan, records

UNITS = ["亿元", "万元", "%", "个", "所", "万人", "万平方米", "百分点", "倍", "户", "条"]
GOAL_LEVELS = ["vision", "horizon", "period", "area", "annual", "annual_area", "measure"]
names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12)
keys = st.from_regex(r"[a-z][a-z0-9_.-]{0,10}", fullmatch=True)
years = st.integers(2000, 2040)
numbers = st.floats(allow_nan=False, allow_infinity=False, width=64)
dates = st.dates(date(2000, 1, 1), date(2040, 12, 31))


@st.composite
def spans(draw, source: str):
    start = draw(st.integers(0, len(source)))
    return Span(start, draw(st.integers(start, len(source))))


@st.composite
def goal_trees(draw, source: str, keys_left: list[str], depth: int = 0) -> list[Goal]:
    goals = []
    for _ in range(draw(st.integers(0, 3 if depth < 2 else 0))):
        if not keys_left:
            break
        goals.append(Goal(
            key=keys_left.pop(), title=draw(names), level=draw(st.sampled_from(GOAL_LEVELS)),
            year=draw(st.none() | years), span=draw(st.none() | spans(source)),
            children=draw(goal_trees(source, keys_left, depth + 1))))
    return goals


@st.composite
def plans(draw) -> Plan:
    source = draw(st.text(max_size=120))
    place_names = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    jurisdiction = Jurisdiction(place_names[0], "district", code=draw(st.none() | st.just("220106")),
                                parent=place_names[1] if len(place_names) > 1 else None)
    others = [Jurisdiction(name, draw(st.sampled_from(["city", "province"])))
              for name in place_names[1:]]
    departments = [Department(name, draw(st.none() | names))
                   for name in draw(st.lists(names, max_size=3, unique=True))]
    departments = list({d.short_name or d.name: d for d in departments}.values())
    department_names = (st.none() | st.sampled_from([d.name for d in departments])
                        if departments else st.none())
    indicators = [Indicator(name, draw(st.sampled_from(UNITS)), draw(st.sampled_from(Direction)),
                            draw(st.text(max_size=20)), draw(st.sampled_from(Attribute)),
                            draw(st.sampled_from(Frequency)), draw(department_names))
                  for name in draw(st.lists(names, min_size=1, max_size=4, unique=True))]
    goal_keys = draw(st.lists(keys, max_size=8, unique=True))
    goals = draw(goal_trees(source, list(goal_keys)))
    used_keys = [goal.key for root in goals for goal in root.walk()]
    indicator_names = [i.name for i in indicators]
    targets = []
    for target_id in draw(st.lists(keys, max_size=6, unique=True)):
        kind = draw(st.sampled_from(Kind))
        quantitative = kind not in (Kind.MILESTONE, Kind.DIRECTION_ONLY)
        year = draw(st.none() | years)
        span = draw(st.none() | spans(source))
        value = draw(numbers) if quantitative else draw(st.none() | numbers)
        period_start = draw(st.none() | st.integers(2000, year)) if year else None
        base_year = draw(st.none() | st.integers(2000, year)) if year else None
        path = draw(st.none() | st.sampled_from([PathShape.LINEAR, PathShape.GEOMETRIC]))
        schedule = {}
        start = base_year if base_year is not None else (period_start or year or 0) - 1
        if (kind in SCHEDULED_KINDS and year and start < year and value is not None
                and draw(st.booleans())):  # a custom path: years after the base, ending on the goal
            earlier = draw(st.lists(st.integers(start + 1, year), max_size=4, unique=True))
            path = PathShape.CUSTOM
            schedule = {**{y: draw(numbers) for y in earlier if y < year}, year: value}
        targets.append(Target(
            id=target_id,
            indicator=draw(st.sampled_from(indicator_names)) if quantitative else draw(names),
            kind=kind, comparator=draw(st.sampled_from(Comparator)),
            value=value,
            unit=draw(st.sampled_from(UNITS)) if quantitative else draw(st.sampled_from(["", "项"])),
            year=year,
            period_start=period_start,
            place=draw(st.none() | st.sampled_from(place_names)),
            goal=draw(st.none() | st.sampled_from(used_keys)) if used_keys else None,
            base_year=base_year,
            base_value=draw(st.none() | numbers),
            tolerance=draw(st.floats(0, 10)),
            attribute=draw(st.sampled_from(Attribute)), scope=draw(st.sampled_from(Scope)),
            path=path, schedule=schedule,
            direction=draw(st.none() | st.sampled_from(Direction)),
            benchmark=Benchmark(draw(st.sampled_from(indicator_names)),
                                draw(st.none() | st.sampled_from(place_names)), draw(numbers))
            if kind is Kind.RELATIVE else None,
            department=draw(department_names),
            deadline=draw(st.none() | dates.map(lambda d, y=year: d.replace(year=y, day=1)))
            if year else None,
            text=span.of(source) if span and draw(st.booleans()) else "",
            span=span, note=draw(st.text(max_size=20))))
    tasks = [Task(key, draw(names), draw(years), goal=draw(st.none() | st.sampled_from(used_keys))
                  if used_keys else None, lead_department=draw(department_names),
                  departments=[d for d in [draw(department_names)] if d],
                  status=draw(st.sampled_from(TaskStatus)), span=draw(st.none() | spans(source)))
             for key in draw(st.lists(keys, max_size=3, unique=True))]
    projects = []
    for key in draw(st.lists(keys, max_size=3, unique=True)):
        stage_dates = sorted(draw(st.lists(dates, max_size=4)))
        stages = sorted(draw(st.lists(st.sampled_from(ProjectStage), min_size=len(stage_dates),
                                      max_size=len(stage_dates))), key=lambda s: s.order)
        projects.append(Project(
            key, draw(names), investment=draw(st.none() | st.floats(0, 1e4)),
            completed_investment=draw(st.none() | st.floats(0, 1e4)),
            department=draw(department_names), location=draw(st.text(max_size=10)),
            project_type=draw(st.text(max_size=10)), flags=draw(st.lists(names, max_size=2)),
            stages=[StageTransition(stage, on, draw(st.text(max_size=10)))
                    for stage, on in zip(stages, stage_dates, strict=True)],
            provenance=draw(st.sampled_from(Provenance))))
    start = draw(years)
    return Plan(
        name=draw(st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)), title=draw(names),
        jurisdiction=jurisdiction, period_start=start, period_end=draw(st.integers(start, 2045)),
        base_year=draw(st.integers(1990, start)), horizons=draw(st.lists(years, max_size=2)),
        source_text=source, source_title=draw(st.text(max_size=20)),
        source_url=draw(st.text(max_size=20)), jurisdictions=others, departments=departments,
        indicators=indicators, goals=goals, targets=targets, tasks=tasks, projects=projects)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_dump_then_parse_gives_the_same_plan(plan):
    assert parse_plan(dump_plan(plan), source_name="dump.yaml") == plan


@given(plans())
def test_a_dump_of_a_dump_is_the_same_text(plan):
    text = dump_plan(plan)
    assert dump_plan(parse_plan(text, source_name="dump.yaml")) == text


def test_whole_numbers_are_written_without_a_decimal_point():
    plan = Plan("p", "规划", Jurisdiction("绿园区", "district"), indicators=[Indicator("学校", "所")],
                targets=[Target("t", "学校", Kind.COUNT, Comparator.EQ, 8.0, "所", 2025,
                                tolerance=0.5)])
    text = dump_plan(plan)
    assert "  value: 8\n" in text and "  tolerance: 0.5\n" in text


def test_fields_at_their_default_are_left_out_and_attribute_always_shown():
    plan = Plan("p", "规划", Jurisdiction("绿园区", "district"),
                targets=[Target("t", "天香公园对外开放", Kind.MILESTONE, Comparator.EQ, None, "", 2021)])
    target_lines = dump_plan(plan).split("targets:\n")[1]
    assert target_lines == ("- id: t\n  indicator: 天香公园对外开放\n  kind: milestone\n  year: 2021\n"
                            "  attribute: 预期性\n")


def test_the_format_holds_every_field_of_the_domain_records():
    source_fields = {"source_text", "source_title", "source_url"}  # under `source:`
    for record in (records.JURISDICTION, records.DEPARTMENT, records.INDICATOR, records.GOAL,
                   records.BENCHMARK, records.TARGET, records.TASK, records.STAGE,
                   records.PROJECT, records.PLAN):
        covered = {field.attr for field in record.fields}
        expected = {field.name for field in dataclasses.fields(record.cls)}
        if record is records.PLAN:
            expected -= source_fields
        assert covered == expected, record.cls.__name__


def test_a_schedule_is_written_on_one_line_by_year():
    plan = Plan("p", "规划", Jurisdiction("绿园区", "district"), indicators=[Indicator("学校", "所")],
                targets=[Target("t", "学校", Kind.COUNT, Comparator.GE, 8.0, "所", 2025,
                                base_year=2020, path=PathShape.CUSTOM,
                                schedule={2025: 8.0, 2021: 1.0, 2023: 4.5})])
    text = dump_plan(plan)
    assert "  path: custom\n  schedule: {2021: 1, 2023: 4.5, 2025: 8}\n" in text
    assert parse_plan(text, source_name="dump.yaml") == plan
