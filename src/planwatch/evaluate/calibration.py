"""Calibration check: do targets given P ≈ 0.8 get met about 80 % of the time?

Series are simulated as random walks with drift (in logs for growing quantities and yearly
flows, in points for shares) or as independent yearly gaps (relative targets), with their
parameters drawn per series; the engine sees the years up to the evaluation year, the rest
of the path is then simulated from the same process and the target is met or not. Bucketing the engine's probabilities against the realised hit rate gives the
reliability table in docs/evaluation.md (`python bench/calibration.py` prints it).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import engine
from . import table as T
from .config import DEFAULT_CONFIG, EvaluationConfig
from .table import TargetTable


@dataclass(frozen=True)
class ReliabilityRow:
    low: float  # bucket of predicted probability [low, high)
    high: float
    targets: int
    mean_predicted: float
    hit_rate: float


def simulate(n: int, *, seed: int = 0, start: int = 2020, seen: int = 3, deadline: int = 2025,
             config: EvaluationConfig = DEFAULT_CONFIG) -> tuple[np.ndarray, np.ndarray]:
    """(predicted probability, met at the deadline) for n simulated level targets, half on a
    log scale (money) and half additive (shares), judged after `seen` years of data."""
    rng = np.random.default_rng(seed)
    years = deadline - start
    table = TargetTable.empty(n, years + 1)
    log = rng.random(n) < 0.5
    drift = np.where(log, rng.normal(0.06, 0.03, n), rng.normal(0.5, 0.5, n))
    noise = np.where(log, rng.uniform(0.01, 0.06, n), rng.uniform(0.1, 1.0, n))
    steps = rng.normal(drift[:, None], noise[:, None], (n, years))
    level = np.where(log, rng.uniform(50, 500, n), rng.uniform(20, 60, n))
    path = np.concatenate([np.zeros((n, 1)), np.cumsum(steps, axis=1)], axis=1)
    values = np.where(log[:, None], level[:, None] * np.exp(path), level[:, None] + path)
    # Goals around where the trend leads, some easier, some harder.
    expected = np.where(log, level * np.exp(drift * years), level + drift * years)
    spread = np.where(log, expected * noise * np.sqrt(years), noise * np.sqrt(years))
    goal = expected + rng.normal(0, 1.0, n) * spread
    table.kind[:] = np.where(log, T.LEVEL, T.SHARE)
    table.log_path[:] = log
    table.percent[:] = ~log
    table.values[:, : seen + 1] = values[:, : seen + 1]
    still_open = (values[:, 0] < goal) & (values[:, seen] < goal)
    return _judge(table, start, deadline, seen, goal, still_open, values[:, -1] >= goal,
                  config)


def simulate_cumulative(n: int, *, seed: int = 0, start: int = 2020, seen: int = 3,
                        deadline: int = 2025, config: EvaluationConfig = DEFAULT_CONFIG
                        ) -> tuple[np.ndarray, np.ndarray]:
    """The same for cumulative targets (累计投资): yearly flows on a log random walk with
    drift N(5 %, 4 %) and noise U(2 %, 10 %), goals scattered around the expected total."""
    rng = np.random.default_rng(seed)
    years = deadline - start
    table = TargetTable.empty(n, years + 1)
    drift, noise = rng.normal(0.05, 0.04, n), rng.uniform(0.02, 0.10, n)
    level = rng.uniform(50, 150, n)
    flows = level[:, None] * np.exp(np.cumsum(rng.normal(drift[:, None], noise[:, None],
                                                         (n, years)), axis=1))
    expected = (level[:, None] * np.exp(drift[:, None] * np.arange(1, years + 1))).sum(1)
    goal = expected * np.exp(rng.normal(0, 1.5, n) * noise)
    table.kind[:] = T.CUMULATIVE
    table.values[:, 1: seen + 1] = flows[:, :seen]
    still_open = flows[:, :seen].sum(1) < goal
    return _judge(table, start, deadline, seen, goal, still_open, flows.sum(1) >= goal, config)


def simulate_relative(n: int, *, scope: int = T.EACH_YEAR, seed: int = 0, start: int = 2020,
                      seen: int = 3, deadline: int = 2025,
                      config: EvaluationConfig = DEFAULT_CONFIG) -> tuple[np.ndarray, np.ndarray]:
    """The same for relative targets (增速高于全市): yearly gaps to the benchmark drawn
    independently around N(0.5, 1) points with sd U(0.3, 1.5), margin 0, for one scope."""
    rng = np.random.default_rng(seed)
    years = deadline - start
    table = TargetTable.empty(n, years + 1)
    gaps = rng.normal(rng.normal(0.5, 1.0, n)[:, None], rng.uniform(0.3, 1.5, n)[:, None],
                      (n, years))
    table.kind[:] = T.RELATIVE
    table.scope[:] = scope
    table.percent[:] = True
    table.values[:, 1: seen + 1] = gaps[:, :seen]
    if scope == T.EACH_YEAR:  # a year already short settles the target
        still_open, met = (gaps[:, :seen] >= 0).all(1), (gaps >= 0).all(1)
    elif scope == T.PERIOD_AVERAGE:
        still_open, met = np.ones(n, bool), gaps.mean(1) >= 0
    else:
        still_open, met = np.ones(n, bool), gaps[:, -1] >= 0
    return _judge(table, start, deadline, seen, np.zeros(n), still_open, met, config)


def _judge(table: TargetTable, start: int, deadline: int, seen: int, goal: np.ndarray,
           still_open: np.ndarray, met: np.ndarray, config: EvaluationConfig):
    """The engine's P for the targets still open after `seen` years, and whether each was
    met in the end (targets already settled, or without an outlook, say nothing)."""
    table.start[:] = start
    table.deadline[:] = deadline
    table.goal[:] = goal
    results = engine.assess_table(table, float(start + seen), config)
    judged = ~np.isnan(results.probability) & still_open
    return results.probability[judged], met[judged]


def reliability(predicted: np.ndarray, met: np.ndarray, buckets: int = 10
                ) -> list[ReliabilityRow]:
    edges = np.linspace(0.0, 1.0, buckets + 1)
    rows = []
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (predicted >= low) & ((predicted < high) | (high == 1.0))
        if inside.any():
            rows.append(ReliabilityRow(float(low), float(high), int(inside.sum()),
                                       float(predicted[inside].mean()),
                                       float(met[inside].mean())))
    return rows


def format_table(rows: list[ReliabilityRow]) -> str:
    lines = ["| predicted P | targets | mean predicted | observed hit rate |",
             "|---|---:|---:|---:|"]
    lines += [f"| {row.low:.1f}–{row.high:.1f} | {row.targets} | {row.mean_predicted:.3f} | "
              f"{row.hit_rate:.3f} |" for row in rows]
    return "\n".join(lines)
