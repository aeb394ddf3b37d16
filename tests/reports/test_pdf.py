"""The PDF: Chinese text extracts verbatim (no missing glyphs); a page is kept as a PNG to review."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest

from planwatch.reports.build import INDICATOR_TABLE

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "reports"


@pytest.fixture(scope="module")
def pdf_text(built) -> str:
    with pdfplumber.open(io.BytesIO(built.files["pdf"])) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_indicator_names_extract_verbatim(built, pdf_text):
    flat = pdf_text.replace("\n", "")
    for row in built.document.table(INDICATOR_TABLE).rows:
        assert row[1].text in flat


def test_no_missing_glyphs(pdf_text):
    assert "\x00" not in pdf_text
    assert "\ufffd" not in pdf_text  # replacement character
    assert "□" not in pdf_text


def test_title_and_illustrative_warning_are_on_the_first_page(built):
    with pdfplumber.open(io.BytesIO(built.files["pdf"])) as pdf:
        first = pdf.pages[0].extract_text().replace("\n", "")
    assert built.document.title in first
    assert "示意数据" in first and "并非官方统计数据" in first


def test_pages_render_and_are_kept_for_review(built):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    document = pypdfium2.PdfDocument(built.files["pdf"])
    assert len(document) >= 3
    for index in range(4):  # the cover, the summary, the indicator table, the first charts
        image = document[index].render(scale=1.5).to_pil()
        path = ARTIFACTS / f"{built.input.plan.name}-{built.input.kind}-page{index + 1}.png"
        image.save(path)
        assert image.getextrema() != ((255, 255), (255, 255), (255, 255))  # not blank
        assert path.stat().st_size > 10_000


def test_chinese_is_set_in_an_embedded_cjk_font(built):
    with pdfplumber.open(io.BytesIO(built.files["pdf"])) as pdf:
        fonts = {char["fontname"] for page in pdf.pages[:3] for char in page.chars
                 if "\u4e00" <= char["text"] <= "\u9fff"}
    assert fonts
    assert all("CJK" in font or "WenQuanYi" in font for font in fonts), fonts
