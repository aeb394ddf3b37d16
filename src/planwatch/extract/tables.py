"""Indicator tables flattened to text: which cells are targets.

Two flattenings reach the extractor. Row tables put a row on a line with cells separated by
"|" (what the docx reader writes, and what many web copies look like); column tables put each
cell on a line of its own (pages that lost their table markup). A header names the columns:
year columns (the latest is the target, the others are baselines) or 基期/目标 columns, a
年均增长/累计 column, a 单位 column, and columns that never hold targets (进展情况, 责任单位 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import Found
from .lexicon import COUNT_VERB, UNIT
from .numerals import NumeralError, parse_number
from .script import simplify
from .structure import YEAR, year_value

CELL_SEPARATOR = re.compile(r"\s*[|\t]\s*")
_YEAR_COLUMN = re.compile(rf"^(?:({YEAR})年?(?:目标值?|预期值?|规划值?|基期值?|基数|现状值?|实际值?)?)$")
_GROWTH_COLUMN = re.compile("年均增长|年均增速|累计|五年累计")
_TARGET_COLUMN = re.compile("^(?:规划|预期)?目标值?$|^规划值$|^预期值$")
_BASELINE_COLUMN = re.compile("^(?:基期|基准|基数|现状|现值)(?:值|年)?$")
# Columns that report progress or bookkeeping, never a target.
_NON_TARGET_COLUMN = re.compile(
    "进展|完成情况|进度|实际完成|执行情况|现状|备注|责任|牵头|配合|单位|序号|属性|时限|完成时间|类别")
_UNIT_COLUMN = re.compile("^(?:计量)?单位$")
_ATTRIBUTE = re.compile("^(?:约束性|预期性)$")
_VALUE_CELL = re.compile(
    r"^(?P<sign>≥|>=|>|≤|<=|<)?\s*(?P<approx>约)?(?:(?P<bracket>[〔\[(])\s*(?P<bnum>-?\d+(?:\.\d+)?)\s*[〕\])]|(?P<num>-?\d+(?:\.\d+)?))"
    r"\s*(?P<unit>%|‰|[万亿千百]?[\u4e00-\u9fff]{0,3}?)?\s*(?P<post>以上|以内|以下|左右)?$")
_EMPTY_CELL = re.compile(r"^[—–\-/]+$")
_LABEL_UNIT = re.compile(r"[(（]\s*([^()（）]{1,6}?)\s*[)）]\s*$")
_NUMBERING = re.compile(r"^(?:\d{1,2}[.、](?!\d)|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\))\s*")
_SUB_ROW = re.compile(r"^其中\s*[:：]\s*")
_UNIT_CELL = re.compile(rf"(?:{UNIT})|%|‰")


@dataclass
class Column:
    kind: str  # label | baseline | target | growth | unit | other | value (a headerless row)
    year: int | None = None

    @property
    def holds_targets(self) -> bool:
        return self.kind in ("target", "growth", "value")


VALUE_COLUMNS = ("baseline", "target", "growth")


def classify_header(cells: list[str]) -> list[Column] | None:
    """Columns of a header row, or None when the row is no indicator-table header."""
    columns = []
    for cell in cells:
        simple = simplify(cell).replace(" ", "")
        year = _YEAR_COLUMN.match(simple)
        if year:
            columns.append(Column("baseline", year_value(year.group(1))))
        elif _GROWTH_COLUMN.search(simple):
            columns.append(Column("growth"))
        elif _TARGET_COLUMN.match(simple):
            columns.append(Column("target"))
        elif _BASELINE_COLUMN.match(simple):
            columns.append(Column("baseline"))
        elif _UNIT_COLUMN.match(simple):
            columns.append(Column("unit"))
        elif _NON_TARGET_COLUMN.search(simple):
            columns.append(Column("other"))
        else:
            columns.append(Column("label"))
    # The latest year column is the target; earlier years are baselines.
    years = [c.year for c in columns if c.year is not None]
    for column in columns:
        if column.year is not None and column.year == max(years):
            column.kind = "target"
    if not any(c.kind == "target" for c in columns):
        return None
    return columns


def target_year(columns: list[Column]) -> int | None:
    years = [c.year for c in columns if c.year is not None]
    return max(years) if years else None


def is_value_cell(text: str) -> bool:
    simple = simplify(text).strip()
    return bool(_VALUE_CELL.match(simple) or _EMPTY_CELL.match(simple))


def is_attribute_cell(text: str) -> bool:
    return bool(_ATTRIBUTE.match(simplify(text).strip()))


def label_name(label: str) -> tuple[str, str]:
    """'1.学前教育毛入园率(%)' → ('学前教育毛入园率', '%')."""
    name = _NUMBERING.sub("", label.strip())
    unit = ""
    match = _LABEL_UNIT.search(name)
    if match:
        unit = match.group(1)
        name = name[:match.start()].strip()
    return name, unit


def cell_target(label: str, sub_label: str | None, cell: str, column: Column,
                span: tuple[int, int], year: int | None, unit_cell: str = "") -> Found | None:
    """The target a value cell states under its row label, or None for an empty cell."""
    simple = simplify(cell).strip()
    match = _VALUE_CELL.match(simple)
    if not match:
        return None
    name, label_unit = label_name(label)
    if sub_label:
        sub_name, sub_unit = label_name(_SUB_ROW.sub("", sub_label))
        name = f"{name}({sub_name})"
        label_unit = sub_unit or label_unit
    try:
        value = parse_number(match["bnum"] or match["num"])
    except NumeralError:
        return None
    unit = (match["unit"] or label_unit or unit_cell).strip()
    if not unit:
        return None  # a bare number: no unit to measure it in
    simple_label = simplify(label)
    decrease = bool(re.search("下降|降低|减少", simple_label))
    if match["bracket"] or "累计" in simple_label:
        kind = "cumulative"
    elif column.kind == "growth" or re.search("增长|增速", simple_label):
        kind = "growth"
    elif unit in ("%", "‰") or re.search("率|比重|比例|占比", simple_label):
        kind = "share"
    elif COUNT_VERB.match(name):
        kind = "count"
    else:
        kind = "level"
    post = match["post"] or ""
    sign = match["sign"] or ""
    if match["approx"] or post == "左右":
        comparator = "~"
    elif post in ("以内", "以下") or sign in ("≤", "<=", "<"):
        comparator = "<="
    elif post == "以上" or sign in ("≥", ">=", ">"):
        comparator = ">="
    else:
        comparator = "="
    if decrease and kind in ("cumulative", "growth") and value > 0:
        value = -value
        comparator = "<=" if comparator == "=" else comparator
    return Found(span[0], span[1], indicator=name, value=value, unit=unit or "", comparator=comparator,
                 kind=kind, confidence=0.85, due_year=year)


class RowTable:
    """A "|"-separated table: a header line, then one row per line."""

    def __init__(self, header_cells: list[str]):
        self.columns = classify_header(header_cells)
        simple = [simplify(c).replace(" ", "") for c in header_cells]
        # Prose tables (民生实事 lists): the cells under progress/bookkeeping headers are skipped;
        # row numbers are dropped from the rows, so their column is dropped here too.
        self.prose_columns = [not _NON_TARGET_COLUMN.search(c) for c in simple if c and c != "序号"]

    def cells(self, line: str) -> list[tuple[int, int]]:
        """[start, end) of each cell's text in the line."""
        spans = []
        position = 0
        for separator in list(CELL_SEPARATOR.finditer(line)) + [None]:
            end = separator.start() if separator else len(line)
            text = line[position:end]
            lead = len(text) - len(text.lstrip())
            spans.append((position + lead, position + len(text.rstrip())))
            if separator:
                position = separator.end()
        while spans and spans[-1][0] >= spans[-1][1]:
            spans.pop()
        return spans

    def prose_cells(self, line: str) -> list[tuple[int, int]]:
        """Cells whose prose may state targets: content cells matched to the header in order."""
        spans = [(a, b) for a, b in self.cells(line)
                 if b > a and not re.fullmatch(r"\d{1,3}", line[a:b])]
        return [span for span, keep in zip(spans, self.prose_columns, strict=False) if keep]

    def numeric_targets(self, line: str, offset: int) -> list[Found]:
        spans = self.cells(line)
        if self.columns is None or len(spans) != len(self.columns):
            return _label_value_targets(line, spans, offset)
        label_span = next(((a, b) for (a, b), c in zip(spans, self.columns, strict=True)
                           if c.kind == "label" and b > a), None)
        if label_span is None:
            return []
        label = line[label_span[0]:label_span[1]]
        year = target_year(self.columns)
        unit_cell = next((line[a:b] for (a, b), c in zip(spans, self.columns, strict=True)
                          if c.kind == "unit"), "")
        found = []
        for (a, b), column in zip(spans, self.columns, strict=True):
            if column.holds_targets:
                target = cell_target(label, None, line[a:b], column,
                                     (offset + label_span[0], offset + b), year, unit_cell)
                if target:
                    found.append(target)
        return found


