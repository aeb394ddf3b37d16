"""reproducible_zip: an Office package dated by the report, not by the clock."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from planwatch.reports.archive import reproducible_zip

CORE = (b'<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2031-01-01T10:11:12Z'
        b'</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2031-01-02T10:11:12Z'
        b"</dcterms:modified></cp:coreProperties>")


def package(when: tuple[int, ...]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in (("[Content_Types].xml", b"<Types/>"), ("docProps/core.xml", CORE)):
            archive.writestr(zipfile.ZipInfo(name, date_time=when), data)
    return buffer.getvalue()


def test_packages_written_at_different_times_become_identical():
    early = reproducible_zip(package((2030, 1, 1, 8, 0, 0)), date(2023, 6, 30))
    late = reproducible_zip(package((2031, 5, 6, 17, 30, 2)), date(2023, 6, 30))
    assert early == late


def test_entries_and_core_dates_carry_the_as_of_date():
    archive = zipfile.ZipFile(io.BytesIO(
        reproducible_zip(package((2031, 5, 6, 17, 30, 2)), date(2024, 12, 31))))
    assert [info.date_time for info in archive.infolist()] == [(2024, 12, 31, 0, 0, 0)] * 2
    core = archive.read("docProps/core.xml")
    assert core.count(b"2024-12-31T00:00:00Z") == 2
    assert b"2031" not in core
