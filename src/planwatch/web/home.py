"""Where planwatch keeps its state on disk: PLANWATCH_HOME and the secret key inside it.

Pure path logic plus the one function that creates the directory; importing this module
touches nothing on disk, so the settings can read it without side effects.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_KEY_FILE = "secret_key"
DATABASE_FILE = "planwatch.sqlite3"


def planwatch_home() -> Path:
    """$PLANWATCH_HOME, else ~/.local/share/planwatch (not created here)."""
    configured = os.environ.get("PLANWATCH_HOME")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".local" / "share" / "planwatch"


def ensure_home() -> Path:
    """Create PLANWATCH_HOME and its secret key (mode 0600) once; later calls reuse them."""
    home = planwatch_home()
    home.mkdir(parents=True, exist_ok=True)
    key_path = home / SECRET_KEY_FILE
    if not key_path.exists():
        # O_EXCL: two processes starting at once must not overwrite each other's key.
        try:
            descriptor = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return home
        with os.fdopen(descriptor, "w") as key_file:
            key_file.write(secrets.token_urlsafe(50))
    return home


def stored_secret_key() -> str | None:
    """The key ensure_home() wrote, or None when this home has not been set up."""
    key_path = planwatch_home() / SECRET_KEY_FILE
    try:
        return key_path.read_text().strip() or None
    except FileNotFoundError:
        return None
