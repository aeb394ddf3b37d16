"""The history tab: who changed what, before and after, newest first; revisions newest first."""

from __future__ import annotations

import io

from django.urls import reverse
from django.utils import timezone

from planwatch.domain import Observation as Figure
from planwatch.domain import parse_period
from planwatch.web.data.importer import import_observations
from planwatch.web.data.models import Observation
from planwatch.web.data.store import save_observations
from planwatch.web.plans.models import Target


def test_a_target_change_shows_who_and_before_and_after(client_of, users, plan):
    target = Target.objects.get(plan=plan, key="gdp-2025")
    target._history_user = users["planner"]
    target.value = 520.0
    target.save()
    page = client_of("leader").get(reverse("data:history", args=["target", target.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "planner" in text and "目标值:500 → 520" in text


def test_observation_revisions_are_listed_newest_first(client_of, plan):
    for value in (340.0, 350.5):
        save_observations([Figure("示例区", "地区生产总值", parse_period("2023"), value, "亿元")])
    first = Observation.objects.get(revision=1)
    page = client_of("planner").get(reverse("data:history", args=["observation", first.pk])
                                    ).content.decode()
    revisions = page[page.index("各修订版次"):page.index("变更记录")]
    assert revisions.index("350.5") < revisions.index("340")


def test_an_unknown_kind_of_object_is_not_found(client_of, plan):
    assert client_of("planner").get(reverse("data:history", args=["secret", 1])
                                    ).status_code == 404


def test_an_imported_figure_shows_who_when_which_file_and_before_and_after(client_of, plan,
                                                                          users):
    for value in ("350.5", "352"):
        import_observations(io.BytesIO(
            f"place,indicator,period,value,unit,kind,source\n示例区,地区生产总值,2023,{value},"
            "亿元,level,统计公报\n".encode()), f"gdp-{value}.csv", user=users["planner"])
    first, second = Observation.objects.order_by("revision")
    page = client_of("planner").get(reverse("data:history", args=["observation", first.pk])
                                    ).content.decode()
    log = page[page.index("变更记录"):]
    newest, oldest = log.index("gdp-352.csv"), log.index("gdp-350.5.csv")
    assert newest < oldest
    assert "新增第 2 版" in log[newest - 40:newest] and "数值:350.5 → 352" in log[newest:oldest]
    assert f"{timezone.localtime(second.recorded_at):%Y-%m-%d %H:%M:%S}" in log
    assert log.count("<td>planner</td>") == 2


def test_a_submission_history_reads_field_names_and_labels_not_codes(client_of, users,
                                                                     revenue):
    from planwatch.web.data import reporting

    submission = reporting.save_entry(users["finance"], reporting.Entry(
        revenue, "2023Q1", "level", "3.2", "亿元", "按快报"), submit=True)
    reporting.return_submission(users["planner"], submission, submission.version, "与快报不符")
    submission.refresh_from_db()
    page = client_of("finance").get(reverse("data:history", args=["submission", submission.pk])
                                    ).content.decode()
    log = page[page.index("变更记录"):]
    assert "状态:已提交待审核 → 已退回" in log and "版本:1 → 2" in log
    assert "退回原因: → 与快报不符" in log
    reviewed = f"{timezone.localtime(submission.reviewed_at):%Y-%m-%d %H:%M}"
    assert f"审核时间: → {reviewed}" in log
    assert not any(code in log for code in ("status:", "submitted", "return_reason",
                                            "reviewed_at"))


def test_an_observation_revision_names_its_fields(client_of, plan):
    for value in (340.0, 350.5):
        save_observations([Figure("示例区", "地区生产总值", parse_period("2023"), value, "亿元")])
    first = Observation.objects.get(revision=1)
    page = client_of("planner").get(reverse("data:history", args=["observation", first.pk])
                                    ).content.decode()
    assert "数值:340 → 350.5" in page[page.index("变更记录"):]
