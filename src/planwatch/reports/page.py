"""The report as one self-contained HTML page: escaped text, charts as PNG data URIs.

The same page is the web preview and, through WeasyPrint, the PDF; its print rules (A4,
landscape pages for wide tables, page numbers) are in the stylesheet below.
"""

from __future__ import annotations

import base64
from html import escape

from .fonts import css_font_stack
from .model import Chart, ColumnFormat, Document, Paragraph, Section, Table

STYLESHEET = """
@page { size: A4; margin: 22mm 20mm 20mm 20mm;
        @bottom-center { content: counter(page); font-size: 9pt; } }
@page wide { size: A4 landscape; margin: 15mm 14mm; }
body { font-family: %(serif)s; font-size: 11pt; line-height: 1.6; color: #111;
       max-width: 60em; margin: 0 auto; padding: 1em; }
h1, h2, h3, h4, th, .cover { font-family: %(sans)s; }
h1 { font-size: 20pt; text-align: center; margin: 2.5em 0 0.3em; }
.cover { text-align: center; margin-bottom: 2em; }
.cover p { margin: 0.2em 0; }
h2 { font-size: 15pt; margin-top: 1.6em; }
h3 { font-size: 13pt; }
p { text-indent: 2em; margin: 0.4em 0; }
p.notice { text-indent: 0; border: 2px solid #b22222; background: #fff1f0; color: #8b0000;
           padding: 0.6em 0.8em; font-weight: bold; }
p.placeholder { color: #777; font-style: italic; }
p.note { text-indent: 0; font-size: 9pt; color: #555; }
section.wide { page: wide; }
section.wide + section { break-before: page; }
table { border-collapse: collapse; table-layout: fixed; width: 100%%; font-size: 9pt; margin: 0.5em 0 1em; }
p.table-title { font-family: %(sans)s; font-weight: bold; text-indent: 0; margin: 0.8em 0 0.2em;
                break-after: avoid; }
th, td { border: 1px solid #888; padding: 0.25em 0.4em; vertical-align: top; }
th { background: #ddebf7; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
td.num { text-align: right; }
td.good { background: #c6efce; color: #006100; }
td.warning { background: #ffeb9c; color: #9c5700; }
td.bad { background: #ffc7ce; color: #9c0006; }
td.neutral { background: #ededed; color: #595959; }
figure { margin: 0.8em 0; text-align: center; page-break-inside: avoid; }
figure img { max-width: 100%%; }
figcaption { font-size: 9pt; color: #444; }
"""


def render_html(document: Document) -> str:
    css = STYLESHEET % {"serif": css_font_stack(serif=True), "sans": css_font_stack()}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(document.title)}</title>",
        f'<meta name="dcterms.created" content="{document.as_of.isoformat()}">',
        f'<meta name="dcterms.modified" content="{document.as_of.isoformat()}">',
        '<meta name="generator" content="planwatch">',
        f"<style>{css}</style></head><body>",
        f"<h1>{escape(document.title)}</h1>",
        '<div class="cover">',
        f"<p>{escape(document.subtitle)}</p>",
        f"<p>评估截止日期：{document.as_of.year}年{document.as_of.month}月{document.as_of.day}日</p>",
        "</div>",
    ]
    parts.extend(_paragraph(notice) for notice in document.notices)
    for section in document.sections:
        parts.append(_section(section, level=2))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _section(section: Section, level: int) -> str:
    css_class = ' class="wide"' if section.landscape else ""
    parts = [f"<section{css_class}>", f"<h{level}>{escape(section.title)}</h{level}>"]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            parts.append(_paragraph(block))
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Chart):
            parts.append(_chart(block))
    parts.extend(_section(sub, min(level + 1, 6)) for sub in section.subsections)
    parts.append("</section>")
    return "\n".join(parts)


def _paragraph(paragraph: Paragraph) -> str:
    return f'<p class="{paragraph.role}">{escape(paragraph.text)}</p>'


def _table(table: Table) -> str:
    total = sum(column.width for column in table.columns)
    widths = "".join(f'<col style="width:{column.width / total:.1%}">' for column in table.columns)
    head = "".join(f"<th>{escape(column.title)}</th>" for column in table.columns)
    rows = []
    for row in table.rows:
        cells = []
        for column, cell in zip(table.columns, row, strict=True):
            classes = []
            if column.format is not ColumnFormat.TEXT:
                classes.append("num")
            if cell.tone is not None:
                classes.append(str(cell.tone))
            attribute = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f"<td{attribute}>{escape(cell.text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = f'<p class="note">{escape(table.note)}</p>' if table.note else ""
    # A title paragraph rather than <caption>: print keeps it on the table's page.
    return (f'<p class="table-title">{escape(table.title)}</p><table id="{escape(table.key)}">'
            f"<colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
            + note)


def _chart(chart: Chart) -> str:
    data = base64.b64encode(chart.png).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{escape(chart.spec.title)}">'
            f"<figcaption>{escape(chart.caption)}</figcaption></figure>")
