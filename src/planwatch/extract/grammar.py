"""The target grammar: one line of plan text → the quantitative targets it states.

A target is a figure (number + unit, or a phrase such as 翻番, 清零, 高于全市平均水平) in a
clause that commits to it. Within its clause the words before the figure give the indicator
and the predicate (达到, 年均增长, 控制在 …), the words after it the hedge (以上, 左右 …), and a
hedge at the clause start (力争, 确保) sets a floor. Figures that name categories (20亿元企业),
count the list itself (10件40项), sit in quotes or titles (“五地一城”), or state the past
(截至…, 比上年…, 2020年完成…) are not targets.

The grammar works on a NormalisedLine (simplified characters) and reports offsets and
indicator text in the original line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import lexicon as lx
from .numerals import NumeralError, parse_number
from .script import NormalisedLine, simplify
from .structure import year_value


@dataclass
class Found:
    """A target found in one line; offsets are into the original line."""

    start: int
    end: int
    indicator: str
    value: float
    unit: str
    comparator: str
    kind: str
    confidence: float
    benchmark: dict | None = None
    due_year: int | None = None  # a deadline stated in the clause or paragraph
    years_ahead: int | None = None  # 今年 → 0, 明年 → 1
    base_year: int | None = None  # 较2020年 …
    deadline: tuple[int, int] | None = None  # (month, day) within the due year: "五一"前
    # A goal quoted from another body (会议提出的“挺进全省前十五”目标) is dated only by a year
    # inside its quotes, not by the document's own year or period.
    dated_inside_quotes: bool = False


@dataclass
class _Clause:
    start: int
    end: int
    due_year: int | None = None
    base_year: int | None = None
    years_ahead: int | None = None
    deadline: tuple[int, int] | None = None
    listed_at: int | None = None  # where the list of years its due_year heads starts


@dataclass
class _Candidate:
    start: int
    end: int
    kind_hint: str  # mention | relative | multiple | zero | scale | rank
    match: re.Match


@dataclass
class _LineState:
    """What earlier figures in the sentence leave to later ones."""

    sentence: int = -1
    indicator: str = ""
    kind: str = ""


class LineGrammar:
    """Parses one normalised line; `earliest_year` is the first year that is not the past."""

    def __init__(self, line: NormalisedLine, *, earliest_year: int | None = None,
                 under_targets: bool = False):
        self.line = line
        self.s = line.text
        self.earliest_year = earliest_year
        # Under a heading that names targets (主要预期目标), 比上年增长4.5% is one of them.
        self.under_targets = under_targets
        self.quotes = _quote_ranges(self.s)
        self.clause_breaks = [m.start() for m in lx.CLAUSE_BREAK.finditer(self.s)]
        self.sentence_breaks = [m.start() for m in lx.SENTENCE_BREAK.finditer(self.s)]
        self.past_sentences: set[int] = set()
        self.clauses: dict[int, _Clause] = {}
        self._read_time_phrases()

    # ---- structure of the line ------------------------------------------------------------

    def clause_at(self, position: int) -> _Clause:
        index = bisect.bisect_right(self.clause_breaks, position - 1)
        if index not in self.clauses:
            start = self.clause_breaks[index - 1] + 1 if index > 0 else 0
            end = self.clause_breaks[index] if index < len(self.clause_breaks) else len(self.s)
            self.clauses[index] = _Clause(start, end)
        return self.clauses[index]

    def sentence_index(self, position: int) -> int:
        return bisect.bisect_right(self.sentence_breaks, position - 1)

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        index = self.sentence_index(position)
        start = self.sentence_breaks[index - 1] + 1 if index > 0 else 0
        end = self.sentence_breaks[index] if index < len(self.sentence_breaks) else len(self.s)
        return start, end

    def quoted(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.quotes)

    def _read_time_phrases(self) -> None:
        s = self.s
        # Standalone time clauses that hold for the rest of the paragraph: (position, year,
        # years ahead), one of the two set: 到2025年, → a year; 明年, → one year ahead.
        self.paragraph_times: list[tuple[int, int | None, int | None]] = []
        # Deadlines listed together (到2025年和2035年,…分别达到40%、45%): where each list
        # starts → its years, which a run of as many figures takes in order.
        self.year_lists: dict[int, tuple[int, ...]] = {}
        listed_until = -1
        for match in lx.YEAR_PHRASE.finditer(s):
            if match.start() < listed_until:
                continue
            try:
                year = year_value(match["year"])
            except (NumeralError, ValueError):
                continue
            clause = self.clause_at(match.start())
            if match["base"]:
                clause.base_year = year
                continue
            lead = match["lead"] or ""
            if self.earliest_year and year < self.earliest_year and lead not in lx.DEADLINE_LEADS:
                self._mark_past(match, summary=True)
                continue
            end = match.end()
            listed = lx.YEAR_LIST.match(s, match.start("year")) if "年" in s[end:end + 8] else None
            if listed:
                years = self._listed_years(listed)
                if years:
                    self.year_lists[match.start()] = years
                end = listed_until = listed.end()
            rest = (s[clause.start:match.start()] + s[end:clause.end]).strip()
            if _STANDALONE_REST.fullmatch(rest):
                self.paragraph_times.append((match.start(), year, None))
            else:
                clause.due_year = year
                clause.listed_at = match.start() if listed else None
        for match in lx.PAST_MARKER.finditer(s):
            if self._future_cutoff(match):
                continue
            self._mark_past(match, summary=True)
        for match in lx.YEAR_ON_YEAR.finditer(s) if not self.under_targets else ():
            start, end = self.sentence_bounds(match.start())
            if not lx.TARGET_CUE.search(s, start, end):
                self._mark_past(match)
        if self.earliest_year:
            for match in lx.YEAR_SPAN.finditer(s):  # 2020年至2024年间, a period already gone by
                try:
                    if year_value(match["last"]) < self.earliest_year:
                        self._mark_past(match, summary=True)
                except (NumeralError, ValueError):
                    continue
        if "年" in s:
            for pattern, ahead in ((lx.THIS_YEAR, 0), (lx.NEXT_YEAR, 1)):
                for match in pattern.finditer(s):
                    clause = self.clause_at(match.start())
                    rest = (s[clause.start:match.start()] + s[match.end():clause.end]).strip()
                    if _STANDALONE_REST.fullmatch(rest.lstrip("到至于在")):
                        self.paragraph_times.append((match.start(), None, ahead))
                    else:
                        clause.years_ahead = ahead
            for match in lx.HALF_YEAR_DEADLINE.finditer(s):
                self.clause_at(match.start()).deadline = (6, 30) if match[0] == "上半年" else (12, 31)
        if "前" in s:
            for match in lx.FESTIVAL_DEADLINE.finditer(s):
                self.clause_at(match.start()).deadline = lx.FESTIVAL_DATES[match["festival"]]
            for match in lx.MONTH_DEADLINE.finditer(s):
                month = int(parse_number(match["month"]))
                self.clause_at(match.start()).deadline = (month, _last_day(month))

    @staticmethod
    def _listed_years(listed: re.Match) -> tuple[int, ...]:
        try:
            return tuple(year_value(year) for year in lx.YEAR_IN_LIST.findall(listed[0]))
        except (NumeralError, ValueError):
            return ()

    def _future_cutoff(self, match: re.Match) -> bool:
        """截至2025年底 in a text written before 2025 is a deadline, not a statement of the past."""
        if match[0] not in ("截至", "截止") or not self.earliest_year:
            return False
        year = lx.YEAR_PHRASE.match(self.s, match.end())
        try:
            return bool(year) and year_value(year["year"]) >= self.earliest_year
        except (NumeralError, ValueError):
            return False

    def _mark_past(self, match: re.Match, *, summary: bool = False) -> None:
        """A sentence about the past holds no targets; a paragraph that opens with a clause
        of its own on the past (过去一年, / 2023年, / 五年来,) reviews it to the end.

        A summary of the past without figures of its own (2018年全区经济社会发展取得显著成效。)
        is followed by its figures: the review goes on until a sentence looks ahead again."""
        opening = self.clause_at(0)
        if match.start() < opening.end and len(self.s[opening.start:opening.end].strip()) - len(match[0]) <= 4:
            self.past_sentences.update(range(len(self.sentence_breaks) + 1))
            return
        index = self.sentence_index(match.start())
        self.past_sentences.add(index)
        start, end = self.sentence_bounds(match.start())
        if not summary or any(m["unit"] not in lx.DURATION_UNITS for m in lx.MENTION.finditer(self.s, start, end)):
            return
        for later in range(index + 1, len(self.sentence_breaks) + 1):
            if lx.LOOKING_AHEAD.search(self.s, *self.sentence_bounds(self.sentence_breaks[later - 1] + 1)):
                break
            self.past_sentences.add(later)

    def years_listed_at(self, position: int) -> tuple[int, ...]:
        """The deadlines listed together that hold at position (see time_at), if any."""
        clause = self.clause_at(position)
        if clause.due_year is not None:
            return self.year_lists.get(clause.listed_at, ()) if clause.listed_at is not None else ()
        earlier = [start for start, year, _ in self.paragraph_times if start < position and year is not None]
        return self.year_lists.get(earlier[-1], ()) if earlier else ()

    def time_at(self, position: int) -> tuple[int | None, int | None]:
        """The year a figure is due, or how many years after the document's: its clause's own
        (2025年前, 明年), else the last standalone time clause before it (到2025年, / 明年底,)."""
        clause = self.clause_at(position)
        if clause.due_year is not None or clause.years_ahead is not None:
            return clause.due_year, clause.years_ahead
        earlier = [(year, ahead) for start, year, ahead in self.paragraph_times if start < position]
        return earlier[-1] if earlier else (None, None)

    # ---- candidates -----------------------------------------------------------------------

    def candidates(self) -> list[_Candidate]:
        s = self.s
        found: list[_Candidate] = []
        ranks = [(m.start(), m.end()) for m in lx.RANK.finditer(s)] if "前" in s else []
        for match in lx.MENTION.finditer(s):
            if any(a <= match.start() < b for a, b in ranks):
                continue
            found.append(_Candidate(match.start(), match.end(), "mention", match))
        for kind, pattern, cue in _PHRASES:
            if cue.search(s):
                for match in pattern.finditer(s):
                    found.append(_Candidate(match.start(), match.end(), kind, match))
        found.sort(key=lambda c: (c.start, c.end))
        return found

    def parse(self) -> list[Found]:
        results: list[Found] = []
        state = _LineState()
        candidates = self.candidates()
        consumed_to: dict[int, int] = {}  # clause start → end of the last figure read there
        threshold_to: dict[int, int] = {}  # clause start → end of the last category figure
        skip_until = -1
        for index, candidate in enumerate(candidates):
            if candidate.start < skip_until:
                continue
            sentence = self.sentence_index(candidate.start)
            if sentence != state.sentence:
                state = _LineState(sentence=sentence)
            if sentence in self.past_sentences:
                continue
            # Quoted names and slogans hold no targets; a quoted zero (“零火点”) or rank
            # (“挺进全省前十五”) is a measurable commitment all the same.
            if candidate.kind_hint not in ("zero", "rank") and self.quoted(candidate.start, candidate.end):
                continue
            clause = self.clause_at(candidate.start)
            segment_start = max(clause.start, consumed_to.get(clause.start, clause.start))
            compare_start = max(segment_start, threshold_to.get(clause.start, segment_start))
            if candidate.kind_hint == "mention":
                run = self._run_from(candidates, index)
                outcome = self._mention(run, clause, segment_start, compare_start, state)
                if outcome is None:
                    continue
                if outcome == "threshold":
                    threshold_to[clause.start] = candidate.end
                    continue
                found_list, end = outcome
                consumed_to[clause.start] = end
                skip_until = end
            else:
                found_list, end = self._phrase(candidate, clause, segment_start, state)
                if found_list:
                    consumed_to[clause.start] = end
            quote = self._attributed_quote(candidate)
            for found in found_list:
                if quote is None:
                    self._date(found, clause, candidate.start)
                else:
                    found.due_year = self._year_within(*quote)
                    found.dated_inside_quotes = True
                results.append(found)
            years = self.years_listed_at(candidate.start) if len(found_list) > 1 and quote is None else ()
            if len(years) == len(found_list) and len({found.indicator for found in found_list}) == 1:
                for found, year in zip(found_list, years, strict=True):
                    found.due_year = year
        return results

    def _attributed_quote(self, candidate: _Candidate) -> tuple[int, int] | None:
        """The quotes around a zero or rank goal quoted from another body (…提出的“…”)."""
        if candidate.kind_hint not in ("zero", "rank"):
            return None
        for start, end in self.quotes:
            if start < candidate.start < end and lx.ATTRIBUTION.search(self.s, 0, start):
                return start, end
        return None

    def _year_within(self, start: int, end: int) -> int | None:
        match = lx.YEAR_PHRASE.search(self.s, start, end)
        try:
            return year_value(match["year"]) if match else None
        except (NumeralError, ValueError):
            return None

    # ---- numeric figures ------------------------------------------------------------------

    def _run_from(self, candidates: list[_Candidate], index: int) -> list[re.Match]:
        """Figures joined only by 、/和/及 share a predicate: 分别达25%、40%、20%."""
        run = [candidates[index].match]
        position = index + 1
        while position < len(candidates) and candidates[position].kind_hint == "mention":
            gap = self.s[run[-1].end():candidates[position].start]
            if gap not in ("、", "和", "及", "与", "或"):
                break
            run.append(candidates[position].match)
            position += 1
        return run

    def _category_or_list(self, match: re.Match, unit: str) -> str | None:
        """'skip' for figures that are no targets at all, 'threshold' for category figures."""
        s = self.s
        before = s[max(0, match.start() - 4):match.start()]
        after = s[match.end():match.end() + 8]
        if before.endswith("第"):
            return "skip"
        if unit in lx.DURATION_UNITS:
            clause = self.clause_at(match.start())
            if not lx.DURATION_NOUNS.search(s[clause.start:match.start()]):
                return "threshold"
        if lx.MEETING_AFTER.match(after):
            return "skip"
        plain_unit = unit.lstrip("万亿千百")
        if plain_unit in lx.LIST_UNITS and (lx.LIST_NOUN.match(after) or lx.LIST_BEFORE.search(before)
                                            or lx.LIST_NAMED_BEFORE.search(before)):
            return "skip"
        if after.startswith("方面") or after.startswith("大"):
            return "skip"
        if plain_unit in lx.LIST_UNITS + ("个",) and lx.MENTION.match(s, match.end()):
            return "skip"
        if lx.LIST_PAIR_BEFORE.search(before):
            return "skip"
        if any(unit.endswith(money) for money in lx.MONEY_UNITS) and lx.THRESHOLD_NOUN.match(after):
            return "threshold"
        if lx.THRESHOLD_BEFORE.search(before) and after.startswith("的"):
            return "threshold"
        if before.endswith("满") or after.startswith(("以上的", "以下的")):
            return "threshold"
        return None

    def _mention(self, run, clause, segment_start, compare_start, state):
        s = self.s
        first = run[0]
        unit = "比例" if first["numerator"] or first["cden"] or first["ratio"] else first["unit"]
        verdict = self._category_or_list(first, unit if unit != "比例" else "")
        if verdict == "skip":
            return None
        if verdict == "threshold":
            return "threshold"
        values: list[tuple[float, bool, re.Match]] = []
        for match in run:
            try:
                values.append((*_value_of(match), match))
            except NumeralError:
                return None
        segment = s[segment_start:first.start()]
        compare_context = s[compare_start:first.start()]
        chinese = not first.group(0)[0].isdigit()
        # Chinese numerals are common in names (三农, 东三省); they count only under a verb,
        # a predicate, or in a list continuing a count (新建幼儿园三所、中小学两所).
        if chinese and not (lx.COUNT_VERB.search(segment) or _ends_with_predicate(segment)
                            or unit in lx.POINT_UNITS or unit == "倍" or state.kind == "count"):
            return None
        if chinese and first["num"] in ("一",) and unit not in lx.POINT_UNITS + ("倍",):
            return None
        last = run[-1]
        post = last["post"] or last["fpost"] or last["rpost"] or last["about"] or ""
        run_end = last.end()
        object_end = self._counted_object(run, unit, post, clause)
        object_text = s[run_end:object_end]
        unit_text = "比例" if unit == "比例" else self._original_unit(first)
        if first["about"]:  # 1.2万余户: "more than", written inside the unit
            unit, unit_text = unit.replace(first["about"], "", 1), unit_text.replace(first["about"], "", 1)
        people = unit in ("万", "亿")
        if people:  # 200万中小学生, 常住人口达到80万: people counted without a classifier are 万人
            visits = "人次" in segment  # 服务人次达200万以上: 万人次
            if not (visits or lx.PEOPLE_AFTER.match(s, run_end) or lx.PEOPLE_NOUN.search(segment)):
                return None
            counted = "人次" if visits else "人"
            unit, unit_text = unit + counted, unit_text + counted
        relative = lx.RELATIVE_BEFORE.search(compare_context) if unit in lx.POINT_UNITS else None
        if relative:
            head = segment[:len(segment) - len(compare_context) + relative.start()]
            indicator_start, indicator_end, words = _indicator_bounds(head, segment_start)
        else:
            indicator_start, indicator_end, words = _indicator_bounds(segment, segment_start)
        indicator = self.line.original_text(indicator_start, indicator_end).strip()
        own_indicator = bool(indicator)
        if object_text:
            # 新增8所九年一贯制学校 → 新增九年一贯制学校: the verb phrase and the counted object.
            lead = indicator if people or lx.COUNT_VERB.search(segment) else ""
            indicator = (lead + self.line.original_text(run_end, object_end)).strip()
        if not indicator:
            indicator = state.indicator
        indicator = self._with_subject(indicator, segment, first.start())
        if relative:
            kind, benchmark = "relative", _benchmark(relative["bench"], indicator)
        else:
            kind, benchmark = self._kind(unit, words, segment, clause, object_text, state), None
        comparator, negate = _comparator(words, compare_context, s[clause.start:first.start()],
                                         post, bool(first["num2"] or first["num3"]), kind,
                                         bool(lx.LOWER_IS_BETTER.search(simplify(indicator))))
        if kind == "relative" and comparator == "=":
            comparator = ">="
        if kind == "relative":
            unit_text = "百分点"
        start = _skip_leading(s, segment_start, first.start())
        span_end = max(object_end, run_end)
        # Surer when the clause names the indicator and a predicate, in a strong unit.
        confidence = 0.55 + (0.2 if own_indicator or object_text else -0.1)
        confidence += 0.1 if words or lx.COUNT_VERB.search(segment) else 0.0
        confidence += 0.1 if unit in lx.PERCENT_UNITS or "元" in unit else 0.0
        confidence -= 0.1 if chinese else 0.0
        confidence = round(min(max(confidence, 0.05), 0.97), 2)
        results = []
        for (value, is_range, match), name in _distribute(indicator, values, segment):
            if is_range:
                comparator = ">=" if comparator == "=" else comparator
            # A list of figures may change unit (50万吨、100万头): each keeps its own.
            own_unit = unit_text if match is first or match["unit"] == first["unit"] else self._own_unit(match)
            results.append(Found(
                *self.line.original_span(start, span_end), indicator=name,
                value=-value if negate else value, unit=own_unit, comparator=comparator, kind=kind,
                confidence=confidence,
                benchmark={**benchmark, "margin": value} if benchmark else None))
        state.indicator = indicator
        state.kind = kind
        return results, span_end

    def _counted_object(self, run, unit: str, post: str, clause: _Clause) -> int:
        """Where a counted object right after a lone figure ends (新增8所九年一贯制学校)."""
        end = run[-1].end()
        if len(run) > 1 or post or unit == "比例" or not (
                lx.COUNTABLE_TAIL.search(unit) or unit.startswith("万")):
            return end
        object_end = _object_end(self.s, end, clause.end)
        # 280件培育…企业占全市1/3: a predicate after the figure starts the next target instead.
        if _PREDICATE_INSIDE.search(self.s, end, object_end):
            return end
        return object_end

    def _original_unit(self, match: re.Match) -> str:
        return self.line.original_text(match.start("unit"), match.end("unit"))

    def _own_unit(self, match: re.Match) -> str:
        """A listed figure's unit as written; fractions and ratios are 比例."""
        if match["numerator"] or match["cden"] or match["ratio"]:
            return "比例"
        return self._original_unit(match)

    def _with_subject(self, indicator: str, segment: str, position: int) -> str:
        """A facility's specification carries the facility's name: 北屯小学占地面积."""
        if not lx.SPECIFICATION.match(segment.strip()) and not lx.SPECIFICATION.match(indicator):
            return indicator
        sentence_start, _ = self.sentence_bounds(position)
        located = self.s.find("位于", sentence_start, position)
        if located < 0:
            return indicator
        subject = self.s[sentence_start:located].rstrip(",").split(",")[-1].strip()
        subject_start = self.s.find(subject, sentence_start)
        original = self.line.original_text(subject_start, subject_start + len(subject))
        return original + indicator if subject else indicator

    @staticmethod
    def _kind(unit, words, segment, clause, object_text, state) -> str:
        """growth, share, cumulative, multiple, count or level, from the unit and the words."""
        if unit == "比例":
            return "share"
        if unit == "倍":
            return "multiple"
        if unit in lx.POINT_UNITS:
            # A change in points over the period (提高2个百分点) rather than a benchmark gap.
            return "cumulative"
        if "累计" in segment or clause.base_year is not None:
            return "cumulative"
        if unit in lx.PERCENT_UNITS:
            if any(w in lx.GROWTH_WORDS + lx.DECREASE_WORDS + lx.RISE_WORDS for w in words):
                return "growth"
            return "share"
        if unit.endswith(lx.MONEY_UNITS):
            return "level"
        if unit.endswith(lx.BULK_UNITS):  # 粮食产量120万吨 is a level; 新增产能20万吨 a count
            return "count" if lx.COUNT_VERB.search(segment) else "level"
        if lx.COUNT_VERB.search(segment) or object_text or lx.SPECIFICATION.match(segment.strip()):
            return "count"
        # 其中… and bare list items continue the count before them.
        if state.kind == "count" and (not words or segment.lstrip(",;: ").startswith("其中")):
            return "count"
        return "level"

    # ---- phrases without a number -----------------------------------------------------------

    def _phrase(self, candidate: _Candidate, clause, segment_start, state) -> tuple[list[Found], int]:
        """Targets stated without a number, and where the phrase ends in the normalised line."""
        s = self.s
        match = candidate.match
        before = s[segment_start:candidate.start]
        indicator_start, indicator_end, _ = _indicator_bounds(before, segment_start)
        indicator = self.line.original_text(indicator_start, indicator_end).strip()
        start = _skip_leading(s, segment_start, candidate.start)
        end = candidate.end
        kind = candidate.kind_hint
        if kind == "relative":
            found = self._relative(match, indicator or state.indicator)
        elif kind == "multiple":
            found = self._multiple(match, indicator, before)
        elif kind == "zero":
            found = self._zero(match, indicator)
        elif kind == "scale":
            if re.search(r"(?:\d|个|家|条|座|所|处)$", s[:candidate.start]):
                return [], end  # 3个百亿级产业园区: the count is the target, the scale its name
            end = _object_end(s, candidate.end, clause.end)
            named = re.sub("(?:台阶|行列|规模|水平)$", "", self.line.original_text(candidate.end, end).strip())
            found = [Found(0, 0, indicator=indicator + named,
                           value=lx.SCALE_VALUES[match["magnitude"]], unit="亿元", comparator=">=",
                           kind="level", confidence=0.7)]
        else:
            found = self._rank(match, indicator)
        span = self.line.original_span(start, end)
        for item in found:
            item.start, item.end = span
        return found, end

    def _multiple(self, match: re.Match, indicator: str, before: str) -> list[Found]:
        times = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}.get(match["times"] or "", 1)
        distributive = match["both"] or before.endswith(("均", "都"))
        names = _split_names(indicator) if distributive else [indicator]
        return [Found(0, 0, indicator=name, value=float(2 ** times), unit="倍", comparator=">=",
                      kind="multiple", confidence=0.8) for name in names if name]

    def _zero(self, match: re.Match, indicator: str) -> list[Found]:
        group = "quoted" if match["quoted"] else "bare"
        named = match[group] or ""
        if named and lx.NOT_ZERO.match(named):
            return []
        name = indicator + (self.line.original_text(match.start(group), match.end(group)) if named else "")
        if not name:
            return []
        # What is cleared to zero decides the unit: 零就业家庭 are 户, 火点 are 个.
        unit = "户" if re.search("家庭|户", name) else "人" if "人" in name else "个"
        return [Found(0, 0, indicator=name, value=0.0, unit=unit, comparator="=", kind="zero",
                      confidence=0.75)]

    def _rank(self, match: re.Match, indicator: str) -> list[Found]:
        try:
            value = parse_number(match["n"])
        except NumeralError:
            return []
        scope = self.line.original_text(match.start("scope"), match.end("scope")).strip()
        return [Found(0, 0, indicator=(indicator or scope) + "排名", value=value, unit="名",
                      comparator="<=", kind="level", confidence=0.7)]

    def _relative(self, match: re.Match, indicator: str) -> list[Found]:
        bench_text = match["bench"].strip()
        if match.re is lx.RELATIVE_SYNC:
            comparator = "~"
        elif match.re is lx.RELATIVE_KEEP:
            comparator = ">="
        else:
            comparator = ">"
        indicator = quantity_of(indicator)
        if not indicator:
            return []
        return [Found(0, 0, indicator=indicator, value=0.0, unit="百分点", comparator=comparator,
                      kind="relative", confidence=0.75,
                      benchmark=_benchmark(bench_text, indicator))]

    def _date(self, found: Found, clause: _Clause, position: int) -> None:
        found.due_year, found.years_ahead = self.time_at(position)
        found.base_year = clause.base_year
        found.deadline = clause.deadline


