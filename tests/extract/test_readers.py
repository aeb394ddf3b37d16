"""Readers: real .txt, .docx, .pdf and .html files made here, and the ones that cannot be read."""

import io

import pytest

from planwatch.extract import (
    ExtractionError,
    extract_bytes,
    extract_file,
    read_bytes,
    read_document,
)
from planwatch.extract.readers import iter_text_lines

TEXT = "一、发展目标\n到2025年,地区生产总值达到500亿元,城镇新增就业3万人。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gbk", "gb18030"])
def test_text_in_each_encoding(tmp_path, encoding):
    path = tmp_path / "plan.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_document(path) == TEXT
    assert "".join(iter_text_lines(path)) == TEXT
    assert [t.value for t in extract_file(path)] == [500, 3]


def test_big5_traditional_text(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes("到2025年,地區生產總值達到500億元,城鎮新增就業3萬人,森林覆蓋率達到45%。".encode("big5"))
    assert [(t.value, t.unit) for t in extract_file(path)] == [(500, "億元"), (3, "萬人"), (45, "%")]


def test_spans_point_into_the_text_as_read(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(("\r\n" + TEXT.replace("\n", "\r\n")).encode("gbk"))
    text = read_document(path)
    for target in extract_file(path):
        assert text[target.span[0]:target.span[1]] == target.text


def _docx_bytes() -> bytes:
    from docx import Document

    document = Document()
    document.add_heading("某区“十四五”规划主要指标", level=1)
    document.add_paragraph("到2025年,全区新建学校6所。")
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(table.rows, [("指标", "2020年", "2025年", "属性"),
                                        ("地区生产总值(亿元)", "300", "450", "预期性"),
                                        ("森林覆盖率(%)", "30", "35以上", "约束性")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("城镇新增就业2万人。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(_docx_bytes())
    text = read_document(path)
    assert "地区生产总值(亿元) | 300 | 450 | 预期性" in text
    assert text.index("新建学校") < text.index("地区生产总值") < text.index("城镇新增就业")
    targets = extract_file(path)
    assert [(t.indicator, t.value, t.comparator) for t in targets] == [
        ("全区新建学校", 6, "="), ("地区生产总值", 450, "="), ("森林覆盖率", 35, ">="), ("城镇新增就业", 2, "=")]
    assert all(text[t.span[0]:t.span[1]] == t.text for t in targets)


def test_html_visible_text_with_blocks_and_cells(tmp_path):
    page = """<html><head><meta charset="gbk"><title>标题</title><style>p{color:red}</style></head>
    <body><script>var x = "增长99%";</script><div>2024年主要目标</div>
    <p>地区生产总值增长<b>6%</b>左右。</p><table><tr><td>新建公园</td><td>12个</td></tr></table>
    <ul><li>新增就业8000人</li></ul></body></html>"""
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    text = read_document(path)
    assert text.splitlines() == ["2024年主要目标", "地区生产总值增长6%左右。", "新建公园 | 12个", "新增就业8000人"]
    assert [(t.indicator, t.value) for t in extract_file(path)] == [
        ("地区生产总值", 6), ("新建公园", 12), ("新增就业", 8000)]


def _pdf_bytes(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf_bytes(
        '<p style="font-family: \'Noto Sans CJK SC\'">到2025年,全县新建学校8所,森林覆盖率达到42%。</p>'))
    assert [(t.value, t.unit) for t in extract_file(path)] == [(8, "所"), (42, "%")]


def _cannot_read(path, reason_part):
    with pytest.raises(ExtractionError) as error:
        read_document(path)
    message = str(error.value)
    assert message.startswith(f"cannot read {path}: ") and reason_part in message
    assert "\n" not in message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _cannot_read(path, "empty")


def test_binary_file(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 40)
    _cannot_read(path, "binary")


def test_missing_file(tmp_path):
    _cannot_read(tmp_path / "nowhere.txt", "no such file")


def test_truncated_docx(tmp_path):
    path = tmp_path / "cut.docx"
    data = _docx_bytes()
    path.write_bytes(data[: len(data) // 2])
    _cannot_read(path, "Word")


def test_corrupt_docx(tmp_path):
    path = tmp_path / "junk.docx"
    path.write_bytes(b"PK\x03\x04" + b"not really a zip archive" * 20)
    _cannot_read(path, "Word")


def test_password_protected_docx(tmp_path):
    # Encrypted Office documents are OLE compound files, whatever their suffix says.
    path = tmp_path / "secret.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"EncryptedPackage" * 30)
    _cannot_read(path, "password-protected")


def test_old_word_format(tmp_path):
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    _cannot_read(path, "old-format (.doc)")


def test_image_only_pdf(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure = pyplot.figure()
    figure.add_subplot().plot([1, 2, 3])
    figure.axes[0].set_axis_off()
    path = tmp_path / "scan.pdf"
    figure.savefig(path, format="pdf")
    pyplot.close(figure)
    _cannot_read(path, "no text layer")


def _encrypted_pdf() -> bytes:
    """A minimal PDF under the standard security handler with a user password set."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 4 0 R "
            f"/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def test_password_protected_pdf(tmp_path):
    path = tmp_path / "secret.pdf"
    path.write_bytes(_encrypted_pdf())
    _cannot_read(path, "password")


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    _cannot_read(path, "PDF")


def test_uploaded_bytes_give_text_and_targets():
    text, targets = extract_bytes(_docx_bytes(), "upload.docx")
    assert [t.value for t in targets] == [6, 450, 35, 2]
    assert all(text[t.span[0]:t.span[1]] == t.text for t in targets)


def test_stdin_bytes_are_sniffed():
    assert "500亿元" in read_bytes(TEXT.encode("gb18030"), "-")
    with pytest.raises(ExtractionError, match="^cannot read -: the file is empty$"):
        read_bytes(b"  \n", "-")
