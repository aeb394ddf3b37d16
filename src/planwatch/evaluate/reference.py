"""The per-target reference implementation of the method: plain Python, one target at a time.

It is the oracle for the vectorised engine (engine.py): both read a TargetTable and must give
the same results (tests and the benchmark check it). It favours the obvious over the fast;
docs/evaluation.md states the rules it implements.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special

from . import labels as L
from . import table as T
from .config import DEFAULT_CONFIG, EvaluationConfig
from .table import ResultTable, TargetTable


def assess_table(table: TargetTable, now: float,
                 config: EvaluationConfig = DEFAULT_CONFIG) -> ResultTable:
    results = ResultTable.empty(len(table))
    for i in range(len(table)):
        row = _Row(table, i)
        result = assess_row(row, now, config)
        for name, value in result.items():
            getattr(results, name)[i] = value
    return results


class _Row:
    """One target of a table as Python numbers."""

    def __init__(self, table: TargetTable, i: int) -> None:
        self.kind = int(table.kind[i])
        self.sign = float(table.sign[i])
        self.band = bool(table.band[i])
        self.log_path = bool(table.log_path[i])
        self.percent = bool(table.percent[i])
        self.binding = bool(table.binding[i])
        self.scope = int(table.scope[i])
        self.start = float(table.start[i])
        self.deadline = float(table.deadline[i])
        self.goal = float(table.goal[i])
        self.tolerance = float(table.tolerance[i])
        self.values = [float(v) for v in table.values[i]]
        self.part_time = float(table.part_time[i])
        self.part_value = float(table.part_value[i])
        self.pending = bool(table.pending[i])
        self.schedule = [float(v) for v in table.schedule[i]]
        self.custom = len(self.schedule) > 1 and not math.isnan(self.schedule[1])


def assess_row(row: _Row, now: float, config: EvaluationConfig) -> dict:
    if row.kind in T.PATH_KINDS:
        result = _path(row, now, config)
    elif row.kind == T.DIRECTION_ONLY:
        result = _direction(row, now, config)
    elif row.kind in T.FLOW_KINDS:
        result = _flow(row, now, config)
    elif row.kind == T.ZERO:
        result = _zero(row, now, config)
    elif row.kind == T.BOUND_EACH_YEAR:
        result = _bound(row, now, config)
    else:
        result = _relative(row, now, config)
    probability = result.get("probability", math.nan)
    result["outlook"] = outlook_of(probability, config)
    result["warning"] = row.binding and (result["status"] in L.WARNING_STATUSES
                                         or result["outlook"] in L.WARNING_OUTLOOKS)
    return result


# ---------------------------------------------------------------- shared pieces

def outlook_of(probability: float, config: EvaluationConfig) -> int:
    if math.isnan(probability):
        return L.NO_OUTLOOK
    if probability >= config.likely:
        return L.LIKELY
    if probability >= config.probable:
        return L.PROBABLE
    if probability >= config.at_risk:
        return L.AT_RISK
    return L.UNLIKELY


def ladder(ratio: float, config: EvaluationConfig) -> int:
    if ratio >= config.ahead:
        return L.AHEAD
    if ratio >= config.on_track:
        return L.ON_TRACK
    if ratio >= config.behind:
        return L.BEHIND
    if ratio >= config.well_behind:
        return L.WELL_BEHIND
    return L.MOVING_AWAY


def schedule_ratio(progress: float, elapsed: float, config: EvaluationConfig) -> float:
    """ρ = π/τ; early in the period the gap π − τ is measured against min_elapsed instead."""
    if elapsed >= config.min_elapsed:
        return progress / elapsed
    return 1.0 + (progress - elapsed) / config.min_elapsed


def attains(value: float, goal: float, sign: float, tolerance: float, band: bool) -> bool:
    slack = 1e-9 * max(1.0, abs(goal))  # figures equal to the goal up to rounding meet it
    if band:
        return abs(value - goal) <= tolerance + slack
    return sign * (value - goal) >= -tolerance - slack


def _annual(row: _Row, now: float, first: int) -> list[tuple[int, float]]:
    """(column, value) of the full-year figures from column `first` up to the deadline and
    the as-of time."""
    last = _last_column(row, now)
    return [(k, v) for k, v in enumerate(row.values)
            if first <= k <= last and not math.isnan(v)]


def _last_column(row: _Row, now: float) -> int:
    return int(min(row.deadline - row.start, math.floor(now + 1e-9) - row.start,
                   len(row.values) - 1))


def _annual_and_part(row: _Row, now: float):
    """The full years after the base as (column, value), and all points as (time, value)
    with the part-year figure last."""
    annual = _annual(row, now, 1)
    points = [(row.start + k, v) for k, v in annual]
    if _part(row, now, annual[-1][0] if annual else 0):
        points.append((row.part_time, row.part_value))
    return annual, points


def _final(row: _Row, now: float) -> float:
    """The figure at the deadline once it is in (NaN before): the deadline year's, or, for a
    deadline within a year ("五一"前), a part-year figure dated at it."""
    years = row.deadline - row.start
    k = int(years)
    if years == k:
        if k < len(row.values) and row.start + k <= now + 1e-9:
            return row.values[k]
        return math.nan
    annual = _annual(row, now, 1)
    if _part(row, now, annual[-1][0] if annual else 0) \
            and row.part_time >= row.deadline - 1e-9:
        return row.part_value
    return math.nan


def _part(row: _Row, now: float, after_column: int) -> bool:
    """Whether the part-year figure is later than the last full year and not after as-of."""
    t = row.part_time
    return (not math.isnan(t) and t > row.start + after_column and t <= now + 1e-9
            and t <= row.deadline + 1e-9)


def _prior_sd(row: _Row, log_scale: bool, scale: float, config: EvaluationConfig) -> float:
    if log_scale:
        return config.prior_sd_log
    if row.percent:
        return config.prior_sd_points
    return config.prior_sd_relative * scale


def _student_p(df: float, x: float) -> float:
    return float(special.stdtr(df, x))


def _quantile(df: float, config: EvaluationConfig) -> float:
    return float(special.stdtrit(df, 0.5 + config.interval / 2))


def _posterior_variance(sample_var: float, m: int, prior_sd: float,
                        config: EvaluationConfig) -> tuple[float, float]:
    """σ̃² shrunk toward the prior, and the Student-t degrees of freedom ν0 + m − 1."""
    nu = config.prior_weight
    variance = (nu * prior_sd ** 2 + (m - 1) * sample_var) / (nu + m - 1)
    return variance, nu + m - 1


def _sample_var(xs: list[float]) -> float:
    if len(xs) < 2:
        return 0.0
    mean = sum(xs) / len(xs)
    return sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)


def _weights(columns: list[int], config: EvaluationConfig) -> list[float]:
    last = columns[-1]
    return [config.recency ** (last - k) for k in columns]


def _weighted_mean(xs: list[float], ws: list[float]) -> tuple[float, float]:
    """The weighted mean and the effective number of points (Σw)²/Σw²."""
    total = sum(ws)
    return sum(w * x for w, x in zip(ws, xs, strict=True)) / total, total ** 2 / sum(
        w * w for w in ws)


def _random_walk(points: list[tuple[int, float]], config: EvaluationConfig):
    """Drift μ̂ (recency-weighted mean of annual changes), m_eff and the sample variance."""
    changes, columns = [], []
    for (k0, z0), (k1, z1) in zip(points, points[1:], strict=False):
        changes.append((z1 - z0) / (k1 - k0))
        columns.append(k1)
    drift, effective = _weighted_mean(changes, _weights(columns, config))
    return drift, effective, _sample_var(changes), len(changes)


def _scheduled(row: _Row, t: float, origin: float, log_scale: bool) -> float:
    """Where a custom path stands at time t: straight on the working scale between the
    year-end values around t, starting from `origin` (the base, or 0 for flows)."""
    f, f_inverse = _transform(log_scale)
    position = min(max(t - row.start, 0.0), row.deadline - row.start)
    k = min(math.floor(position + 1e-9), len(row.schedule) - 1)
    low = origin if k == 0 else row.schedule[k]
    high = row.schedule[min(k + 1, len(row.schedule) - 1)]
    return f_inverse(f(low) + (position - k) * (f(high) - f(low)))


def _deadline_outlook(met: bool, value: float) -> dict:
    return {"probability": 1.0 if met else 0.0, "projected": value, "low": value, "high": value}


def _with_interval(projected: float, low: float, high: float) -> tuple[float, float]:
    return min(low, projected), max(high, projected)


# ---------------------------------------------------------------- path kinds

def _transform(log_scale: bool):
    if log_scale:
        return math.log, math.exp
    return (lambda v: v), (lambda v: v)


def _path(row: _Row, now: float, config: EvaluationConfig) -> dict:
    annual, points = _annual_and_part(row, now)
    goal, base, sign, tol = row.goal, row.values[0], row.sign, row.tolerance
    if not points or math.isnan(goal):
        status = L.QUALITATIVE if row.kind == T.MILESTONE else L.INSUFFICIENT_DATA
        return {"status": status}
    final = _final(row, now)
    t, y = (row.deadline, final) if not math.isnan(final) else points[-1]
    threshold = goal - sign * tol
    log_scale = (row.log_path and goal > 0 and threshold > 0
                 and (math.isnan(base) or base > 0) and all(v > 0 for _, v in points)
                 and all(v > 0 for v in row.schedule if not math.isnan(v)))
    result = {"latest_time": t, "latest_value": y, "log_scale": log_scale,
              "elapsed": (t - row.start) / (row.deadline - row.start)}
    meets = attains(y, goal, sign, tol, False)
    capped = row.kind == T.GROWTH
    if not math.isnan(final):
        result["status"] = L.ACHIEVED if meets else L.MISSED
    elif math.isnan(base):
        result["status"] = L.ACHIEVED_EARLY if meets and not capped else L.INSUFFICIENT_DATA
    elif attains(base, goal, sign, tol, False):
        kept = all(attains(v, goal, sign, tol, False) for _, v in points)
        result["status"] = L.MAINTAINED if kept else L.BREACHED
    if not math.isnan(base) and not attains(base, goal, sign, tol, False):
        result.update(_path_schedule(row, t, y, log_scale, config))
        if "status" not in result:
            if meets:
                result["status"] = L.ON_TRACK if capped else L.ACHIEVED_EARLY
            else:
                status = ladder(result["ratio"], config)
                if status in (L.BEHIND, L.WELL_BEHIND, L.MOVING_AWAY) and result["gap"] >= -tol:
                    status = L.ON_TRACK
                if capped and status == L.AHEAD:
                    status = L.ON_TRACK
                result["status"] = status
    if row.kind != T.MILESTONE:
        result.update(_path_outlook(row, now, annual, final, log_scale, config))
    return result


def _path_schedule(row: _Row, t: float, y: float, log_scale: bool,
                   config: EvaluationConfig) -> dict:
    f, f_inverse = _transform(log_scale)
    base, goal = row.values[0], row.goal
    elapsed = (t - row.start) / (row.deadline - row.start)
    progress = (f(y) - f(base)) / (f(goal) - f(base))
    on_path = f_inverse(f(base) + elapsed * (f(goal) - f(base)))
    if row.custom:  # τ: the share of the way the plan's own schedule has gone by t
        on_path = _scheduled(row, t, base, log_scale)
        elapsed = (f(on_path) - f(base)) / (f(goal) - f(base))
    left, done = row.deadline - t, t - row.start
    if log_scale:
        required = ((goal / y) ** (1 / left) - 1) * 100 if left > 0 else math.nan
        observed = ((y / base) ** (1 / done) - 1) * 100
    else:
        required = (goal - y) / left if left > 0 else math.nan
        observed = (y - base) / done
    return {"progress": progress, "elapsed": elapsed,
            "ratio": schedule_ratio(progress, elapsed, config),
            "gap": row.sign * (y - on_path), "scheduled": on_path, "required_rate": required,
            "observed_rate": observed}


def _path_outlook(row: _Row, now: float, annual: list[tuple[int, float]], final: float,
                  log_scale: bool, config: EvaluationConfig) -> dict:
    as_growth = row.kind == T.GROWTH
    years = row.deadline - row.start

    def shown(value: float) -> float:  # a growth index is shown as the average annual %
        return (value ** (1 / years) - 1) * 100 if as_growth else value

    if not math.isnan(final):
        return _deadline_outlook(attains(final, row.goal, row.sign, row.tolerance, False),
                                 shown(final))
    if len(annual) < config.min_points:
        return {}
    points = ([(0, row.values[0])] if not math.isnan(row.values[0]) else []) + annual
    f, f_inverse = _transform(log_scale)
    zs = [(k, f(v)) for k, v in points]
    drift, effective, sample_var, m = _random_walk(zs, config)
    k_last, z_last = zs[-1]
    scale_level = max(abs(v) for v in [row.goal] + [v for _, v in points])
    variance, df = _posterior_variance(sample_var, m, _prior_sd(row, log_scale, scale_level,
                                                                config), config)
    h = years - k_last
    centre = z_last + h * drift
    spread = math.sqrt(variance * (h + h * h / effective))
    threshold = f(row.goal - row.sign * row.tolerance)
    q = _quantile(df, config)
    projection = [shown(f_inverse(centre + z * q * spread)) for z in (0, -1, 1)]
    if row.kind == T.SHARE and row.percent and all(0 <= v <= 100 for _, v in points):
        projection = [min(100.0, max(0.0, v)) for v in projection]  # a share stays a share
    return {"probability": _student_p(df, row.sign * (centre - threshold) / spread),
            **dict(zip(("projected", "low", "high"), projection, strict=True))}


# ---------------------------------------------------------------- direction only

def _direction(row: _Row, now: float, config: EvaluationConfig) -> dict:
    annual = _annual(row, now, 0)
    if len(annual) < 2:
        return {"status": L.INSUFFICIENT_DATA}
    (k0, base), (k_last, y) = annual[0], annual[-1]
    log_scale = row.log_path and all(v > 0 for _, v in annual)
    done = k_last - k0
    if log_scale:
        rate = ((y / base) ** (1 / done) - 1) * 100
    elif row.percent:
        rate = (y - base) / done
    elif base != 0:
        rate = (y - base) / abs(base) * 100 / done
    else:
        return {"status": L.INSUFFICIENT_DATA}
    final = _final(row, now)
    result = {"latest_time": row.start + k_last, "latest_value": y, "log_scale": log_scale,
              "observed_rate": rate,
              "elapsed": (k_last) / (row.deadline - row.start)}
    if not math.isnan(final):
        result["status"] = L.ACHIEVED if row.sign * (final - base) > 0 else L.MISSED
        result.update(_deadline_outlook(result["status"] == L.ACHIEVED, final))
        return result
    progress_rate = row.sign * rate
    if progress_rate >= config.direction_significant:
        result["status"] = L.ON_TRACK
    elif progress_rate >= 0:
        result["status"] = L.BEHIND
    else:
        result["status"] = L.MOVING_AWAY
    if len(annual) - 1 >= config.min_points:
        f, f_inverse = _transform(log_scale)
        zs = [(k, f(v)) for k, v in annual]
        drift, effective, sample_var, m = _random_walk(zs, config)
        scale_level = max(abs(v) for _, v in annual)
        variance, df = _posterior_variance(
            sample_var, m, _prior_sd(row, log_scale, scale_level, config), config)
        h = row.deadline - row.start - k_last
        centre = zs[-1][1] + h * drift
        spread = math.sqrt(variance * (h + h * h / effective))
        q = _quantile(df, config)
        result.update({
            "probability": _student_p(df, row.sign * (centre - f(base)) / spread),
            "projected": f_inverse(centre), "low": f_inverse(centre - q * spread),
            "high": f_inverse(centre + q * spread)})
    return result


# ---------------------------------------------------------------- cumulative and count

def _flow(row: _Row, now: float, config: EvaluationConfig) -> dict:
    annual = _annual(row, now, 1)
    last_annual = annual[-1][0] if annual else 0
    with_part = _part(row, now, last_annual)
    if not annual and not with_part:
        return {"status": L.INSUFFICIENT_DATA}
    annual_total = sum(v for _, v in annual)
    total = annual_total + (row.part_value if with_part else 0.0)
    t = row.part_time if with_part else row.start + last_annual
    goal, sign, tol = row.goal, row.sign, row.tolerance
    final = _final(row, now)
    elapsed = (t - row.start) / (row.deadline - row.start)
    if row.custom:  # the plan's running total by t, as a share of the goal
        elapsed = _scheduled(row, t, 0.0, False) / goal
    progress = total / goal
    gap = sign * (total - elapsed * goal)
    left = row.deadline - t
    result = {"latest_time": t, "latest_value": total, "elapsed": elapsed,
              "progress": progress, "ratio": schedule_ratio(progress, elapsed, config),
              "gap": gap, "scheduled": elapsed * goal,
              "required_rate": (goal - total) / left if left > 0 else math.nan,
              "observed_rate": (annual[-1][1] if row.kind == T.CUMULATIVE and annual
                                else total / (t - row.start))}
    meets = attains(total, goal, sign, tol, False)
    if not math.isnan(final):
        result["status"] = L.ACHIEVED if meets else L.MISSED
        result.update(_deadline_outlook(meets, total))
        return result
    if sign > 0:
        if meets:
            result["status"] = L.ACHIEVED_EARLY
        else:
            status = ladder(result["ratio"], config)
            if status in (L.BEHIND, L.WELL_BEHIND, L.MOVING_AWAY) and gap >= -tol:
                status = L.ON_TRACK
            result["status"] = status
    else:
        result["status"] = (L.BREACHED if not meets
                            else L.ON_TRACK if gap >= -tol else L.BEHIND)
    if row.kind == T.CUMULATIVE:
        result.update(_cumulative_outlook(row, annual, annual_total, config))
    else:
        points = len(annual) + (1 if with_part else 0)
        result.update(_count_outlook(row, total, t, left, points, config))
    return result


def _cumulative_outlook(row: _Row, annual: list[tuple[int, float]], annual_total: float,
                        config: EvaluationConfig) -> dict:
    h = int(row.deadline - row.start) - annual[-1][0] if annual else 0
    if len(annual) < config.min_points or h < 1:  # no full year left to project
        return {}
    log_scale = all(v > 0 for _, v in annual)
    result: dict = {"log_scale": log_scale}
    f, _ = _transform(log_scale)
    zs = [(k, f(v)) for k, v in annual]
    drift, effective, sample_var, m = _random_walk(zs, config)
    scale_level = max(abs(v) for v in [row.goal] + [v for _, v in annual])
    variance, df = _posterior_variance(
        sample_var, m, _prior_sd(row, log_scale, scale_level, config), config)
    z_last = zs[-1][1]
    need = row.goal - row.sign * row.tolerance - annual_total
    q = _quantile(df, config)
    if log_scale:
        # Fenton–Wilkinson: the sum of the correlated lognormal future flows as one lognormal.
        means = [z_last + j * drift for j in range(1, h + 1)]
        covariance = [[variance * (min(i, j) + i * j / effective) for j in range(1, h + 1)]
                      for i in range(1, h + 1)]
        first = sum(math.exp(means[i] + covariance[i][i] / 2) for i in range(h))
        second = sum(math.exp(means[i] + means[j] + (covariance[i][i] + covariance[j][j]) / 2
                              + covariance[i][j]) for i in range(h) for j in range(h))
        log_var = math.log(second / first ** 2)
        centre, spread = math.log(first) - log_var / 2, math.sqrt(log_var)
        if need > 0:
            probability = _student_p(df, row.sign * (centre - math.log(need)) / spread)
        else:
            probability = 1.0 if row.sign > 0 else 0.0
        projected = annual_total + math.exp(centre)
        low = annual_total + math.exp(centre - q * spread)
        high = annual_total + math.exp(centre + q * spread)
    else:
        steps = h * (h + 1) / 2
        centre = h * z_last + drift * steps
        spread = math.sqrt(variance * (h * (h + 1) * (2 * h + 1) / 6 + steps ** 2 / effective))
        probability = _student_p(df, row.sign * (centre - need) / spread)
        projected = annual_total + centre
        low, high = projected - q * spread, projected + q * spread
    result.update({"probability": probability, "projected": projected, "low": low,
                   "high": high})
    return result


def _count_outlook(row: _Row, total: float, t: float, left: float, points: int,
                   config: EvaluationConfig) -> dict:
    if points < config.min_points:
        return {}
    expected = total / (t - row.start) * left
    if row.sign > 0:
        needed = math.ceil(row.goal - row.tolerance - total - 1e-9)
        if needed <= 0:
            probability = 1.0
        elif expected <= 0:
            probability = 0.0
        else:
            probability = float(special.gammainc(needed, expected))
    else:
        allowed = math.floor(row.goal + row.tolerance - total + 1e-9)
        probability = 0.0 if allowed < 0 else float(special.pdtr(allowed, expected))
    low, high = _poisson_interval(expected, config)
    low, high = _with_interval(total + expected, total + low, total + high)
    return {"probability": probability, "projected": total + expected, "low": low,
            "high": high}


def _poisson_interval(mean: float, config: EvaluationConfig) -> tuple[float, float]:
    tail = (1 - config.interval) / 2
    return poisson_quantile(tail, mean), poisson_quantile(1 - tail, mean)


def poisson_quantile(p: float, mean: float) -> float:
    """The smallest k with P(X ≤ k) ≥ p for X ~ Poisson(mean)."""
    if mean <= 0:
        return 0.0
    k = 0
    while special.pdtr(k, mean) < p:
        k += 1
    return float(k)


# ---------------------------------------------------------------- zero

def _zero(row: _Row, now: float, config: EvaluationConfig) -> dict:
    annual, points = _annual_and_part(row, now)
    if not points:
        return {"status": L.INSUFFICIENT_DATA}
    goal, sign, tol, base = row.goal, row.sign, row.tolerance, row.values[0]
    final = _final(row, now)
    t, y = (row.deadline, final) if not math.isnan(final) else points[-1]
    result = {"latest_time": t, "latest_value": y,
              "elapsed": (t - row.start) / (row.deadline - row.start)}
    earlier = ([base] if not math.isnan(base) else []) + [v for s, v in points if s < t]
    if not math.isnan(base) and not attains(base, goal, sign, tol, False):
        result.update(_path_schedule(row, t, y, False, config))
    if not math.isnan(final):
        result["status"] = L.ACHIEVED if attains(final, goal, sign, tol, False) else L.MISSED
    elif attains(y, goal, sign, tol, False):
        result["status"] = L.ZERO_HELD
    elif any(attains(v, goal, sign, tol, False) for v in earlier):
        result["status"] = L.REBOUND
    elif math.isnan(base):
        result["status"] = L.INSUFFICIENT_DATA
    else:
        status = ladder(result["ratio"], config)
        if status in (L.BEHIND, L.WELL_BEHIND, L.MOVING_AWAY) and result["gap"] >= -tol:
            status = L.ON_TRACK
        result["status"] = status
    result.update(_zero_outlook(row, now, annual, final, config))
    return result


def _zero_outlook(row: _Row, now: float, annual: list[tuple[int, float]], final: float,
                  config: EvaluationConfig) -> dict:
    if not math.isnan(final):
        return _deadline_outlook(attains(final, row.goal, row.sign, row.tolerance, False),
                                 final)
    h = int(row.deadline - row.start) - annual[-1][0] if annual else 0
    if len(annual) < config.min_points or h < 1:
        return {}
    points = ([(0, row.values[0])] if not math.isnan(row.values[0]) else []) + annual
    (k_first, first), (k_last, last) = points[0], points[-1]
    smooth = config.zero_smoothing
    decay = ((last + smooth) / (first + smooth)) ** (1 / (k_last - k_first))
    rates = [(last + smooth) * decay ** j for j in range(1, h + 1)]
    expected = sum(rates) if row.scope == T.EACH_YEAR else rates[-1]
    low, high = _poisson_interval(rates[-1], config)
    low, high = _with_interval(rates[-1], low, high)
    return {"probability": math.exp(-expected), "projected": rates[-1], "low": low,
            "high": high}


# ---------------------------------------------------------------- bound kept every year

def _bound(row: _Row, now: float, config: EvaluationConfig) -> dict:
    annual, points = _annual_and_part(row, now)
    if not points:
        return {"status": L.INSUFFICIENT_DATA}
    goal, sign, tol, band = row.goal, row.sign, row.tolerance, row.band
    ok = [attains(v, goal, sign, tol, band) for _, v in points]
    t, y = points[-1]
    breaches = ok.count(False)
    result = {"latest_time": t, "latest_value": y, "breaches": float(breaches),
              "elapsed": min(1.0, (t - row.start) / (row.deadline - row.start)),
              "gap": tol - abs(y - goal) if band else sign * (y - goal)}
    final = _final(row, now)
    if not math.isnan(final):
        result["status"] = L.ACHIEVED if breaches == 0 else L.MISSED
        result.update(_deadline_outlook(breaches == 0, final))
        return result
    result["status"] = L.MAINTAINED if breaches == 0 else L.BREACHED
    levels = ([(0, row.values[0])] if not math.isnan(row.values[0]) else []) + annual
    if len(annual) >= config.min_points:
        result.update(_steady_outlook(row, levels, breaches, config.prior_sd_relative * max(
            abs(goal), max(abs(v) for _, v in levels)), config))
    return result


def _steady_outlook(row: _Row, points: list[tuple[int, float]], breaches: int,
                    prior_scale: float, config: EvaluationConfig) -> dict:
    """Future years drawn around the recency-weighted mean level: the chance every remaining
    year keeps the bound (each_year), or the final year does, or the period average does."""
    xs = [v for _, v in points]
    mean, effective = _weighted_mean(xs, _weights([k for k, _ in points], config))
    if row.kind == T.RELATIVE:
        prior = config.prior_sd_gap_points
    else:
        prior = config.prior_sd_points if row.percent else prior_scale
    variance, df = _posterior_variance(_sample_var(xs), len(xs), prior, config)
    h = int(row.deadline - row.start) - points[-1][0]
    if h < 1:
        return {}
    q = _quantile(df, config)
    goal, sign, tol = row.goal, row.sign, row.tolerance
    averaged = row.kind == T.RELATIVE and row.scope == T.PERIOD_AVERAGE
    total, count = sum(xs), len(xs) + h
    if averaged:  # the mean of the remaining h years must bring the period's mean in
        spread = math.sqrt(variance * (1 / h + 1 / effective))

        def needed(bound: float) -> float:
            return (bound * count - total) / h
    else:  # one future year's value
        spread = math.sqrt(variance * (1 + 1 / effective))

        def needed(bound: float) -> float:
            return bound
    required = needed(goal - sign * tol)
    if row.band:
        meets = (_student_p(df, (needed(goal + tol) - mean) / spread)
                 - _student_p(df, (needed(goal - tol) - mean) / spread))
    else:
        meets = _student_p(df, sign * (mean - required) / spread)
    every_year = row.scope == T.EACH_YEAR or row.kind == T.BOUND_EACH_YEAR
    result = {"probability": (0.0 if breaches else meets ** h) if every_year else meets}
    if averaged:
        result.update({"projected": (total + h * mean) / count,
                       "low": (total + h * (mean - q * spread)) / count,
                       "high": (total + h * (mean + q * spread)) / count,
                       "required_rate": required})
    else:
        result.update({"projected": mean, "low": mean - q * spread, "high": mean + q * spread})
    return result


# ---------------------------------------------------------------- relative

def _relative(row: _Row, now: float, config: EvaluationConfig) -> dict:
    annual = _annual(row, now, 1)
    if not annual:
        return {"status": L.PENDING_DATA if row.pending else L.INSUFFICIENT_DATA}
    goal, sign, tol, band = row.goal, row.sign, row.tolerance, row.band
    gaps = [v for _, v in annual]
    ok = [attains(v, goal, sign, tol, band) for v in gaps]
    k_last = annual[-1][0]
    statistic = sum(gaps) / len(gaps) if row.scope == T.PERIOD_AVERAGE else gaps[-1]
    breaches = ok.count(False)
    result = {"latest_time": row.start + k_last, "latest_value": gaps[-1],
              "elapsed": k_last / (row.deadline - row.start), "observed_rate": statistic,
              "gap": tol - abs(statistic - goal) if band else sign * (statistic - goal),
              "breaches": float(breaches)}
    final = _final(row, now)
    met = breaches == 0 if row.scope == T.EACH_YEAR else attains(statistic, goal, sign, tol,
                                                                   band)
    if not math.isnan(final):
        result["status"] = L.ACHIEVED if met else L.MISSED
        result.update(_deadline_outlook(met, statistic))
        return result
    if row.pending:
        result["status"] = L.PENDING_DATA
    elif row.scope == T.EACH_YEAR:
        result["status"] = L.ON_TRACK if met else L.BREACHED
    elif met:
        result["status"] = L.ON_TRACK
    elif result["gap"] >= -tol - config.relative_behind_points:
        result["status"] = L.BEHIND
    else:
        result["status"] = L.WELL_BEHIND
    if len(annual) >= config.min_points:
        result.update(_steady_outlook(row, annual, breaches, 0.0, config))
    return result


def results_equal(a: ResultTable, b: ResultTable, tolerance: float = 1e-9) -> list[str]:
    """The fields on which two result tables differ (beyond `tolerance`, relative)."""
    differing = []
    for name in ("status", "outlook", "warning", "log_scale"):
        if not np.array_equal(getattr(a, name), getattr(b, name)):
            differing.append(name)
    for name in T.RESULT_FLOATS:
        x, y = getattr(a, name), getattr(b, name)
        if not np.allclose(x, y, rtol=tolerance, atol=tolerance, equal_nan=True):
            differing.append(name)
    return differing