def parse_line(line: NormalisedLine, *, earliest_year: int | None = None,
               under_targets: bool = False) -> list[Found]:
    """The targets one line states (see LineGrammar)."""
    if not _HAS_FIGURE.search(line.text):
        return []
    return LineGrammar(line, earliest_year=earliest_year, under_targets=under_targets).parse()


# Phrases without a number, each with a cheap cue that must be in the line for it to be tried.
_PHRASES = (
    ("rank", lx.RANK, re.compile("前")),
    ("relative", lx.RELATIVE_ABOVE, re.compile("高于|快于|超过|好于|优于|领先|跑赢")),
    ("relative", lx.RELATIVE_KEEP, re.compile("水平")),
    ("relative", lx.RELATIVE_SYNC, re.compile("同步")),
    ("relative", lx.RELATIVE_FASTER, re.compile("快于")),
    ("multiple", lx.MULTIPLE, re.compile("倍|翻")),
    ("zero", lx.ZERO, re.compile("零|消除")),
    ("scale", lx.SCALE_LABEL, re.compile("级")),
)


def has_figure(text: str) -> bool:
    """Whether a normalised line holds a figure that could be a target (years and ages aside)."""
    return any(m["unit"] not in lx.DURATION_UNITS for m in lx.MENTION.finditer(text)) or bool(
        lx.MULTIPLE.search(text) or lx.ZERO.search(text) or lx.SCALE_LABEL.search(text))


