"""A small valid plan, as plain data and as a file, for tests to break one field at a time."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from planwatch.planfile import format_path, validate_plan_data

SOURCE_TEXT = "到2025年,地区生产总值突破500亿元,新建公园6个。\n天香公园对外开放。\n"

_VALID_PLAN = {
    "planwatch": 1,
    "name": "demo",
    "title": "示范区“十四五”规划",
    "jurisdiction": {"name": "示范区", "level": "district", "code": "220199", "parent": "示范市"},
    "period_start": 2021,
    "period_end": 2025,
    "base_year": 2020,
    "horizons": [2030],
    "source": {"title": "示范区规划", "text": SOURCE_TEXT},
    "jurisdictions": [{"name": "示范市", "level": "city"}],
    "departments": [{"name": "示范区发展和改革局", "short_name": "区发改局"}],
    "indicators": [
        {"name": "地区生产总值", "unit": "亿元", "department": "示范区发展和改革局"},
        {"name": "新建公园", "unit": "个"},
    ],
    "goals": [{"key": "fyp", "level": "period", "title": "十四五", "children": [
        {"key": "fyp.economy", "level": "area", "title": "经济", "span": [0, 20]}]}],
    "targets": [
        {"id": "gdp-2025", "goal": "fyp.economy", "indicator": "地区生产总值", "kind": "level",
         "comparator": ">=", "value": 500, "unit": "亿元", "year": 2025, "period_start": 2021,
         "text": "地区生产总值突破500亿元", "span": [7, 20]},
        {"id": "parks", "goal": "fyp.economy", "indicator": "新建公园", "kind": "count",
         "comparator": "=", "value": 6, "unit": "个", "year": 2025, "period_start": 2021},
        {"id": "tianxiang", "indicator": "天香公园对外开放", "kind": "milestone", "year": 2021,
         "text": "天香公园对外开放", "span": [29, 37]},
        {"id": "gdp-vs-city", "goal": "fyp.economy", "indicator": "地区生产总值",
         "kind": "relative", "comparator": ">", "value": 0, "unit": "百分点", "year": 2025,
         "period_start": 2021, "scope": "period_average",
         "benchmark": {"indicator": "地区生产总值", "place": "示范市", "margin": 0}},
    ],
    "tasks": [
        {"key": "open-park", "goal": "fyp", "title": "天香公园开园", "year": 2021,
         "lead_department": "示范区发展和改革局", "departments": ["示范区发展和改革局"],
         "deadline": "2021-04-30", "status": "in_progress", "span": [29, 37]},
    ],
    "projects": [
        {"key": "tianxiang", "name": "天香公园", "investment": 3.2, "flags": ["三早"],
         "stages": [{"stage": "签约", "date": "2020-11-02"},
                    {"stage": "开工", "date": "2021-03-15", "evidence": "开工令"}]},
    ],
}


@pytest.fixture
def source_text() -> str:
    """The plan document the spans of plan_data point into."""
    return SOURCE_TEXT


@pytest.fixture
def plan_data() -> dict:
    """A fresh copy of a valid plan's data, free to modify."""
    return copy.deepcopy(_VALID_PLAN)


@pytest.fixture
def write_plan(tmp_path: Path):
    """Write plan data as a YAML file in the test's folder and give its path."""

    def write(data: dict, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        return path

    return write


@pytest.fixture
def reasons():
    """The issues validate_plan_data finds, as {"$.yaml.path": reason}."""

    def found(data) -> dict[str, str]:
        return {format_path(issue.path): issue.reason for issue in validate_plan_data(data)}

    return found
