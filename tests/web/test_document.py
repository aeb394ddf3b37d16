"""Cutting the plan text for display: every span highlighted, nothing lost or reordered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planwatch.web.plans.document import Marked, excerpt, pieces


@st.composite
def text_and_marks(draw):
    text = draw(st.text(alphabet="到年地区生产总值。，<>&\n", max_size=80))
    marks = []
    for n in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        marks.append(Marked(f"t{n}", start, end, draw(st.booleans())))
    return text, marks


@given(text_and_marks())
def test_the_pieces_put_together_are_the_text(case):
    text, marks = case
    assert "".join(piece.text for piece in pieces(text, marks)) == text


@given(text_and_marks())
def test_every_non_empty_span_is_covered_exactly_by_its_pieces(case):
    text, marks = case
    position = 0
    covered: dict[str, str] = {}
    starts: set[str] = set()
    for piece in pieces(text, marks):
        for key in piece.covering:
            covered[key] = covered.get(key, "") + piece.text
        starts.update(piece.starts)
        position += len(piece.text)
    for mark in marks:
        if mark.end > mark.start:
            assert covered[mark.key] == text[mark.start:mark.end]
            assert mark.key in starts


def test_a_piece_links_to_the_shortest_span_that_covers_it():
    text = "地区生产总值突破500亿元"
    outer, inner = Marked("outer", 0, len(text)), Marked("inner", 6, 12)
    linked = [(p.text, p.link.key) for p in pieces(text, [outer, inner])]
    assert linked == [("地区生产总值", "outer"), ("突破500亿", "inner"), ("元", "outer")]


def test_spans_outside_the_text_are_ignored():
    assert [p.link for p in pieces("短文", [Marked("far", 5, 9)])] == [None]


def test_an_excerpt_gives_whole_sentences_around_the_span():
    text = "第一句。第二句。到2025年,目标达成。第四句。第五句。第六句。"
    start = text.index("目标达成")
    result = excerpt(text, start, start + 4, sentences=1)
    assert result.before == "第二句。到2025年,"
    assert result.marked == "目标达成"
    assert result.after == "。第四句。"


def test_an_excerpt_at_the_edges_of_the_text_stops_there():
    text = "目标。其后。"
    result = excerpt(text, 0, 2, sentences=3)
    assert (result.before, result.marked, result.after) == ("", "目标", "。其后。")
