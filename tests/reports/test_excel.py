"""The Excel workbook: real numbers, frozen header, filters, colours by status, data sheets."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from planwatch.reports.build import INDICATOR_TABLE
from planwatch.reports.excel import render_xlsx


@pytest.fixture(scope="module")
def workbook(built):
    return load_workbook(io.BytesIO(built.files["xlsx"]))


def indicator_sheet(workbook):
    return workbook.worksheets[0]


def test_first_sheet_is_the_indicator_table(workbook):
    assert indicator_sheet(workbook).title == "主要指标完成情况表"
    assert [c.value for c in indicator_sheet(workbook)[1]][:6] == [
        "序号", "指标", "单位", "属性", "2020年基期值", "目标值"]


def test_every_indicator_has_the_engines_values_and_labels(built, workbook):
    count = len(built.document.table(INDICATOR_TABLE).rows)
    rows = {row[1]: row for row in indicator_sheet(workbook).iter_rows(
        min_row=2, max_row=count + 1, values_only=True)}
    targets = {t.id: t for t in built.input.plan.targets}
    assert len(rows) == count == len(built.input.assessments)
    for assessment in built.input.assessments:
        target = targets[assessment.target_id]
        row = next(r for name, r in rows.items() if name.startswith(target.indicator))
        assert row[11] == assessment.status_zh
        assert row[12] == assessment.outlook_zh
        assert row[2] == target.unit
        if target.value is not None:
            assert row[5] == target.value
        if assessment.progress is not None:
            assert row[9] == pytest.approx(assessment.progress)


def test_numbers_are_numbers_with_formats(workbook):
    sheet = indicator_sheet(workbook)
    base, target, latest, progress = sheet["E2"], sheet["F2"], sheet["H2"], sheet["J2"]
    assert all(isinstance(c.value, int | float) for c in (base, target, latest, progress))
    assert latest.number_format == "0.0"
    assert progress.number_format == "0.0%"


def test_header_row_is_frozen_and_filtered(workbook):
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")


def test_status_columns_are_coloured_by_conditional_formatting(workbook):
    rules = {area.sqref: [r.formula[0] for r in rules_]
             for area, rules_ in indicator_sheet(workbook).conditional_formatting._cf_rules.items()}
    status_rules = next(formulas for area, formulas in rules.items() if str(area).startswith("L2"))
    assert '"快于预期"' in status_rules and '"未守住控制目标"' in status_rules


def test_data_sheet_lists_every_observation_with_provenance(built, workbook):
    sheet = workbook["监测数据及来源"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(built.input.observations)
    assert {row[6] for row in rows} == {"官方数据", "示意数据"}
    assert all(isinstance(row[3], int | float) for row in rows)


def test_same_document_gives_the_same_bytes(built):
    assert render_xlsx(built.document) == built.files["xlsx"]


def test_package_is_dated_by_the_as_of_date_not_the_clock(built):
    archive = zipfile.ZipFile(io.BytesIO(built.files["xlsx"]))
    assert {info.date_time[:3] for info in archive.infolist()} == {(2023, 6, 30)}
    assert b"2023-06-30T00:00:00Z" in archive.read("docProps/core.xml")
