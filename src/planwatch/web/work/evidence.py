"""Files proving a project's stage transition, kept as the data pages keep a figure's
evidence: the same checks (data.reporting.checked_evidence: allowed type, size limit, bytes
matching the name), the same private folder under a random name, served only as a download."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from planwatch.web.data.reporting import uploads_dir
from planwatch.web.work import models


def keep_stage_file(transition: models.ProjectStageTransition, name: str, data: bytes,
                    by: str) -> models.StageEvidence:
    """Store bytes already passed through checked_evidence beside the transition."""
    stored = secrets.token_hex(16)
    folder = uploads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / stored).write_bytes(data)
    return models.StageEvidence.objects.create(
        transition=transition, stored_name=stored, original_name=Path(name).name[:255],
        size=len(data), sha256=hashlib.sha256(data).hexdigest(), uploaded_by=by)


def stage_file_path(evidence: models.StageEvidence) -> Path:
    return uploads_dir() / evidence.stored_name
