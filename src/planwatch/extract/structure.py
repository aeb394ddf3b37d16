"""A document's time frame and headings: which year a target is due, and under which goal.

Plans state their horizon once ("十四五", "今后五年", "2022年主要预期目标", "今年") and then
list targets under headings (一、 / （一） / ——经济发展取得新成效 / 2021年: / short lines). The
`Outline` follows the text line by line and answers, for any position, the heading path and
the period a target there belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numerals import NumeralError, parse_chinese, parse_number
from .script import simplify

CHINESE_DIGIT = "〇零一二两三四五六七八九十"
YEAR = rf"(?:(?:19|20)\d{{2}}|[二][〇零][{CHINESE_DIGIT}]{{2}})"

# Five-year plan names: 十四五 → 2021–2025.
_FIVE_YEAR_PLAN = re.compile(r"(十[一二三四五六七])五|第十([一二三四五六七])个五年")
# The coming years from the document's date: 今后五年, 未来三年, 用三年时间, 三年内 (the
# document's year is the first of them; 近三年内 looks back).
_COMING_YEARS = re.compile(
    r"(?:今后|未来)([两二三四五六七八九十2-9])年|用([两二三四五六七八九十2-9])年(?:左右)?时间"
    r"|(?<![近前过去来\d两二三四五六七八九十])([两二三四五六七八九十2-9])年内")
# A period: 2021—2025年, 2026~2030年, 2023年至2025年.
_RANGE_MARKS = "-—–~至到"
_YEAR_RANGE = re.compile(rf"({YEAR})年?\s*[{_RANGE_MARKS}]\s*({YEAR})年")
_ANNUAL_PHRASE = re.compile(
    rf"({YEAR})年(?:度)?(?:全[市区县省镇]|全年|区政府|市政府|县政府|我[市区县])?"
    r"(?:的)?(?:主要预期目标|(?:经济社会|经济和社会)发展的?主要(?:预期)?目标|重点工作|国民经济和社会发展计划|工作规划|工作要点|"
    r"工作计划|民生实事|重点民生|政府工作报告|计划|是)")
_ANNUAL_AFTER_COMMA = re.compile(rf"({YEAR})年,[^。]{{0,30}}目标")
# A year's list of works with its issuing bodies between: 2021年某区人民政府民生实事项目,
# 2019年市委市政府为民兴办10件实事 (but not 2019年以来…实事).
_ANNUAL_WORKS = re.compile(rf"({YEAR})年(?:度)?(?:(?!以来)[^,，。;；:：\n]){{0,16}}?(?:民生实事|实事)")
_PLAN_TURN = re.compile(
    r"(?:十[一二三四五六七]五|第十[一二三四五六七]个五年)[”\"]?(?:规划)?[”\"]?(?:的)?(?:良好)?(?:开局|收官)")
# A figure with its unit: where a document's title area has ended.
_HEADER_FIGURE = re.compile(r"\d\s*(?:%|[万亿千百]?(?:元|人|个|所|家|户|吨|斤|亩|公里|平方米))")
_DATE = re.compile(rf"({YEAR})(?:年\d{{1,2}}月\d{{1,2}}日|-\d{{1,2}}-\d{{1,2}}|/\d{{1,2}}/\d{{1,2}})")
_HEADER_CHARS = 4000

# Headings, by level: 第一章 and annual sections (0), 第一节 (1), 一、 (2), （一） (3),
# 1. / —— (4); short unnumbered lines (3, or 4 right under another).
_CHAPTER = re.compile(r"^第[一二三四五六七八九十百\d]+[章篇部分编]\s*(.*)$")
_SECTION = re.compile(r"^第[一二三四五六七八九十百\d]+节\s*(.*)$")
_TOP = re.compile(rf"^[{CHINESE_DIGIT}百]+[、.]\s*(.*)$")
_SUB = re.compile(rf"^\(\s*[{CHINESE_DIGIT}百]+\s*\)\s*(.*)$")
_ITEM = re.compile(r"^\d{1,2}[、.](?!\d)\s*(.*)$")
_DASH = re.compile(r"^[—–-]{2}\s*(.*)$")
_YEAR_HEADING = re.compile(rf"^({YEAR})年(?:度)?\s*[:：]?\s*$")
_SENTENCE_END = re.compile(r"[。;!?]")
_TARGETS_HEADING = re.compile("预期目标|主要目标|目标任务|主要指标")
_REVIEW_HEADING = re.compile("回顾|成绩单|完成情况|执行情况|主要成就|取得的成绩|发展成就")
# A heading that reviews one year and plans the next (2024年成绩单、2025年任务书) is no review.
_AHEAD_HEADING = re.compile("任务|安排|计划|目标|重点|展望|思路")
# List bullets start items, never headings.
_BULLET = ("●", "•", "·", "▪", "◆", "○", "◎", "★", "☆", "▲")
_FIRST_CLAUSE_END = re.compile(r"[,，。;；:：!?]")
SHORT_LINE = 30


def year_value(text: str) -> int:
    """'2025' or '二〇二五' as an int."""
    if text.isdigit():
        return int(text)
    return int(parse_chinese(text))


def five_year_plan_span(text: str) -> tuple[int, int] | None:
    """The years of the first five-year plan named in text (十四五 → (2021, 2025))."""
    match = _FIVE_YEAR_PLAN.search(text)
    if not match:
        return None
    if match.group(1):
        ordinal = int(parse_chinese(match.group(1)))
    else:
        ordinal = 10 + int(parse_chinese(match.group(2)))
    start = 1966 + 5 * (ordinal - 3)  # the third plan began in 1966, after 1963–65's adjustment
    return start, start + 4


def infer_document_year(header: str) -> int | None:
    """The year an annual document is about: '2022年主要预期目标', '2024年是…', else a dated line."""
    years: list[int] = []
    for pattern in (_ANNUAL_PHRASE, _ANNUAL_AFTER_COMMA, _ANNUAL_WORKS):
        for match in pattern.finditer(header):
            try:
                years.append(year_value(match.group(1)))
            except (NumeralError, ValueError):
                continue
    if years:
        return max(years)
    # 奋力实现“十五五”良好开局 / 是“十四五”收官之年: the first or the last year of that plan.
    turn = _PLAN_TURN.search(header)
    if turn:
        span = five_year_plan_span(turn[0])
        if span:
            return span[0] if "开局" in turn[0] else span[1]
    date = _DATE.search(header)
    return year_value(date.group(1)) if date else None


@dataclass
class Heading:
    level: int
    title: str
    year: int | None  # an annual section: 2021年: / 一、2022年主要预期目标
    plain: bool = False


def parse_heading(line: str, *, has_targets: bool) -> tuple[Heading | None, int]:
    """A heading at the start of line, and where the line's body starts (0 when none)."""
    stripped = line.strip()
    if not stripped:
        return None, 0
    offset = len(line) - len(line.lstrip())
    for pattern, level in ((_CHAPTER, 0), (_SECTION, 1), (_TOP, 2), (_SUB, 3), (_DASH, 4)):
        match = pattern.match(stripped)
        if match:
            title, body_start = _title_and_body(match.group(1), stripped, match.start(1))
            if title:
                return _heading(level, title), (offset + body_start if body_start else 0)
    # Year sections (2021年: / 2024年工作要点) head everything numbered under them.
    if _YEAR_HEADING.match(stripped):
        return _heading(0, stripped.rstrip(":： ")), 0
    if has_targets:
        return None, 0
    item = _ITEM.match(stripped)
    if item and len(stripped) <= SHORT_LINE and not _SENTENCE_END.search(stripped[:-1]):
        return _heading(4, item.group(1).rstrip("。:")), 0
    if len(stripped) <= SHORT_LINE and not re.search(r"[,。;!?]|:.", stripped) and not stripped.startswith(_BULLET):
        year = _section_year(stripped)
        # A short line naming a year's work (2024年工作安排) heads an annual section, like 2024年:
        return Heading(0 if year else 3, stripped.rstrip(":："), year, plain=year is None), 0
    return None, 0


