"""The report as an Excel workbook: every table of the document on a sheet of its own.

The first sheet is 主要指标完成情况表, under the report's title and any warning (illustrative
data), with real numbers (not text), units, number formats, a frozen header row, an autofilter
and conditional formatting of the 评价 and 趋势判断 columns by tone; the data sheet lists every
observation with its provenance; the method sheet the engine's thresholds. Other sheets start
with their header row.
"""

from __future__ import annotations

import io

from .archive import reproducible_zip
from .model import Cell, Column, ColumnFormat, Document, Paragraph, ParagraphRole, Table, Tone

TONE_FILLS = {Tone.GOOD: "C6EFCE", Tone.WARNING: "FFEB9C", Tone.BAD: "FFC7CE",
              Tone.NEUTRAL: "EDEDED"}
TONE_FONTS = {Tone.GOOD: "006100", Tone.WARNING: "9C5700", Tone.BAD: "9C0006",
              Tone.NEUTRAL: "595959"}
HEADER_FILL = "DDEBF7"
NOTICE_COLOUR = "B22222"
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
        sheet = workbook.create_sheet(_sheet_name(table))
        preamble = _preamble(document) if table.key == document.primary_table else []
        _write_sheet(sheet, table, preamble)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible_zip(buffer.getvalue(), document.as_of)


def _sheet_name(table: Table) -> str:
    name = table.title
    for forbidden in "[]:*?/\\":
        name = name.replace(forbidden, "")
    return name[:SHEET_NAME_LIMIT]


def _preamble(document: Document) -> list[Paragraph]:
    """What the first sheet says above its table: the report, its date, and every warning —
    a workbook opened on its own must still say that illustrative figures are in it."""
    title = Paragraph(f"{document.title}（数据截至{document.as_of.isoformat()}）")
    warnings = [n for n in document.notices if n.role is ParagraphRole.NOTICE]
    return [title, *warnings]


def _write_sheet(sheet, table: Table, preamble: list[Paragraph]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    last_column = get_column_letter(len(table.columns))
    for row_number, paragraph in enumerate(preamble, 1):
        cell = sheet.cell(row=row_number, column=1, value=paragraph.text)
        notice = paragraph.role is ParagraphRole.NOTICE
        cell.font = Font(bold=True, size=11 if notice else 14,
                         color=NOTICE_COLOUR if notice else None)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.merge_cells(f"A{row_number}:{last_column}{row_number}")
        sheet.row_dimensions[row_number].height = 60 if notice else 24
    header = len(preamble) + 1
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for index, column in enumerate(table.columns, 1):
        cell = sheet.cell(row=header, column=index, value=column.title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_number, row in enumerate(table.rows, header + 1):
        for index, (column, cell) in enumerate(zip(table.columns, row, strict=True), 1):
            target = sheet.cell(row=row_number, column=index, value=cell.value)
            target.border = border
            if isinstance(cell.value, (int, float)):
                target.number_format = _number_format(column, cell)
            else:
                target.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{header + 1}"
    if table.rows:
        sheet.auto_filter.ref = f"A{header}:{last_column}{header + len(table.rows)}"
        _colour_by_tone(sheet, table, header)
    if table.note:
        sheet.cell(row=header + len(table.rows) + 2, column=1, value=table.note)


def _number_format(column: Column, cell: Cell) -> str:
    decimals = "." + "0" * cell.decimals if cell.decimals else ""
    if column.format is ColumnFormat.PERCENT:
        return f"0{decimals}%"
    return f"0{decimals}"


def _colour_by_tone(sheet, table: Table, header: int) -> None:
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
        area = f"{letter}{header + 1}:{letter}{header + len(table.rows)}"
        for label, tone in sorted(labels.items()):
            quoted = '"' + label.replace('"', '""') + '"'
            sheet.conditional_formatting.add(area, CellIsRule(
                operator="equal", formula=[quoted],
                fill=PatternFill("solid", start_color=TONE_FILLS[tone],
                                 end_color=TONE_FILLS[tone]),
                font=Font(color=TONE_FONTS[tone])))
