"""Rows of an observations file (CSV or XLSX) read and checked one at a time, without Django.

The layout is the observations CSV of the evaluation issue: `place,indicator,period,value,
unit,kind,source` plus optional `provenance,note`. A row either becomes a CheckedRow or
yields Problems that name the row, the column and the reason in Chinese: unknown indicator,
bad period, non-numeric value, a unit that cannot be converted to the indicator's, a value
outside the indicator's plausible range. Files are read as a stream, so a million rows need
no more memory than one.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from typing import IO, NamedTuple

from planwatch.domain.observation_csv import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from planwatch.domain.periods import PeriodError, parse_period
from planwatch.domain.units import UnitError, parse_unit
from planwatch.domain.vocabulary import ObservationKind, Provenance

COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
COLUMN_LABELS = {"place": "地区", "indicator": "指标", "period": "期间", "value": "数值",
                 "unit": "单位", "kind": "口径", "source": "来源", "provenance": "数据性质",
                 "note": "备注"}
KINDS = tuple(kind.value for kind in ObservationKind)
PROVENANCES = tuple(provenance.value for provenance in Provenance)
# The Chinese names a department's template offers in its drop-downs (web/labels.py shows the
# same words on screen): a cell may hold the name or the code.
KIND_NAMES = {"数值": "level", "同比增速": "growth_pct", "累计值": "cumulative", "完成数": "count"}
PROVENANCE_NAMES = {"官方数据": "official", "估计数": "estimate", "示例数据": "illustrative"}
LEVEL_KINDS = frozenset({"level", "cumulative", "count"})
# The widths of the observation table's text columns (web/data/models.py): a longer text
# would stop the database in the middle of an import instead of being reported with its row.
MAX_LENGTHS = {"place": 100, "unit": 30}
# A spreadsheet runs a cell beginning with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class FileProblem(ValueError):
    """The file as a whole cannot be read (encoding, header, not a spreadsheet)."""


@dataclass(frozen=True)
class Problem:
    row: int
    column: str | None
    reason: str
    # The column's Chinese name, for files whose columns COLUMN_LABELS does not know.
    label: str | None = None

    def __str__(self) -> str:
        where = f"第 {self.row} 行"
        if self.column:
            label = self.label or COLUMN_LABELS.get(self.column, self.column)
            where += f" {self.column}列" if label == self.column else (
                f" {self.column}({label})列")
        return f"{where}:{self.reason}"


@dataclass(frozen=True)
class IndicatorRule:
    """What a figure of one indicator must look like."""

    unit: str
    minimum: float | None = None
    maximum: float | None = None
    growth_minimum: float | None = None
    growth_maximum: float | None = None


class CheckedRow(NamedTuple):
    """A good row, its fields in the order the importer's staging table takes them."""

    row: int
    place: str
    indicator: str
    period: str
    year: int
    months: int
    span: int
    value: float
    unit: str
    kind: str
    source: str
    provenance: str

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.place, self.indicator, self.period, self.kind, self.provenance)


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """neutralise undone, so an exported file imports back unchanged."""
    return text[1:] if text.startswith("'") and text[1:2] and text[1] in "=+-@\t\r" else text


