"""The plan file's JSON Schema (plan.schema.json beside this module, published as
docs/plan.schema.json) and its errors translated into one-line reasons."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .issues import YamlPath

SCHEMA_RESOURCE = "plan.schema.json"

_PATTERN_MEANING = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "日期应写成 YYYY-MM-DD / a date is written YYYY-MM-DD",
    "^[A-Za-z0-9][A-Za-z0-9_.-]*$": "标识只能含字母、数字和 _ . - / an id uses letters, digits, _ . -",
    "^[a-z0-9][a-z0-9_-]*$": "规划名只能含小写字母、数字和 _ - / a plan name uses a-z, 0-9, _ -",
    "^[0-9]{2,12}$": "区划代码应为数字，请加引号 / a division code is digits, quoted",
}

_JSON_TYPE_ZH = {"string": "字符串", "integer": "整数", "number": "数值", "array": "列表",
                 "object": "映射", "null": "空值", "boolean": "布尔值"}


@lru_cache(maxsize=1)
def plan_schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath(SCHEMA_RESOURCE).read_text("utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(plan_schema())


def schema_problems(data: Any) -> list[tuple[YamlPath, str]]:
    """Every place where data breaks the schema, as (path, reason), in document order."""
    problems = []
    for error in _validator().iter_errors(data):
        problems.extend(_explain(error))
    return sorted(set(problems), key=lambda problem: _sort_key(problem[0]))


def _sort_key(path: YamlPath):
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in path)


def _explain(error: ValidationError) -> list[tuple[YamlPath, str]]:
    path: YamlPath = tuple(error.absolute_path)
    instance = error.instance
    kind = error.validator
    if kind == "required":
        present = instance if isinstance(instance, dict) else {}
        return [(path + (name,), "缺少必填字段 / required field missing")
                for name in error.validator_value if name not in present]
    if kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        return [(path + (str(name),), "未知字段 / unknown field")
                for name in instance if name not in allowed]
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        wanted = "或".join(_JSON_TYPE_ZH.get(name, name) for name in expected)
        return [(path, f"类型错误：应为{wanted}，实为 {instance!r} / wrong type, "
                       f"expected {' or '.join(expected)}")]
    if kind == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        hint = ""
        if instance is None and "~" in error.validator_value:
            hint = "（YAML 中 ~ 表示空值，请写成 \"~\"）"
        return [(path, f"取值 {instance!r} 不在允许范围 / not one of: {choices}{hint}")]
    if kind == "const":
        return [(path, f"应为 {error.validator_value!r}，实为 {instance!r} / "
                       f"must be {error.validator_value!r}")]
    if kind == "pattern":
        meaning = _PATTERN_MEANING.get(error.validator_value, f"格式不符 {error.validator_value}")
        return [(path, f"{instance!r}：{meaning}")]
    if kind in ("minimum", "maximum"):
        bound = "不小于" if kind == "minimum" else "不大于"
        return [(path, f"{instance!r} 应{bound} {error.validator_value} / "
                       f"must be {kind} {error.validator_value}")]
    if kind == "minLength":
        return [(path, "不能为空 / must not be empty")]
    if kind in ("minItems", "maxItems", "items", "prefixItems"):
        return [(path, f"{instance!r}：应为 [起点, 终点] 两个整数 / expected [start, end]")]
    if kind == "oneOf" and isinstance(instance, dict):
        both = "file" in instance and "text" in instance
        reason = ("file 与 text 只能给一个 / give file or text, not both" if both else
                  "需要 file 或 text 之一 / needs file or text")
        return [(path, reason)]
    return [(path, error.message)]
