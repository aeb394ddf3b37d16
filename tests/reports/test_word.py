"""The Word document: Heading styles, 宋体/黑体 East-Asian fonts, real tables, the engine's values."""

from __future__ import annotations

import io

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn

from .conftest import expected_rows, main_targets


@pytest.fixture(scope="module")
def word(built):
    return WordDocument(io.BytesIO(built.files["docx"]))


def test_section_titles_are_word_headings(built, word):
    headings = [(p.style.name, p.text) for p in word.paragraphs
                if p.style.name.startswith("Heading")]
    expected = [s.title for s in built.document.walk()]
    assert [text for _, text in headings] == expected
    assert {style for style, _ in headings} >= {"Heading 1", "Heading 2"}


def test_body_is_songti_and_headings_heiti(word):
    def east_asian(style):
        return style.element.rPr.rFonts.get(qn("w:eastAsia"))

    assert east_asian(word.styles["Normal"]) == "宋体"
    assert east_asian(word.styles["Heading 1"]) == "黑体"


def test_indicator_table_is_a_real_table_with_the_engines_labels(built, word):
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "序号")
    expected = expected_rows(built.input)
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == len(expected)
    assert [(r[11], r[12]) for r in rows] == [(e[0], e[1]) for e in expected]
    assert [r[1].split("年均")[0].split("增速")[0].split("（")[0] for r in rows] == [
        t.indicator for t in main_targets(built.input.plan)]


def test_first_page_carries_the_illustrative_warning(word):
    before_first_heading = []
    for paragraph in word.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            break
        before_first_heading.append(paragraph.text)
    assert any("示意数据" in text and "并非官方统计数据" in text for text in before_first_heading)


def test_contents_field_is_present(built):
    assert b"TOC \\o" in _document_xml(built.files["docx"])


def test_charts_are_embedded_pictures(built, word):
    assert len(word.inline_shapes) == len(built.document.charts())


def _document_xml(data: bytes) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_pages_are_a4_and_the_wide_tables_sit_on_landscape_pages(word):
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    orientations = [page.orientation for page in word.sections]
    assert orientations[0] == WD_ORIENT.PORTRAIT and WD_ORIENT.LANDSCAPE in orientations
    for page in word.sections:
        short, long = sorted((page.page_width, page.page_height))
        assert abs(short - Mm(210)) < Mm(0.5) and abs(long - Mm(297)) < Mm(0.5)


def test_settings_ask_word_to_fill_in_the_contents(built):
    import zipfile

    settings = zipfile.ZipFile(io.BytesIO(built.files["docx"])).read("word/settings.xml")
    assert b'<w:updateFields w:val="true"/>' in settings
    assert settings.index(b"updateFields") < settings.index(b"<w:compat")


def test_same_document_gives_the_same_bytes(built):
    from planwatch.reports.word import render_docx

    assert render_docx(built.document) == built.files["docx"]


def test_footer_carries_a_page_number_field(built):
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(built.files["docx"]))
    footers = [archive.read(name) for name in archive.namelist()
               if name.startswith("word/footer")]
    assert any(b" PAGE " in footer for footer in footers)
