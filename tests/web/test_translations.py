"""The English catalogue: every interface message translated, and the compiled file current."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import planwatch.web

CATALOGUE = Path(planwatch.web.__file__).parent / "locale" / "en" / "LC_MESSAGES"
ENTRY = re.compile(r'^msgid ((?:".*"\n)+)(?:msgid_plural (?:".*"\n)+)?'
                   r'(msgstr(?:\[0\])? (?:".*"\n)+)', re.MULTILINE)


def _entries() -> dict[str, str]:
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    entries = {}
    for match in ENTRY.finditer(text):
        msgid = "".join(ast.literal_eval(line) for line in match.group(1).splitlines())
        strings = match.group(2).split(" ", 1)[1]
        entries[msgid] = "".join(ast.literal_eval(line) for line in strings.splitlines())
    return {msgid: msgstr for msgid, msgstr in entries.items() if msgid}


def test_every_message_has_an_english_translation():
    entries = _entries()
    assert len(entries) > 100
    assert [msgid for msgid, msgstr in entries.items() if not msgstr] == []


def test_the_compiled_catalogue_matches_the_source():
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for msgid, msgstr in _entries().items():
        assert translations.gettext(msgid) == msgstr or msgid.startswith("%(counter)s")
