"""Read, check and write plan files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planwatch.domain import Plan
from planwatch.domain.observation_csv import decode

from .checks import semantic_problems
from .issues import PlanFileError, PlanFileIssue, YamlPath
from .records import plan_from_data, plan_to_data
from .schema import schema_problems
from .yamltext import YamlSyntaxError, line_finder, read_yaml, write_yaml


def _source_text(data: Any, base_dir: Path | None) -> tuple[str | None, tuple[YamlPath, str] | None]:
    """The plan document's text, and the problem if it cannot be had."""
    source = data.get("source") if isinstance(data, dict) else None
    if not isinstance(source, dict):
        return None, None
    if isinstance(source.get("text"), str):
        return source["text"], None
    name = source.get("file")
    if not isinstance(name, str) or not name:
        return None, None
    path = Path(name) if Path(name).is_absolute() else (base_dir or Path.cwd()) / name
    try:
        # Bytes, not read_text: the text must stay exactly as written, newlines included,
        # because spans count characters into it.
        return decode(path.read_bytes()), None
    except FileNotFoundError:
        return None, (("source", "file"), f"原文文件不存在 {str(path)!r} / source file not found")
    except UnicodeDecodeError:
        return None, (("source", "file"), f"原文文件的编码无法识别 {str(path)!r}：应为 UTF-8 或 "
                                          "GBK/GB18030 / source file encoding not recognised")
    except OSError as error:
        return None, (("source", "file"), f"无法读取原文文件 {str(path)!r}：{error.strerror} / "
                                          "cannot read source file")


def _problems(data: Any, base_dir: Path | None) -> tuple[list[tuple[YamlPath, str]], str | None]:
    problems = schema_problems(data)
    source_text, source_problem = _source_text(data, base_dir)
    if source_problem:
        problems.append(source_problem)
    problems.extend(semantic_problems(data, source_text))
    return problems, source_text


def validate_plan_data(data: Any, *, source_name: str = "<plan>",
                       base_dir: Path | None = None) -> list[PlanFileIssue]:
    """Every issue with plan data as read from YAML; an empty list means it makes a Plan."""
    problems, _ = _problems(data, base_dir)
    return [PlanFileIssue(source_name, path, reason) for path, reason in problems]


def parse_plan(text: str, *, source_name: str, base_dir: Path | None = None) -> Plan:
    """A Plan from plan-file YAML text; PlanFileError lists every issue found.

    A relative `source.file` resolves against base_dir (the current folder when None).
    """
    try:
        data = read_yaml(text)
    except YamlSyntaxError as error:
        raise PlanFileError([PlanFileIssue(source_name, (), error.reason, error.line)]) from None
    problems, source_text = _problems(data, base_dir)
    if problems:
        line_of = line_finder(text)
        raise PlanFileError([PlanFileIssue(source_name, path, reason, line_of(path))
                             for path, reason in problems])
    return plan_from_data(data, source_text or "")


def load_plan(path: str | Path) -> Plan:
    """Read and check a plan file; its `source.file` resolves against the file's folder.

    Files are UTF-8 (a byte-order mark is dropped) or, as Windows editors in China save them,
    GBK/GB18030 — the same rule as for observation files.
    """
    path = Path(path)
    try:
        text = decode(path.read_bytes())
    except FileNotFoundError:
        raise PlanFileError([PlanFileIssue(str(path), (), "文件不存在 / file not found")]) from None
    except UnicodeDecodeError:
        raise PlanFileError([PlanFileIssue(
            str(path), (), "编码无法识别：应为 UTF-8 或 GBK/GB18030 / encoding not recognised")]
        ) from None
    except OSError as error:
        raise PlanFileError([PlanFileIssue(
            str(path), (), f"无法读取：{error.strerror} / cannot read")]) from None
    return parse_plan(text, source_name=str(path), base_dir=path.parent)


def dump_plan(plan: Plan, *, source_file: str | None = None) -> str:
    """The plan as a readable plan file.

    The source document is written inline, so the output stands on its own; with source_file
    the file names that file instead (the caller writes the text there).
    """
    return write_yaml(plan_to_data(plan, source_file=source_file))
