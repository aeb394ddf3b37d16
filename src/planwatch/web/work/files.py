"""The work files, pure: the work plan YAML (总施工图: decompositions, record-measured
targets, tasks with milestones) and project lists in CSV or XLSX.

Every error names the file, the row or YAML path, the field and the reason, in one line.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from itertools import zip_longest
from pathlib import Path

import yaml

from planwatch.domain.model import Project, StageTransition, Task
from planwatch.domain.vocabulary import ProjectStage, Provenance, TaskStatus
from planwatch.web.data.problem_list import ProblemTally
from planwatch.web.data.rows import Problem, neutralise, restore

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
# The Chinese names a problem gives the English columns (the stage columns are Chinese).
COLUMN_LABELS = {"key": "项目标识", "name": "项目名称", "project_type": "项目类型",
                 "investment": "计划总投资", "completed_investment": "已完成投资",
                 "department": "责任单位", "location": "地点", "flags": "标记",
                 "provenance": "数据性质", "quantities": "数量"}
TEXT_COLUMNS = ("key", "name", "project_type", "department", "location", "flags")


@dataclass
class ProjectList(ProblemTally):
    """A project file read through: the good rows as records, and every problem of the others
    (ProblemTally), and how many rows it read."""

    file_name: str
    records: list[Record] = field(default_factory=list)
    rows_read: int = 0

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def problem(self, row: int, column: str, reason: str) -> None:
        self.add_problem(Problem(row, column, reason, COLUMN_LABELS.get(column)))

    def error(self) -> WorkFileError:
        """The problems as one line: the first, and how many there are."""
        more = f"(共 {self.problem_count} 个问题)" if self.problem_count > 1 else ""
        return WorkFileError(f"{self.file_name}: {self.problems[0]}{more}")


def read_projects(path: Path) -> list[Record]:
    """The records of a project file that must be right (the sample ledger, a work plan's
    own): WorkFileError on the first problem, with their number."""
    projects = check_projects(path)
    if not projects.ok:
        raise projects.error()
    return projects.records


def check_projects(path: Path, file_name: str | None = None,
                   departments: Collection[str] | None = None) -> ProjectList:
    """Projects from a CSV (UTF-8 or GB18030) or XLSX file with the PROJECT_COLUMNS header
    (only key and name are required): one Record per good row, every problem of every row
    listed in row order, named by `file_name` (the path by default), whose extension says
    whether it is XLSX (a staged upload is kept under another name). With `departments` (the
    plan's), a department not among them is its row's problem. A file that cannot be read as
    a whole (unreadable, empty, a bad header) raises WorkFileError."""
    name = file_name or str(path)
    xlsx = Path(name).suffix.lower() == ".xlsx"
    rows = _xlsx_rows(path, name) if xlsx else _csv_rows(path, name)
    if not rows:
        raise WorkFileError(f"{name}: 文件为空")
    header = [str(cell or "").strip().lstrip("\ufeff") for cell in rows[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise WorkFileError(f"{name}: 第1行: 缺少列 {', '.join(missing)}")
    unknown = [column for column in header if column and column not in PROJECT_COLUMNS]
    if unknown:
        raise WorkFileError(f"{name}: 第1行: 不认识的列 {', '.join(unknown)}"
                            f"(可用列:{', '.join(PROJECT_COLUMNS)})")
    projects = ProjectList(file_name=name)
    key_rows: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = {column: _cell(row[i] if i < len(row) else None)
                 for i, column in enumerate(header) if column}
        if not any(cells.values()):
            continue
        projects.rows_read += 1
        record = _project_row(projects, number, cells, departments)
        if record is None:
            continue
        key = record.project.key
        if key in key_rows:
            projects.problem(number, "key", f"项目标识 {key} 与第 {key_rows[key]} 行重复")
            continue
        key_rows[key] = number
        projects.records.append(record)
    return projects


class _Formula(str):
    """A spreadsheet formula whose result the file does not hold (saved by a program that
    does not calculate): its text is no value to import."""


def _project_row(projects: ProjectList, number: int, cells: dict,
                 departments: Collection[str] | None) -> Record | None:
    """The row as a Record, or None after listing each of its problems."""
    before = projects.problem_count

    def problem(column: str, reason: str) -> None:
        projects.problem(number, column, reason)

    for column, cell in cells.items():
        if isinstance(cell, _Formula):
            problem(column, f"公式“{cell}”没有计算结果:请在 Excel 中重新计算并保存,或粘贴为数值")
    text = {column: "" if isinstance(cell, _Formula) else restore(cell)
            if column in TEXT_COLUMNS else cell for column, cell in cells.items()}
    for column in REQUIRED_COLUMNS:
        if not text.get(column) and not isinstance(cells.get(column), _Formula):
            problem(column, "不能为空")

    def amount(column: str) -> float | None:
        value = text.get(column, "")
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            problem(column, f"“{value}”不是数值")
            return None
        if not math.isfinite(number) or number < 0:
            problem(column, f"“{value}”不是有限的非负数值")
            return None
        return number

    investment, completed = amount("investment"), amount("completed_investment")
    department = text.get("department") or None
    if department and departments is not None and department not in departments:
        problem("department", f"部门“{department}”不在规划的部门中")
    stages: list[StageTransition] = []
    for stage in ProjectStage:
        value = text.get(stage.value, "")
        if not value:
            continue
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            problem(stage.value, f"“{value}”不是日期 YYYY-MM-DD")
            continue
        if stages and day < stages[-1].on:
            problem(stage.value, f"{day.isoformat()} 早于前一阶段 {stages[-1].stage.value} 的日期 "
                                 f"{stages[-1].on.isoformat()}")
        stages.append(StageTransition(stage, day))
    try:
        provenance = Provenance(text.get("provenance") or Provenance.OFFICIAL)
    except ValueError:
        provenance = None
        problem("provenance", f"“{text['provenance']}”应为 official、estimate 或 illustrative")
    quantities = {}
    for part in filter(None, (p.strip() for p in text.get("quantities", "").split(";"))):
        name, _, value = part.partition("=")
        try:
            quantities[name.strip()] = float(value)
        except ValueError:
            problem("quantities", f"“{part}”应写作 名称=数值")
    if projects.problem_count > before:
        return None
    flags = [f.strip() for f in text.get("flags", "").replace(",", "、").split("、") if f.strip()]
    project = Project(
        key=text["key"], name=text["name"], investment=investment,
        completed_investment=completed, department=department,
        location=text.get("location", ""), project_type=text.get("project_type", ""),
        flags=flags, stages=stages, provenance=provenance)
    return Record(project, quantities)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, _Formula):
        return value
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(path: Path, name: str) -> list[list[str]]:
    from planwatch.domain.observation_csv import decode

    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        raise WorkFileError(f"{name}: 无法读取: {exc.strerror}") from None
    except ValueError as exc:
        raise WorkFileError(f"{name}: {exc}") from None
    return list(csv.reader(io.StringIO(text)))


def _xlsx_rows(path: Path, name: str) -> list[list]:
    """The first sheet's values as Excel last calculated them; a formula without a stored
    result comes as a _Formula holding its text."""
    from openpyxl import load_workbook

    try:
        # Read from the bytes: openpyxl refuses a path not named .xlsx (a staged upload).
        data = path.read_bytes()
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(data), read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise WorkFileError(f"{name}: 不是可读的 XLSX 文件: {type(exc).__name__}") from None
    try:
        return [[_Formula(formula) if value is None and isinstance(formula, str)
                 and formula.startswith("=") else value
                 for value, formula in zip_longest(value_row, formula_row)]
                for value_row, formula_row in zip(
                    values.worksheets[0].iter_rows(values_only=True),
                    formulas.worksheets[0].iter_rows(values_only=True), strict=True)]
    finally:
        values.close()
        formulas.close()


def write_projects(records: list[Record], file) -> None:
    """The inverse of read_projects, as CSV; text a spreadsheet would run as a formula is
    written inert (rows.neutralise) and read back as it was."""
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(PROJECT_COLUMNS)
    for record in records:
        p = record.project
        stages = {s.stage.value: s.on.isoformat() for s in p.stages}
        key, name, project_type, department, location, flags = map(neutralise, (
            p.key, p.name, p.project_type, p.department or "", p.location, "、".join(p.flags)))
        writer.writerow([
            key, name, project_type, _number(p.investment),
            _number(p.completed_investment), department, location, flags,
            p.provenance.value, *(stages.get(name, "") for name in STAGE_COLUMNS),
            ";".join(f"{k}={_number(v)}" for k, v in record.quantities.items())])


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.15g}"
