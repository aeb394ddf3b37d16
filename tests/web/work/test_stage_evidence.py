"""A stage transition's evidence: a text reference and/or a file, checked as the data pages
check a figure's evidence, stored privately, shown on the project page and downloaded — as an
attachment the browser may not sniff — by the project's department and planners only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from planwatch.web.data.reporting import MAX_EVIDENCE_BYTES
from planwatch.web.work import models

pytestmark = pytest.mark.django_db

KEY = "LY2021-060"  # 发改局's, one the ledger leaves short of 竣工
PAGE = f"/plans/luyuan/projects/{KEY}/"
DEPARTMENT = "绿园区发展和改革局"  # the project's department
PDF = b"%PDF-1.7 <html><script>alert(1)</script>"


def record(client, *, evidence="", upload=None, on="2021-06-01"):
    data = {"action": "stage", "stage": "竣工", "on": on, "evidence": evidence}
    if upload is not None:
        data["evidence_file"] = upload
    return client.post(PAGE, data, follow=True)


def stage(plan):
    return plan.projects.get(key=KEY).stages.filter(stage="竣工").first()


def test_the_department_records_a_stage_with_a_file_and_downloads_it(
        client, luyuan_plan, person, planwatch_home):
    client.force_login(person("reporter", DEPARTMENT))
    page = record(client, evidence="长发改审批〔2021〕12号",
                  upload=SimpleUploadedFile("竣工验收.pdf", PDF))
    transition = stage(luyuan_plan)
    kept = transition.files.get()
    assert transition.evidence == "长发改审批〔2021〕12号"
    assert kept.original_name == "竣工验收.pdf" and kept.size == len(PDF)
    assert (planwatch_home / "uploads" / kept.stored_name).read_bytes() == PDF
    link = f"/plans/luyuan/projects/{KEY}/evidence/{kept.pk}/"
    assert f'href="{link}"' in page.content.decode()

    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF


def test_a_planner_downloads_it_too(client, luyuan_plan, person):
    client.force_login(person("planner"))
    record(client, upload=SimpleUploadedFile("照片.png", b"\x89PNG\r\n\x1a\n..."))
    kept = stage(luyuan_plan).files.get()
    assert client.get(f"{PAGE}evidence/{kept.pk}/").status_code == 200


@pytest.mark.parametrize("role, departments", [("leader", ()), ("supervisor", ()),
                                               ("reporter", ("绿园区教育局",))])
def test_nobody_else_downloads_it_or_sees_the_link(client, luyuan_plan, person, role,
                                                    departments):
    client.force_login(person("planner"))
    record(client, upload=SimpleUploadedFile("合同.pdf", PDF))
    kept = stage(luyuan_plan).files.get()
    client.force_login(person(role, *departments))
    assert client.get(f"{PAGE}evidence/{kept.pk}/").status_code == 403
    page = client.get(PAGE)
    if page.status_code == 200:  # leader and supervisor read the project, not the file
        assert "合同.pdf" not in page.content.decode()


@pytest.mark.parametrize("name, data, reason", [
    ("evil.html", b"<html>", "类型不允许"),
    ("fake.pdf", b"<html>", "内容与扩展名 .pdf 不符"),
    ("big.pdf", b"%PDF-" + b"0" * MAX_EVIDENCE_BYTES, "上限"),
])
def test_a_refused_file_records_nothing_and_says_why(client, luyuan_plan, person,
                                                     planwatch_home, name, data, reason):
    client.force_login(person("planner"))
    page = record(client, evidence="文号", upload=SimpleUploadedFile(name, data))
    assert stage(luyuan_plan) is None
    assert not models.StageEvidence.objects.exists()
    assert not (planwatch_home / "uploads").exists()
    assert 'role="alert">未记录阶段:' in page.content.decode()
    assert reason in page.content.decode()


def test_a_stage_needs_a_reference_or_a_file(client, luyuan_plan, person):
    client.force_login(person("planner"))
    page = record(client, evidence="  ")
    assert stage(luyuan_plan) is None
    assert "请填写佐证说明或上传佐证文件" in page.content.decode()
    record(client, upload=SimpleUploadedFile("竣工.pdf", PDF))
    assert stage(luyuan_plan).files.count() == 1 and stage(luyuan_plan).evidence == ""
