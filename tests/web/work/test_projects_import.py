"""Importing a project list checks the whole file first and lists every problem by row,
column and reason, as the figures import does; all or none, idempotent, exit 2 on bad input,
--dry-run writes nothing. CLI and web page alike, on real CSV and XLSX files."""

from __future__ import annotations

import re
from datetime import date

import pytest
from openpyxl import Workbook

from planwatch.domain.model import Project
from planwatch.web.data.problem_list import MAX_LISTED_PROBLEMS
from planwatch.web.work import models
from planwatch.web.work.files import PROJECT_COLUMNS, read_projects, write_projects
from planwatch.web.work.records import Record

DEPARTMENT = "绿园区发展和改革局"  # one of the Lüyuan plan's departments


def csv_line(**cells: str) -> str:
    return ",".join(cells.get(column, "") for column in PROJECT_COLUMNS)


def project_csv(path, *rows: dict, encoding: str = "utf-8"):
    path.write_bytes("\n".join([",".join(PROJECT_COLUMNS), *(csv_line(**row) for row in rows)])
                     .encode(encoding) + b"\n")
    return path


def project_xlsx(path, *rows: dict):
    book = Workbook()
    sheet = book.active
    sheet.append(PROJECT_COLUMNS)
    for row in rows:
        sheet.append([row.get(column) for column in PROJECT_COLUMNS])
    book.save(path)
    return path


@pytest.fixture
def stored_plan(planwatch_command):
    from planwatch.samples import luyuan

    assert planwatch_command("plan_load", str(luyuan.PLAN_PATH)) == 0


# ------------------------------------------------------------------------ the command line

@pytest.mark.django_db(transaction=True)
def test_every_problem_of_every_row_is_listed_in_row_order_and_nothing_written(
        stored_plan, planwatch_command, tmp_path, capsys):
    path = project_csv(
        tmp_path / "proj_bad.csv",
        dict(key="P1", name="好项目", department=DEPARTMENT, 开工="2021-04-01"),
        dict(key="P2", name="两处错", investment="abc", 谋划="2021-13-01"),
        dict(key="", name="缺标识"),
        dict(key="P1", name="重复"),
        dict(key="P5", name="倒序", 签约="2021-05-01", 开工="2021-04-01"),
        dict(key="P6", name="三处错", provenance="guess", quantities="面积:3",
             completed_investment="-2"),
        dict(key="P7", name="外单位", department="不存在的局"))
    assert planwatch_command("projects_import", str(path)) == 2
    assert capsys.readouterr().err.splitlines() == [f"{path}: {line}" for line in [
        "第 3 行 investment(计划总投资)列:“abc”不是数值",
        "第 3 行 谋划列:“2021-13-01”不是日期 YYYY-MM-DD",
        "第 4 行 key(项目标识)列:不能为空",
        "第 5 行 key(项目标识)列:项目标识 P1 与第 2 行重复",
        "第 6 行 开工列:2021-04-01 早于前一阶段 签约 的日期 2021-05-01",
        "第 7 行 completed_investment(已完成投资)列:“-2”不是有限的非负数值",
        "第 7 行 provenance(数据性质)列:“guess”应为 official、estimate 或 illustrative",
        "第 7 行 quantities(数量)列:“面积:3”应写作 名称=数值",
        "第 8 行 department(责任单位)列:部门“不存在的局”不在规划的部门中",
        "9 个问题,未写入任何数据 / 9 problem(s), nothing stored"]]
    assert not models.Project.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_long_list_stops_at_the_cap_and_counts_the_rest(stored_plan, planwatch_command,
                                                          tmp_path, capsys):
    rows = [dict(key=f"P{i}", name="项目", investment="很多") for i in range(
        MAX_LISTED_PROBLEMS + 5)]
    path = project_csv(tmp_path / "many.csv", *rows)
    assert planwatch_command("projects_import", str(path)) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == MAX_LISTED_PROBLEMS + 2
    assert lines[-2:] == [f"{path}: 另有 5 个问题未列出",
                          f"{path}: 1005 个问题,未写入任何数据 / 1005 problem(s), nothing stored"]


