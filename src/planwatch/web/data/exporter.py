"""Observations out of the database in the import layout (CSV or XLSX), and the XLSX
template a department fills in.

Every text cell that a spreadsheet would run as a formula (= + - @ at its start) is written
with a leading apostrophe; the importer removes it again, so export → import changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import IO

from planwatch.web.data.models import Observation
from planwatch.web.data.rows import (
    COLUMN_LABELS,
    KIND_NAMES,
    KINDS,
    PROVENANCE_NAMES,
    neutralise,
)

EXPORT_COLUMNS = ("place", "indicator", "period", "value", "unit", "kind", "source",
                  "provenance")
TEXT_COLUMNS = {0, 1, 2, 4, 5, 6, 7}


def plan_indicator_names(plan) -> set[str]:
    names = set(plan.indicators.values_list("name", flat=True))
    names.update(plan.targets.values_list("indicator", flat=True))
    names.update(plan.targets.exclude(benchmark_indicator="")
                 .values_list("benchmark_indicator", flat=True))
    return names


def current_rows(plan=None) -> Iterator[tuple]:
    """The current revision of every figure (of the plan's indicators, when a plan is given),
    as export rows."""
    rows = Observation.objects.current()
    if plan is not None:
        rows = rows.filter(indicator__in=plan_indicator_names(plan))
    fields = ("place", "indicator", "period", "value", "unit", "kind", "source", "provenance")
    yield from rows.order_by("indicator", "place", "year", "months", "kind", "provenance") \
        .values_list(*fields).iterator(chunk_size=5000)


def _safe(row: tuple) -> list:
    return [neutralise(str(cell)) if index in TEXT_COLUMNS else cell
            for index, cell in enumerate(row)]


def csv_lines(rows: Iterable[tuple]) -> Iterator[str]:
    """The CSV text line by line, header first (for streaming responses and files alike)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for cells in ([*EXPORT_COLUMNS], *(_csv_cells(row) for row in rows)):
        writer.writerow(cells)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _csv_cells(row: tuple) -> list:
    cells = _safe(row)
    cells[3] = repr(float(cells[3]))
    return cells


def write_csv(rows: Iterable[tuple], file: IO[str]) -> int:
    """Write the CSV; return how many rows (the header not counted)."""
    lines = csv_lines(rows)
    file.write(next(lines))
    count = 0
    for line in lines:
        file.write(line)
        count += 1
    return count


def write_xlsx(rows: Iterable[tuple], file: IO[bytes]) -> int:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("observations")
    sheet.append(list(EXPORT_COLUMNS))
    count = 0
    for row in rows:
        sheet.append(_safe(row))
        count += 1
    workbook.save(file)
    return count


KIND_LABEL = {code: name for name, code in KIND_NAMES.items()}
PROVENANCE_LABEL = {code: name for name, code in PROVENANCE_NAMES.items()}
# A department reports official figures: estimates and illustrative series are the planners'.
TEMPLATE_PROVENANCES = ("official",)


def department_template(department, indicators: list, place: str, items: list, source: str,
                        file: IO[bytes]) -> None:
    """An XLSX in the import layout for one department: a row for each item it owes, every
    cell but the value filled in (place, indicator, period, usual unit and 口径, `source`,
    官方数据); drop-downs for its indicators, the 口径 and the provenance by their Chinese
    names (the reader takes names and codes alike), the indicator units on a second sheet."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "填报"
    sheet.append(list(EXPORT_COLUMNS) + ["note"])
    for cell in sheet[1]:
        cell.comment = Comment(COLUMN_LABELS[cell.value], "planwatch")
    official = PROVENANCE_LABEL[TEMPLATE_PROVENANCES[0]]
    for item in items:
        sheet.append([neutralise(item.place), neutralise(item.indicator.name), item.period.label,
                      None, neutralise(item.usual_unit), KIND_LABEL[item.usual_kind],
                      neutralise(source), official, None])
    lists = workbook.create_sheet("选项")
    lists.append(["indicator", "unit", "kind", "provenance", "place"])
    provenances = [PROVENANCE_LABEL[code] for code in TEMPLATE_PROVENANCES]
    length = max(len(indicators), len(KINDS), len(provenances), 1)
    for index in range(length):
        indicator = indicators[index] if index < len(indicators) else None
        lists.append([neutralise(indicator.name) if indicator else None,
                      neutralise(indicator.unit) if indicator else None,
                      KIND_LABEL[KINDS[index]] if index < len(KINDS) else None,
                      provenances[index] if index < len(provenances) else None,
                      neutralise(place) if index == 0 else None])
    end = 2000
    for column, letter, count in (("B", "A", len(indicators)), ("F", "C", len(KINDS)),
                                  ("H", "D", len(provenances)), ("A", "E", 1)):
        validation = DataValidation(
            type="list", formula1=f"'选项'!${letter}$2:${letter}${count + 1}",
            allow_blank=True, showErrorMessage=True, errorTitle="planwatch",
            error="请从下拉列表中选择")
        sheet.add_data_validation(validation)
        validation.add(f"{column}2:{column}{end}")
    number = DataValidation(type="decimal", operator="between", formula1="-1E+15",
                            formula2="1E+15", showErrorMessage=True, error="数值必须是数字")
    sheet.add_data_validation(number)
    number.add(f"D2:D{end}")
    sheet.title = f"填报-{department.short_name or department.name}"[:31]
    workbook.save(file)
