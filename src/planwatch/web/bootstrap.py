"""One way into Django for every planwatch command: create the home, set up the settings."""

from __future__ import annotations

import os

SETTINGS_MODULE = "planwatch.web.settings"


def setup_django() -> None:
    """Create PLANWATCH_HOME and its secret key when needed, then call django.setup()."""
    from planwatch.web.home import ensure_home

    ensure_home()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django

    django.setup()


def prepare_database() -> None:
    """Set Django up and bring the schema up to date (quiet; a no-op when it already is)."""
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
