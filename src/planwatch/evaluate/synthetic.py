"""Synthetic target tables: the national-scale benchmark and the engines' agreement checks.

Every kind appears, with series drawn from the models the method assumes (random walks with
drift, Poisson counts, noisy gaps), so every status and outlook is reached. Nothing here is
a real figure.
"""

from __future__ import annotations

import numpy as np

from . import table as T
from .table import TargetTable

# Share of each kind in a county's plan (≈ 350 targets): mostly levels and growth rates.
KIND_MIX = {T.LEVEL: 0.22, T.GROWTH: 0.16, T.SHARE: 0.12, T.CUMULATIVE: 0.08, T.COUNT: 0.08,
            T.MULTIPLE: 0.04, T.RELATIVE: 0.08, T.ZERO: 0.05, T.BOUND_EACH_YEAR: 0.08,
            T.MILESTONE: 0.04, T.DIRECTION_ONLY: 0.05}


def synthetic_table(n: int, *, seed: int = 0, start: int = 2015, deadline: int = 2025,
                    years: int = 10, missing: float = 0.03) -> TargetTable:
    """n targets with `years` annual figures after the base year (plus the base), a few
    missing, some part-year figures and pending benchmarks."""
    rng = np.random.default_rng(seed)
    width = deadline - start + 1
    table = TargetTable.empty(n, width)
    kinds = np.array(list(KIND_MIX))
    table.kind[:] = rng.choice(kinds, size=n, p=np.array(list(KIND_MIX.values())))
    table.start[:] = start
    table.deadline[:] = deadline
    table.binding[:] = rng.random(n) < 0.25
    table.sign[:] = 1.0
    steps = np.arange(width)
    seen = steps <= years  # columns with data: the base and `years` years after it

    def walk(level, drift, noise, log=True):
        shocks = rng.normal(drift[:, None], noise[:, None], (n, width))
        shocks[:, 0] = 0.0
        path = np.cumsum(shocks, axis=1)
        return level[:, None] * np.exp(path) if log else level[:, None] + path

    level = rng.uniform(10, 1000, n)
    drift = rng.normal(0.05, 0.03, n)
    noise = rng.uniform(0.005, 0.05, n)
    money = walk(level, drift, noise)
    table.values[:] = money
    table.log_path[:] = True
    # Goals a planner might set: the trend with some ambition or slack.
    ambition = rng.normal(0.0, 0.02, n)
    table.goal[:] = level * np.exp((drift + ambition) * (deadline - start))

    kind = table.kind
    growth = kind == T.GROWTH
    rate = rng.normal(6.0, 1.5, n)
    index = np.cumprod(1 + np.clip(rng.normal(rate[:, None], 1.5, (n, width)), -50, 50) / 100,
                       axis=1)
    index[:, 0] = 1.0
    table.values[growth] = index[growth]
    table.goal[growth] = (1 + (rate[growth] + rng.normal(0, 1, growth.sum())) / 100) ** (
        deadline - start)

    shares = (kind == T.SHARE) | (kind == T.BOUND_EACH_YEAR) | (kind == T.MILESTONE)
    share_level = rng.uniform(5, 80, n)
    share_path = walk(share_level, rng.normal(0.4, 0.4, n), rng.uniform(0.1, 0.8, n), log=False)
    table.values[shares] = share_path[shares]
    table.log_path[shares] = False
    table.percent[shares] = True
    table.goal[kind == T.SHARE] = (share_level + rng.normal(4, 3, n))[kind == T.SHARE]
    bound = kind == T.BOUND_EACH_YEAR
    table.values[bound] = np.clip(rng.normal(4.0, 0.4, (n, width)), 0, None)[bound]
    table.goal[bound] = 4.5
    table.sign[bound] = -1.0
    table.tolerance[bound] = 0.1
    milestone = kind == T.MILESTONE
    completion = np.minimum(100.0, np.maximum.accumulate(
        np.cumsum(rng.uniform(0, 20, (n, width)), axis=1), axis=1))
    completion[:, 0] = 0.0
    table.values[milestone] = completion[milestone]
    table.goal[milestone] = np.where(rng.random(milestone.sum()) < 0.2, np.nan, 100.0)

    multiple = kind == T.MULTIPLE
    table.goal[multiple] = 2.0 * level[multiple]

    flows = (kind == T.CUMULATIVE) | (kind == T.COUNT)
    flow = walk(level / 10, rng.normal(0.03, 0.04, n), rng.uniform(0.02, 0.15, n))
    counts = rng.poisson(rng.uniform(0.5, 6, n)[:, None], (n, width)).astype(float)
    table.values[kind == T.CUMULATIVE] = flow[kind == T.CUMULATIVE]
    table.values[kind == T.COUNT] = counts[kind == T.COUNT]
    table.values[flows, 0] = np.nan
    table.log_path[flows] = False
    span = deadline - start
    table.goal[kind == T.CUMULATIVE] = (flow[:, 1] * span * rng.uniform(0.9, 1.4, n))[
        kind == T.CUMULATIVE]
    table.goal[kind == T.COUNT] = np.ceil(counts[:, 1:].mean(1) * span * rng.uniform(0.8, 1.3, n)
                                          + 1)[kind == T.COUNT]

    zero = kind == T.ZERO
    decline = np.maximum(0.0, np.round(rng.uniform(5, 40, n)[:, None]
                                       * np.exp(-rng.uniform(0.1, 0.8, n)[:, None] * steps)
                                       + rng.normal(0, 1, (n, width))))
    table.values[zero] = decline[zero]
    table.goal[zero] = 0.0
    table.sign[zero] = -1.0
    table.scope[zero] = np.where(rng.random(zero.sum()) < 0.5, T.EACH_YEAR, T.END_YEAR)
    table.log_path[zero] = False

    relative = kind == T.RELATIVE
    gaps = rng.normal(rng.normal(0.3, 1.0, n)[:, None], rng.uniform(0.3, 1.5, n)[:, None],
                      (n, width))
    table.values[relative] = gaps[relative]
    table.values[relative, 0] = np.nan
    table.goal[relative] = rng.choice([0.0, 1.0, 2.0], relative.sum())
    table.scope[relative] = rng.choice([T.EACH_YEAR, T.PERIOD_AVERAGE, T.END_YEAR],
                                       relative.sum())
    table.log_path[relative] = False
    table.pending[relative] = rng.random(relative.sum()) < 0.05
    in_step = relative & (rng.random(n) < 0.2)  # "与…基本同步": within ±0.5 points
    table.band[in_step] = True
    table.tolerance[in_step] = 0.5
    table.goal[in_step] = 0.0
    steady = bound & (rng.random(n) < 0.2)  # "稳定在 4% 左右"
    table.band[steady] = True
    table.goal[steady] = 4.0
    table.tolerance[steady] = 0.5

    direction = kind == T.DIRECTION_ONLY
    table.goal[direction] = np.nan
    table.sign[direction] = rng.choice([1.0, -1.0], direction.sum())

    declining = (kind == T.LEVEL) & (rng.random(n) < 0.2)
    table.sign[declining] = -1.0  # "≤" targets: energy intensity, PM2.5 …
    table.goal[declining] = level[declining] * np.exp(-0.04 * span)
    table.tolerance[growth] = np.where(rng.random(growth.sum()) < 0.3, table.goal[growth]
                                       - (table.goal[growth] ** (1 / span) - 0.005) ** span, 0.0)

    # Rarer shapes the engines must agree on too: ceilings on totals ("累计不超过"), flows
    # that touch zero (linear model), levels that cross zero (linear path), shares with
    # a direction only.
    ceiling = flows & (rng.random(n) < 0.15)
    table.sign[ceiling] = -1.0
    net = (kind == T.CUMULATIVE) & (rng.random(n) < 0.15)
    table.values[net] = np.round(table.values[net] / table.values[net, 1:2] * 3 - 2.5)
    crossing = (kind == T.LEVEL) & (rng.random(n) < 0.05)
    table.values[crossing] -= level[crossing, None] * 1.05
    table.goal[crossing] = np.abs(table.goal[crossing] - level[crossing])
    percent_direction = direction & (rng.random(n) < 0.3)
    table.log_path[percent_direction] = False
    table.percent[percent_direction] = True

    # Deadlines within a year ("五一"前, 年中): judged on a part-year figure dated at them.
    dated = rng.random(n) < 0.04
    table.deadline[dated] = start + years - 1 + rng.choice([0.25, 0.5, 0.75], dated.sum())

    _custom_paths(table, np.random.default_rng([seed, 1]), crossing | dated)

    table.values[:, ~seen] = np.nan
    gone = rng.random((n, width)) < missing
    gone[:, 0] &= rng.random(n) < 0.5
    table.values[gone] = np.nan
    part = ((rng.random(n) < 0.1) & (years < span)) | (dated & (rng.random(n) < 0.7))
    table.part_time[part] = np.where(dated, table.deadline, start + years + 0.5)[part]
    table.part_value[part] = np.where(flows, table.goal / span / 2, 1.0)[part] * np.where(
        flows, 1.0, np.nan_to_num(table.values[:, years], nan=1.0))[part] * rng.uniform(
        0.97, 1.05, part.sum())
    return table


