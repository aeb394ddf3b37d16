"""Illustrative sibling districts for the demo's comparison page.

Nothing real is published for 长春市's other districts in a form the demo could load, so the
demo derives series for four of them from 绿园区's own figures: each district has a fixed size
and a fixed growth edge, plus year-to-year noise. Everything is deterministic (the noise is
seeded by district, indicator and period) and flagged `illustrative`, like all demo data.
"""

from __future__ import annotations

import random
from dataclasses import replace

from planwatch import domain

# Real districts of 长春市 with their codes; size multiplies levels, edge adds growth points.
SIBLINGS = (
    ("南关区", "220102", 1.35, 0.6),
    ("宽城区", "220103", 0.85, -0.9),
    ("朝阳区", "220104", 1.6, 0.3),
    ("二道区", "220105", 0.7, -0.2),
)
SOURCE = "示例数据(按绿园区序列生成的兄弟区县,planwatch demo)"
ADDITIVE_UNITS = ("%", "‰", "个百分点")


def sibling_jurisdictions(parent: str) -> list[domain.Jurisdiction]:
    return [domain.Jurisdiction(name, "district", parent=parent, code=code)
            for name, code, _size, _edge in SIBLINGS]


def sibling_observations(home: list[domain.Observation]) -> list[domain.Observation]:
    """Each sibling's version of every figure of the home district."""
    result = []
    for name, _code, size, edge in SIBLINGS:
        for observation in home:
            noise = random.Random(f"{name}|{observation.indicator}|{observation.period.label}"
                                  f"|{observation.kind}")
            result.append(replace(
                observation, place=name, value=_varied(observation, size, edge, noise),
                source=SOURCE, provenance=domain.Provenance.ILLUSTRATIVE, recorded_by=None,
                recorded_at=None))
    return result


def _varied(observation: domain.Observation, size: float, edge: float,
            noise: random.Random) -> float:
    if observation.kind is domain.ObservationKind.GROWTH_PCT:
        return round(observation.value + edge + noise.gauss(0, 0.8), 1)
    if observation.unit in ADDITIVE_UNITS:
        return round(observation.value * (1 + noise.gauss(0, 0.05)), 2)
    value = observation.value * size * (1 + noise.gauss(0, 0.03))
    if observation.kind is domain.ObservationKind.COUNT:
        return float(max(0, round(value)))
    return round(value, 2)

