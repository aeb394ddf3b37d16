"""Evaluation reports (年度 / 中期 / 总结评估) as Word, Excel, HTML and PDF — pure, no database.

    document = build_report(ReportInput(plan, ReportKind.MIDTERM, as_of, assessments, observations))
    data = render(document, "docx")
"""

from __future__ import annotations

from .assemble import assess_for_report
from .build import build_report
from .model import (
    NARRATIVE_SECTIONS,
    PLACEHOLDER,
    Document,
    ReportError,
    ReportInput,
    ReportKind,
)

FORMATS = ("docx", "xlsx", "html", "pdf")


def render(document: Document, format: str) -> bytes:
    """The document in one of FORMATS, as the bytes of the file."""
    if format == "docx":
        from .word import render_docx

        return render_docx(document)
    if format == "xlsx":
        from .excel import render_xlsx

        return render_xlsx(document)
    if format == "html":
        from .page import render_html

        return render_html(document).encode("utf-8")
    if format == "pdf":
        from .pdf import render_pdf

        return render_pdf(document)
    raise ReportError(f"unknown report format {format!r}; expected one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "assess_for_report", "NARRATIVE_SECTIONS", "PLACEHOLDER", "Document", "ReportError",
           "ReportInput", "ReportKind", "build_report", "render"]
