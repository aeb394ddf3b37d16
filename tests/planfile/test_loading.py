"""load_plan / parse_plan / dump_plan as callers use them."""

import pytest
import yaml

from planwatch.domain import Comparator, Kind, Span
from planwatch.planfile import PlanFileError, dump_plan, format_path, load_plan, parse_plan


def test_a_plan_file_loads_into_the_domain_classes(write_plan, plan_data):
    plan = load_plan(write_plan(plan_data))
    assert plan.jurisdiction.name == "示范区"
    gdp = plan.targets[0]
    assert (gdp.kind, gdp.comparator, gdp.value, gdp.unit) == (Kind.LEVEL, Comparator.GE, 500.0,
                                                               "亿元")
    assert gdp.span == Span(7, 20) and gdp.span.of(plan.source_text) == gdp.text
    assert [goal.key for goal in plan.walk_goals()] == ["fyp", "fyp.economy"]


def test_a_milestone_needs_no_comparator_value_or_unit(write_plan, plan_data):
    milestone = load_plan(write_plan(plan_data)).targets[2]
    assert (milestone.comparator, milestone.value, milestone.unit) == (Comparator.EQ, None, "")


def test_the_source_file_resolves_against_the_plan_folder(tmp_path, write_plan, plan_data, source_text):
    (tmp_path / "source.txt").write_bytes(source_text.encode("utf-8"))
    plan_data["source"] = {"title": "示范区规划", "file": "source.txt"}
    assert load_plan(write_plan(plan_data)).source_text == source_text


def test_a_missing_source_file_is_named(tmp_path, write_plan, plan_data):
    plan_data["source"] = {"file": "gone.txt"}
    with pytest.raises(PlanFileError) as caught:
        load_plan(write_plan(plan_data))
    [issue] = caught.value.issues
    assert str(issue) == (
        f"{tmp_path / 'plan.yaml'}: $.source.file: 原文文件不存在 '{tmp_path / 'gone.txt'}' / "
        f"source file not found (第 {issue.line} 行)")
    lines = (tmp_path / "plan.yaml").read_text("utf-8").splitlines()
    assert lines[issue.line - 1].strip() == "file: gone.txt"


def test_an_error_line_names_file_path_reason_and_line(tmp_path, write_plan, plan_data):
    plan_data["targets"][1]["unit"] = "英里"
    with pytest.raises(PlanFileError) as caught:
        load_plan(write_plan(plan_data))
    [issue] = caught.value.issues
    assert str(issue) == (f"{tmp_path / 'plan.yaml'}: $.targets[1].unit: 无法识别的单位 '英里' / "
                          f"unknown unit (第 {issue.line} 行)")
    lines = (tmp_path / "plan.yaml").read_text("utf-8").splitlines()
    assert lines[issue.line - 1].strip() == "unit: 英里"


def test_each_issue_is_one_line_of_the_error(write_plan, plan_data):
    plan_data["targets"][0]["goal"] = "nowhere"
    plan_data["targets"][1]["kind"] = "wish"
    message = str(pytest.raises(PlanFileError, load_plan, write_plan(plan_data)).value)
    assert len(message.splitlines()) == 2


def test_a_yaml_syntax_error_is_reported_with_its_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("planwatch: 1\nname: [demo\n", "utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_plan(path)
    [issue] = caught.value.issues
    assert issue.file == str(path) and issue.line == 3 and "YAML 语法错误" in issue.reason


def test_a_missing_plan_file_is_named(tmp_path):
    with pytest.raises(PlanFileError, match=r"nope\.yaml: \$: 文件不存在 / file not found"):
        load_plan(tmp_path / "nope.yaml")


def test_plan_and_source_files_saved_as_gbk_are_read(tmp_path, plan_data, source_text):
    (tmp_path / "source.txt").write_bytes(source_text.encode("gbk"))
    plan_data["source"] = {"file": "source.txt"}
    path = tmp_path / "plan.yaml"
    path.write_bytes(yaml.safe_dump(plan_data, allow_unicode=True).encode("gbk"))
    plan = load_plan(path)
    assert plan.title == "示范区“十四五”规划" and plan.source_text == source_text


def test_a_byte_order_mark_is_not_part_of_the_source_text(tmp_path, write_plan, plan_data,
                                                          source_text):
    (tmp_path / "source.txt").write_bytes(b"\xef\xbb\xbf" + source_text.encode("utf-8"))
    plan_data["source"] = {"file": "source.txt"}
    assert load_plan(write_plan(plan_data)).source_text == source_text


def test_a_file_in_no_known_encoding_is_refused(tmp_path):
    path = tmp_path / "binary.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(PlanFileError, match="编码无法识别"):
        load_plan(path)


def test_parse_plan_resolves_the_source_file_against_base_dir(tmp_path, plan_data,
                                                             source_text):
    (tmp_path / "doc.txt").write_text(source_text, "utf-8", newline="")
    plan_data["source"] = {"file": "doc.txt"}
    text = yaml.safe_dump(plan_data, allow_unicode=True)
    assert parse_plan(text, source_name="mem", base_dir=tmp_path).source_text == source_text


def test_a_dump_stands_alone_and_loads_back_equal(tmp_path, write_plan, plan_data, source_text):
    (tmp_path / "source.txt").write_text(source_text, "utf-8", newline="")
    plan_data["source"] = {"title": "示范区规划", "file": "source.txt"}
    plan = load_plan(write_plan(plan_data))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "dump.yaml").write_text(dump_plan(plan), "utf-8")
    assert load_plan(elsewhere / "dump.yaml") == plan


def test_a_dump_told_the_source_file_names_it_instead_of_the_text(write_plan, plan_data):
    text = dump_plan(load_plan(write_plan(plan_data)), source_file="source.txt")
    assert "  file: source.txt\n" in text and "到2025年" not in text


def test_the_dump_is_written_for_people(write_plan, plan_data):
    text = dump_plan(load_plan(write_plan(plan_data)))
    assert text.startswith("planwatch: 1\nname: demo\ntitle: 示范区“十四五”规划\n")
    assert "- id: gdp-2025\n  goal: fyp.economy\n  indicator: 地区生产总值\n  kind: level\n" \
           "  comparator: '>='\n  value: 500\n  unit: 亿元\n" in text
    assert "  span: [7, 20]\n" in text
    assert "  text: |\n    到2025年" in text


def test_a_schedule_error_names_the_year_and_its_line(tmp_path, write_plan, plan_data):
    plan_data["targets"][1].update(path="custom", schedule={2021: 1, 2026: 6})
    with pytest.raises(PlanFileError) as caught:
        load_plan(write_plan(plan_data))
    issues = {format_path(issue.path): issue for issue in caught.value.issues}
    issue = issues["$.targets[1].schedule.2026"]
    assert "年份 2026 不在基期 2020 之后、目标年 2025 之前" in str(issue)
    lines = (tmp_path / "plan.yaml").read_text("utf-8").splitlines()
    assert lines[issue.line - 1].strip().startswith("2026:")