@pytest.mark.django_db(transaction=True)
def test_a_gbk_file_from_excel_lists_its_faults_in_chinese(stored_plan, planwatch_command,
                                                           tmp_path, capsys):
    path = project_csv(tmp_path / "gbk.csv",
                       dict(key="G1", name="示例厂房", investment="三亿", department=DEPARTMENT),
                       dict(key="G2", name="示例仓库", 落位="去年"), encoding="gbk")
    assert planwatch_command("projects_import", str(path)) == 2
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"{path}: 第 2 行 investment(计划总投资)列:“三亿”不是数值",
        f"{path}: 第 3 行 落位列:“去年”不是日期 YYYY-MM-DD"]
    assert not models.Project.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_formula_without_a_result_is_a_problem_and_a_formula_text_is_no_number(
        stored_plan, planwatch_command, tmp_path, capsys):
    # openpyxl saves formulas without their results, as any program that does not calculate.
    path = project_xlsx(tmp_path / "formulas.xlsx",
                        dict(key="F1", name="=HYPERLINK(\"http://example.org\",\"点我\")",
                             investment="=1+2", department=DEPARTMENT, 谋划=date(2021, 2, 1)),
                        dict(key="F2", name="示例项目", investment="=1+2", completed_investment=1.5))
    assert planwatch_command("projects_import", str(path)) == 2
    reason = "没有计算结果:请在 Excel 中重新计算并保存,或粘贴为数值"
    assert capsys.readouterr().err.splitlines()[:4] == [
        f"{path}: 第 2 行 name(项目名称)列:公式“=HYPERLINK(\"http://example.org\",\"点我\")”{reason}",
        f"{path}: 第 2 行 investment(计划总投资)列:公式“=1+2”{reason}",
        f"{path}: 第 3 行 investment(计划总投资)列:公式“=1+2”{reason}",
        f"{path}: 3 个问题,未写入任何数据 / 3 problem(s), nothing stored"]
    text = project_csv(tmp_path / "formula.csv", dict(key="F3", name="项目", investment="=1+2"))
    assert planwatch_command("projects_import", str(text)) == 2
    assert "第 2 行 investment(计划总投资)列:“=1+2”不是数值" in capsys.readouterr().err
    assert not models.Project.objects.exists()


def test_text_a_spreadsheet_would_run_is_written_inert_and_read_back_as_it_was(tmp_path):
    project = Project("K1", "=cmd|' /C calc'!A0", location="-西区", flags=["@标记"])
    path = tmp_path / "projects.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        write_projects([Record(project)], file)
    assert "K1,'=cmd|' /C calc'!A0,,,,,'-西区,'@标记," in path.read_text(encoding="utf-8")
    assert [record.project for record in read_projects(path)] == [project]


@pytest.mark.django_db(transaction=True)
def test_a_dry_run_says_what_would_change_and_writes_nothing(stored_plan, planwatch_command,
                                                             tmp_path, capsys):
    path = project_xlsx(tmp_path / "good.xlsx",
                        dict(key="D1", name="示例厂房", investment=3.5, department=DEPARTMENT,
                             谋划=date(2021, 2, 1), 开工=date(2021, 4, 2)))
    assert planwatch_command("projects_import", str(path), "--dry-run") == 0
    assert f"{path}: 试运行,未写入:将导入 1 个项目:新增 1,更新 0,新增阶段记录 2" in (
        capsys.readouterr().out)
    assert not models.Project.objects.exists()
    assert planwatch_command("projects_import", str(path)) == 0
    assert "已导入 1 个项目:新增 1,更新 0,新增阶段记录 2" in capsys.readouterr().out
    assert planwatch_command("projects_import", str(path), "--dry-run") == 0
    assert "将导入 1 个项目:新增 0,更新 0,新增阶段记录 0" in capsys.readouterr().out
    project = models.Project.objects.get()
    assert (project.key, project.investment, project.stages.count()) == ("D1", 3.5, 2)


# ------------------------------------------------------------------------ the web page:
# upload → check → preview (a dry run, project by project) → confirm → import

UPLOAD = "/plans/luyuan/projects/import/"
CONFIRM = "/plans/luyuan/projects/import/confirm/"


@pytest.fixture
def staged_files(planwatch_home):
    """The project lists waiting for a confirmation on the disk."""
    return lambda: sorted((planwatch_home / "uploads" / "project-imports").glob("*"))


def upload(client, path, **options):
    with path.open("rb") as file:
        return client.post(UPLOAD, {"file": file}, **options)


def ledger_file(path, plan, key):
    """One project of the stored ledger written out as the ledger generator writes it."""
    from planwatch.web.work.store import records_of

    with path.open("w", encoding="utf-8", newline="") as file:
        write_projects([r for r in records_of(plan) if r.project.key == key], file)
    return path


