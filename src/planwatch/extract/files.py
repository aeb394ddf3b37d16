"""Extraction from files: the reader by file type, streaming for plain text."""

from __future__ import annotations

from pathlib import Path

from .extractor import ExtractedTarget, extract_targets, iter_targets
from .readers import document_type, iter_text_lines, read_bytes, read_document


def extract_file(path: str | Path, *, reference_year: int | None = None) -> list[ExtractedTarget]:
    """The targets of a .txt/.docx/.pdf/.html file; ExtractionError when it cannot be read.

    Plain text is decoded and parsed line by line, so memory stays bounded for large files;
    spans are offsets into the decoded text (what read_document returns).
    """
    if Path(path).suffix and document_type(str(path), b"") == "txt":
        return list(iter_targets(iter_text_lines(path), reference_year=reference_year))
    return extract_targets(read_document(path), reference_year=reference_year)


def extract_bytes(data: bytes, source: str, *, reference_year: int | None = None,
                  ) -> tuple[str, list[ExtractedTarget]]:
    """The text of an uploaded document and its targets (spans point into that text).

    The type is told by the name's suffix, else by the first bytes; ExtractionError names
    `source` when the document cannot be read.
    """
    text = read_bytes(data, source)
    return text, extract_targets(text, reference_year=reference_year)
