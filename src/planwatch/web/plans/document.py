"""The plan's source text cut into pieces for display: pure functions, no HTML.

Templates render the pieces with autoescaping on, so text from a plan (untrusted: it came
from a file or a web page) is never marked safe; highlighting is structure, not markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。！？；!?;\n]+")


@dataclass(frozen=True)
class Marked:
    """A target's place in the text, as the document page needs it."""

    key: str
    start: int
    end: int
    milestone: bool = False


@dataclass(frozen=True)
class Piece:
    text: str
    link: Marked | None = None  # the target this piece links to: the shortest covering span
    covering: tuple[str, ...] = ()  # keys of every target whose span covers the piece
    starts: tuple[str, ...] = ()  # keys of the targets whose span begins here (anchors)


def pieces(text: str, marks: list[Marked]) -> list[Piece]:
    """Cut text at every span boundary; overlapping spans give pieces covered by several."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    result = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = sorted((m for m in marks if m.start <= start and end <= m.end),
                          key=lambda m: (m.end - m.start, m.start))
        result.append(Piece(
            text=text[start:end], link=covering[0] if covering else None,
            covering=tuple(m.key for m in covering),
            starts=tuple(m.key for m in marks if m.start == start)))
    return result


@dataclass(frozen=True)
class Excerpt:
    before: str
    marked: str
    after: str


def excerpt(text: str, start: int, end: int, *, sentences: int = 2) -> Excerpt:
    """The span with up to `sentences` whole sentences either side of the ones it touches."""
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    bounds = sorted(set(bounds))
    first = max(i for i, b in enumerate(bounds) if b <= start)
    last = min((i for i, b in enumerate(bounds) if b >= end), default=len(bounds) - 1)
    from_index = bounds[max(first - sentences, 0)]
    to_index = bounds[min(last + sentences, len(bounds) - 1)]
    return Excerpt(text[from_index:start], text[start:end], text[end:to_index])