# What may stand beside a year in a clause of its own (力争到2025年, / 2025年时,): such a
# deadline holds for the rest of the paragraph.
_STANDALONE_REST = re.compile("(?:力争|争取|确保|计划|预计|努力|力求|要|将|预期|时|以后|前后|是|前|末|底|截至|截止|截)*")
_HAS_FIGURE = re.compile(
    r"[\d零〇一二两三四五六七八九十百千]|" + "|".join(cue.pattern for _, _, cue in _PHRASES))


def _value_of(match: re.Match) -> tuple[float, bool]:
    """The figure's value and whether it was a range (2至3所 → 2, lower bound)."""
    if match["numerator"]:
        denominator = float(match["denominator"])
        if denominator == 0:
            raise NumeralError("zero denominator")
        return round(float(match["numerator"]) / denominator, 6), False
    if match["ratio"]:  # 2.2:1 → 2.2
        return float(match["ratio"]), False
    if match["cden"]:
        denominator = parse_number(match["cden"])
        if denominator == 0:
            raise NumeralError("zero denominator")
        return round(parse_number(match["cnum"]) / denominator, 6), False
    value = parse_number(match["num"])
    if match["num2"]:
        return min(value, parse_number(match["num2"])), True
    if match["num3"]:
        return min(value, parse_number(match["num3"])), True
    return value, False