def _title_and_body(rest: str, stripped: str, rest_start: int) -> tuple[str, int]:
    """'经济发展方面。经济增速…' → the title before the first full stop, and where the body starts."""
    end = _SENTENCE_END.search(rest)
    if end is None:
        if len(rest) <= SHORT_LINE:
            return rest.rstrip(":： "), 0
        return "", 0
    title = rest[:end.start()]
    if not title or len(title) > SHORT_LINE:
        return "", 0
    return title, rest_start + end.end()


def _heading(level: int, title: str) -> Heading:
    return Heading(level, title, _section_year(title))


# A heading about one year's work: 2021年: / 2022年主要预期目标 / 某区2024年工作要点. A horizon
# (二〇三五年远景目标) or a period (2021—2025年) is no annual section.
_ANNUAL_HEADING = re.compile(
    rf"({YEAR})年(?!\d{{1,2}}月)(?:度)?\s*(?:[:：]|$|[^远展]{{0,12}}?(?:工作|计划|要点|实事|预期目标|目标任务|任务|安排))")


def _section_year(title: str) -> int | None:
    match = _ANNUAL_HEADING.search(title)
    if not match or _YEAR_RANGE.search(title):
        return None
    try:
        return year_value(match.group(1))
    except (NumeralError, ValueError):
        return None


