"""The CJK fonts reports are drawn with, found among the fonts installed on the machine.

scripts/install-system-deps.sh installs fonts-noto-cjk and fonts-wqy-microhei; without one of
them Chinese text would come out as empty boxes, so a missing font is an error, not a fallback.
"""

from __future__ import annotations

from functools import lru_cache

from .model import ReportError

# In order of preference: sans for charts and headings, serif for body text in print.
SANS_FAMILIES = ("Noto Sans CJK SC", "WenQuanYi Micro Hei")
SERIF_FAMILIES = ("Noto Serif CJK SC",)

# Word documents name the fonts Chinese offices have; Word substitutes where they are missing.
WORD_BODY_FONT = "宋体"
WORD_HEADING_FONT = "黑体"
WORD_LATIN_FONT = "Times New Roman"


@lru_cache(maxsize=1)
def chart_font_family() -> str:
    """The first installed CJK sans family matplotlib can use."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    for family in SANS_FAMILIES:
        if family in installed:
            return family
    raise ReportError(
        "no CJK font found (need one of: " + ", ".join(SANS_FAMILIES)
        + "); run scripts/install-system-deps.sh")


def css_font_stack(serif: bool = False) -> str:
    """A CSS font-family value naming the installed CJK families first."""
    families = (SERIF_FAMILIES + SANS_FAMILIES) if serif else SANS_FAMILIES
    fallback = "serif" if serif else "sans-serif"
    return ", ".join(f'"{family}"' for family in families) + f", {fallback}"