_PREDICATE_INSIDE = re.compile("占|达到|增长|突破|超过|比重|实现|控制")


def _object_end(s: str, start: int, limit: int) -> int:
    """The end of a noun phrase right after a figure: up to the next 、, figure or clause end."""
    end = start
    while end < limit and s[end] not in "、,;。:|和及.…" and not s[end].isdigit():
        end += 1
    if end == start or not ("\u4e00" <= s[start] <= "\u9fff" or s[start] in "“\""):
        return start
    return end


def _ends_with_predicate(segment: str) -> bool:
    return segment.endswith(lx.PREDICATE_WORDS)


_TAIL_REVERSED = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<share>(?:[国省市区县镇]全|会社全|[市区县]本)?占)"  # 占全市 …, reversed
    r"|(?P<base>(?:比相)?年(?:\d\d(?:91|02)|[〇零一二三四五六七八九]{2}[〇零]二)(?:较|比|比相|对相)|年上(?:较|比))"
    "|(?P<word>" + "|".join(re.escape(word[::-1]) for word in lx.PREDICATE_WORDS) + ")")


def _indicator_bounds(segment: str, offset: int) -> tuple[int, int, list[str]]:
    """Where the indicator lies in the words before a figure, and the predicate words after it."""
    # Predicate words are peeled off the end; matching the reversed text does it in one pass.
    words: list[str] = []
    reversed_segment = segment[::-1]
    position = 0
    while match := _TAIL_REVERSED.match(reversed_segment, position):
        if match.lastgroup == "word":
            words.append(match.group()[::-1])
        elif match.lastgroup == "share":
            words.append("占")
        position = match.end()
    end = len(segment) - position
    head = segment[:end]
    start = _last_end(lx.LEAD_VERB, head)
    start = max(start, _last_end(_DEADLINE_IN_HEAD, head))
    filler = lx.LEADING_FILLER.match(head, start)
    if filler:
        start = filler.end()
    # 2025年确保全镇…: hedges and fillers may follow a deadline
    filler = lx.LEADING_FILLER.match(head, start)
    if filler:
        start = filler.end()
    start = min(start, end)
    return offset + start, offset + end, words


