"""The HTML page: self-contained, escaped, the same numbers, reproducible byte for byte."""

from __future__ import annotations

import re
from dataclasses import replace

from planwatch.reports import build_report, render
from planwatch.reports.build import INDICATOR_TABLE
from planwatch.reports.page import render_html

from .conftest import make_luyuan_input


def test_page_is_self_contained(built):
    html = built.files["html"].decode("utf-8")
    assert not re.search(r'(src|href)="(?!data:)', html)
    assert html.count('src="data:image/png;base64,') == len(built.document.charts())


def test_page_shows_every_indicator_with_the_engines_labels(built):
    html = built.files["html"].decode("utf-8")
    for row in built.document.table(INDICATOR_TABLE).rows:
        assert f"<td>{row[1].text}</td>" in html
    for assessment in built.input.assessments:
        assert assessment.status_zh in html and assessment.outlook_zh in html


def test_text_from_the_plan_is_escaped(built):
    plan = replace(built.input.plan, title='<script>alert("x")</script>规划')
    html = render_html(build_report(replace(built.input, plan=plan)))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;规划" in html


def test_same_document_gives_the_same_bytes(built):
    assert render(built.document, "html") == built.files["html"]


def test_same_inputs_give_the_same_bytes(built):
    again = build_report(make_luyuan_input())
    assert render(again, "html") == built.files["html"]