class RowChecker:
    """Checks rows against the indicators the database knows. Parsing results are cached by
    the text seen, because a file repeats the same few periods, units and indicators."""

    def __init__(self, rules: dict[str, IndicatorRule]) -> None:
        self.rules = rules
        self._periods: dict[str, tuple[str, int, int, int] | str] = {}
        self._units: dict[tuple[str, str, str], str | None] = {}
        # (indicator, unit, kind, provenance) → (factor to the range's unit, low, high) for
        # combinations that are valid; the fast path of check() needs nothing else.
        self._valid: dict[tuple[str, str, str, str], tuple[float, float, float] | None] = {}

    def check(self, row: int, cells: dict[str, str]) -> CheckedRow | list[Problem]:
        """The row checked, as check_records checks each row of a file."""
        return next(self.check_records(COLUMNS, iter([(row, [cells.get(c, "") for c in COLUMNS])])))

    def check_records(self, columns: list[str], records: Iterator[tuple[int, Record]]
                      ) -> Iterator[CheckedRow | list[Problem]]:
        """Each record checked: a CheckedRow, or the row's problems. A million-row file goes
        through the fast path, which reads cells by position and only looks up what earlier
        rows established; any doubt falls through to the full check."""
        at = {column: index for index, column in enumerate(columns) if column}
        required = itemgetter(*(at[column] for column in REQUIRED_COLUMNS))
        provenance_at = at.get("provenance")
        periods, valid_combinations = self._periods, self._valid
        isfinite, new_row, place_max = math.isfinite, tuple.__new__, MAX_LENGTHS["place"]
        for row, cells in records:
            if type(cells) is Problem:
                yield [cells]
                continue
            place, indicator, period_text, value_text, unit, kind, source = required(cells)
            place, indicator, source = place.strip(), indicator.strip(), source.strip()
            period = periods.get(period_text.strip())
            value_text, unit = value_text.strip(), unit.strip()
            kind = kind.strip().lower()
            provenance = ("official" if provenance_at is None
                          else cells[provenance_at].strip().lower() or "official")
            if (place and indicator and value_text and type(period) is tuple
                    and len(place) <= place_max and "'" not in (place[0], indicator[0],
                                                              source[:1])):
                combination = (indicator, unit, kind, provenance)
                valid = valid_combinations.get(combination, False)
                if valid is False:
                    valid = valid_combinations[combination] = self._valid_combination(
                        *combination)
                if valid is not None:
                    try:
                        value = float(value_text)
                    except ValueError:
                        value = math.nan
                    factor, low, high = valid
                    if isfinite(value) and low <= value * factor <= high:
                        label, year, months, span = period
                        yield new_row(CheckedRow, (row, place, indicator, label, year, months,
                                                   span, value, unit, kind, source, provenance))
                        continue
            yield self.full_check(row, dict(zip(columns, cells, strict=True)))

    def _valid_combination(self, indicator: str, unit: str, kind: str,
                           provenance: str) -> tuple[float, float, float] | None:
        rule = self.rules.get(indicator)
        if (rule is None or kind not in KINDS or provenance not in PROVENANCES or not unit
                or len(unit) > MAX_LENGTHS["unit"] or self._unit(unit, rule.unit, kind) is not None):
            return None
        if kind in LEVEL_KINDS:
            low, high, expected = rule.minimum, rule.maximum, rule.unit
        else:
            low, high, expected = rule.growth_minimum, rule.growth_maximum, "%"
        factor = 1.0
        if (low is not None or high is not None) and expected:
            try:
                factor = parse_unit(unit).factor_to(parse_unit(expected))
            except UnitError:
                return None
        return (factor, -math.inf if low is None else low, math.inf if high is None else high)

    def full_check(self, row: int, cells: dict[str, str]) -> CheckedRow | list[Problem]:
        """Every problem of the row, each named by its column."""
        problems: list[Problem] = []

        def text(column: str, required: bool = True) -> str:
            value = restore(cells.get(column, "").strip())
            if required and not value:
                problems.append(Problem(row, column, "不能为空"))
            return value

        place, indicator = text("place"), text("indicator")
        period_text, value_text, unit = text("period"), text("value"), text("unit")
        # Names come this way only: the fast path sees a name as an unknown kind and hands
        # the row here, so files of codes pay nothing for it.
        kind, provenance = text("kind"), text("provenance", False)
        kind = KIND_NAMES.get(kind, kind.lower())
        provenance = PROVENANCE_NAMES.get(provenance, provenance.lower())
        source = text("source", False)
        for column, text in (("place", place), ("unit", unit)):
            if len(text) > MAX_LENGTHS[column]:
                problems.append(Problem(row, column, f"超过 {MAX_LENGTHS[column]} 个字符"))
        rule = self.rules.get(indicator)
        if indicator and rule is None:
            problems.append(Problem(row, "indicator", f"未知指标“{indicator}”(不在任何规划的指标表中)"))
        period = self._period(period_text) if period_text else None
        if isinstance(period, str):
            problems.append(Problem(row, "period", period))
        value = None
        if value_text:
            try:
                value = float(value_text.replace(",", "").replace(",", ""))
            except ValueError:
                problems.append(Problem(row, "value", f"不是数字:“{value_text}”"))
            else:
                if not math.isfinite(value):
                    problems.append(Problem(row, "value", f"不是有限数值:“{value_text}”"))
                    value = None
        if kind and kind not in KINDS:
            problems.append(Problem(row, "kind", f"“{kind}”不是 {'|'.join(KINDS)} 之一"))
        if provenance and provenance not in PROVENANCES:
            problems.append(Problem(row, "provenance",
                                    f"“{provenance}”不是 {'|'.join(PROVENANCES)} 之一"))
        if unit and rule is not None and kind in KINDS:
            unit_problem = self._unit(unit, rule.unit, kind)
            if unit_problem:
                problems.append(Problem(row, "unit", unit_problem))
            elif value is not None:
                reason = _outside_range(value, unit, rule, kind)
                if reason:
                    problems.append(Problem(row, "value", reason))
        if problems:
            return problems
        label, year, months, span = period
        return CheckedRow(row, place, indicator, label, year, months, span, value, unit, kind,
                          source, provenance or Provenance.OFFICIAL.value)

    def _period(self, text: str) -> tuple[str, int, int, int] | str:
        if text not in self._periods:
            try:
                period = parse_period(text)
            except PeriodError:
                self._periods[text] = (f"期间“{text}”无法识别,应为年(2023)、半年(2023H1)、"
                                       "季度(2023Q2)或月份(2023-06)")
            else:
                self._periods[text] = (period.label, period.year, period.months, period.span)
        return self._periods[text]

    def _unit(self, unit: str, indicator_unit: str, kind: str) -> str | None:
        key = (unit, indicator_unit, kind)
        if key not in self._units:
            expected = "%" if kind == "growth_pct" else indicator_unit
            try:
                parsed = parse_unit(unit)
            except UnitError:
                self._units[key] = f"不认识的单位“{unit}”"
            else:
                if not expected:
                    self._units[key] = None
                    return None
                try:
                    same = parsed.dimension == parse_unit(expected).dimension
                except UnitError:
                    same = unit == expected
                self._units[key] = None if same else (
                    f"单位“{unit}”不能换算为该指标的单位“{expected}”")
        return self._units[key]


