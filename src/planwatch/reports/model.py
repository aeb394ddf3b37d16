"""The report as plain data: what goes in (ReportInput) and the one document every format renders.

The builder turns a ReportInput into a Document once; the Word, Excel, HTML and PDF renderers
only lay that Document out, so every format shows the same numbers and the same words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Any

from planwatch.domain import Observation, Plan


class ReportError(ValueError):
    """Input a report cannot be made from; the message is one line naming what is wrong."""


class ReportKind(StrEnum):
    ANNUAL = "annual"
    MIDTERM = "midterm"
    FINAL = "final"

    @property
    def title_zh(self) -> str:
        return {"annual": "年度评估报告", "midterm": "中期评估报告", "final": "总结评估报告"}[self]


class Tone(StrEnum):
    """How a status reads at a glance; renderers colour cells by it."""

    GOOD = "good"
    WARNING = "warning"
    BAD = "bad"
    NEUTRAL = "neutral"


# The sections a planner writes by hand; the report never invents their text.
NARRATIVE_SECTIONS = ("总体评价", "存在的问题", "下一步建议")
PLACEHOLDER = "（待规划人员填写）"


@dataclass(frozen=True)
class ReportInput:
    plan: Plan
    kind: ReportKind
    as_of: date
    assessments: Sequence[Any]  # planwatch.evaluate Assessment objects
    observations: Sequence[Observation]
    rollup: Any = None
    config: Any = None  # the engine's configuration: its thresholds go into the appendix
    narrative: Mapping[str, str] = field(default_factory=dict)  # section title → planner's text
    explanations: Mapping[str, str] = field(default_factory=dict)  # target id → department's text
    unjudged: Mapping[str, str] = field(default_factory=dict)  # target id → why not assessed

    def __post_init__(self) -> None:
        unknown = sorted(set(self.narrative) - set(NARRATIVE_SECTIONS))
        if unknown:
            raise ReportError(
                f"narrative: unknown section {unknown[0]!r}; expected one of "
                + ", ".join(NARRATIVE_SECTIONS))
        target_ids = {target.id for target in self.plan.targets}
        for name, mapping in (("explanations", self.explanations), ("unjudged", self.unjudged)):
            strays = sorted(set(mapping) - target_ids)
            if strays:
                raise ReportError(f"{name}: no target {strays[0]!r} in plan {self.plan.name}")


class ParagraphRole(StrEnum):
    BODY = "body"
    NOTICE = "notice"  # must catch the reader's eye: illustrative data, missing data
    PLACEHOLDER = "placeholder"  # a narrative field nobody has filled in yet
    NOTE = "note"  # small print under a table or chart


@dataclass(frozen=True)
class Paragraph:
    text: str
    role: ParagraphRole = ParagraphRole.BODY


class ColumnFormat(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    PERCENT = "percent"  # values are fractions: 0.42 shows as 42.0%


@dataclass(frozen=True)
class Column:
    title: str
    format: ColumnFormat = ColumnFormat.TEXT
    width: float = 10.0  # in characters, as spreadsheets count


@dataclass(frozen=True)
class Cell:
    """A value (a real number where there is one) and the text every renderer prints for it."""

    value: float | int | str | None
    text: str
    decimals: int = 0  # how many decimals `text` shows; spreadsheets format numbers the same
    tone: Tone | None = None

    @classmethod
    def of_text(cls, text: str | None, tone: Tone | None = None) -> Cell:
        return cls(text or None, text or "", tone=tone)


@dataclass(frozen=True)
class Table:
    key: str  # stable name: also the spreadsheet's sheet identity
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, 1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"table {self.key}: row {number} has {len(row)} cells for "
                    f"{len(self.columns)} columns")


@dataclass(frozen=True)
class SeriesPoint:
    t: float  # on the plan's time axis: full-year 2023 at 2023.0, 2023H1 at 2022.5
    value: float
    label: str  # the period as written: 2023, 2023H1
    illustrative: bool = False


@dataclass(frozen=True)
class ChartSpec:
    """What a chart shows; charts.render_png draws it."""

    title: str
    unit: str
    observed: tuple[SeriesPoint, ...]
    observed_label: str = "实际值"
    benchmark: tuple[SeriesPoint, ...] = ()
    benchmark_label: str = ""
    path: tuple[tuple[float, float], ...] = ()  # the target path (序时进度) as (t, value)
    target: tuple[float, float] | None = None  # (deadline t, target value)
    projection: tuple[float, float] | None = None  # (deadline t, projected value)
    band: tuple[float, float] | None = None  # the projection's 80% interval at the deadline


@dataclass(frozen=True)
class Chart:
    key: str
    spec: ChartSpec
    caption: str = ""

    @cached_property
    def png(self) -> bytes:
        from .charts import render_png

        return render_png(self.spec)


Block = Paragraph | Table | Chart


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()
    landscape: bool = False  # wide tables print across the page

    def walk(self):
        yield self
        for subsection in self.subsections:
            yield from subsection.walk()


@dataclass(frozen=True)
class Document:
    title: str  # 长春市绿园区“十四五”规划实施中期评估报告
    subtitle: str  # the place and the plan period, under the title
    kind: ReportKind
    as_of: date
    notices: tuple[Paragraph, ...]  # first-page notices: illustrative data, gaps
    sections: tuple[Section, ...]
    primary_table: str = ""  # the key of the table that opens a workbook

    def walk(self):
        for section in self.sections:
            yield from section.walk()

    def tables(self) -> list[Table]:
        return [block for section in self.walk() for block in section.blocks
                if isinstance(block, Table)]

    def charts(self) -> list[Chart]:
        return [block for section in self.walk() for block in section.blocks
                if isinstance(block, Chart)]

    def table(self, key: str) -> Table:
        for table in self.tables():
            if table.key == key:
                return table
        raise KeyError(key)
