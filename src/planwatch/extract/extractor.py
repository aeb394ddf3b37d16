"""Plan text → ExtractedTarget: the grammar, tables and outline put together, line by line.

`iter_targets` reads any iterable of lines (a file object streams a large document in bounded
memory); `extract_targets` takes a whole text. Spans are [start, end) offsets into the text
as given, `text` is that slice verbatim, and `indicator` keeps the document's own script.
A target stated twice (headline and body, prose and table) is reported once, at its first
occurrence, with the other places in `restatements`.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import chain

from .grammar import Found, has_figure, parse_line
from .lexicon import MENTION
from .script import normalise, simplify
from .structure import SHORT_LINE, Outline, parse_heading
from .tables import CELL_SEPARATOR, VALUE_COLUMNS, ColumnTable, RowTable, classify_header

_HEADER_CHARS = 4000
_WINDOW_LINES = 64  # a table row spans a few lines; targets never reach further back
# Restatements kept per target: enough to show a reviewer where a target recurs, and a
# bound on memory when a long document repeats itself.
MAX_RESTATEMENTS = 32
_COLUMN_HEADER_CELL = re.compile(
    r"^(?:(?:19|20)\d{2}年?(?:目标值?|预期值?|规划值?|基期值?|基数|现状值?|实际值?)?|指\s*标|指标名称|"
    r"项\s*目|序号|属性|指标属性|单位|计量单位|年均增长.{0,6}|累计.{0,6}|类别|(?:规划|预期)?目标值?|规划值|"
    r"预期值|(?:基期|基准|基数|现状|现值)(?:值|年)?)$")
_PROSE_LINE = re.compile(r"[。;]|.{41,}")


@dataclass
class ExtractedTarget:
    text: str  # the source span verbatim
    indicator: str
    value: float
    unit: str
    comparator: str  # >= <= = > < ~
    kind: str  # level growth cumulative count multiple relative zero share
    year: int | None  # the deadline year
    period_start: int | None  # first year of the multi-year period; None for annual targets
    span: tuple[int, int]  # [start, end) offsets into the document text
    goal: list[str] = field(default_factory=list)  # the heading path
    benchmark: dict | None = None  # relative targets: {indicator, place, margin}
    confidence: float = 0.5
    deadline: date | None = None  # a dated deadline within the year: "五一"前
    base_year: int | None = None  # the year growth and progress count from
    restatements: list[tuple[int, int]] = field(default_factory=list)  # other spans saying it (≤ 32)

    def as_dict(self, target_id: str | None = None) -> dict:
        data: dict = {} if target_id is None else {"id": target_id}
        data.update({
            "text": self.text, "indicator": self.indicator, "value": self.value, "unit": self.unit,
            "comparator": self.comparator, "kind": self.kind, "year": self.year,
            "period_start": self.period_start, "span": list(self.span),
            # Target JSON carries a goal as one name (planwatch evaluate reads a string);
            # the heading path itself follows as a list.
            "goal": " / ".join(self.goal) or None, "goal_path": list(self.goal),
            "benchmark": self.benchmark, "confidence": self.confidence, "base_year": self.base_year,
        })
        if self.deadline is not None:
            data["deadline"] = self.deadline.isoformat()
        if self.restatements:
            data["restatements"] = [list(span) for span in self.restatements]
        return data


def extract_targets(text: str, *, reference_year: int | None = None) -> list[ExtractedTarget]:
    """Every quantitative target a plan text states, in document order."""
    return list(iter_targets(text.splitlines(keepends=True), reference_year=reference_year))


def iter_targets(lines: Iterable[str], *, reference_year: int | None = None) -> Iterator[ExtractedTarget]:
    """Targets of a document given as lines (with their line ends), as they are found."""
    lines = iter(lines)
    head: list[str] = []
    size = 0
    for line in lines:
        head.append(line)
        size += len(line)
        if size >= _HEADER_CHARS:
            break
    reader = _Reader(Outline.for_header("".join(head), reference_year))
    yield from reader.read(chain(head, lines))


def indicator_key(indicator: str) -> str:
    """An indicator name without script, spacing and punctuation differences, for comparisons."""
    return _KEY_NOISE.sub("", simplify(indicator))


_KEY_NOISE = re.compile(r"[\s、,，;；:：“”\"'()（）]")


class _Reader:
    def __init__(self, outline: Outline):
        self.outline = outline
        self.window: deque[tuple[int, str]] = deque(maxlen=_WINDOW_LINES)
        self.seen: dict[tuple, ExtractedTarget] = {}
        self.row_table: RowTable | None = None
        self.column_table: ColumnTable | None = None
        self.pending: list[tuple[str, int]] = []  # short lines that may open a column table

    def read(self, lines: Iterable[str]) -> Iterator[ExtractedTarget]:
        offset = 0
        for line in lines:
            self.window.append((offset, line))
            yield from self._line(line, offset)
            offset += len(line)
        yield from self._flush_pending()
        if self.column_table:
            yield from self._emit(self.column_table.finish())

    # ---- per line ---------------------------------------------------------------------------

    def _line(self, line: str, offset: int) -> Iterator[ExtractedTarget]:
        stripped = line.strip()
        if self.column_table is not None:
            if stripped and (_PROSE_LINE.search(stripped) or "|" in stripped):
                yield from self._emit(self.column_table.finish())
                self.column_table = None
            else:
                yield from self._emit(self.column_table.add(line, offset))
                return
        if stripped and len(stripped) <= 12 and _COLUMN_HEADER_CELL.match(simplify(stripped)):
            self.pending.append((line, offset))
            return
        if stripped and self._pending_header():
            header = [text.strip() for text, _ in self.pending]
            self.pending = []
            self.column_table = ColumnTable(header)
            yield from self._emit(self.column_table.add(line, offset))
            return
        yield from self._flush_pending()
        yield from self._prose(line, offset)

    def _pending_header(self) -> bool:
        cells = [text.strip() for text, _ in self.pending]
        columns = classify_header(cells)
        return bool(columns) and sum(1 for c in columns if c.kind in VALUE_COLUMNS) >= 2

    def _flush_pending(self) -> Iterator[ExtractedTarget]:
        pending, self.pending = self.pending, []
        for text, offset in pending:
            yield from self._prose(text, offset)

    def _prose(self, line: str, offset: int) -> Iterator[ExtractedTarget]:
        if not line.strip():
            return
        cells = CELL_SEPARATOR.split(line.strip())
        if len(cells) >= 3 or (len(cells) == 2 and "|" in line):
            yield from self._row(line, offset)
            return
        self.row_table = None
        yield from self._text_line(line, offset, allowed=None)

    def _row(self, line: str, offset: int) -> Iterator[ExtractedTarget]:
        if self.row_table is None:
            self.row_table = RowTable([c.strip() for c in CELL_SEPARATOR.split(line.strip())])
            if self.row_table.columns is not None or not MENTION.search(simplify(line)):
                return  # a header row
        numeric = self.row_table.numeric_targets(line, offset)
        if numeric:
            yield from self._emit(numeric)
            return
        yield from self._text_line(line, offset, allowed=self.row_table.prose_cells(line))

    def _text_line(self, line: str, offset: int, allowed) -> Iterator[ExtractedTarget]:
        normalised = normalise(line.rstrip("\r\n"))
        text = normalised.text
        # Whether the line holds figures only matters for short lines (a short line without
        # figures is a heading); the check costs a regex pass, so long lines skip it.
        short = len(text.strip()) <= SHORT_LINE
        heading, _ = parse_heading(text, has_targets=short and has_figure(text))
        if heading:
            start = text.find(heading.title)
            if start >= 0:  # the title as the document writes it (traditional stays traditional)
                heading.title = normalised.original_text(start, start + len(heading.title))
            self.outline.enter(heading)
        else:
            self.outline.body_seen()
        scope_before = self.outline.scope
        marker = self.outline.read_line(text)
        outline = self.outline
        earliest = outline.section_year or (outline.scope[0] if outline.scope else outline.document_year)
        found = [] if outline.under_review else parse_line(
            normalised, earliest_year=earliest, under_targets=outline.under_targets)
        if allowed is not None:
            found = [f for f in found if any(a <= f.start and f.end <= b for a, b in allowed)]
        scopes = []
        for item in found:
            # A horizon named mid-line (…与“十三五”规划相衔接) governs only what follows it.
            scopes.append(scope_before if marker is not None and item.end <= marker else outline.scope)
            item.start += offset
            item.end += offset
        outline.end_line()
        yield from self._emit(found, scopes)

    # ---- targets ----------------------------------------------------------------------------

    def _emit(self, found: list[Found], scopes: list | None = None) -> Iterator[ExtractedTarget]:
        for index, item in enumerate(found):
            scope = scopes[index] if scopes else self.outline.scope
            year, annual = self._year(item, scope)
            key = (indicator_key(item.indicator), round(item.value, 6), year)
            first = self.seen.get(key)
            if first is not None:
                if len(first.restatements) < MAX_RESTATEMENTS:
                    first.restatements.append((item.start, item.end))
                continue
            target = self._target(item, scope, year, annual)
            self.seen[key] = target
            yield target

    def _year(self, found: Found, scope: tuple[int, int] | None) -> tuple[int | None, bool]:
        """The deadline year, and whether the target is an annual one."""
        outline = self.outline
        section = outline.section_year
        annual = False
        # A goal quoted from another body has only the year its quotes state, if any.
        if found.dated_inside_quotes or found.due_year is not None:
            year = found.due_year
        elif section is not None:
            year, annual = section, True
        elif found.years_ahead is not None and outline.document_year:
            year, annual = outline.document_year + found.years_ahead, True
        elif scope is not None:
            year = scope[1]
        else:
            year, annual = outline.document_year, True
        return year, annual

    def _target(self, found: Found, scope, year: int | None, annual: bool) -> ExtractedTarget:
        outline = self.outline
        if found.base_year is not None:
            period_start = found.base_year + 1
        elif annual:
            period_start = None
        elif scope is not None and year is not None and year >= scope[0]:
            period_start = scope[0]
        else:
            period_start = None
        deadline = None
        if found.deadline and year:
            deadline = date(year, *found.deadline)
        # Growth is counted from the year before the period (or, for an annual target, the
        # year before it), unless the text names its base (较2020年).
        if found.base_year is not None:
            base_year = found.base_year
        elif period_start is not None:
            base_year = period_start - 1
        else:
            base_year = year - 1 if year else None
        return ExtractedTarget(
            text=self._slice(found.start, found.end), indicator=found.indicator, value=found.value,
            unit=found.unit, comparator=found.comparator, kind=found.kind, year=year,
            period_start=period_start, span=(found.start, found.end), goal=outline.goal_path,
            benchmark=found.benchmark, confidence=found.confidence, deadline=deadline,
            base_year=base_year)

    def _slice(self, start: int, end: int) -> str:
        pieces = []
        for offset, line in reversed(self.window):  # spans lie in the latest lines
            if offset >= end:
                continue
            if offset + len(line) <= start:
                break
            pieces.append(line[max(start - offset, 0):min(end - offset, len(line))])
        return "".join(reversed(pieces))
