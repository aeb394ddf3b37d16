"""The English catalogue: every interface message translated, and the compiled file current."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest

import planwatch.web

WEB = Path(planwatch.web.__file__).parent
# The project's catalogue and the apps' own (intake, reports), each made by makemessages.
CATALOGUES = sorted(path.parent for path in WEB.glob("**/locale/en/LC_MESSAGES/django.po"))
ENTRY = re.compile(r'^(?:msgctxt (".*")\n)?msgid ((?:".*"\n)+)(?:msgid_plural (?:".*"\n)+)?'
                   r'(msgstr(?:\[0\])? (?:".*"\n)+)', re.MULTILINE)


def _entries(catalogue: Path) -> dict[tuple[str | None, str], str]:
    """(context or None, msgid) → msgstr: a word may read differently in a context (pgettext)."""
    text = (catalogue / "django.po").read_text(encoding="utf-8")
    entries = {}
    for match in ENTRY.finditer(text):
        context = ast.literal_eval(match.group(1)) if match.group(1) else None
        msgid = "".join(ast.literal_eval(line) for line in match.group(2).splitlines())
        strings = match.group(3).split(" ", 1)[1]
        entries[context, msgid] = "".join(ast.literal_eval(line)
                                          for line in strings.splitlines())
    return {key: msgstr for key, msgstr in entries.items() if key[1]}


def test_there_are_the_three_catalogues():
    assert [path.relative_to(WEB).parts[0] for path in CATALOGUES] == ["intake", "locale",
                                                                       "reports"]
    assert len(_entries(WEB / "locale" / "en" / "LC_MESSAGES")) > 100


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.relative_to(WEB).parts[0])
def test_every_message_has_an_english_translation_and_none_is_fuzzy(catalogue):
    entries = _entries(catalogue)
    assert [key for key, msgstr in entries.items() if not msgstr] == []
    assert "#, fuzzy" not in (catalogue / "django.po").read_text(encoding="utf-8")


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.relative_to(WEB).parts[0])
def test_the_compiled_catalogue_matches_the_source(catalogue):
    with (catalogue / "django.mo").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for (context, msgid), msgstr in _entries(catalogue).items():
        compiled = (translations.pgettext(context, msgid) if context
                    else translations.gettext(msgid))
        assert compiled == msgstr or msgid.startswith("%(counter)s")
