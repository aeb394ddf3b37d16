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
ENTRY = re.compile(r'^msgid ((?:".*"\n)+)(?:msgid_plural (?:".*"\n)+)?'
                   r'(msgstr(?:\[0\])? (?:".*"\n)+)', re.MULTILINE)


def _entries(catalogue: Path) -> dict[str, str]:
    text = (catalogue / "django.po").read_text(encoding="utf-8")
    entries = {}
    for match in ENTRY.finditer(text):
        msgid = "".join(ast.literal_eval(line) for line in match.group(1).splitlines())
        strings = match.group(2).split(" ", 1)[1]
        entries[msgid] = "".join(ast.literal_eval(line) for line in strings.splitlines())
    return {msgid: msgstr for msgid, msgstr in entries.items() if msgid}


def test_there_are_the_three_catalogues():
    assert [path.relative_to(WEB).parts[0] for path in CATALOGUES] == ["intake", "locale",
                                                                       "reports"]
    assert len(_entries(WEB / "locale" / "en" / "LC_MESSAGES")) > 100


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.relative_to(WEB).parts[0])
def test_every_message_has_an_english_translation_and_none_is_fuzzy(catalogue):
    entries = _entries(catalogue)
    assert [msgid for msgid, msgstr in entries.items() if not msgstr] == []
    assert "#, fuzzy" not in (catalogue / "django.po").read_text(encoding="utf-8")


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.relative_to(WEB).parts[0])
def test_the_compiled_catalogue_matches_the_source(catalogue):
    with (catalogue / "django.mo").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for msgid, msgstr in _entries(catalogue).items():
        assert translations.gettext(msgid) == msgstr or msgid.startswith("%(counter)s")
