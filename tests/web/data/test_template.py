"""The department's XLSX template: the import layout with drop-downs, importable as filled."""

from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from planwatch.web.data import reporting
from planwatch.web.data.importer import import_observations
from planwatch.web.data.models import Submission


def test_the_template_has_the_import_header_and_drop_downs_of_the_department(client_of,
                                                                            finance):
    response = client_of("finance").get(reverse("data:template", args=[finance.pk]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == ["place", "indicator", "period", "value", "unit",
                                           "kind", "source", "provenance", "note"]
    validated = {str(v.sqref).split(":")[0] for v in sheet.data_validations.dataValidation}
    assert validated == {"A2", "B2", "D2", "F2", "H2"}
    options = workbook["选项"]
    assert [c.value for c in options["A"][1:] if c.value] == ["区本级留用收入"]


def test_a_filled_template_imports(client_of, finance):
    response = client_of("finance").get(reverse("data:template", args=[finance.pk]))
    workbook = load_workbook(io.BytesIO(response.content))
    workbook.worksheets[0].append(["示例区", "区本级留用收入", "2023Q1", 3.2, "亿元", "level",
                                   "财政局快报", "official", "首次报送"])
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    result = import_observations(data, "filled.xlsx")
    assert result.ok and result.rows_added == 1


def test_pending_submissions_are_those_waiting_for_approval(users, plan, revenue):
    reporting.save_entry(users["finance"], reporting.Entry(revenue, "2023Q1", "level", "3.2",
                                                           "亿元"), submit=True)
    reporting.save_entry(users["finance"], reporting.Entry(revenue, "2023Q2", "level", "3.3",
                                                           "亿元"), submit=False)
    assert [s.period for s in reporting.pending_submissions(plan)] == ["2023Q1"]
    assert Submission.objects.count() == 2
