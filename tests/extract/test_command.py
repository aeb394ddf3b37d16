"""`planwatch extract` as a user runs it."""

import json
import subprocess
import sys

import pytest
import yaml

from planwatch.cli import main

PLAN = "某区2024年工作要点\n一、主要目标\n地区生产总值增长6%左右,新建学校5所。\n"


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_json_output_has_the_gold_fields_span_goal_and_ids(plan_file, capsys):
    assert main(["extract", str(plan_file)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["source"] == str(plan_file)
    growth, schools = document["targets"]
    assert list(growth)[:9] == ["id", "text", "indicator", "value", "unit", "comparator", "kind",
                                "year", "period_start"]
    assert (growth["id"], growth["value"], growth["comparator"], growth["year"]) == ("t001", 6, "~", 2024)
    assert PLAN[growth["span"][0]:growth["span"][1]] == growth["text"]
    assert growth["goal_path"] == ["某区2024年工作要点", "主要目标"]
    assert growth["goal"] == "某区2024年工作要点 / 主要目标"
    assert schools["id"] == "t002" and 0 <= schools["confidence"] <= 1


def test_several_files_give_one_object_each(plan_file, tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("2024年计划:新建公园3个。", encoding="utf-8")
    assert main(["extract", str(plan_file), str(other)]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [d["source"] for d in documents] == [str(plan_file), str(other)]
    assert [len(d["targets"]) for d in documents] == [2, 1]


def test_jsonl_is_one_target_per_line_with_its_source(plan_file, capsys):
    assert main(["extract", "--format", "jsonl", str(plan_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(plan_file)] * 2


def test_yaml_output(plan_file, capsys):
    assert main(["extract", "--format", "yaml", str(plan_file)]) == 0
    assert yaml.safe_load(capsys.readouterr().out)["targets"][1]["unit"] == "所"


def test_reference_year_for_this_year(tmp_path, capsys):
    path = tmp_path / "undated.txt"
    path.write_text("今年新建公园3个。", encoding="utf-8")
    assert main(["extract", "--reference-year", "2027", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["targets"][0]["year"] == 2027


def test_output_file_is_written_whole(plan_file, tmp_path):
    out = tmp_path / "targets.json"
    assert main(["extract", str(plan_file), "-o", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["targets"]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt", "targets.json"]


def test_an_unreadable_file_is_one_line_exit_2_and_nothing_written(plan_file, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out.json"
    assert main(["extract", str(plan_file), str(empty), "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"planwatch extract: cannot read {empty}: the file is empty\n"
    assert not out.exists()


def test_stdin(tmp_path):
    result = subprocess.run([sys.executable, "-m", "planwatch.cli", "extract", "-"], input=PLAN.encode("gbk"),
                            capture_output=True, check=True)
    assert json.loads(result.stdout)["source"] == "-"
    assert len(json.loads(result.stdout)["targets"]) == 2


def test_plan_draft_is_accepted_by_the_plan_loader(tmp_path, capsys):
    from planwatch.planfile import load_plan

    path = tmp_path / "plan.txt"
    path.write_text("某市某区“十四五”规划\n一、经济发展\n到2025年,地区生产总值增速高于全市平均水平,"
                    "规上工业总产值突破800亿元。\n二、民生\n新建学校8所,零就业家庭动态清零。\n", encoding="utf-8")
    out = tmp_path / "draft.yaml"
    assert main(["extract", "--format", "plan", "--parent", "某市", str(path), "-o", str(out)]) == 0
    plan = load_plan(out)
    assert plan.jurisdiction.name == "某区" and plan.jurisdiction.parent == "某市"
    assert [t.kind.value for t in plan.targets] == ["relative", "level", "count", "zero"]
    assert plan.targets[0].benchmark.place == "某市"
    assert [g.title for g in plan.goals] == ["经济发展", "民生"]
    assert all(plan.source_text[t.span.start:t.span.end] == t.text for t in plan.targets)


def test_plan_draft_takes_one_file(plan_file, capsys):
    assert main(["extract", "--format", "plan", str(plan_file), str(plan_file)]) == 2
    assert "一个文件" in capsys.readouterr().err


def test_extracted_targets_are_accepted_by_evaluate(plan_file, tmp_path, capsys):
    targets = tmp_path / "targets.json"
    assert main(["extract", str(plan_file), "-o", str(targets)]) == 0
    observations = tmp_path / "obs.csv"
    observations.write_text("place,indicator,period,value,unit,kind,source\n"
                            "某区,地区生产总值,2024H1,5.8,%,growth_pct,统计局\n", encoding="utf-8")
    assert main(["evaluate", str(targets), str(observations), "--as-of", "2024-08-01",
                 "--format", "json"]) == 0
    assessments = json.loads(capsys.readouterr().out)
    assert len(assessments) >= 1


def test_extract_pipes_into_evaluate(plan_file, tmp_path):
    observations = tmp_path / "obs.csv"
    observations.write_text("place,indicator,period,value,unit,kind,source\n"
                            "某区,地区生产总值,2024H1,5.8,%,growth_pct,统计局\n", encoding="utf-8")
    extracted = subprocess.run([sys.executable, "-m", "planwatch.cli", "extract", str(plan_file)],
                               capture_output=True, check=True)
    result = subprocess.run([sys.executable, "-m", "planwatch.cli", "evaluate", "-", str(observations),
                             "--as-of", "2024-08-01", "--format", "json"],
                            input=extracted.stdout, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)
