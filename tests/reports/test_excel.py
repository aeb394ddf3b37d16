"""The Excel workbook: real numbers, frozen header, filters, colours by status, data sheets."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

import pytest
from openpyxl import load_workbook

from planwatch.reports import build_report
from planwatch.reports.excel import render_xlsx

from .conftest import expected_rows, main_targets, make_luyuan_input, published


@pytest.fixture(scope="module")
def workbook(built):
    return load_workbook(io.BytesIO(built.files["xlsx"]))


def indicator_sheet(workbook):
    return workbook.worksheets[0]


def header_row(sheet) -> int:
    return next(row[0].row for row in sheet.iter_rows() if row[0].value == "序号")


def test_first_sheet_is_the_indicator_table_under_the_title_and_the_warning(built, workbook):
    sheet = indicator_sheet(workbook)
    assert sheet.title == "主要指标完成情况表"
    assert sheet["A1"].value.startswith(built.document.title)
    assert "示意数据" in sheet["A2"].value and "并非官方统计数据" in sheet["A2"].value
    assert header_row(sheet) == 3
    assert [c.value for c in sheet[3]][:6] == [
        "序号", "指标", "单位", "属性", "2020年基期值", "目标值"]


def test_every_main_indicator_has_the_engines_values_and_labels(built, workbook):
    expected = expected_rows(built.input)
    sheet = indicator_sheet(workbook)
    first = header_row(sheet) + 1
    rows = list(sheet.iter_rows(min_row=first, max_row=first + len(expected) - 1,
                                values_only=True))
    assert len(expected) > 20
    assert [(r[11], r[12]) for r in rows] == [(e[0], e[1]) for e in expected]
    for row, (_status, _outlook, latest, progress) in zip(rows, expected, strict=True):
        assert row[7] == (None if latest is None else pytest.approx(latest, abs=0.005))
        assert row[9] == (None if progress is None else pytest.approx(progress))
    targets = main_targets(built.input.plan)
    assert [row[6] for row in rows] == [t.year for t in targets]


def test_numbers_are_numbers_with_formats(workbook):
    sheet = indicator_sheet(workbook)
    gdp = next(row for row in sheet.iter_rows(min_row=header_row(sheet) + 1)
               if row[1].value == "地区生产总值")
    base, target, latest, progress = gdp[4], gdp[5], gdp[7], gdp[9]
    assert (base.value, target.value, latest.value) == (280.9, 500, 299.1)
    assert isinstance(progress.value, float) and 0 < progress.value < 1
    assert (base.number_format, target.number_format, latest.number_format) == (
        "0.0", "0", "0.0")
    assert progress.number_format == "0.0%"


def test_header_row_is_frozen_and_filtered(workbook):
    for sheet in workbook.worksheets:
        header = header_row(sheet) if sheet is indicator_sheet(workbook) else 1
        assert sheet.freeze_panes == f"A{header + 1}"
        assert sheet.auto_filter.ref.startswith(f"A{header}:")


def test_status_columns_are_coloured_by_conditional_formatting(built, workbook):
    sheet = indicator_sheet(workbook)
    rules = {str(area.sqref).split(":")[0]: {r.formula[0] for r in area_rules}
             for area, area_rules in sheet.conditional_formatting._cf_rules.items()}
    first = header_row(sheet) + 1
    for column, labels in ((f"L{first}", {a.status_zh for a in built.input.assessments}),
                           (f"M{first}", {a.outlook_zh for a in built.input.assessments})):
        shown = {row[0].value for row in sheet[f"{column}:{column[0]}{sheet.max_row}"]
                 if row[0].value in labels}
        assert rules[column] == {f'"{label}"' for label in shown}
        assert all(rule.dxf.fill is not None
                   for area, area_rules in sheet.conditional_formatting._cf_rules.items()
                   for rule in area_rules)


def test_data_sheet_lists_every_observation_with_provenance(built, workbook):
    sheet = workbook["监测数据及来源"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(published(built.input))
    provenance = {"official": "官方数据", "estimate": "估计数", "illustrative": "示意数据"}
    assert Counter(row[6] for row in rows) == Counter(
        provenance[o.provenance] for o in published(built.input))
    assert all(row[7] for row in rows)  # every figure names its source
    assert all(isinstance(row[3], int | float) for row in rows)


def test_same_inputs_give_the_same_bytes(built):
    again = build_report(make_luyuan_input())
    assert render_xlsx(again) == built.files["xlsx"]


def test_package_is_dated_by_the_as_of_date_not_the_clock(built):
    archive = zipfile.ZipFile(io.BytesIO(built.files["xlsx"]))
    assert {info.date_time[:3] for info in archive.infolist()} == {(2023, 6, 30)}
    assert b"2023-06-30T00:00:00Z" in archive.read("docProps/core.xml")
