"""The report as an Excel workbook: every table of the document on a sheet of its own.

The first sheet is 主要指标完成情况表 with real numbers (not text), units, number formats,
a frozen header row, an autofilter and conditional formatting of the 评价 and 趋势判断 columns
by tone; the data sheet lists every observation with its provenance; the method sheet the
engine's thresholds.
"""

from __future__ import annotations

import io

from .archive import reproducible_zip
from .model import Cell, Column, ColumnFormat, Document, Table, Tone

TONE_FILLS = {Tone.GOOD: "C6EFCE", Tone.WARNING: "FFEB9C", Tone.BAD: "FFC7CE",
              Tone.NEUTRAL: "EDEDED"}
TONE_FONTS = {Tone.GOOD: "006100", Tone.WARNING: "9C5700", Tone.BAD: "9C0006",
              Tone.NEUTRAL: "595959"}
HEADER_FILL = "DDEBF7"
SHEET_NAME_LIMIT = 31  # Excel refuses longer sheet names


def render_xlsx(document: Document) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = document.title
    workbook.properties.subject = document.subtitle
    workbook.properties.creator = "planwatch"
    tables = sorted(document.tables(), key=lambda table: table.key != document.primary_table)
    for table in tables:
        _write_sheet(workbook.create_sheet(_sheet_name(table)), table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible_zip(buffer.getvalue(), document.as_of)


def _sheet_name(table: Table) -> str:
    name = table.title
    for forbidden in "[]:*?/\\":
        name = name.replace(forbidden, "")
    return name[:SHEET_NAME_LIMIT]


def _write_sheet(sheet, table: Table) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for index, column in enumerate(table.columns, 1):
        cell = sheet.cell(row=1, column=index, value=column.title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_number, row in enumerate(table.rows, 2):
        for index, (column, cell) in enumerate(zip(table.columns, row, strict=True), 1):
            target = sheet.cell(row=row_number, column=index, value=cell.value)
            target.border = border
            if isinstance(cell.value, (int, float)):
                target.number_format = _number_format(column, cell)
            else:
                target.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    if table.rows:
        last = f"{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
        sheet.auto_filter.ref = f"A1:{last}"
        _colour_by_tone(sheet, table)
    if table.note:
        sheet.cell(row=len(table.rows) + 3, column=1, value=table.note)


def _number_format(column: Column, cell: Cell) -> str:
    decimals = "." + "0" * cell.decimals if cell.decimals else ""
    if column.format is ColumnFormat.PERCENT:
        return f"0{decimals}%"
    return f"0{decimals}"


def _colour_by_tone(sheet, table: Table) -> None:
    """One conditional rule per label that carries a tone, so Excel recolours edited cells too."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    for index in range(len(table.columns)):
        labels: dict[str, Tone] = {}
        for row in table.rows:
            if row[index].tone is not None and isinstance(row[index].value, str):
                labels.setdefault(row[index].value, row[index].tone)
        if not labels:
            continue
        letter = get_column_letter(index + 1)
        area = f"{letter}2:{letter}{len(table.rows) + 1}"
        for label, tone in sorted(labels.items()):
            quoted = '"' + label.replace('"', '""') + '"'
            sheet.conditional_formatting.add(area, CellIsRule(
                operator="equal", formula=[quoted],
                fill=PatternFill("solid", start_color=TONE_FILLS[tone],
                                 end_color=TONE_FILLS[tone]),
                font=Font(color=TONE_FONTS[tone])))
