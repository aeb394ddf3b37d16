"""Readers: a plan document (.txt, .docx, .pdf, .html) → its text, or ExtractionError.

Spans reported by the extractor are offsets into the text these readers return. Text files
are decoded by BOM, then strict UTF-8, then charset-normalizer (GBK/GB18030, UTF-16, Big5 …);
Word files give paragraphs and tables in document order, a table row per line with cells
joined by " | "; PDF files give their text layer page by page; HTML gives the visible text
with block elements on lines of their own and table cells joined by " | ".
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .errors import ExtractionError

CELL_JOIN = " | "
_SAMPLE_BYTES = 1 << 16
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CHINESE_ENCODINGS = {"gbk": "gb18030", "gb2312": "gb18030", "gb18030": "gb18030", "hz": "gb18030",
                      "big5": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted Office files and old .doc


def document_type(name: str, head: bytes) -> str:
    """txt | docx | pdf | html, by file suffix and then by the first bytes."""
    suffix = Path(name).suffix.lower()
    if suffix in (".docx", ".docm", ".doc"):
        return "docx"
    if suffix == ".pdf":
        return "pdf"
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        return "html"
    if suffix in (".txt", ".text", ".md", ".csv", ".tsv"):
        return "txt"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"PK\x03\x04", _OLE_MAGIC)):  # OLE: an old .doc or an encrypted .docx
        return "docx"
    if re.search(rb"<(?:!doctype html|html|body|div|p)[\s>]", head[:2048].lower()):
        return "html"
    return "txt"


def read_document(path: str | Path) -> str:
    """The text of a document file, by its type."""
    path = Path(path)
    data = _read_bytes(path)
    return read_bytes(data, str(path))


def read_bytes(data: bytes, source: str) -> str:
    """The text of a document given as bytes (stdin, an upload); source names it in errors."""
    if not data.strip():
        raise ExtractionError(source, "the file is empty")
    kind = document_type(source, data[:4096])
    if kind == "docx":
        return read_docx(data, source)
    if kind == "pdf":
        return read_pdf(data, source)
    if kind == "html":
        return read_html(data, source)
    return decode_text(data, source)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ExtractionError(str(path), "no such file") from None
    except IsADirectoryError:
        raise ExtractionError(str(path), "is a folder, not a file") from None
    except OSError as error:
        raise ExtractionError(str(path), error.strerror or str(error)) from None


# ---- text --------------------------------------------------------------------------------------

def detect_encoding(sample: bytes, source: str) -> str:
    """The encoding of a text file from its first bytes."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    if b"\x00" in sample:
        utf16 = _utf16_without_bom(sample)
        if utf16:
            return utf16
        raise ExtractionError(source, "binary data, not text")
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 3 and error.reason == "unexpected end of data":
            return "utf-8"  # the sample ends inside a character
    from charset_normalizer import from_bytes  # deferred: heavy import

    best = from_bytes(sample).best()
    if best is None:
        raise ExtractionError(source, "binary data or an unknown text encoding")
    encoding = best.encoding.lower().replace("-", "").replace("_", "")
    return _CHINESE_ENCODINGS.get(encoding, best.encoding)


def _utf16_without_bom(sample: bytes) -> str | None:
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    # CJK text in UTF-16 has few NUL bytes; ASCII-heavy text has them on one side only.
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample[: len(sample) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text) and (max(even, odd) > half * 0.3 or min(even, odd) == 0):
            return encoding
    return None


def decode_text(data: bytes, source: str) -> str:
    encoding = detect_encoding(data[:_SAMPLE_BYTES], source)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ExtractionError(source, f"not valid {encoding} text at byte {error.start}") from None
    _check_text(text, source)
    return text


def _check_text(text: str, source: str) -> None:
    if not text.strip():
        raise ExtractionError(source, "the file holds no text")
    sample = text[:_SAMPLE_BYTES]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise ExtractionError(source, "binary data, not text")