_DEADLINE_IN_HEAD = re.compile(rf"(?:到|至|在|于)?{lx.YEAR_TEXT}年(?:底|末|前)?")


def _last_end(pattern: re.Pattern, text: str) -> int:
    """Where the last match of pattern in text ends (0 when there is none)."""
    end = 0
    for match in pattern.finditer(text):
        end = match.end()
    return end


_LEADING_MARKS = re.compile(
    r"(?:\s|\d{1,2}[.、](?!\d)|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|[—–-]{2}|[,;:、和及]"
    r"|[●■◆▲•▪○◎★☆])+")


def _skip_leading(s: str, start: int, limit: int) -> int:
    """Drop list numbering, punctuation and spaces at the start of a target's span."""
    match = _LEADING_MARKS.match(s, start)
    if match and match.end() <= limit:
        return match.end()
    return start


def _comparator(words, compare_context, clause_before, post, is_range, kind,
                lower_is_better: bool = False) -> tuple[str, bool]:
    """The comparator and whether the value is a decrease (下降5% → -5)."""
    # 下降5% is a decrease as a yearly rate and over a base year alike (较2020年下降13.5%).
    decrease = any(w in lx.DECREASE_WORDS for w in words) and kind in ("growth", "cumulative")
    if post == "左右" or lx.APPROX_BEFORE.search(compare_context) or any(w in lx.APPROX_WORDS for w in words):
        return "~", decrease
    if post in ("以内", "以下") or any(w in lx.LESS_WORDS for w in words):
        return "<=", decrease
    if decrease:
        return "<=", True
    # 达到 a level of something where less is better (能耗, 失业率 …) is a ceiling.
    if lower_is_better and post not in ("以上", "多", "余") and any(w in lx.REACH_WORDS for w in words):
        return "<=", False
    if (post in ("以上", "多", "余") or any(w in lx.GREATER_WORDS for w in words)
            or lx.FLOOR_BEFORE.search(compare_context) or lx.FLOOR_HEDGE.search(clause_before)):
        return ">=", False
    if is_range:
        return ">=", False
    return "=", False