CUSTOM_SHARE = 0.1  # of the kinds a plan schedules year by year (总施工图)


def _custom_paths(table: TargetTable, rng: np.random.Generator, excluded: np.ndarray) -> None:
    """Give some targets of the kinds a plan decomposes a schedule of their own: uneven
    yearly steps from the base (0 for flows) to the goal, front- or back-loaded. Its own
    generator, so the rest of the table is the same with or without them."""
    n = len(table)
    span = int(table.deadline[~excluded].max() - table.start[0]) if (~excluded).any() else 0
    scheduled_kinds = np.isin(table.kind, (T.LEVEL, T.SHARE, T.GROWTH, T.CUMULATIVE, T.COUNT))
    custom = scheduled_kinds & ~excluded & (rng.random(n) < CUSTOM_SHARE)
    if span < 1 or not custom.any():
        return
    steps = rng.uniform(0.2, 1.8, (n, span))
    share = np.cumsum(steps, axis=1) / steps.sum(1)[:, None]  # of the way, by each year end
    base, goal = table.values[:, 0:1], table.goal[:, None]
    flows = np.isin(table.kind, T.FLOW_KINDS)[:, None]
    geometric = table.log_path[:, None] & (base > 0) & (goal > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        path = np.where(flows, share * goal, np.where(
            geometric, base * (goal / base) ** share, base + share * (goal - base)))
    path[:, -1] = table.goal
    table.schedule[custom, 1:span + 1] = path[custom]
