"""An upload between its preview and the person's confirmation: the file kept under
uploads/<folder>/ (reporting.stage_upload) and remembered in the session, then taken back
exactly once. The figures import, a department's template upload and the planners' project
import all go upload → stage → preview → confirm through this."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from planwatch.web.data.reporting import stage_upload, staged_upload_path

# An upload nobody confirmed (cancelled, abandoned, its session ended) is removed when a later
# upload to the same page is staged this long after it: a working day and a night is longer
# than any preview waits.
ABANDONED_AFTER_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class StagedFile:
    """A staged upload: its token, the name the person gave it, where it is kept, and what the
    page remembers with it (the department, the plan)."""

    folder: str
    token: str
    name: str
    extra: dict = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return staged_upload_path(self.folder, self.token)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Staging:
    """Uploads of one page: kept under uploads/`folder`/, remembered under `session_key`."""

    folder: str
    session_key: str

    def stage(self, file) -> StagedFile:
        """Keep the uploaded file for its preview; nothing is remembered yet. Uploads of this
        page abandoned long ago go."""
        staged = StagedFile(self.folder, stage_upload(file, self.folder), file.name)
        cutoff = time.time() - ABANDONED_AFTER_SECONDS
        for waiting in staged.path.parent.glob("*.upload"):
            if waiting.stat().st_mtime < cutoff:
                waiting.unlink(missing_ok=True)
        return staged

    def remember(self, request, staged: StagedFile, **extra) -> None:
        """The preview was good: the person may confirm it. An upload still waiting from before
        is dropped with its file — only the last preview can be confirmed."""
        if (earlier := self._pop(request)) is not None and earlier.token != staged.token:
            earlier.discard()
        request.session[self.session_key] = {"token": staged.token, "name": staged.name,
                                             **extra}

    @contextmanager
    def taken(self, request, **expected) -> Iterator[StagedFile | None]:
        """The waiting upload, taken out of the session first (a second confirm finds nothing),
        or None when there is none, its file is gone or it was for something else than
        `expected` (another department, another plan). The file is removed on leaving."""
        staged = self._pop(request)
        try:
            if staged is None or staged.extra != expected or not staged.path.is_file():
                yield None
            else:
                yield staged
        finally:
            if staged is not None:
                staged.discard()

    def _pop(self, request) -> StagedFile | None:
        pending = request.session.pop(self.session_key, None)
        if not isinstance(pending, dict) or not isinstance(pending.get("token"), str):
            return None
        extra = {k: v for k, v in pending.items() if k not in ("token", "name")}
        return StagedFile(self.folder, pending["token"], pending.get("name", ""), extra)
