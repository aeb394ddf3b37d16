"""The observations CSV, planwatch's exchange format for figures: read it, write it.

Header: `place,indicator,period,value,unit,kind,source` plus optional `provenance,note`.
Files saved by Excel on Chinese Windows are often GBK/GB18030, others UTF-8 with a BOM;
both are read. Every problem is reported as one line naming the file, the row, the column
and the reason, and nothing is returned from a file that has one.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import IO

from .model import Observation
from .periods import PeriodError, parse_period
from .units import UnitError, parse_unit
from .vocabulary import ObservationKind, Provenance

REQUIRED_COLUMNS = ("place", "indicator", "period", "value", "unit", "kind", "source")
OPTIONAL_COLUMNS = ("provenance", "note")


class ObservationFileError(ValueError):
    """A problem in an observations file; the message names file, row, column and reason."""

    def __init__(self, file: str, reason: str, *, row: int | None = None,
                 column: str | None = None) -> None:
        self.file, self.row, self.column, self.reason = file, row, column, reason
        location = ", ".join(part for part in (
            f"row {row}" if row is not None else "", f"column {column}" if column else "")
            if part)
        super().__init__(": ".join(part for part in (file, location, reason) if part))


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; otherwise the encoding charset-normalizer detects
    (for spreadsheets saved on Chinese Windows: GB18030, a superset of GBK); GB18030 itself
    when detection finds nothing."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("gb18030")


def read_observations(source: str | Path | IO) -> list[Observation]:
    """Read an observations CSV (a path, or a text or binary file object)."""
    name, text = _read_text(source)
    reader = csv.reader(io.StringIO(text))
    try:
        header = [column.strip().lower() for column in next(reader)]
    except StopIteration:
        raise ObservationFileError(
            name, "empty file: expected the header " + ",".join(REQUIRED_COLUMNS)) from None
    _check_header(name, header)
    observations = []
    for row_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ObservationFileError(
                name, f"{len(row)} fields where the header has {len(header)}", row=row_number)
        observations.append(_observation(name, row_number, dict(zip(header, row, strict=True))))
    return observations


def _read_text(source: str | Path | IO) -> tuple[str, str]:
    if isinstance(source, str | Path):
        name = str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise ObservationFileError(name, f"cannot read: {exc.strerror or exc}") from None
    else:
        name = str(getattr(source, "name", "<observations>"))
        data = source.read()
        if isinstance(data, str):
            return name, data.lstrip("\ufeff")
    try:
        return name, decode(data)
    except UnicodeDecodeError:
        raise ObservationFileError(name, "not a text file in UTF-8 or GBK/GB18030") from None


def _check_header(name: str, header: list[str]) -> None:
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ObservationFileError(name, f"missing column(s) {', '.join(missing)}; expected "
                                   "the header " + ",".join(REQUIRED_COLUMNS), row=1)
    unknown = [c for c in header if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        known = ",".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
        raise ObservationFileError(name, f"unknown column; known columns are {known}", row=1,
                                   column=unknown[0])
    duplicated = [c for c in header if header.count(c) > 1]
    if duplicated:
        raise ObservationFileError(name, "column appears twice", row=1, column=duplicated[0])


def _observation(name: str, row: int, cells: dict[str, str]) -> Observation:
    def fail(column: str, reason: str) -> ObservationFileError:
        return ObservationFileError(name, reason, row=row, column=column)

    def field(column: str) -> str:
        value = cells.get(column, "").strip()
        if not value and column in ("place", "indicator", "period", "value", "unit", "kind"):
            raise fail(column, "empty")
        return value

    try:
        period = parse_period(field("period"))
    except PeriodError as exc:
        raise fail("period", str(exc)) from None
    text = field("value").replace(",", "").replace("，", "")
    try:
        value = float(text)
    except ValueError:
        raise fail("value", f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise fail("value", f"not a finite number: {text!r}")
    unit = field("unit")
    try:
        parse_unit(unit)
    except UnitError as exc:
        raise fail("unit", str(exc)) from None
    kind = _choice(name, row, "kind", field("kind"), ObservationKind, None)
    provenance = _choice(name, row, "provenance", field("provenance"), Provenance,
                         Provenance.OFFICIAL)
    return Observation(place=field("place"), indicator=field("indicator"), period=period,
                       value=value, unit=unit, kind=kind, source=field("source"),
                       provenance=provenance)


def _choice(name, row, column, text, enum, default):
    if not text and default is not None:
        return default
    try:
        return enum(text.lower())
    except ValueError:
        allowed = "|".join(member.value for member in enum)
        raise ObservationFileError(name, f"{text!r} is not one of {allowed}", row=row,
                                   column=column) from None


def write_observations(observations, file: IO[str]) -> None:
    """Write observations as CSV (UTF-8 text, header first) that read_observations reads back."""
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(REQUIRED_COLUMNS + ("provenance",))
    for obs in observations:
        writer.writerow([obs.place, obs.indicator, obs.period.label, repr(float(obs.value)),
                         obs.unit, obs.kind.value, obs.source, obs.provenance.value])
