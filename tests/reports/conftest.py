"""A small plan with hand-made assessments: the report's input, fixed so tests can check it."""

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
from planwatch.reports import FORMATS, Document, ReportInput, ReportKind, build_report, render


@dataclass(frozen=True)
class MadeAssessment:
    """The fields of an engine Assessment a report reads."""

    target_id: str
    status: str
    status_zh: str
    outlook: str
    outlook_zh: str
    probability: float | None = None
    progress: float | None = None
    elapsed: float | None = None
    projected: float | None = None
    interval: tuple[float, float] | None = None
    warning: bool = False
    explanation: str = ""


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
            Target("services", "服务业增加值", Kind.RELATIVE, Comparator.GE, None, "%", 2025,
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


def make_small_assessments() -> list[MadeAssessment]:
    return [
        MadeAssessment("gdp", "ahead", "快于预期", "likely", "预计能够完成", 0.86, 0.52, 0.4,
                       505.0, (470.0, 540.0), explanation="年均增长8.4%，高于所需的6.0%。"),
        MadeAssessment("services", "behind", "滞后（需加快）", "at_risk", "完成难度较大", 0.3,
                       explanation="2021年服务业增速高于地区生产总值增速1.5个百分点。"),
        MadeAssessment("jobless", "breached", "未守住控制目标", "unlikely", "预计难以完成", 0.1,
                       warning=True, explanation="2022年登记失业率4.3%，超过4%。"),
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


@pytest.fixture(scope="session")
def built() -> BuiltReport:
    report = make_small_input()
    document = build_report(report)
    return BuiltReport(report, document, {f: render(document, f) for f in FORMATS})
