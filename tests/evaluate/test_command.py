"""`planwatch evaluate TARGETS OBSERVATIONS --as-of …` as a user runs it."""

import argparse
import csv
import io
import json

import pytest

from planwatch.evaluate import command

TARGETS = [
    {"id": "gdp", "indicator": "地区生产总值", "kind": "level", "comparator": ">=", "value": 500,
     "unit": "亿元", "year": 2030, "period_start": 2021, "goal": "economy"},
    {"id": "fai", "indicator": "固定资产投资", "kind": "cumulative", "comparator": ">=",
     "value": 600, "unit": "亿元", "year": 2025, "period_start": 2021, "attribute": "约束性"},
]
OBSERVATIONS = """place,indicator,period,value,unit,kind,source
绿园区,地区生产总值,2020,300,亿元,level,统计公报
绿园区,地区生产总值,2022,3300000,万元,level,统计公报
绿园区,地区生产总值,2023,360,亿元,level,统计公报
绿园区,固定资产投资,2021,100,亿元,level,统计公报
绿园区,固定资产投资,2022,110,亿元,level,统计公报
绿园区,固定资产投资,2023,105,亿元,level,统计公报
"""


@pytest.fixture
def files(tmp_path):
    targets = tmp_path / "targets.json"
    targets.write_text(json.dumps(TARGETS, ensure_ascii=False), encoding="utf-8")
    observations = tmp_path / "obs.csv"
    observations.write_text(OBSERVATIONS, encoding="utf-8")
    return tmp_path, targets, observations


def run(*argv):
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    return command.run(parser.parse_args([str(a) for a in argv]))


def test_json_output_has_assessments_then_rollup(files, capsys):
    _, targets, observations = files
    assert run(targets, observations, "--as-of", "2023-12-31", "--format", "json") == 0
    document = json.loads(capsys.readouterr().out)
    assert list(document) == ["as_of", "assessments", "rollup"]
    gdp, fai = document["assessments"]
    for key in ("id", "status", "status_zh", "outlook", "outlook_zh", "probability",
                "progress", "elapsed", "ratio", "gap", "projected", "interval",
                "required_rate", "observed_rate", "warning", "explanation"):
        assert key in gdp
    assert (gdp["id"], gdp["status"], fai["status"], fai["warning"]) == (
        "gdp", "ahead", "behind", True)
    assert document["rollup"]["plan"]["targets"] == 2


def test_table_output_is_a_chinese_table_with_explanations(files, capsys):
    _, targets, observations = files
    assert run(targets, observations, "--as-of", "2023-12-31") == 0
    out = capsys.readouterr().out
    assert "进度判断" in out and "快于预期" in out and "预警" in out
    assert "计分方法：" in out and "gdp 地区生产总值：2023年为360亿元" in out


def test_csv_output_to_a_file_has_one_row_per_target(files):
    folder, targets, observations = files
    out = folder / "result.csv"
    assert run(targets, observations, "--as-of", "2023-12-31", "--format", "csv",
               "-o", out) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [row["id"] for row in rows] == ["gdp", "fai"]
    assert rows[1]["status_zh"] == "滞后（需加快）"


@pytest.mark.parametrize(("broken", "message"), [
    ("observations", "obs.csv: row 2, column value: not a number"),
    ("targets", "targets.json: [0].kind: 'speed' is not one of"),
    ("as_of", "--as-of: '2023-13-01' is not a date YYYY-MM-DD"),
    ("unit", "targets.json: target gdp: unit: observation 绿园区/地区生产总值/2020: cannot convert"),
])
def test_bad_input_is_one_line_exit_2_and_nothing_written(files, capsys, broken, message):
    folder, targets, observations = files
    as_of = "2023-12-31"
    if broken == "observations":
        observations.write_text(OBSERVATIONS.replace(",300,", ",三百,"), encoding="utf-8")
    elif broken == "targets":
        targets.write_text(json.dumps([{**TARGETS[0], "kind": "speed"}]), encoding="utf-8")
    elif broken == "unit":
        observations.write_text(OBSERVATIONS.replace("300,亿元", "300,万人"), encoding="utf-8")
    else:
        as_of = "2023-13-01"
    out = folder / "result.json"
    assert run(targets, observations, "--as-of", as_of, "--format", "json", "-o", out) == 2
    error = capsys.readouterr().err
    assert error.startswith("planwatch evaluate: ") and message in error
    assert error.count("\n") == 1
    assert not out.exists()


def test_a_plan_yaml_supplies_targets_goals_and_the_default_place(tmp_path, capsys):
    from planwatch.samples import luyuan

    status = run(luyuan.PLAN_PATH, luyuan.OBSERVATIONS_PATH, "--as-of", "2024-12-31",
                 "--format", "json")
    assert status == 0
    document = json.loads(capsys.readouterr().out)
    assert document["assessments"] and document["rollup"]["goals"]


def test_targets_can_come_from_standard_input(files, capsys, monkeypatch):
    _, targets, observations = files
    stdin = io.TextIOWrapper(io.BytesIO(targets.read_bytes()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert run("-", observations, "--as-of", "2023-12-31", "--format", "csv") == 0
    assert capsys.readouterr().out.count("\n") == 3


def test_extract_output_is_accepted_as_it_is(files, capsys):
    folder, _, observations = files
    extracted = folder / "extracted.json"
    extracted.write_text(json.dumps({"source": "plan.txt", "targets": [
        {**TARGETS[0], "goal_path": [], "benchmark": None, "confidence": 0.9,
         "span": [3, 9], "text": "地区生产总值进入500亿元"}]}, ensure_ascii=False),
        encoding="utf-8")
    assert run(extracted, observations, "--as-of", "2023-12-31", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)["assessments"][0]["status"] == "ahead"


def test_the_planwatch_command_runs_it_and_exits_2_on_bad_input(files):
    import subprocess
    import sys

    folder, targets, observations = files
    command = [sys.executable, "-m", "planwatch.cli", "evaluate", str(targets), str(observations),
               "--as-of"]
    good = subprocess.run([*command, "2023-12-31", "--format", "csv"], capture_output=True,
                          text=True, timeout=120, check=False)
    assert good.returncode == 0 and good.stdout.startswith("id,indicator,status")
    bad = subprocess.run([*command, "31/12/2023"], capture_output=True, text=True, timeout=120,
                         check=False)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr == "planwatch evaluate: --as-of: '31/12/2023' is not a date YYYY-MM-DD\n"
