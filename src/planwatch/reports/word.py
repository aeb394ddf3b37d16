"""The report as a Word document, the form government offices exchange and edit.

Headings use Word's Heading styles (so Word's table of contents and navigation pane work),
East-Asian text is set in 宋体 with 黑体 headings through w:eastAsia, tables are real tables
with a repeating header row, and a TOC field fills in when Word opens the file.
"""

from __future__ import annotations

import io
from datetime import datetime

from .archive import reproducible_zip
from .fonts import WORD_BODY_FONT, WORD_HEADING_FONT, WORD_LATIN_FONT
from .model import Chart, ColumnFormat, Document, Paragraph, ParagraphRole, Section, Table, Tone

TONE_SHADING = {Tone.GOOD: "C6EFCE", Tone.WARNING: "FFEB9C", Tone.BAD: "FFC7CE",
                Tone.NEUTRAL: "EDEDED"}
NOTICE_COLOUR = "B22222"
PLACEHOLDER_COLOUR = "777777"
CHART_WIDTH_CM = 15.0
HEADING_LEVELS = 3
SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator")


def render_docx(document: Document) -> bytes:
    from docx import Document as WordDocument

    word = WordDocument()
    _a4(word.sections[0])
    _set_fonts(word)
    stamp = datetime(document.as_of.year, document.as_of.month, document.as_of.day)
    properties = word.core_properties
    properties.title = document.title
    properties.subject = document.subtitle
    properties.author = "planwatch"
    properties.last_modified_by = "planwatch"
    properties.created = properties.modified = stamp
    properties.revision = 1
    _page_numbers(word)
    _cover(word, document)
    for section in document.sections:
        _section(word, section, level=1)
    buffer = io.BytesIO()
    word.save(buffer)
    return reproducible_zip(buffer.getvalue(), document.as_of)


def _a4(page) -> None:
    """A4 with the margins of GB/T 9704 (党政机关公文格式)."""
    from docx.shared import Mm

    page.page_width, page.page_height = Mm(210), Mm(297)
    page.top_margin, page.bottom_margin = Mm(37), Mm(35)
    page.left_margin, page.right_margin = Mm(28), Mm(26)


def _set_fonts(word) -> None:
    from docx.shared import Pt, RGBColor

    normal = word.styles["Normal"]
    _east_asian_font(normal, WORD_BODY_FONT)
    normal.font.size = Pt(12)
    for name, size in (("Title", 22), ("Heading 1", 16), ("Heading 2", 14), ("Heading 3", 13)):
        style = word.styles[name]
        _east_asian_font(style, WORD_HEADING_FONT)
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)


def _east_asian_font(style, east_asian: str) -> None:
    from docx.oxml.ns import qn

    style.font.name = WORD_LATIN_FONT
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)
    # Themes otherwise override the named fonts for East-Asian text.
    for theme_attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme_attribute), None)


def _cover(word, document: Document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    title = word.add_paragraph(document.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in (document.subtitle,
                 f"评估截止日期：{document.as_of.year}年{document.as_of.month}月{document.as_of.day}日"):
        word.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for notice in document.notices:
        _paragraph(word, notice)
    word.add_paragraph("目录").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _table_of_contents(word)
    word.add_page_break()


def _page_numbers(word) -> None:
    """A centred page number in the footer; later sections link to this footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    footer = word.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer.add_run(), "PAGE", "1")


def _field(run, instruction: str, shown: str) -> None:
    """A Word field (TOC, PAGE …): Word computes it, `shown` stands in until it does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (("begin", None), (None, instruction), ("separate", None),
                       (None, None), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text is not None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:t")
            element.text = shown
        run._r.append(element)


def _table_of_contents(word) -> None:
    """A TOC field over the Heading styles; Word fills it in when it opens the file."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _field(word.add_paragraph().add_run(), f'TOC \\o "1-{HEADING_LEVELS}" \\h \\z \\u',
           "（在 Word 中右键“更新域”生成目录）")
    settings = word.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    # Word rejects settings out of schema order: updateFields precedes these.
    later = [child for child in settings
             if child.tag in {qn(f"w:{name}") for name in SETTINGS_AFTER_UPDATE_FIELDS}]
    if later:
        later[0].addprevious(update)
    else:
        settings.append(update)


def _section(word, section: Section, level: int) -> None:
    if section.landscape:
        _orientation(word, landscape=True)
    word.add_heading(section.title, level=min(level, HEADING_LEVELS))
    for block in section.blocks:
        if isinstance(block, Paragraph):
            _paragraph(word, block)
        elif isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, Chart):
            _chart(word, block)
    for subsection in section.subsections:
        _section(word, subsection, level + 1)
    if section.landscape:
        _orientation(word, landscape=False)


def _orientation(word, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    page = word.add_section(WD_SECTION.NEW_PAGE)
    _a4(page)
    page.orientation = WD_ORIENT.PORTRAIT
    if landscape:
        page.orientation = WD_ORIENT.LANDSCAPE
        page.page_width, page.page_height = page.page_height, page.page_width
        page.top_margin = page.bottom_margin = page.left_margin = page.right_margin = Mm(20)


def _paragraph(word, paragraph: Paragraph) -> None:
    from docx.shared import Pt, RGBColor

    target = word.add_paragraph()
    run = target.add_run(paragraph.text)
    if paragraph.role is ParagraphRole.NOTICE:
        run.bold = True
        run.font.color.rgb = RGBColor.from_string(NOTICE_COLOUR)
    elif paragraph.role is ParagraphRole.PLACEHOLDER:
        run.italic = True
        run.font.color.rgb = RGBColor.from_string(PLACEHOLDER_COLOUR)
    elif paragraph.role is ParagraphRole.NOTE:
        run.font.size = Pt(9)
    else:
        target.paragraph_format.first_line_indent = Pt(24)


def _table(word, table: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    caption = word.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.keep_with_next = True
    caption.add_run(table.title).bold = True
    grid = word.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    page = word.sections[-1]
    usable = page.page_width - page.left_margin - page.right_margin
    total = sum(column.width for column in table.columns)
    for column, word_column in zip(table.columns, grid.columns, strict=True):
        width = int(usable * column.width / total)
        for cell in word_column.cells:
            cell.width = width
    header = grid.rows[0]
    marker = OxmlElement("w:tblHeader")  # repeat the header row on every page
    marker.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(marker)
    for cell, column in zip(header.cells, table.columns, strict=True):
        _cell_text(cell, column.title, bold=True, size=Pt(9))
    for row, word_row in zip(table.rows, grid.rows[1:], strict=True):
        for cell, column, word_cell in zip(row, table.columns, word_row.cells, strict=True):
            _cell_text(word_cell, cell.text, size=Pt(9),
                       right=column.format is not ColumnFormat.TEXT)
            if cell.tone is not None:
                _shade(word_cell, TONE_SHADING[cell.tone])
    if table.note:
        _paragraph(word, Paragraph(table.note, ParagraphRole.NOTE))


def _cell_text(cell, text: str, *, size, bold: bool = False, right: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = size
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _shade(cell, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _chart(word, chart: Chart) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    word.add_picture(io.BytesIO(chart.png), width=Cm(CHART_WIDTH_CM))
    word.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if chart.caption:
        _paragraph(word, Paragraph(chart.caption, ParagraphRole.NOTE))
