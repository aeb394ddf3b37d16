"""Report inputs for the tests: a small plan with hand-made assessments, and the Lüyuan sample."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from planwatch.domain import (
    Attribute,
    Benchmark,
    Comparator,
    Goal,
    Jurisdiction,
    Kind,
    Observation,
    ObservationKind,
    Plan,
    Provenance,
    Target,
    parse_period,
)
from planwatch.domain.observation_csv import read_observations
from planwatch.evaluate import Assessment
from planwatch.evaluate.labels import OUTLOOKS, STATUSES
from planwatch.planfile import load_plan
from planwatch.reports import (
    FORMATS,
    Document,
    ReportInput,
    ReportKind,
    assess_for_report,
    build_report,
    render,
)
from planwatch.samples import luyuan

LUYUAN_AS_OF = date(2023, 6, 30)


STATUS_LABELS = {label.code: label for label in STATUSES}
OUTLOOK_LABELS = {label.code: label for label in OUTLOOKS}


def made_assessment(target_id: str, status: str, outlook: str, **figures) -> Assessment:
    """An engine Assessment with the given judgement, made by hand so tests can rely on it."""
    fields = dict(probability=None, progress=None, elapsed=None, ratio=None, gap=None,
                  projected=None, interval=None, required_rate=None, observed_rate=None,
                  warning=False, explanation="", latest_value=None, latest_period=None,
                  unit="", rate_unit="", series=[])
    fields.update(figures)
    return Assessment(target_id=target_id, status=status,
                      status_zh=STATUS_LABELS[status].zh, status_en=STATUS_LABELS[status].en,
                      outlook=outlook, outlook_zh=OUTLOOK_LABELS[outlook].zh,
                      outlook_en=OUTLOOK_LABELS[outlook].en, **fields)


def observation(indicator, period, value, unit, kind="level", place="示范区",
                provenance=Provenance.OFFICIAL, source="统计公报"):
    return Observation(place, indicator, parse_period(period), value, unit,
                       ObservationKind(kind), source, Provenance(provenance))


def make_small_plan() -> Plan:
    economy = Goal("fyp.economy", "经济发展", "area")
    society = Goal("fyp.society", "社会民生", "area")
    return Plan(
        name="demo", title="示范区国民经济和社会发展第十四个五年规划",
        jurisdiction=Jurisdiction("示范区", "district", "示范市"),
        goals=[Goal("fyp", "十四五目标", "horizon", children=[economy, society])],
        targets=[
            Target("gdp", "地区生产总值", Kind.LEVEL, Comparator.GE, 500.0, "亿元", 2025,
                   2021, goal="fyp.economy", base_year=2020, base_value=300.0),
            Target("services", "服务业增加值", Kind.RELATIVE, Comparator.GE, 2.0, "百分点", 2025,
                   2021, goal="fyp.economy",
                   benchmark=Benchmark("地区生产总值", None, 2.0)),
            Target("jobless", "登记失业率", Kind.BOUND_EACH_YEAR, Comparator.LE, 4.0, "%", 2025,
                   2021, goal="fyp.society", attribute=Attribute.BINDING,
                   department="区人社局"),
        ])


def make_small_observations() -> list[Observation]:
    return [
        observation("地区生产总值", "2020", 300.0, "亿元"),
        observation("地区生产总值", "2021", 330.0, "亿元"),
        observation("地区生产总值", "2022", 352.5, "亿元", provenance="illustrative",
                    source="示意"),
        observation("地区生产总值", "2021", 10.0, "%", "growth_pct"),
        observation("服务业增加值", "2021", 11.5, "%", "growth_pct"),
        observation("登记失业率", "2021", 3.6, "%"),
        observation("登记失业率", "2022", 4.3, "%"),
    ]


def make_small_assessments() -> list[Assessment]:
    return [
        made_assessment(
            "gdp", "ahead", "likely", probability=0.86, progress=0.52, elapsed=0.4,
            projected=505.0, interval=(470.0, 540.0), latest_value=352.5,
            latest_period="2022年", unit="亿元", rate_unit="%",
            series=[("2020", 300.0), ("2021", 330.0), ("2022", 352.5)],
            explanation="年均增长8.4%，高于所需的6.0%。"),
        made_assessment(
            "services", "behind", "at_risk", probability=0.3, latest_value=-0.5,
            latest_period="2021年", unit="百分点", rate_unit="个百分点",
            series=[("2021", -0.5)],
            explanation="2021年服务业增速高于地区生产总值增速1.5个百分点。"),
        made_assessment(
            "jobless", "breached", "unlikely", probability=0.1, warning=True,
            latest_value=4.3, latest_period="2022年", unit="%", rate_unit="个百分点",
            series=[("2021", 3.6), ("2022", 4.3)],
            explanation="2022年登记失业率4.3%，超过4%。"),
    ]


def make_small_input(**changes) -> ReportInput:
    arguments = dict(plan=make_small_plan(), kind=ReportKind.MIDTERM, as_of=date(2023, 6, 30),
                     assessments=make_small_assessments(),
                     observations=make_small_observations())
    arguments.update(changes)
    return ReportInput(**arguments)


@pytest.fixture
def small_input() -> ReportInput:
    return make_small_input()


@dataclass(frozen=True)
class BuiltReport:
    """A report input, the document built from it and its files in every format."""

    input: ReportInput
    document: Document
    files: dict[str, bytes]


def make_luyuan_input(kind: ReportKind = ReportKind.MIDTERM,
                      as_of: date = LUYUAN_AS_OF) -> ReportInput:
    """The built-in sample as `planwatch report luyuan` assesses it."""
    observations = [*read_observations(luyuan.OBSERVATIONS_PATH),
                    *read_observations(luyuan.ILLUSTRATIVE_PATH)]
    return assess_for_report(load_plan(luyuan.PLAN_PATH), observations, kind, as_of)


@pytest.fixture(scope="session")
def built() -> BuiltReport:
    """The Lüyuan mid-term report in every format, built once for the whole session."""
    report = make_luyuan_input()
    document = build_report(report)
    return BuiltReport(report, document, {f: render(document, f) for f in FORMATS})


def main_targets(plan) -> list:
    """The targets of the five-year (and longer) goals, in plan order: not the annual plans'."""
    annual: set[str] = set()
    for goal in plan.goals:
        for node in goal.walk():
            if node.level in ("annual", "annual_area"):
                annual.update(child.key for child in node.walk())
    return [target for target in plan.targets if target.goal not in annual]


def expected_rows(report: ReportInput) -> list[tuple[str, str, str, float | None]]:
    """(status, outlook, latest figure, progress) per main target, as the engine gives them."""
    assessments = {a.target_id: a for a in report.assessments}
    rows = []
    for target in main_targets(report.plan):
        a = assessments[target.id]
        latest = a.observed_rate if target.kind == "growth" else a.latest_value
        rows.append((a.status_zh, a.outlook_zh, latest, a.progress))
    return rows


def published(report: ReportInput) -> list[Observation]:
    return [o for o in report.observations if o.period.end_date <= report.as_of]
