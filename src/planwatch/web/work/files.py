"""The work files, pure: the work plan YAML (总施工图: decompositions, record-measured
targets, tasks with milestones) and project lists in CSV or XLSX.

Every error names the file, the row or YAML path, the field and the reason, in one line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from planwatch.domain.model import Project, StageTransition, Task
from planwatch.domain.vocabulary import ProjectStage, Provenance, TaskStatus

from .decomposition import Method
from .records import Record, RecordMeasure


class WorkFileError(ValueError):
    """A work plan or project file that cannot be read; the message is one line."""


@dataclass(frozen=True)
class Milestone:
    title: str
    due: date
    done_on: date | None = None


@dataclass
class WorkTask:
    task: Task
    milestones: list[Milestone] = field(default_factory=list)


@dataclass(frozen=True)
class DecompositionSpec:
    target: str
    method: Method
    base: float | None = None
    values: dict[int, float] | None = None


@dataclass
class WorkPlan:
    plan: str
    decompositions: list[DecompositionSpec] = field(default_factory=list)
    record_targets: dict[str, RecordMeasure] = field(default_factory=dict)
    tasks: list[WorkTask] = field(default_factory=list)
    departments: list[tuple[str, str | None]] = field(default_factory=list)
    projects_file: Path | None = None


# ---------------------------------------------------------------- work plan YAML

def read_work_plan(path: Path) -> WorkPlan:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise WorkFileError(f"{path}: 无法读取: {str(exc).splitlines()[0]}") from None
    reader = _Yaml(path)
    root = reader.mapping(data, "$")
    plan = WorkPlan(plan=reader.text(root, "$", "plan"))
    for i, item in enumerate(reader.items(root, "departments")):
        where = f"$.departments[{i}]"
        plan.departments.append((reader.text(item, where, "name"),
                                 reader.text(item, where, "short_name", required=False)))
    for i, item in enumerate(reader.items(root, "decompositions")):
        where = f"$.decompositions[{i}]"
        method = reader.choice(item, where, "method", Method)
        values = item.get("values")
        if values is not None and not (isinstance(values, dict) and all(
                isinstance(k, int) and isinstance(v, int | float) for k, v in values.items())):
            raise reader.error(where, "values", "应为 年份: 数值 的映射")
        plan.decompositions.append(DecompositionSpec(
            reader.text(item, where, "target"), method,
            reader.number(item, where, "base"), values))
    for i, item in enumerate(reader.items(root, "record_targets")):
        where = f"$.record_targets[{i}]"
        plan.record_targets[reader.text(item, where, "target")] = RecordMeasure(
            reader.choice(item, where, "stage", ProjectStage),
            reader.text(item, where, "flag", required=False) or "",
            reader.text(item, where, "quantity", required=False) or "")
    for i, item in enumerate(reader.items(root, "tasks")):
        where = f"$.tasks[{i}]"
        supporting = item.get("departments") or []
        if not isinstance(supporting, list) or not all(isinstance(d, str) for d in supporting):
            raise reader.error(where, "departments", "应为部门名称的列表")
        task = Task(key=reader.text(item, where, "key"), title=reader.text(item, where, "title"),
                    year=reader.integer(item, where, "year"),
                    goal=reader.text(item, where, "goal", required=False),
                    lead_department=reader.text(item, where, "lead", required=False),
                    departments=list(supporting), deadline=reader.day(item, where, "deadline"),
                    status=reader.choice(item, where, "status", TaskStatus,
                                         default=TaskStatus.NOT_STARTED))
        milestones = [Milestone(reader.text(m, f"{where}.milestones[{k}]", "title"),
                                reader.day(m, f"{where}.milestones[{k}]", "due", required=True),
                                reader.day(m, f"{where}.milestones[{k}]", "done_on"))
                      for k, m in enumerate(reader.items(item, "milestones"))]
        plan.tasks.append(WorkTask(task, milestones))
    projects = reader.text(root, "$", "projects_file", required=False)
    plan.projects_file = (path.parent / projects) if projects else None
    return plan


class _Yaml:
    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, where: str, name: str, reason: str) -> WorkFileError:
        return WorkFileError(f"{self.path}: {where}.{name}: {reason}")

    def mapping(self, data, where: str) -> dict:
        if not isinstance(data, dict):
            raise WorkFileError(f"{self.path}: {where}: 应为映射")
        return data

    def items(self, data: dict, name: str) -> list[dict]:
        items = data.get(name) or []
        if not isinstance(items, list):
            raise WorkFileError(f"{self.path}: {name}: 应为列表")
        return [self.mapping(item, f"{name}[{i}]") for i, item in enumerate(items)]

    def text(self, data: dict, where: str, name: str, *, required: bool = True) -> str | None:
        value = data.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(where, name, "缺少或不是文字")
        return value.strip()

    def number(self, data: dict, where: str, name: str) -> float | None:
        value = data.get(name)
        if value is not None and not isinstance(value, int | float):
            raise self.error(where, name, "应为数值")
        return value

    def integer(self, data: dict, where: str, name: str) -> int:
        value = data.get(name)
        if not isinstance(value, int):
            raise self.error(where, name, "应为整数")
        return value

    def day(self, data: dict, where: str, name: str, *, required: bool = False) -> date | None:
        value = data.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, date):
            raise self.error(where, name, "应为日期 YYYY-MM-DD")
        return value

    def choice(self, data: dict, where: str, name: str, enum, default=None):
        value = data.get(name, default)
        try:
            return enum(value)
        except ValueError:
            allowed = "、".join(member.value for member in enum)
            raise self.error(where, name, f"“{value}”不是 {allowed} 之一") from None


# ---------------------------------------------------------------- project lists

STAGE_COLUMNS = [stage.value for stage in ProjectStage]
PROJECT_COLUMNS = ["key", "name", "project_type", "investment", "completed_investment",
                   "department", "location", "flags", "provenance", *STAGE_COLUMNS,
                   "quantities"]
REQUIRED_COLUMNS = ("key", "name")


def read_projects(path: Path) -> list[Record]:
    """Projects from a CSV (UTF-8 or GB18030) or XLSX file with the PROJECT_COLUMNS header
    (only key and name are required); one Record per row."""
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    if not rows:
        raise WorkFileError(f"{path}: 文件为空")
    header = [str(cell or "").strip() for cell in rows[0]]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise WorkFileError(f"{path}: 第1行: 缺少列 {', '.join(missing)}")
    unknown = [name for name in header if name and name not in PROJECT_COLUMNS]
    if unknown:
        raise WorkFileError(f"{path}: 第1行: 不认识的列 {', '.join(unknown)}"
                            f"(可用列:{', '.join(PROJECT_COLUMNS)})")
    records, seen = [], set()
    for number, row in enumerate(rows[1:], start=2):
        cells = {name: _cell_text(row[i] if i < len(row) else None)
                 for i, name in enumerate(header) if name}
        if not any(cells.values()):
            continue
        record = _project_row(path, number, cells)
        if record.project.key in seen:
            raise WorkFileError(f"{path}: 第{number}行: key: 项目标识 {record.project.key} 重复")
        seen.add(record.project.key)
        records.append(record)
    return records


def _project_row(path: Path, number: int, cells: dict[str, str]) -> Record:
    def fail(name: str, reason: str) -> WorkFileError:
        return WorkFileError(f"{path}: 第{number}行: {name}: {reason}")

    for name in REQUIRED_COLUMNS:
        if not cells.get(name):
            raise fail(name, "不能为空")

    def amount(name: str) -> float | None:
        text = cells.get(name, "")
        if not text:
            return None
        try:
            value = float(text)
        except ValueError:
            raise fail(name, f"“{text}”不是数值") from None
        if value < 0:
            raise fail(name, "不能为负数")
        return value

    stages = []
    for stage in ProjectStage:
        text = cells.get(stage.value, "")
        if text:
            try:
                stages.append(StageTransition(stage, date.fromisoformat(text[:10])))
            except ValueError:
                raise fail(stage.value, f"“{text}”不是日期 YYYY-MM-DD") from None
    by_order = [s.on for s in stages]
    if by_order != sorted(by_order):
        raise fail("阶段日期", "后一阶段的日期早于前一阶段")
    try:
        provenance = Provenance(cells.get("provenance") or Provenance.OFFICIAL)
    except ValueError:
        raise fail("provenance", "应为 official、estimate 或 illustrative") from None
    quantities = {}
    for part in filter(None, (p.strip() for p in cells.get("quantities", "").split(";"))):
        name, _, text = part.partition("=")
        try:
            quantities[name.strip()] = float(text)
        except ValueError:
            raise fail("quantities", f"“{part}”应写作 名称=数值") from None
    flags = [f.strip() for f in cells.get("flags", "").replace(",", "、").split("、") if f.strip()]
    project = Project(
        key=cells["key"], name=cells["name"], investment=amount("investment"),
        completed_investment=amount("completed_investment"),
        department=cells.get("department") or None, location=cells.get("location", ""),
        project_type=cells.get("project_type", ""), flags=flags, stages=stages,
        provenance=provenance)
    return Record(project, quantities)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(path: Path) -> list[list[str]]:
    from planwatch.domain.observation_csv import decode

    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        raise WorkFileError(f"{path}: 无法读取: {exc.strerror}") from None
    except ValueError as exc:
        raise WorkFileError(f"{path}: {exc}") from None
    return list(csv.reader(io.StringIO(text)))


def _xlsx_rows(path: Path) -> list[list]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise WorkFileError(f"{path}: 不是可读的 XLSX 文件: {type(exc).__name__}") from None
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def write_projects(records: list[Record], file) -> None:
    """The inverse of read_projects, as CSV."""
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(PROJECT_COLUMNS)
    for record in records:
        p = record.project
        stages = {s.stage.value: s.on.isoformat() for s in p.stages}
        writer.writerow([
            p.key, p.name, p.project_type, _number(p.investment),
            _number(p.completed_investment), p.department or "", p.location, "、".join(p.flags),
            p.provenance.value, *(stages.get(name, "") for name in STAGE_COLUMNS),
            ";".join(f"{k}={_number(v)}" for k, v in record.quantities.items())])


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.15g}"
