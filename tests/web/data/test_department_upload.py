"""A department uploads its filled template: rows checked as the planners' import checks
them, its own indicators only, each figure a submission awaiting review — all or none, and
the same file again adds nothing."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planwatch.web.data import reporting
from planwatch.web.data.importer import import_observations
from planwatch.web.data.models import Observation, Submission

HEADER = "place,indicator,period,value,unit,kind,source,provenance,note\n"


def csv_file(*rows: str) -> bytes:
    return (HEADER + "".join(row + "\n" for row in rows)).encode()


def preview(client, department, data: bytes, name: str = "figures.csv"):
    return client.post(reverse("data:department_upload", args=[department.pk]), {
        "action": "preview", "file": SimpleUploadedFile(name, data)})


def commit(client, department):
    return client.post(reverse("data:department_upload", args=[department.pk]),
                       {"action": "commit"}, follow=True)


GOOD = ("示例区,区本级留用收入,2023Q1,3.2,亿元,数值,,官方数据,按快报",
        "示例区,区本级留用收入,2023Q2,33000,万元,level,,official,",
        "示例区,区本级留用收入,2023Q3,,亿元,数值,,官方数据,")  # no value yet: skipped


def test_a_filled_file_is_previewed_then_submitted_for_review(client_of, finance):
    client = client_of("finance")
    page = preview(client, finance, csv_file(*GOOD)).content.decode()
    assert "2 行数据没有问题,将提交 2 项待审核;1 行未填数值,跳过" in page
    assert page.count("新提交") == 2 and "33000" in page
    assert not Submission.objects.exists()  # the preview writes nothing
    done = commit(client, finance)
    assert [str(m) for m in done.context["messages"]] == ["figures.csv:已提交 2 项待审核"]
    submitted = Submission.objects.order_by("period")
    assert [(s.period, s.status, s.value, s.note, s.created_by) for s in submitted] == [
        ("2023Q1", "submitted", 3.2, "按快报", "finance"),
        ("2023Q2", "submitted", pytest.approx(3.3), "", "finance")]
    assert not Observation.objects.exists()  # figures wait for the planners' review


def test_any_bad_row_is_named_and_nothing_is_submitted(client_of, finance):
    rows = (GOOD[0], "示例区,新建学校,2023,2,所,完成数,,官方数据,",
            "示例区,区本级留用收入,2023Q2,abc,亿元,数值,,官方数据,",
            "示例区,区本级留用收入,2023Q4,3,亿元,数值,,示例数据,",
            "别的区,区本级留用收入,2024Q1,3,亿元,数值,,官方数据,",
            "示例区,区本级留用收入,2023Q1,3.3,亿元,数值,,官方数据,")
    client = client_of("finance")
    page = preview(client, finance, csv_file(*rows)).content.decode()
    assert "发现 5 个问题,没有提交任何数据" in page
    for row, reason in ((3, "“新建学校”不是区财政局报送的指标"), (4, "不是数字:“abc”"),
                        (5, "部门报送的是官方数据"), (6, "地区应为“示例区”,不是“别的区”"),
                        (7, "与第 2 行是同一指标同一期间")):
        assert f"<tr><td>{row}</td>" in page and reason in page
    assert "确认提交审核" not in page
    assert commit(client, finance).context["messages"]  # nothing pending: refused
    assert not Submission.objects.exists()


def test_a_row_problem_reads_as_the_planners_import_says_it(client_of, finance):
    data = csv_file("示例区,区本级留用收入,2023Q2,abc,亿元,数值,,官方数据,")
    imported = import_observations(io.BytesIO(data), "figures.csv", dry_run=True)
    page = preview(client_of("finance"), finance, data).content.decode()
    assert [problem.reason for problem in imported.problems] == ["不是数字:“abc”"]
    assert "<td>value</td><td>不是数字:“abc”</td>" in page


def test_uploading_the_same_file_again_adds_nothing(client_of, finance, users):
    client = client_of("finance")
    preview(client, finance, csv_file(*GOOD))
    commit(client, finance)
    versions = list(Submission.objects.order_by("period").values_list("pk", "version"))
    page = preview(client, finance, csv_file(*GOOD)).content.decode()
    assert "将提交 0 项待审核" in page and "无需提交" in page and "确认提交审核" not in page
    first = Submission.objects.get(period="2023Q1")
    reporting.approve(users["planner"], first, first.version)
    page = preview(client, finance, csv_file(*GOOD)).content.decode()
    assert "将提交 0 项待审核" in page
    assert list(Submission.objects.order_by("period").values_list("pk", "version")) == [
        (first.pk, versions[0][1] + 1), versions[1]]
    assert Observation.objects.count() == 1


def test_a_changed_value_updates_the_waiting_submission(client_of, finance):
    client = client_of("finance")
    preview(client, finance, csv_file(GOOD[0]))
    commit(client, finance)
    page = preview(client, finance, csv_file(GOOD[0].replace("3.2", "3.4"))).content.decode()
    assert "修改后提交" in page
    commit(client, finance)
    submission = Submission.objects.get()
    assert (submission.value, submission.version, submission.status) == (3.4, 2, "submitted")


def test_the_filled_template_itself_uploads(client_of, finance):
    from openpyxl import load_workbook

    client = client_of("finance")
    template = load_workbook(io.BytesIO(client.get(
        reverse("data:template", args=[finance.pk])).content))
    sheet = template.worksheets[0]
    sheet["D2"] = 3.2
    data = io.BytesIO()
    template.save(data)
    page = preview(client, finance, data.getvalue(), "template.xlsx").content.decode()
    assert "1 行数据没有问题,将提交 1 项待审核" in page
    commit(client, finance)
    assert Submission.objects.get().period == sheet["C2"].value


@pytest.mark.parametrize("who", ["education", "leader", "supervisor", None])
def test_only_the_departments_reporters_and_planners_may_upload(client_of, finance, who):
    client = client_of(who)
    response = preview(client, finance, csv_file(GOOD[0]))
    assert response.status_code in (302, 403) and not Submission.objects.exists()
    if who is not None:
        assert response.status_code == 403
    assert client_of("planner").get(
        reverse("data:department_upload", args=[finance.pk])).status_code == 200