@dataclass
class Outline:
    """The running state of a document as the extractor reads it, line by line."""

    document_year: int | None = None
    scope: tuple[int, int] | None = None  # the multi-year period in force (十四五 → 2021–2025)
    headings: list[Heading] = field(default_factory=list)
    _after_plain_heading: bool = False
    _scope_after_line: tuple | None = None  # (scope to restore,) after a line-only horizon
    _heading_kind: str | None = None  # "targets" or "review": what the nearest telling heading says

    @classmethod
    def for_header(cls, header: str, reference_year: int | None) -> Outline:
        """Start from the document's opening: its year, and a horizon named in a title line."""
        opening = simplify(header[:_HEADER_CHARS])  # 2020年計劃 reads as 2020年计划
        outline = cls(document_year=infer_document_year(opening) or reference_year)
        for line in opening.splitlines():
            if _HEADER_FIGURE.search(line):
                break  # the title area ends where figures start; a horizon later is the body's
            if len(line.strip()) <= SHORT_LINE and not _SENTENCE_END.search(line):
                span = five_year_plan_span(line) or _year_range(line)
                if span:
                    outline.scope = span
                    break
        return outline

    def read_line(self, text: str, *, heading: bool = False) -> int | None:
        """Take note of a horizon the line names (十四五, 2021—2025年, 今后五年); where it starts.

        A five-year plan that opens a line ("十四五"期间,… / a heading) sets the horizon for
        what follows; one named later in a sentence about something else (…,是“十四五”规划的
        重要一年) holds for the rest of its own line only (see `end_line`); named as the year it
        opens or closes (“十五五”良好开局, “十四五”收官之年) it is no horizon at all."""
        self._scope_after_line = None
        if "五" in text:
            match = _FIVE_YEAR_PLAN.search(text)
            span = five_year_plan_span(text)
            if match and _PLAN_TURN.match(text, match.start()):
                span = None  # the year it opens or closes, not a horizon (see infer_document_year)
            if span and (self.scope is None or self.scope[1] < span[1]):
                if not heading and _FIRST_CLAUSE_END.search(text, 0, match.start()):
                    self._scope_after_line = (self.scope,)
                self.scope = span
                return match.start()
        if self.scope is None and self.document_year and "年" in text:
            coming = _COMING_YEARS.search(text)
            if coming:
                years = int(parse_number(next(group for group in coming.groups() if group)))
                self.scope = (self.document_year, self.document_year + years - 1)
                return coming.start()
        if self.scope is None and any(mark in text for mark in _RANGE_MARKS):
            match = _YEAR_RANGE.search(text)
            span = _year_range(text)
            # A period that ended before the document was written (2020年至2024年间) is reviewed.
            if span and not (self.document_year and span[1] < self.document_year):
                self.scope = span
                if match:
                    return match.start()
        return None

    def end_line(self) -> None:
        """Drop a horizon that held for the line just read only."""
        if self._scope_after_line is not None:
            self.scope = self._scope_after_line[0]
            self._scope_after_line = None

    def enter(self, heading: Heading) -> None:
        if heading.plain and self._after_plain_heading:
            heading.level = 4
        self.headings = [h for h in self.headings if h.level < heading.level]
        self.headings.append(heading)
        self._heading_kind = self._nearest_heading_kind()  # read for every line: kept, not derived
        self._after_plain_heading = heading.plain
        self.read_line(heading.title, heading=True)

    def body_seen(self) -> None:
        self._after_plain_heading = False

    @property
    def goal_path(self) -> list[str]:
        return [h.title for h in self.headings]

    @property
    def under_targets(self) -> bool:
        """Whether the nearest heading that says names what follows as targets (主要预期目标)."""
        return self._heading_kind == "targets"

    @property
    def under_review(self) -> bool:
        """Whether the nearest heading that says names what follows as a review of the past
        (2024年成绩单, 工作回顾, 计划执行情况): its figures are no targets."""
        return self._heading_kind == "review"

    def _nearest_heading_kind(self) -> str | None:
        for heading in reversed(self.headings):
            title = simplify(heading.title)
            if _TARGETS_HEADING.search(title):
                return "targets"
            if _REVIEW_HEADING.search(title) and not _AHEAD_HEADING.search(title):
                return "review"
        return None

    @property
    def section_year(self) -> int | None:
        for heading in reversed(self.headings):
            if heading.year is not None:
                return heading.year
            if five_year_plan_span(heading.title):
                return None
        return None


def _year_range(text: str) -> tuple[int, int] | None:
    match = _YEAR_RANGE.search(text)
    if not match:
        return None
    try:
        start, end = year_value(match.group(1)), year_value(match.group(2))
    except (NumeralError, ValueError):
        return None
    return (start, end) if 0 < end - start <= 15 else None
