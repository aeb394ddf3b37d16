"""A stored target described in words, as the overview and detail pages show it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from planwatch.domain.vocabulary import Comparator, Kind
from planwatch.web import labels
from planwatch.web.plans.models import Target


def number(value: float | None) -> str:
    """800.0 → "800", 6.5 → "6.5": plans write numbers without trailing zeros."""
    return "" if value is None else f"{value:g}"


def percent(share: float | None) -> str:
    """0.623 → "62%": probabilities and shares as people read them."""
    return "" if share is None else f"{round(100 * share):d}%"


def requirement(target: Target) -> str:
    """What the target asks for: 不低于 800 亿元; 高于 长春市 地区生产总值增速."""
    comparator = labels.COMPARATOR[Comparator(target.comparator)]
    if target.kind == Kind.RELATIVE and target.benchmark_indicator:
        # Relative targets compare growth rates (docs/evaluation.md).
        place = f"{target.benchmark_place} " if target.benchmark_place else ""
        words = f"{comparator} {place}" + _("%(indicator)s增速") % {
            "indicator": target.benchmark_indicator}
        if target.benchmark_margin:
            words += " + " + _("%(margin)s 个百分点") % {"margin": number(target.benchmark_margin)}
        return words
    if target.value is None:
        return _("定性目标")
    return f"{comparator} {number(target.value)} {target.unit}".strip()


def deadline(target: Target) -> str:
    if target.deadline:
        return target.deadline.isoformat()
    return _("%(year)s年") % {"year": target.year} if target.year else ""
