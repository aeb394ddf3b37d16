"""The CLI twins: `planwatch projects import FILE` and `planwatch supervise --today`."""

import io
from datetime import date

import pytest
from openpyxl import Workbook

from planwatch.samples import luyuan
from planwatch.web.plans.models import Plan
from planwatch.web.work import models
from planwatch.web.work.files import PROJECT_COLUMNS, read_work_plan
from planwatch.web.work.store import load_work_beside, save_work_plan

pytestmark = pytest.mark.django_db(transaction=True)

PROJECTS_CSV = luyuan.FOLDER / "projects.csv"


@pytest.fixture
def stored_plan(planwatch_command):
    assert planwatch_command("plan_load", str(luyuan.PLAN_PATH)) == 0


def test_importing_the_ledger_twice_adds_it_once(stored_plan, planwatch_command, capsys):
    # The ledger's departments include those the work plan adds to the plan.
    plan = Plan.objects.get(name="luyuan")
    save_work_plan(plan, read_work_plan(luyuan.FOLDER / "work.yaml"), "work.yaml")
    assert planwatch_command("projects_import", str(PROJECTS_CSV)) == 0
    assert "新增 116" in capsys.readouterr().out
    assert planwatch_command("projects_import", str(PROJECTS_CSV)) == 0
    assert "新增 0,更新 0,新增阶段记录 0" in capsys.readouterr().out
    assert models.Project.objects.count() == 116


def test_a_project_list_in_xlsx_is_read_like_csv(stored_plan, planwatch_command, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(PROJECT_COLUMNS)
    row = dict.fromkeys(PROJECT_COLUMNS, None)
    row.update(key="X1", name="示例厂房", investment=3.5, flags="亿元以上、三早",
               department="绿园区发展和改革局", 谋划=date(2021, 2, 1), 开工=date(2021, 4, 2))
    sheet.append([row[name] for name in PROJECT_COLUMNS])
    path = tmp_path / "projects.xlsx"
    book.save(path)
    assert planwatch_command("projects_import", str(path)) == 0
    project = models.Project.objects.get(key="X1")
    assert project.flags == ["亿元以上", "三早"] and project.investment == 3.5
    assert list(project.stages.values_list("stage", flat=True)) == ["谋划", "开工"]


def test_an_unknown_column_is_named(stored_plan, planwatch_command, tmp_path, capsys):
    path = tmp_path / "projects.csv"
    path.write_text("key,name,投资额\nP1,项目,3\n", encoding="utf-8")
    assert planwatch_command("projects_import", str(path)) == 2
    assert "第1行: 不认识的列 投资额" in capsys.readouterr().err


def test_a_gbk_file_from_excel_reads(stored_plan, planwatch_command, tmp_path):
    path = tmp_path / "projects.csv"
    path.write_bytes("key,name,flags\nP1,示例项目,亿元以上\n".encode("gbk"))
    assert planwatch_command("projects_import", str(path)) == 0
    assert models.Project.objects.get(key="P1").name == "示例项目"


def test_supervise_is_idempotent_and_controlled_by_today(stored_plan, planwatch_command,
                                                         capsys):
    load_work_beside(Plan.objects.get(name="luyuan"), luyuan.PLAN_PATH, io.StringIO())
    assert planwatch_command("supervise", "--today", "2021-09-01") == 0
    first = capsys.readouterr().out
    assert planwatch_command("supervise", "--today", "2021-09-01") == 0
    assert "新提出 0 项,升级 0 项" in capsys.readouterr().out
    assert "新提出 0 项" not in first
    assert planwatch_command("supervise", "--today", "2021-09-30") == 0
    assert "升级 0 项" not in capsys.readouterr().out


def test_supervise_names_an_unknown_plan(planwatch_command, capsys):
    assert planwatch_command("supervise", "--plan", "nowhere", "--today", "2021-09-01") == 2
    assert "没有规划 nowhere" in capsys.readouterr().err


@pytest.mark.parametrize("name, content, reason", [
    ("missing.csv", None, "无法读取"),
    ("damaged.xlsx", b"PK\x03\x04 not really a workbook", "不是可读的 XLSX 文件"),
    ("empty.csv", b"", "文件为空"),
])
def test_an_unreadable_file_is_named_with_the_reason(planwatch_command, tmp_path, capsys, name,
                                                     content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert planwatch_command("projects_import", str(path)) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(str(path)) and reason in error and "\n" not in error
