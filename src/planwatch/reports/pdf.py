"""The report as PDF: the HTML page laid out by WeasyPrint with the installed CJK fonts."""

from __future__ import annotations

from .model import Document
from .page import render_html


def render_pdf(document: Document) -> bytes:
    from weasyprint import HTML

    # A fixed identifier (the page carries its dates in dcterms meta tags) keeps the PDF
    # stable from run to run.
    identifier = f"planwatch-{document.kind}-{document.as_of.isoformat()}".encode()
    return HTML(string=render_html(document)).write_pdf(pdf_identifier=identifier)
