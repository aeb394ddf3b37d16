"""Target JSON: what `planwatch extract --format json` writes and `evaluate` reads."""

import json

import pytest

from planwatch.domain import Attribute, Comparator, Kind, PathShape, Scope
from planwatch.evaluate.targets_json import TargetFileError, read_targets_json

GDP = {"id": "t1", "indicator": "地区生产总值", "kind": "level", "comparator": ">=", "value": 500,
       "unit": "亿元", "year": 2025, "period_start": 2021}


def write(tmp_path, data):
    path = tmp_path / "targets.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_reads_a_bare_array_and_an_object_with_targets(tmp_path):
    [bare] = read_targets_json(write(tmp_path, [GDP]))
    [wrapped] = read_targets_json(write(tmp_path, {"targets": [GDP], "source": "x"}))
    assert bare == wrapped
    assert (bare.kind, bare.comparator, bare.value, bare.period_start) == (
        Kind.LEVEL, Comparator.GE, 500.0, 2021)


def test_reads_the_optional_fields(tmp_path):
    item = {**GDP, "kind": "relative", "place": "绿园区", "attribute": "约束性",
            "scope": "each_year", "tolerance": 0.5, "base_year": 2020, "base_value": 300,
            "benchmark": {"indicator": "地区生产总值", "place": "长春市", "margin": 0},
            "text": "高于全市平均水平", "span": [3, 9], "goal": "economy", "confidence": 0.9}
    [target] = read_targets_json(write(tmp_path, [item]))
    assert (target.attribute, target.scope, target.tolerance) == (Attribute.BINDING,
                                                                  Scope.EACH_YEAR, 0.5)
    assert (target.benchmark.place, target.span.start, target.goal) == ("长春市", 3, "economy")


@pytest.mark.parametrize(("change", "message"), [
    ({"kind": "speed"}, "[0].kind: 'speed' is not one of level|growth"),
    ({"value": "五百"}, "[0].value: expected a number, got '五百'"),
    ({"year": "2025"}, "[0].year: expected a year such as 2025"),
    ({"tolerance": -1}, "[0].tolerance: must not be negative"),
    ({"benchmark": "全市"}, "[0].benchmark: expected {indicator, place, margin}"),
    ({"indicator": ""}, "[0].indicator: expected a non-empty string"),
])
def test_bad_fields_are_reported_with_file_index_and_field(tmp_path, change, message):
    path = write(tmp_path, [{**GDP, **change}])
    with pytest.raises(TargetFileError) as caught:
        read_targets_json(path)
    assert str(caught.value).startswith(f"{path}: {message}")


def test_missing_keys_duplicates_and_bad_json_are_reported(tmp_path):
    item = dict(GDP)
    del item["unit"]
    with pytest.raises(TargetFileError, match=r"\[0\]\.unit: missing"):
        read_targets_json(write(tmp_path, [item]))
    with pytest.raises(TargetFileError, match=r"\[1\]\.id: 't1' appears twice"):
        read_targets_json(write(tmp_path, [GDP, GDP]))
    (tmp_path / "bad.json").write_text("[{", encoding="utf-8")
    with pytest.raises(TargetFileError, match="line 1: not JSON"):
        read_targets_json(tmp_path / "bad.json")


SCHEDULED = {**GDP, "base_value": 300, "path": "custom",
             "schedule": {"2021": 330, "2022": 365.5, "2023": 400, "2025": 500}}


def test_reads_a_custom_path_and_its_schedule_keyed_by_year(tmp_path):
    [target] = read_targets_json(write(tmp_path, [SCHEDULED]))
    assert target.path is PathShape.CUSTOM
    assert target.schedule == {2021: 330.0, 2022: 365.5, 2023: 400.0, 2025: 500.0}
    [plain] = read_targets_json(write(tmp_path, [{**GDP, "path": "geometric"}]))
    assert (plain.path, plain.schedule) == (PathShape.GEOMETRIC, {})


@pytest.mark.parametrize(("change", "message"), [
    ({"path": "wavy"}, "[0].path: 'wavy' is not one of linear|geometric|custom"),
    ({"schedule": [330, 500]}, "[0].schedule: expected an object of year: value"),
    ({"schedule": {"明年": 330, "2025": 500}}, "[0].schedule.明年: expected a year such as 2025"),
    ({"schedule": {"2021": "三百", "2025": 500}}, "[0].schedule.2021: expected a number"),
    ({"schedule": {"2021": 330, "2025": 450}},
     "[0].schedule.2025: 目标年的进度值 450 应等于目标值 500"),
    ({"schedule": {"2026": 500}}, "[0].schedule.2026: 年份 2026 不在基期 2020 之后"),
    ({"path": None}, "[0].path: 有逐年进度表 schedule 时 path 应为 custom"),
])
def test_a_schedule_the_engine_cannot_follow_is_reported_by_field(tmp_path, change, message):
    path = write(tmp_path, [{**SCHEDULED, **change}])
    with pytest.raises(TargetFileError) as caught:
        read_targets_json(path)
    assert str(caught.value).startswith(f"{path}: {message}")
