"""How a judgement reads on screen: the engine's label in the page's language, a tone for
colour, and an icon and words so that colour never carries the status alone."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from planwatch.evaluate import Assessment
from planwatch.evaluate import labels as L

# Tones, best first; each has an icon read out as its name by screen readers.
TONES = {
    "good": ("✔", _("正常")),
    "watch": ("◐", _("需关注")),
    "bad": ("✖", _("预警")),
    "none": ("○", _("无法判断")),
}
OUTLOOK_TONE = {"likely": "good", "probable": "watch", "at_risk": "bad", "unlikely": "bad",
                "no_outlook": "none"}
# How good each status is, higher better (None: not judged), as the engine ranks them.
STATUS_SEVERITY = {L.STATUSES[number].code: rank for number, rank in L.STATUS_RANK.items()}


def status_tone(code: str) -> str:
    rank = STATUS_SEVERITY.get(code)
    if rank is None:
        return "none"
    return "good" if rank >= 4 else "watch" if rank == 3 else "bad"


def english() -> bool:
    return (get_language() or "").startswith("en")


@dataclass
class Judgement:
    code: str
    label: str
    tone: str

    @cached_property
    def icon(self) -> str:
        return TONES[self.tone][0]

    @cached_property
    def tone_label(self) -> str:
        return str(TONES[self.tone][1])


def status_of(assessment: Assessment) -> Judgement:
    label = assessment.status_en if english() else assessment.status_zh
    return Judgement(assessment.status, label, status_tone(assessment.status))


def outlook_of(assessment: Assessment) -> Judgement:
    label = assessment.outlook_en if english() else assessment.outlook_zh
    return Judgement(assessment.outlook, label, OUTLOOK_TONE[assessment.outlook])


def status_label(code: str) -> str:
    label = L.STATUSES[L.STATUS_BY_CODE[code]]
    return label.en if english() else label.zh


def outlook_label(code: str) -> str:
    label = L.OUTLOOKS[L.OUTLOOK_BY_CODE[code]]
    return label.en if english() else label.zh


def severity(assessment: Assessment | None) -> tuple[int, float]:
    """Sort key, worst first: status rank (unjudged after the judged), then probability."""
    if assessment is None:
        return (99, 2.0)
    rank = STATUS_SEVERITY.get(assessment.status)
    probability = assessment.probability if assessment.probability is not None else 1.5
    return (50 if rank is None else rank, probability)


def is_alert(assessment: Assessment) -> bool:
    """预警: the engine's warning (a lagging binding target) or a target unlikely to be met."""
    return assessment.warning or assessment.outlook == "unlikely"
