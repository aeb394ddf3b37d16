"""Make Office files (zip packages) reproducible: same content → same bytes.

Zip entries carry the time they were written, and Office core properties a modified date;
both are set from the report's as-of date instead of the clock.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

CORE_PROPERTIES = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_CREATED = re.compile(rb"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)")


def reproducible_zip(package: bytes, as_of: date) -> bytes:
    """Rewrite a zip package with every entry dated as_of and the core dates set to it."""
    stamp = f"{as_of.isoformat()}T00:00:00Z".encode()
    source = zipfile.ZipFile(io.BytesIO(package))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == CORE_PROPERTIES:
                data = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
                data = _CREATED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            info = zipfile.ZipInfo(entry.filename, date_time=(as_of.year, as_of.month,
                                                              as_of.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, data)
    return output.getvalue()
