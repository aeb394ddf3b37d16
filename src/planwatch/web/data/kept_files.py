"""Uploaded files kept as evidence — a reported figure's, a project stage's — and the
uploads staged for a preview: the bytes live under PLANWATCH_HOME/uploads under a random name,
and a kept file is only ever sent back as a download of opaque bytes, never rendered."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from django.http import FileResponse, Http404

from planwatch.web.data.models import KeptFile
from planwatch.web.home import planwatch_home


def uploads_dir() -> Path:
    return planwatch_home() / "uploads"


def keep_file(model: type[KeptFile], name: str, data: bytes, by: str, **owner) -> KeptFile:
    """Store bytes already checked (reporting.checked_evidence) as a `model` row beside its
    owner (the submission, the stage transition)."""
    stored = secrets.token_hex(16)
    folder = uploads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / stored).write_bytes(data)
    return model.objects.create(
        stored_name=stored, original_name=Path(name).name[:255], size=len(data),
        sha256=hashlib.sha256(data).hexdigest(), uploaded_by=by, **owner)


def kept_file_path(kept: KeptFile) -> Path:
    return uploads_dir() / kept.stored_name


def download(kept: KeptFile) -> FileResponse:
    """The file as an attachment the browser may not render or run; 404 when its bytes are
    gone."""
    path = kept_file_path(kept)
    if not path.is_file():
        raise Http404
    response = FileResponse(path.open("rb"), as_attachment=True, filename=kept.original_name,
                            content_type="application/octet-stream")
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