@pytest.mark.django_db
def test_a_file_with_problems_lists_every_one_and_stages_nothing(
        client, luyuan_plan, person, tmp_path, stored_rows, staged_files):
    client.force_login(person("planner"))
    before = stored_rows()
    path = project_xlsx(tmp_path / "bad.xlsx",
                        dict(key="W1", name="好项目", department=DEPARTMENT),
                        dict(key="W2", name="坏项目", investment="abc", 开工="not a day"),
                        dict(key="W3", name="外单位", department="不存在的局"))
    response = upload(client, path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "bad.xlsx:发现 3 个问题,未写入任何数据。" in html
    assert "<td>3</td><td>investment</td><td>“abc”不是数值</td>" in html
    assert "<td>3</td><td>开工</td><td>“not a day”不是日期 YYYY-MM-DD</td>" in html
    assert "<td>4</td><td>department</td><td>部门“不存在的局”不在规划的部门中</td>" in html
    assert "确认导入" not in html
    assert str(tmp_path) not in html  # the uploaded file's name, not where it was kept
    assert stored_rows() == before
    assert staged_files() == [] and "pending_project_import" not in client.session
    # Nothing waits, so a confirm now imports nothing.
    assert "没有待确认的项目导入" in client.post(CONFIRM, follow=True).content.decode()
    assert stored_rows() == before


@pytest.mark.django_db
def test_the_preview_says_what_happens_to_each_project_and_writes_nothing(
        client, luyuan_plan, person, tmp_path, stored_rows, staged_files):
    kept = luyuan_plan.projects.get(key="LY2021-001")
    path = ledger_file(tmp_path / "ledger.csv", luyuan_plan, "LY2021-001")
    with path.open("a", encoding="utf-8") as file:
        file.write(csv_line(key="LY2021-002", name="改名后的项目", department=DEPARTMENT) + "\n")
        file.write(csv_line(key="W9", name="示例新项目", investment="2", department=DEPARTMENT,
                            谋划="2021-03-01", 开工="2021-05-01") + "\n")
    client.force_login(person("planner"))
    before = stored_rows()
    response = upload(client, path)
    html = response.content.decode()
    assert response.status_code == 200
    assert ("ledger.csv:3 个项目没有问题。确认后将新增 1 个,更新 1 个,新增阶段记录 2 条;"
            "尚未写入任何数据。") in html
    assert f"<tr><td>LY2021-001</td><td>{kept.name}</td>" in html
    rows = re.findall(r"<tr><td>([^<]+)</td>.*?<td>([^<]+)</td></tr>", html.split("<tbody>")[-1])
    assert rows == [("LY2021-001", "不变"), ("LY2021-002", "更新"), ("W9", "新增")]
    assert f'action="{CONFIRM}"' in html and "确认导入" in html and "取消" in html
    assert stored_rows() == before
    assert len(staged_files()) == 1
    assert client.session["pending_project_import"]["name"] == "ledger.csv"


@pytest.mark.django_db
def test_confirming_writes_what_the_preview_said_and_removes_the_staged_file(
        client, luyuan_plan, person, tmp_path, staged_files):
    projects = luyuan_plan.projects
    before, stages_before = projects.count(), models.ProjectStageTransition.objects.count()
    path = project_xlsx(tmp_path / "new.xlsx",
                        dict(key="X1", name="示例厂房", investment=3.5, department=DEPARTMENT,
                             谋划=date(2021, 2, 1), 开工=date(2021, 4, 2)),
                        dict(key="LY2021-002", name="改名后的项目", department=DEPARTMENT))
    client.force_login(person("planner"))
    assert "确认后将新增 1 个,更新 1 个,新增阶段记录 2 条" in upload(client, path).content.decode()
    response = client.post(CONFIRM, follow=True)
    assert response.redirect_chain == [("/plans/luyuan/projects/", 302)]
    assert "已导入:新增 1 个,更新 1 个,新增阶段记录 2 条" in response.content.decode()
    assert projects.count() == before + 1
    assert models.ProjectStageTransition.objects.count() == stages_before + 2
    x1 = projects.get(key="X1")
    assert (x1.investment, x1.department.name) == (3.5, DEPARTMENT)
    assert projects.get(key="LY2021-002").name == "改名后的项目"
    assert staged_files() == [] and "pending_project_import" not in client.session
    # A second submit of the same confirmation imports nothing twice.
    again = client.post(CONFIRM, follow=True)
    assert again.redirect_chain == [("/plans/luyuan/projects/", 302)]
    assert "没有待确认的项目导入,请重新上传文件" in again.content.decode()
    assert projects.count() == before + 1
    # The same file again: every project unchanged, and the import changes nothing.
    assert "确认后将新增 0 个,更新 0 个,新增阶段记录 0 条" in upload(client, path).content.decode()
    assert "新增 0 个,更新 0 个,新增阶段记录 0 条" in client.post(
        CONFIRM, follow=True).content.decode()
    assert projects.count() == before + 1


@pytest.mark.django_db
def test_a_confirm_whose_file_is_gone_writes_nothing(client, luyuan_plan, person, tmp_path,
                                                     stored_rows, staged_files):
    path = project_csv(tmp_path / "good.csv", dict(key="W9", name="示例新项目"))
    client.force_login(person("planner"))
    upload(client, path)
    staged_files()[0].unlink()
    before = stored_rows()
    response = client.post(CONFIRM, follow=True)
    assert "没有待确认的项目导入,请重新上传文件" in response.content.decode()
    assert stored_rows() == before


@pytest.mark.django_db
def test_the_confirm_checks_the_file_again_against_the_plan_as_it_is_now(
        client, luyuan_plan, person, tmp_path, stored_rows, staged_files):
    from planwatch.web.plans.models import PlanDepartment

    path = project_csv(tmp_path / "good.csv",
                       dict(key="W9", name="示例新项目", department="绿园区征收办"))
    client.force_login(person("planner"))
    assert "确认后将新增 1 个" in upload(client, path).content.decode()
    luyuan_plan.projects.filter(department__name="绿园区征收办").update(department=None)
    PlanDepartment.objects.filter(plan=luyuan_plan, department__name="绿园区征收办").delete()
    before = stored_rows()
    html = client.post(CONFIRM).content.decode()
    assert "good.csv:发现 1 个问题,未写入任何数据。" in html
    assert "部门“绿园区征收办”不在规划的部门中" in html
    assert stored_rows() == before and staged_files() == []


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "upload_status", "confirm_status"), [
    ("planner", 200, 302), ("administrator", 200, 302),
    ("reporter", 403, 403), ("leader", 403, 403), ("supervisor", 403, 403),
    (None, 302, 302),
])
def test_only_planners_and_administrators_upload_and_confirm(
        client, luyuan_plan, person, tmp_path, stored_rows, staged_files, role,
        upload_status, confirm_status):
    path = project_csv(tmp_path / "good.csv", dict(key="W9", name="示例新项目"))
    if role is not None:
        client.force_login(person(role, DEPARTMENT) if role == "reporter" else person(role))
    before = stored_rows()
    response = upload(client, path)
    assert response.status_code == upload_status
    if role is None:
        assert response["Location"].startswith("/accounts/login/?next=")
    assert len(staged_files()) == (upload_status == 200)
    response = client.post(CONFIRM)
    assert response.status_code == confirm_status
    if role is None:
        assert response["Location"].startswith("/accounts/login/?next=")
    written = luyuan_plan.projects.filter(key="W9").exists()
    assert written == (upload_status == 200)
    if not written:
        assert stored_rows() == before


@pytest.mark.django_db
def test_the_preview_reads_in_english(client, luyuan_plan, person, tmp_path, settings):
    path = ledger_file(tmp_path / "ledger.csv", luyuan_plan, "LY2021-001")
    with path.open("a", encoding="utf-8") as file:
        file.write(csv_line(key="LY2021-002", name="改名后的项目") + "\n")
        file.write(csv_line(key="W9", name="示例新项目") + "\n")
    client.force_login(person("planner"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = upload(client, path).content.decode()
    assert ("ledger.csv: 3 projects, no problems. Confirming will add 1, update 1 and add 0 "
            "stage records; nothing has been stored yet.") in html
    rows = re.findall(r"<tr><td>([^<]+)</td>.*?<td>([^<]+)</td></tr>", html.split("<tbody>")[-1])
    assert rows == [("LY2021-001", "Unchanged"), ("LY2021-002", "Updated"), ("W9", "Added")]
    assert "Confirm import" in html and "Cancel" in html and "Project key" in html
