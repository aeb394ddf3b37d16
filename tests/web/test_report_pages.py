"""The Reports page: choose a report, preview it, download it in four formats, and write the
narrative sections it includes — all from what the database holds."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from planwatch import domain
from planwatch.reports import ReportKind
from planwatch.web.data.models import Observation
from planwatch.web.data.store import save_observations
from planwatch.web.plans.store import save_plan
from planwatch.web.reports import service
from planwatch.web.reports.models import Narrative
from planwatch.web.work.models import SupervisionItem

pytestmark = pytest.mark.django_db

AS_OF = "2023-12-31"
ADVICE = "加快物流园建设,稳定就业。"


def figures(indicator: str, unit: str, values: dict[int, float], kind="level"):
    return [domain.Observation("示例区", indicator, domain.parse_period(str(year)), value, unit,
                               domain.ObservationKind(kind), source="https://example.org/stats")
            for year, value in values.items()]


@pytest.fixture
def plan(sample_plan):
    row = save_plan(sample_plan)
    save_observations([
        *figures("地区生产总值", "亿元", {2020: 300.5, 2021: 330.0, 2022: 360.0, 2023: 395.0}),
        *figures("登记失业率", "%", {2021: 3.6, 2022: 3.9, 2023: 4.4}),
    ])
    return row


def page_url(plan, name="page"):
    return reverse(f"reports:{name}", args=[plan.name])


def download(client, plan, file_format: str, **params):
    return client.get(page_url(plan, "download"),
                      {"kind": "midterm", "as_of": AS_OF, "format": file_format, **params})


def write_narrative(client, plan, kind="midterm", **sections):
    return client.post(page_url(plan, "narrative"), {"kind": kind, **sections})


def test_the_page_opens_on_a_midterm_report_as_of_the_latest_data(admin_client, plan):
    response = admin_client.get(page_url(plan))
    form = response.context["form"]
    assert form.cleaned_data["kind"] == "midterm"
    assert form.cleaned_data["as_of"] == date(2023, 12, 31)
    page = response.content.decode()
    for label in ("下载 Word", "下载 Excel", "下载 PDF", "下一步建议", "总体评价", "存在的问题"):
        assert label in page
    assert "<iframe" not in page


def test_previewing_embeds_the_report_from_a_same_origin_address(admin_client, plan):
    page = admin_client.get(page_url(plan), {"kind": "annual", "as_of": AS_OF, "preview": "1"})
    preview = f'{page_url(plan, "preview")}?kind=annual&amp;as_of={AS_OF}'
    assert f'src="{preview}"' in page.content.decode()
    response = admin_client.get(page_url(plan, "preview"), {"kind": "annual", "as_of": AS_OF})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Content-Security-Policy"].startswith("default-src 'none';")
    assert "script" not in response["Content-Security-Policy"]
    assert "Content-Disposition" not in response
    assert "2023年度实施情况评估报告" in response.content.decode()


def test_narrative_is_stored_per_plan_and_kind_and_only_when_changed(admin_client, plan):
    response = write_narrative(admin_client, plan, section_2=ADVICE, as_of=AS_OF)
    assert response["Location"] == f"{page_url(plan)}?kind=midterm&as_of={AS_OF}"
    assert service.narrative_of(plan, ReportKind.MIDTERM) == {"下一步建议": ADVICE}
    assert service.narrative_of(plan, ReportKind.ANNUAL) == {}
    write_narrative(admin_client, plan, section_2=ADVICE)
    assert Narrative.history.count() == 1
    write_narrative(admin_client, plan, section_2="")
    assert service.narrative_of(plan, ReportKind.MIDTERM) == {}
    assert Narrative.objects.get().updated_by == "admin"
    page = admin_client.get(page_url(plan), {"kind": "annual"}).content.decode()
    assert "年度评估报告的文字" in page


def test_the_word_report_holds_the_indicators_and_the_planners_advice(admin_client, plan):
    from docx import Document

    write_narrative(admin_client, plan, section_2=ADVICE)
    response = download(admin_client, plan, "docx")
    assert response["Content-Disposition"] == (
        f'attachment; filename="sample-midterm-{AS_OF}.docx"')
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    tables = " ".join(cell.text for table in Document(io.BytesIO(response.content)).tables
                      for row in table.rows for cell in row.cells)
    assert ADVICE in text
    assert "地区生产总值" in tables and "登记失业率" in tables


def test_the_excel_report_gives_the_same_numbers_as_the_engine(admin_client, plan):
    from openpyxl import load_workbook

    response = download(admin_client, plan, "xlsx")
    assert response["Content-Type"] == service.CONTENT_TYPES["xlsx"]
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    gdp = next(row for row in rows if "地区生产总值" in row)
    assert 395.0 in gdp and 500.0 in gdp


def test_the_html_download_is_the_preview_and_repeats_byte_for_byte(admin_client, plan):
    first = download(admin_client, plan, "html")
    second = download(admin_client, plan, "html")
    preview = admin_client.get(page_url(plan, "preview"), {"kind": "midterm", "as_of": AS_OF})
    assert first.content == second.content == preview.content
    assert first["Content-Disposition"].startswith("attachment;")


@pytest.mark.slow
def test_the_pdf_report_has_the_indicator_names_in_chinese(admin_client, plan):
    import pdfplumber

    response = download(admin_client, plan, "pdf")
    assert response["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "地区生产总值" in text and "登记失业率" in text


def test_a_departments_explanation_of_a_lag_goes_into_the_report(plan):
    SupervisionItem.objects.create(
        plan=plan, rule="target_behind", subject="target:unemployment:2023-11",
        title="登记失业率进度滞后", level=1, raised_on=date(2023, 11, 1),
        level_since=date(2023, 11, 1), due_on=date(2023, 11, 8),
        explanation="受企业减员影响。", corrective_action="开发公益性岗位300个。",
        explained_on=date(2023, 11, 5))
    assert service.department_explanations(plan, date(2023, 12, 31)) == {
        "unemployment": "受企业减员影响。(整改措施:开发公益性岗位300个。)"}
    assert service.department_explanations(plan, date(2023, 11, 4)) == {}


def test_known_on_replays_what_was_recorded_by_that_day(plan):
    Observation.objects.update(recorded_at=timezone.make_aware(datetime(2023, 6, 1)))
    Observation.objects.filter(indicator="地区生产总值", year=2023).update(
        recorded_at=timezone.make_aware(datetime(2024, 2, 1)))
    choice = service.ReportChoice(ReportKind.MIDTERM, date(2023, 12, 31), date(2024, 1, 15))
    report, _ = service.report_input(plan, choice)
    years = {o.period.year for o in report.observations if o.indicator == "地区生产总值"}
    assert years == {2020, 2021, 2022}


@pytest.mark.parametrize("params", [{"as_of": "2023-13-01"}, {"kind": "weekly"},
                                    {"format": "odt"}])
def test_a_bad_choice_is_refused_on_the_page(admin_client, plan, params):
    response = download(admin_client, plan, "docx", **params)
    assert response.status_code == 400
    assert "Content-Disposition" not in response


def test_an_unknown_plan_is_not_found(admin_client, plan):
    assert admin_client.get(reverse("reports:page", args=["nothing"])).status_code == 404


def test_the_page_says_which_targets_the_report_cannot_judge(admin_client, plan, sample_plan):
    response = admin_client.get(page_url(plan), {"as_of": AS_OF})
    judged, unjudged = response.context["judged"], response.context["unjudged"]
    assert len(judged.assessments) + len(unjudged) == len(sample_plan.targets)
    page = response.content.decode()
    for row, reason in unjudged:
        assert reverse("plans:target", args=["sample", row.key]) in page
        assert str(escape(reason)) in page

