"""Target JSON, the exchange format between `planwatch extract` and `planwatch evaluate`.

A JSON array of target objects, or an object whose "targets" is one (what
`planwatch extract --format json` writes). Keys the evaluation does not use (confidence …)
are ignored; a wrong value is reported as `FILE: [i].field: reason`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from planwatch.domain.model import Benchmark, Span, Target
from planwatch.domain.vocabulary import Attribute, Comparator, Kind, PathShape, Scope

REQUIRED = ("id", "indicator", "kind", "comparator", "value", "unit", "year", "period_start")

# Comparators as people and other tools write them.
_COMPARATOR_SPELLINGS = {"≥": ">=", "≤": "<=", "==": "=", "≈": "~", "左右": "~"}
_ATTRIBUTE_SPELLINGS = {"binding": "约束性", "expected": "预期性"}


class TargetFileError(ValueError):
    """A target JSON file that cannot be used: `FILE: [i].field: reason`."""


def read_targets_json(path: str | Path) -> list[Target]:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TargetFileError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return parse_targets_json(data, name)


def parse_targets_json(data: bytes, name: str) -> list[Target]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise TargetFileError(f"{name}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise TargetFileError(f"{name}: line {exc.lineno}: not JSON: {exc.msg}") from None
    return targets_from_data(document, name)


def targets_from_data(data, name: str) -> list[Target]:
    if isinstance(data, dict):
        if not isinstance(data.get("targets"), list):
            raise TargetFileError(f"{name}: $: an object must hold a \"targets\" array")
        data = data["targets"]
    if not isinstance(data, list):
        raise TargetFileError(f"{name}: $: expected an array of targets")
    targets, seen = [], set()
    for i, item in enumerate(data):
        target = _Reader(name, i, item).target()
        if target.id in seen:
            raise TargetFileError(f"{name}: [{i}].id: {target.id!r} appears twice")
        seen.add(target.id)
        targets.append(target)
    return targets


class _Reader:
    def __init__(self, name: str, index: int, item) -> None:
        self.name, self.index, self.item = name, index, item

    def fail(self, field: str, reason: str) -> TargetFileError:
        return TargetFileError(f"{self.name}: [{self.index}].{field}: {reason}")

    def text(self, field: str, *, required: bool = True) -> str | None:
        value = self.item.get(field)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "expected a non-empty string")
        return value.strip()

    def number(self, field: str) -> float | None:
        value = self.item.get(field)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not math.isfinite(value):
            raise self.fail(field, f"expected a number, got {value!r}")
        return float(value)

    def year(self, field: str) -> int | None:
        value = self.item.get(field)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2200:
            raise self.fail(field, f"expected a year such as 2025, got {value!r}")
        return value

    def choice(self, field: str, enum, spellings: dict, default):
        value = self.item.get(field)
        if value is None:
            return default
        try:
            return enum(spellings.get(value, value))
        except ValueError:
            allowed = "|".join(member.value for member in enum)
            raise self.fail(field, f"{value!r} is not one of {allowed}") from None

    def target(self) -> Target:
        if not isinstance(self.item, dict):
            raise TargetFileError(f"{self.name}: [{self.index}]: expected an object")
        missing = [key for key in REQUIRED if key not in self.item]
        if missing:
            raise self.fail(missing[0], "missing (required: " + ", ".join(REQUIRED) + ")")
        tolerance = self.number("tolerance") or 0.0
        if tolerance < 0:
            raise self.fail("tolerance", "must not be negative")
        target = Target(
            id=str(self.item["id"]) if isinstance(self.item["id"], int) else self.text("id"),
            indicator=self.text("indicator"),
            kind=self.choice("kind", Kind, {}, None) or _missing(self, "kind"),
            comparator=self.choice("comparator", Comparator, _COMPARATOR_SPELLINGS, None)
            or _missing(self, "comparator"),
            value=self.number("value"), unit=self.text("unit"), year=self.year("year"),
            period_start=self.year("period_start"), place=self.text("place", required=False),
            goal=self.text("goal", required=False), base_year=self.year("base_year"),
            base_value=self.number("base_value"), tolerance=tolerance,
            attribute=self.choice("attribute", Attribute, _ATTRIBUTE_SPELLINGS,
                                  Attribute.EXPECTED),
            scope=self.choice("scope", Scope, {}, Scope.END_YEAR),
            path=self.choice("path", PathShape, {}, None), schedule=self.schedule(),
            benchmark=self.benchmark(), text=self.item.get("text") or "", span=self.span())
        for field, reason in target.schedule_problems():
            raise self.fail(field, reason)
        return target

    def schedule(self) -> dict[int, float]:
        """A custom path's year-end values, {"2021": 1, "2022": 3, …} (JSON keys are text)."""
        value = self.item.get("schedule")
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail("schedule", f"expected an object of year: value, got {value!r}")
        schedule = {}
        for key, figure in value.items():
            if not (isinstance(key, str) and key.isdigit() and 1900 <= int(key) <= 2200):
                raise self.fail(f"schedule.{key}", "expected a year such as 2025 as the key")
            if isinstance(figure, bool) or not isinstance(figure, int | float) \
                    or not math.isfinite(figure):
                raise self.fail(f"schedule.{key}", f"expected a number, got {figure!r}")
            schedule[int(key)] = float(figure)
        return schedule

    def benchmark(self) -> Benchmark | None:
        value = self.item.get("benchmark")
        if value is None:
            return None
        if not isinstance(value, dict) or not isinstance(value.get("indicator"), str):
            raise self.fail("benchmark", "expected {indicator, place, margin}")
        margin = value.get("margin") or 0
        if isinstance(margin, bool) or not isinstance(margin, int | float):
            raise self.fail("benchmark.margin", f"expected a number, got {margin!r}")
        place = value.get("place")
        if place is not None and not isinstance(place, str):
            raise self.fail("benchmark.place", "expected a string or null")
        return Benchmark(indicator=value["indicator"], place=place or None, margin=float(margin))

    def span(self) -> Span | None:
        value = self.item.get("span")
        if value is None:
            return None
        try:
            start, end = value
            return Span(int(start), int(end))
        except (TypeError, ValueError):
            raise self.fail("span", f"expected [start, end], got {value!r}") from None


def _missing(reader: _Reader, field: str):
    raise reader.fail(field, "must not be null")
