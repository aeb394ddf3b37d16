"""Department reporting: items owed, draft → submitted → approved or returned, no lost update."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.domain import Observation as Figure
from planwatch.domain import parse_period
from planwatch.web.data import reporting
from planwatch.web.data.calendar import ItemState
from planwatch.web.data.kept_files import kept_file_path
from planwatch.web.data.models import Observation, Submission
from planwatch.web.data.store import save_observations


def entry(indicator, value="3.2", *, period="2023Q1", unit="亿元", version=0, kind="level"):
    return reporting.Entry(indicator, period, kind, value, unit, "按快报", version)


def test_a_department_owes_each_ended_period_of_its_indicators(finance, revenue):
    items = reporting.department_items(finance, date(2024, 8, 1))
    assert [(i.period.label, i.state) for i in items] == [
        ("2023Q3", ItemState.ESCALATED), ("2023Q4", ItemState.ESCALATED),
        ("2024Q1", ItemState.ESCALATED), ("2024Q2", ItemState.ESCALATED)]
    assert [i.state for i in reporting.department_items(finance, date(2024, 7, 20))][-1] == (
        ItemState.OVERDUE)
    assert {i.indicator for i in items} == {revenue}


def test_an_approved_figure_takes_the_period_off_the_list(finance, revenue, plan):
    save_observations([Figure("示例区", "区本级留用收入", parse_period("2024Q2"), 3.0, "亿元")])
    periods = [i.period.label for i in reporting.department_items(finance, date(2024, 8, 1))]
    assert "2024Q2" not in periods


def test_a_value_in_another_unit_is_converted_to_the_indicator_unit(users, revenue):
    submission = reporting.save_entry(users["finance"], entry(revenue, "32000", unit="万元"),
                                      submit=False)
    assert (submission.value, submission.unit) == (pytest.approx(3.2), "亿元")
    assert (submission.entered_value, submission.entered_unit) == (32000, "万元")


@pytest.mark.parametrize(("value", "unit", "reason"), [
    ("abc", "亿元", "不是数字"), ("3", "万人", "不能换算")])
def test_bad_values_and_units_are_refused_in_chinese(users, revenue, value, unit, reason):
    with pytest.raises(reporting.ReportingError, match=reason):
        reporting.save_entry(users["finance"], entry(revenue, value, unit=unit), submit=False)


def test_submit_then_approve_appends_an_observation_that_evaluation_sees(users, revenue):
    submission = reporting.save_entry(users["finance"], entry(revenue), submit=True)
    assert not Observation.objects.exists()  # pending figures never feed evaluation
    observation = reporting.approve(users["planner"], submission, submission.version)
    assert (observation.value, observation.period, observation.recorded_by) == (
        3.2, "2023Q1", "finance")
    submission.refresh_from_db()
    assert submission.status == "approved" and submission.observation == observation


def test_a_returned_figure_carries_the_reason_and_can_be_corrected(users, revenue):
    submission = reporting.save_entry(users["finance"], entry(revenue), submit=True)
    with pytest.raises(reporting.ReportingError, match="原因"):
        reporting.return_submission(users["planner"], submission, submission.version, " ")
    reporting.return_submission(users["planner"], submission, submission.version, "与快报不符")
    submission.refresh_from_db()
    assert (submission.status, submission.return_reason) == ("returned", "与快报不符")
    corrected = reporting.save_entry(users["finance"], entry(revenue, "3.3",
                                                             version=submission.version),
                                     submit=True)
    assert (corrected.pk, corrected.value, corrected.status) == (submission.pk, 3.3, "submitted")


def test_two_reporters_saving_the_same_item_the_second_is_refused_not_lost(users, revenue,
                                                                         django_user_model):
    colleague = django_user_model.objects.create_user("finance2")
    colleague.groups.add(*users["finance"].groups.all())
    colleague.department_memberships.create(department=revenue.department)
    first = reporting.save_entry(users["finance"], entry(revenue), submit=False)
    read_version = first.version
    reporting.save_entry(colleague, entry(revenue, "3.4", version=read_version), submit=False)
    with pytest.raises(reporting.StaleVersion, match="已被 finance2 于 .* 修改"):
        reporting.save_entry(users["finance"], entry(revenue, "3.5", version=read_version),
                             submit=False)
    assert Submission.objects.get().value == 3.4


def test_two_reporters_starting_the_same_item_at_once_make_one_submission(users, revenue):
    reporting.save_entry(users["finance"], entry(revenue), submit=False)
    with pytest.raises(reporting.StaleVersion, match="已被 finance"):
        reporting.save_entry(users["planner"], entry(revenue, "9"), submit=False)
    assert Submission.objects.count() == 1


def test_an_approval_from_a_stale_page_is_refused(users, revenue):
    submission = reporting.save_entry(users["finance"], entry(revenue), submit=True)
    reporting.approve(users["planner"], submission, submission.version)
    with pytest.raises(reporting.ReportingError):
        reporting.approve(users["planner"], submission, submission.version)
    assert Observation.objects.count() == 1


def test_every_change_to_a_submission_is_in_its_history_with_who(users, revenue):
    submission = reporting.save_entry(users["finance"], entry(revenue), submit=False)
    reporting.save_entry(users["finance"], entry(revenue, "3.3", version=1), submit=True)
    values = [(h.value, h.status) for h in submission.history.order_by("history_id")]
    assert values[0] == (3.2, "draft") and values[-1] == (3.3, "submitted")


def test_evidence_is_checked_by_size_and_content_and_stored_under_the_home(
        users, revenue, planwatch_home):
    submission = reporting.save_entry(users["finance"], entry(revenue), submit=False)
    kept = reporting.attach_evidence(users["finance"], submission, "快报.pdf", b"%PDF-1.7 ...")
    assert kept_file_path(kept).read_bytes() == b"%PDF-1.7 ..."
    assert kept_file_path(kept).parent == planwatch_home / "uploads"
    with pytest.raises(reporting.ReportingError, match="不符"):
        reporting.attach_evidence(users["finance"], submission, "x.pdf", b"<html>")
    with pytest.raises(reporting.ReportingError, match="不允许"):
        reporting.attach_evidence(users["finance"], submission, "x.html", b"<html>")
    with pytest.raises(reporting.ReportingError, match="上限"):
        reporting.attach_evidence(users["finance"], submission, "big.pdf",
                                  b"%PDF-" + b"0" * reporting.MAX_EVIDENCE_BYTES)


def test_an_approved_figure_names_only_the_department_as_its_public_source(users, revenue):
    submission = reporting.save_entry(users["finance"], entry(revenue), submit=True)
    observation = reporting.approve(users["planner"], submission, submission.version)
    # The source goes to the public page and the open data: no staff names, no free text.
    assert observation.source == "区财政局填报"
    submission.refresh_from_db()
    assert (observation.recorded_by, submission.reviewed_by, submission.note) == (
        "finance", "planner", "按快报")