def _label_value_targets(line: str, spans: list[tuple[int, int]], offset: int) -> list[Found]:
    """A row of one label and value cells (新建公园 | 12个): each value under the label."""
    labels = [(a, b) for a, b in spans if b > a and not is_value_cell(line[a:b])]
    values = [(a, b) for a, b in spans if b > a and is_value_cell(line[a:b])]
    if len(labels) != 1 or not values or labels[0][0] > values[0][0]:
        return []
    label_start, _ = labels[0]
    label = line[label_start:labels[0][1]]
    found = []
    for a, b in values:
        target = cell_target(label, None, line[a:b], Column("value"), (offset + label_start, offset + b), None)
        if target:
            found.append(target)
    return found


class ColumnTable:
    """A table flattened one cell per line, read row by row after its header."""

    def __init__(self, header_cells: list[str]):
        self.columns = classify_header(header_cells) or []
        self.value_columns = [c for c in self.columns if c.kind in VALUE_COLUMNS]
        self.has_unit_column = any(c.kind == "unit" for c in self.columns)
        numbered = any(simplify(cell).replace(" ", "") == "序号" for cell in header_cells)
        self.next_row_number = 1 if numbered else None  # a 序号 column: rows open with 1, 2 …
        self.year = target_year(self.columns)
        self.labels: list[tuple[str, int]] = []
        self.values: list[tuple[str, int, int]] = []

    def add(self, line: str, offset: int) -> list[Found]:
        """Take one line; returns the targets of a row the line completes."""
        text = line.strip()
        if not text:
            return []
        start = offset + line.index(text)
        if is_attribute_cell(text):
            return self._close_row()
        if self.next_row_number is not None and text == str(self.next_row_number):
            self.next_row_number += 1
            return self._close_row()
        if is_value_cell(text):
            self.values.append((text, start, start + len(text)))
            return []
        found = self._close_row() if self.values else []
        self.labels.append((text, start))
        return found

    def finish(self) -> list[Found]:
        return self._close_row()

    def _close_row(self) -> list[Found]:
        labels, values = self.labels, self.values
        self.labels, self.values = [], []
        if not labels or not values:
            return []
        # Section headings inside the table (一、发展水平) come before the row's own label.
        while len(labels) > 1 and _NUMBERING.match(labels[0][0]) and _NUMBERING.match(labels[1][0]):
            labels = labels[1:]
        main, sub_labels = labels[0], [label for label, _ in labels[1:]]
        unit_cell = ""
        if self.has_unit_column and sub_labels and _UNIT_CELL.fullmatch(simplify(sub_labels[0])):
            unit_cell = sub_labels.pop(0)
        columns = len(self.value_columns)
        # Sub-rows: "其中:本科…" adds a row under the label's own; "其中:小学 / 初中" replace it.
        layouts: list[list[str | None]] = []
        if sub_labels:
            layouts += [[None] + sub_labels, sub_labels]
        layouts.append([None])
        rows = next((layout for layout in layouts if columns and len(values) == columns * len(layout)), None)
        if rows is None:
            return []
        found = []
        row_end = values[-1][2]
        for column_index, column in enumerate(self.value_columns):
            if not column.holds_targets:
                continue
            for row, sub_label in enumerate(rows):
                cell_text, _, _ = values[column_index * len(rows) + row]
                target = cell_target(main[0], sub_label, cell_text, column, (main[1], row_end), self.year,
                                     unit_cell)
                if target:
                    found.append(target)
        return found
