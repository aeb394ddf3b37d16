"""One spelling for matching: simplified characters, ASCII punctuation, no inline pinyin.

The grammar matches on a normalised copy of each line; spans found there are mapped back to
the original line, so a target's `text` and `indicator` stay in the document's own script.
Character conversion is one-to-one (str.translate), so offsets only move where pinyin notes
such as 鎮(zhèn), or a space beside a figure (项目 578 个), are dropped;
`NormalisedLine.original_offset` undoes that.
"""

from __future__ import annotations

import bisect
import importlib.util
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_PUNCTUATION = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "％": "%", "～": "~",
                "［": "[", "］": "]", "\u3000": " ", "﹪": "%", "．": ".", "！": "!",
                "？": "?", "「": "“", "」": "”", "『": "“", "』": "”", "＂": '"'}

# Pinyin glosses that mirror sites insert after characters: 鎮(zhèn), 達(dá). A gloss is a
# parenthesised lowercase Latin syllable with at least one tone-marked vowel.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_NOTE = re.compile(rf"[(（][a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*[)）]")
_HAS_TONE = re.compile(f"[{_TONED}]")
# Web copies put a space on either side of a figure (重点项目 578 个, 较2020 年): one space
# after a figure, or before a figure spaced on both sides, is dropped like a note, so the
# figure reads whole (a space before a figure alone still parts a title from a sentence).
_SPACED_FIGURE = re.compile(
    r"(?<=\d)[ \u00a0](?=[\u4e00-\u9fff%])|(?<=[\u4e00-\u9fff])[ \u00a0](?=[\d.]+[ \u00a0][\u4e00-\u9fff])")
_CUT = re.compile(f"{_PINYIN_NOTE.pattern}|{_SPACED_FIGURE.pattern}")


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    """Traditional → simplified for single characters (from zhconv's table), plus full-width forms."""
    # zhconv's own loader imports pkg_resources (a third of a second); its table is plain JSON.
    spec = importlib.util.find_spec("zhconv")  # finds the package without importing it
    folder = Path(spec.submodule_search_locations[0])
    tables = json.loads((folder / "zhcdict.json").read_text(encoding="utf-8"))
    mapping = {**tables["zh2Hans"], **tables["zh2CN"]}
    table: dict[int, str] = {}
    for source, target in mapping.items():
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII: ０-９, Ａ-Ｚ …
        table[code] = chr(code - 0xFEE0)
    for source, target in _PUNCTUATION.items():
        table[ord(source)] = target
    return table


def simplify(text: str) -> str:
    """Same-length simplified, ASCII-punctuated copy of text (offsets unchanged)."""
    return text.translate(_translation())


@dataclass(frozen=True)
class NormalisedLine:
    original: str
    text: str  # what the grammar reads
    # Where pinyin notes or spaces were cut: normalised offsets at which the original jumps ahead, and
    # the original offset each of those positions corresponds to. Empty when nothing was cut.
    cut_at: tuple[int, ...] = ()
    cut_to: tuple[int, ...] = ()

    def original_offset(self, offset: int) -> int:
        if not self.cut_at:
            return offset
        index = bisect.bisect_right(self.cut_at, offset) - 1
        if index < 0:
            return offset
        return self.cut_to[index] + (offset - self.cut_at[index])

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised [start, end): a cut note at the end is not included."""
        if start >= end:
            point = self.original_offset(start)
            return point, point
        return self.original_offset(start), self.original_offset(end - 1) + 1

    def original_text(self, start: int, end: int) -> str:
        """The original characters of normalised [start, end) without the pinyin notes."""
        if not self.cut_at:
            return self.original[start:end]
        return "".join(self.original[self.original_offset(i)] for i in range(start, end))


def normalise(line: str) -> NormalisedLine:
    if not _HAS_TONE.search(line) and not (" " in line or "\u00a0" in line) or not _CUT.search(line):
        return NormalisedLine(line, simplify(line))
    pieces: list[str] = []
    cut_at: list[int] = []
    cut_to: list[int] = []
    kept = 0
    position = 0
    for note in _CUT.finditer(line):
        pieces.append(line[position:note.start()])
        kept += note.start() - position
        position = note.end()
        cut_at.append(kept)
        cut_to.append(position)
    pieces.append(line[position:])
    return NormalisedLine(line, simplify("".join(pieces)), tuple(cut_at), tuple(cut_to))