_RATE_TAIL = re.compile("(?:年均)?(?:增速|增幅|增长)$")


def quantity_of(name: str) -> str:
    """The quantity a rate is of: 地区生产总值增速 → 地区生产总值 (but 经济增长 stays)."""
    shorter = _RATE_TAIL.sub("", name)
    return shorter if len(shorter) >= 3 else name


def _benchmark(text: str, indicator: str, margin: float = 0.0) -> dict:
    """高于全市 → {indicator: own, place: 全市}; 高于地区生产总值增速 → {indicator: 地区生产总值}."""
    for _ in range(2):  # 全市的平均增速 → 全市
        shorter = lx.BENCHMARK_TAIL.sub("", text.strip()).strip()
        text = shorter if len(shorter) >= 3 or lx.PLACE_WORDS.match(shorter) else text.strip()
    place = lx.PLACE_WORDS.match(text)
    if place or not text:
        rest = text[place.end():] if place else ""
        return {"indicator": rest or quantity_of(indicator), "place": place.group(0) if place else None,
                "margin": margin}
    return {"indicator": text, "place": None, "margin": margin}


_CONJUNCTION = re.compile("和|与|及|、")


def _split_names(indicator: str) -> list[str]:
    """高新技术企业数量和科技型企业数量 → both; 城乡居民人均可支配收入 (城、乡居民…) → 城镇…,
    农村…; 小学和初中入学率 → 小学入学率, 初中入学率; 新建和改扩建幼儿园 → 新建幼儿园, 改扩建幼儿园."""
    rural = _TOWN_AND_COUNTRY.match(indicator)
    if rural and (len(rural[0]) == 3 or not _CONJUNCTION.search(indicator)):
        rest = indicator[rural.end():]
        country = "農村" if rural[0].endswith("鄉") else "农村"
        return ["城鎮" + rest if country == "農村" else "城镇" + rest, country + rest]
    parts = [p for p in _CONJUNCTION.split(indicator) if p]
    if len(parts) > 1:
        last = parts[-1]
        return [_with_shared_head(part, last) for part in parts[:-1]] + [last]
    return [indicator]


