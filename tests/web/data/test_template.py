"""The department's XLSX template: the import layout with drop-downs, importable as filled."""

from __future__ import annotations

import io
from datetime import date

from django.urls import reverse
from openpyxl import load_workbook

from planwatch.web import labels
from planwatch.web.data import reporting
from planwatch.web.data.importer import import_observations
from planwatch.web.data.models import Observation, Submission
from planwatch.web.data.rows import KIND_NAMES, PROVENANCE_NAMES


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
    # 口径 and 数据性质 by their Chinese names; a department is not offered 示例数据 (nor 估计数).
    assert [c.value for c in options["C"][1:] if c.value] == ["数值", "同比增速", "累计值",
                                                              "完成数"]
    assert [c.value for c in options["D"][1:] if c.value] == ["官方数据"]


def test_a_filled_template_imports(client_of, finance):
    response = client_of("finance").get(reverse("data:template", args=[finance.pk]))
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    for (value_cell,) in sheet.iter_rows(min_row=2, min_col=4, max_col=4):
        value_cell.value = 3.2  # the reporter types the values, nothing else
    sheet.append(["示例区", "区本级留用收入", "2019Q1", 3.2, "亿元", "level", "财政局快报",
                  "official", "补报"])  # codes are read as before
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    result = import_observations(data, "filled.xlsx")
    assert result.ok and result.rows_added == sheet.max_row - 1 > 1


def test_the_template_is_prefilled_with_what_the_department_owes(client_of, finance, users,
                                                                  revenue):
    reporting.save_entry(users["finance"], reporting.Entry(revenue, "2023Q3", "level", "3.2",
                                                           "亿元"), submit=True)
    response = client_of("finance").get(reverse("data:template", args=[finance.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    owed = [item.period.label for item in reporting.department_items(finance, date.today())
            if item.period.label != "2023Q3"]
    assert owed and [row[2] for row in rows] == owed  # the one waiting for review left out
    assert {(row[0], row[1], row[3], row[4], row[5], row[6], row[7]) for row in rows} == {
        ("示例区", "区本级留用收入", None, "亿元", "数值", "区财政局填报", "官方数据")}


def test_a_template_filled_with_chinese_names_imports(client_of, finance):
    response = client_of("finance").get(reverse("data:template", args=[finance.pk]))
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    sheet.delete_rows(2, sheet.max_row)
    sheet.append(["示例区", "区本级留用收入", "2023Q1", 3.2, "亿元", "数值", "区财政局填报",
                  "官方数据", ""])
    sheet.append(["示例区", "区本级留用收入", "2023Q2", 4.5, "%", "同比增速", "区财政局填报",
                  "估计数", ""])
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    result = import_observations(data, "filled.xlsx")
    assert result.ok and result.rows_added == 2
    assert set(Observation.objects.values_list("kind", "provenance")) == {
        ("level", "official"), ("growth_pct", "estimate")}


def test_the_names_the_reader_takes_are_the_labels_the_pages_show():
    assert {str(label): code for code, label in labels.OBSERVATION_KIND.items()} == KIND_NAMES
    assert {str(label): code for code, label in labels.PROVENANCE.items()} == PROVENANCE_NAMES


def test_pending_submissions_are_those_waiting_for_approval(users, plan, revenue):
    reporting.save_entry(users["finance"], reporting.Entry(revenue, "2023Q1", "level", "3.2",
                                                           "亿元"), submit=True)
    reporting.save_entry(users["finance"], reporting.Entry(revenue, "2023Q2", "level", "3.3",
                                                           "亿元"), submit=False)
    assert [s.period for s in reporting.pending_submissions(plan)] == ["2023Q1"]
    assert Submission.objects.count() == 2
