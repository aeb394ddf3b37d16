"""A recorded change as a person reads it: the field's own name (verbose_name) and each value
as the pages show it — choice labels, local dates, plain numbers, the related object's name —
never the column name or the stored code."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext


def described_change(model, name: str, old, new) -> dict:
    """{"field", "old", "new"} of one field of `model` changed from `old` to `new`."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return {"field": name, "old": _plain(old), "new": _plain(new)}
    return {"field": str(field.verbose_name), "old": shown(field, old),
            "new": shown(field, new)}


def shown(field, value) -> str:
    """One stored value of `field` as the pages show it."""
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and field.related_model is not None:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    return _plain(value)


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("是") if value else gettext("否")
    if isinstance(value, datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{moment:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # Six decimals at most, no trailing zeros: 520.0 reads 520, 3.25 stays 3.25.
        return f"{value:.6f}".rstrip("0").rstrip(".")
    if isinstance(value, list | tuple):
        return "、".join(_plain(item) for item in value)
    return str(value)