_TOWN_AND_COUNTRY = re.compile("城[、和与及]?[乡鄉](?=居民)")
# What ends a whole indicator (税收, 人口率 …) rather than a modifier of one (城镇, 小学).
_INDICATOR_END = re.compile("[率数量额值收入费口]$")


def _with_shared_head(part: str, last: str) -> str:
    """A modifier or a verb listed before the last name shares that name's head: 小学 (和初中
    入学率) → 小学入学率; 新建 (和改扩建幼儿园) → 新建幼儿园."""
    verb = lx.COUNT_VERB.match(last)
    if verb and lx.COUNT_VERB.fullmatch(part):
        return part + last[verb.end():]
    if len(part) <= 2 and len(last) >= len(part) + 3 and not _INDICATOR_END.search(part):
        return part + last[len(part):]
    return part


_DISTRIBUTIVE = re.compile("[均各](?:增长|达到|达|提高|下降|降低|为|保持在|控制在)?$")


def _distribute(indicator: str, values: list, segment: str) -> list[tuple[tuple[float, bool], str]]:
    """Pair a run's figures with subjects: 分别增长7%、8% pairs in order; 均增长7% repeats one."""
    names = _split_names(indicator)
    if len(values) == 1:
        if len(names) > 1 and _DISTRIBUTIVE.search(segment.rstrip()):
            return [(values[0], name) for name in names]
        return [(values[0], indicator)]
    if len(names) == len(values):
        return list(zip(values, names, strict=False))
    return [(value, indicator) for value in values]


_QUOTE_MARK = re.compile('[“”《》"]')


def _quote_ranges(s: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    title: int | None = None
    ascii_open: int | None = None
    for mark in _QUOTE_MARK.finditer(s):
        index, char = mark.start(), mark.group()
        if char == "“":
            opened = index
        elif char == "”" and opened is not None:
            ranges.append((opened, index + 1))
            opened = None
        elif char == "《":
            title = index
        elif char == "》" and title is not None:
            ranges.append((title, index + 1))
            title = None
        elif char == '"':
            if ascii_open is None:
                ascii_open = index
            else:
                ranges.append((ascii_open, index + 1))
                ascii_open = None
    return ranges


def _last_day(month: int) -> int:
    return 31 if month in (1, 3, 5, 7, 8, 10, 12) else 30 if month != 2 else 28