def iter_text_lines(path: str | Path) -> Iterator[str]:
    """The lines of a text file (line ends kept), decoded as they are read: bounded memory."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ExtractionError(str(path), error.strerror or str(error)) from None
    with handle:
        sample = handle.read(_SAMPLE_BYTES)
        if not sample.strip():
            raise ExtractionError(str(path), "the file is empty")
        encoding = detect_encoding(sample, str(path))
        _check_text(sample.decode(encoding, errors="ignore"), str(path))
        handle.seek(0)
        reader = io.TextIOWrapper(handle, encoding=encoding, newline="")
        try:
            yield from reader
        except UnicodeDecodeError as error:
            raise ExtractionError(str(path), f"not valid {encoding} text: {error.reason}") from None
        finally:
            reader.detach()


# ---- Word --------------------------------------------------------------------------------------

def read_docx(data: bytes, source: str) -> str:
    if data.startswith(_OLE_MAGIC):
        raise ExtractionError(source, "password-protected or old-format (.doc) Word file")
    from docx import Document  # deferred: heavy import
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ExtractionError(source, f"not a readable Word (.docx) file ({_short(error)})") from None
    except Exception as error:  # lxml and zip errors of a damaged package
        raise ExtractionError(source, f"damaged Word file ({_short(error)})") from None
    lines = list(_docx_lines(document))
    text = "\n".join(lines)
    if not text.strip():
        raise ExtractionError(source, "the Word file holds no text")
    return text


def _docx_lines(document) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(block, document).text
        elif tag == "tbl":
            yield from _table_lines(Table(block, document))


def _table_lines(table) -> Iterator[str]:
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # a merged cell repeats across the columns it spans
                continue
            previous = cell._tc
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        yield CELL_JOIN.join(cells)


# ---- PDF ---------------------------------------------------------------------------------------

def read_pdf(data: bytes, source: str) -> str:
    import pypdfium2 as pdfium  # deferred: heavy import

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        reason = str(error)
        if "password" in reason.lower():
            raise ExtractionError(source, "the PDF is password-protected") from None
        raise ExtractionError(source, f"not a readable PDF ({_short(error)})") from None
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as error:
        raise ExtractionError(source, f"damaged PDF ({_short(error)})") from None
    finally:
        document.close()
    text = "\n".join(pages)
    if not text.strip():
        raise ExtractionError(source, "the PDF has no text layer (a scanned image?)")
    return text


# ---- HTML --------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul"])
_HIDDEN_TAGS = frozenset(["script", "style", "noscript", "template", "head", "iframe", "svg", "object"])
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def read_html(data: bytes, source: str) -> str:
    declared = _CHARSET.search(data[:4096])
    text = None
    if declared:
        try:
            text = data.decode(_CHINESE_ENCODINGS.get(declared.group(1).decode().lower().replace("-", ""),
                                                      declared.group(1).decode()))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_text(data, source)
    from selectolax.lexbor import LexborHTMLParser  # deferred: heavy import

    tree = LexborHTMLParser(text)
    root = tree.body or tree.root
    if root is None:
        raise ExtractionError(source, "the HTML page has no body")
    visible = _visible_text(root)
    if not visible.strip():
        raise ExtractionError(source, "the HTML page has no visible text")
    return visible


def _visible_text(root) -> str:
    """Text of the nodes under root; blocks on their own lines, table cells joined by " | "."""
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag in _BLOCK_TAGS:
                out.append("\n")
            continue
        if tag == "-text":
            out.append(re.sub(r"\s+", " ", node.text_content or ""))
            continue
        if tag in _HIDDEN_TAGS or tag == "-comment":
            continue
        if tag in ("td", "th") and node.prev is not None and _has_cell_before(node):
            out.append(CELL_JOIN)
        if tag in _BLOCK_TAGS:
            out.append("\n")
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    lines = (line.strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def _has_cell_before(node) -> bool:
    sibling = node.prev
    while sibling is not None:
        if sibling.tag in ("td", "th"):
            return True
        sibling = sibling.prev
    return False


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:120]