def _outside_range(value: float, unit: str, rule: IndicatorRule, kind: str) -> str | None:
    if kind in LEVEL_KINDS:
        low, high, expected = rule.minimum, rule.maximum, rule.unit
        if (low is None and high is None) or not expected:
            return None
        # The unit was checked convertible already; only an unparsed indicator unit is left.
        with contextlib.suppress(UnitError):
            value = value * parse_unit(unit).factor_to(parse_unit(expected))
    else:
        low, high, expected = rule.growth_minimum, rule.growth_maximum, "%"
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"{'' if low is None else f'{low:g}'}–{'' if high is None else f'{high:g}'}"
        return f"数值 {value:g}{expected} 超出该指标的合理范围 {bounds}{expected}"
    return None


# --- reading files -------------------------------------------------------------------------

def read_header(name: str, header: list[str]) -> list[str]:
    columns = [str(cell or "").strip().lower().lstrip("\ufeff") for cell in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise FileProblem(f"{name}: 第 1 行(表头)缺少列 {', '.join(missing)};表头应为 "
                          + ",".join(REQUIRED_COLUMNS) + "[,provenance,note]")
    for column in columns:
        if column and column not in COLUMNS:
            raise FileProblem(f"{name}: 第 1 行(表头)有未知列“{column}”;可用列为 "
                              + ",".join(COLUMNS))
        if column and columns.count(column) > 1:
            raise FileProblem(f"{name}: 第 1 行(表头)列“{column}”重复")
    return columns


Cells = dict[str, str] | Problem
Record = list[str] | Problem


def iter_rows(name: str, file: IO[bytes]) -> Iterator[tuple[int, Cells]]:
    """(row number, cells by column) for every non-empty row of a CSV or XLSX file, told
    apart by content, not by name; a row that cannot be split into cells comes as a Problem."""
    columns, records = read_records(name, file)
    for number, cells in records:
        yield number, cells if type(cells) is Problem else {
            column: cell for column, cell in zip(columns, cells, strict=True) if column}


def read_records(name: str, file: IO[bytes]) -> tuple[list[str], Iterator[tuple[int, Record]]]:
    """The header's columns, and (row number, cells in the header's order) for every
    non-empty row: what iter_rows gives, without a dictionary per row."""
    head = file.read(4)
    file.seek(0)
    records = _xlsx_records(name, file) if head == b"PK\x03\x04" else _csv_records(name, file)
    return next(records), records


def _text_stream(name: str, file: IO[bytes]) -> io.TextIOBase:
    """UTF-8 (with or without BOM) when the first megabyte is valid UTF-8, else GB18030 (a
    superset of GBK, which Excel on Chinese Windows writes)."""
    sample = file.read(1 << 20)
    file.seek(0)
    if b"\x00" in sample:
        raise FileProblem(f"{name}: 不是文本文件(CSV)或 Excel 工作簿(XLSX)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(sample) < 1 << 20)
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "gb18030"
    return io.TextIOWrapper(file, encoding=encoding, newline="")


def _csv_records(name: str, file: IO[bytes]) -> Iterator:
    """The columns first, then the records (see read_records)."""
    stream = _text_stream(name, file)
    reader = csv.reader(stream)
    try:
        try:
            header = next(reader)
        except StopIteration:
            raise FileProblem(f"{name}: 空文件,第 1 行应为表头 "
                              + ",".join(REQUIRED_COLUMNS)) from None
        columns = read_header(name, header)
        yield columns
        width = len(columns)
        for number, row in enumerate(reader, start=2):
            if len(row) != width:
                if any(row):
                    yield number, Problem(number, None, f"该行有 {len(row)} 个字段,表头有 {width} 个")
            elif any(row):
                yield number, row
    except UnicodeDecodeError:
        raise FileProblem(f"{name}: 文件编码既不是 UTF-8 也不是 GBK/GB18030") from None
    except csv.Error as error:
        raise FileProblem(f"{name}: 第 {reader.line_num} 行:CSV 格式错误({error})") from None
    finally:
        stream.detach()


def _xlsx_records(name: str, file: IO[bytes]) -> Iterator:
    """The columns first, then the records (see read_records)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileProblem(f"{name}: 无法作为 Excel 工作簿读取({error})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            raise FileProblem(f"{name}: 空工作表,第 1 行应为表头 " + ",".join(REQUIRED_COLUMNS))
        columns = read_header(name, list(header))
        yield columns
        width = len(columns)
        for number, row in enumerate(rows, start=2):
            cells = [_cell_text(cell) for cell in row]
            if any(cells):
                # A row may stop short of the header or run past it.
                yield number, cells[:width] + [""] * (width - len(cells))
    finally:
        workbook.close()


def _cell_text(cell) -> str:
    """A spreadsheet cell as the text a CSV would hold. Excel turns 2023-06 into a date and
    2023 into a number; both come back as the period label."""
    if cell is None:
        return ""
    if isinstance(cell, datetime | date):
        return f"{cell.year}-{cell.month:02d}"
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    return str(cell)
