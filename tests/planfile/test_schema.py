"""The JSON Schema: one source of truth, published in docs/, and its errors in plain words."""

from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from planwatch.planfile import plan_schema, validate_plan_data

DOCS_SCHEMA = Path(__file__).parents[2] / "docs" / "plan.schema.json"



def test_the_published_schema_is_the_package_schema_byte_for_byte():
    package_schema = resources.files("planwatch.planfile").joinpath("plan.schema.json")
    assert DOCS_SCHEMA.read_bytes() == package_schema.read_bytes()


def test_the_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(plan_schema())


def test_a_valid_plan_has_no_issue(plan_data):
    assert validate_plan_data(plan_data) == []


def test_a_missing_required_field_is_named_at_its_own_path(plan_data, reasons):
    del plan_data["targets"][1]["unit"]
    del plan_data["title"]
    found = reasons(plan_data)
    assert "缺少必填字段" in found["$.title"]
    assert "a count target needs a unit" in found["$.targets[1].unit"]


def test_a_target_without_id_or_kind_is_reported_field_by_field(plan_data, reasons):
    del plan_data["targets"][0]["id"]
    del plan_data["targets"][0]["kind"]
    found = reasons(plan_data)
    assert found["$.targets[0].id"] == found["$.targets[0].kind"] == \
        "缺少必填字段 / required field missing"


def test_a_wrong_type_says_what_was_expected(plan_data, reasons):
    plan_data["targets"][0]["value"] = "五百"
    assert reasons(plan_data)["$.targets[0].value"].startswith("类型错误：应为数值或空值，实为 '五百'")


def test_an_unknown_kind_lists_the_kinds(plan_data, reasons):
    plan_data["targets"][0]["kind"] = "amount"
    reason = reasons(plan_data)["$.targets[0].kind"]
    assert reason.startswith("取值 'amount' 不在允许范围")
    assert "level, growth, cumulative" in reason


def test_an_unknown_comparator_is_refused(plan_data, reasons):
    plan_data["targets"][0]["comparator"] = "=>"
    assert "不在允许范围" in reasons(plan_data)["$.targets[0].comparator"]


def test_a_bare_tilde_comparator_gets_a_yaml_hint(plan_data, reasons):
    plan_data["targets"][0]["comparator"] = None  # what YAML makes of `comparator: ~`
    assert 'YAML 中 ~ 表示空值，请写成 "~"' in reasons(plan_data)["$.targets[0].comparator"]


def test_an_unknown_field_is_named(plan_data, reasons):
    plan_data["targets"][0]["valeu"] = 3
    assert reasons(plan_data)["$.targets[0].valeu"] == "未知字段 / unknown field"


def test_the_format_version_must_be_1(plan_data, reasons):
    plan_data["planwatch"] = 2
    assert reasons(plan_data)["$.planwatch"] == "应为 1，实为 2 / must be 1"


def test_a_date_must_be_written_year_month_day(plan_data, reasons):
    plan_data["targets"][0]["deadline"] = "2025/04/30"
    assert "YYYY-MM-DD" in reasons(plan_data)["$.targets[0].deadline"]


@pytest.mark.parametrize("span", [[3], [1, 2, 3], [-1, 4], ["a", 4]])
def test_a_span_is_two_offsets(plan_data, span, reasons):
    plan_data["targets"][0]["span"] = span
    found = reasons(plan_data)
    assert any(path.startswith("$.targets[0].span") for path in found)


@pytest.mark.parametrize("source, reason", [
    ({"title": "x"}, "需要 file 或 text 之一 / needs file or text"),
    ({"file": "a.txt", "text": "x"}, "file 与 text 只能给一个 / give file or text, not both"),
])
def test_the_source_is_a_file_or_an_inline_text(plan_data, source, reason, reasons):
    plan_data["source"] = source
    assert reasons(plan_data)["$.source"] == reason


def test_a_document_that_is_not_a_mapping_is_refused(reasons):
    assert reasons(["a", "list"])["$"].startswith("类型错误：应为映射")
