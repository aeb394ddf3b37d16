"""The vectorised engine: the method of reference.py over whole columns of targets at once.

Targets are grouped by family (path kinds, direction, flows, zero, bound, relative); each
family is computed with array operations over its rows, in chunks that keep the temporaries
small. Probabilities are closed forms (Student-t, Fenton–Wilkinson, Poisson), so results are
deterministic and equal the reference's to rounding.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy import special

from . import labels as L
from . import table as T
from .config import DEFAULT_CONFIG, EvaluationConfig
from .table import ResultTable, TargetTable

CHUNK = 1 << 15
_EPS = 1e-9


def assess_table(table: TargetTable, now: float, config: EvaluationConfig = DEFAULT_CONFIG,
                 *, chunk: int = CHUNK, workers: int = 1) -> ResultTable:
    """Assess every target of the table as of time `now` (planwatch.evaluate.plan_time).

    Targets are ordered by family (path kinds, direction, flows, zero, bound, relative) and
    cut into chunks of one family each. With workers > 1 the chunks run on that many threads
    (NumPy and SciPy release the GIL inside their loops): faster on idle cores, slower on a
    machine already busy, hence one thread unless asked.
    """
    results = ResultTable.empty(len(table))
    # The figures as years × targets: operations over the few years then run along long
    # contiguous rows of targets. Years after the as-of date (or every deadline) are left out.
    usable_years = np.minimum(table.deadline, np.floor(now + _EPS)) - table.start
    width = int(np.clip(np.nanmax(usable_years, initial=0.0), 0, table.values.shape[1] - 1)) + 1
    figures = np.ascontiguousarray(table.values[:, :width].T)
    # Targets on a custom path: only their chunks carry the schedule matrix.
    custom = on_custom_path(table.schedule)
    family = _FAMILY_OF_KIND[table.kind]
    order = np.argsort(family, kind="stable")
    bounds = np.searchsorted(family[order], np.arange(len(_FAMILIES) + 1))
    pieces = [(number, order[first:min(bounds[number + 1], first + chunk)])
              for number in range(len(_FAMILIES))
              for first in range(bounds[number], bounds[number + 1], chunk)]

    def run(piece) -> None:
        number, rows = piece
        part = ResultTable.empty(len(rows))
        chunk_table = table.take(rows, values=False)
        if custom[rows].any():
            chunk_table.schedule = table.schedule[rows]
        with np.errstate(all="ignore"):  # masked-out lanes compute log(−1) etc.; never used
            columns = _Columns(chunk_table, figures[:, rows], now)
            _FAMILY_RULES[number](columns, part, config)
        part.outlook[:] = outlook_of(part.probability, config)
        part.warning[:] = table.binding[rows] & (_WARNING_STATUS[part.status]
                                                 | _WARNING_OUTLOOK[part.outlook])
        results.put(rows, part)

    if workers <= 1 or len(pieces) <= 1:
        for piece in pieces:
            run(piece)
    else:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(run, pieces))
    return results


def on_custom_path(schedule: np.ndarray) -> np.ndarray:
    """Rows whose schedule is set: a custom path has every year from the first on
    (TargetTable.schedule), so its first year tells."""
    if schedule.shape[1] < 2:
        return np.zeros(len(schedule), bool)
    return ~np.isnan(schedule[:, 1])


_FAMILIES = (T.PATH_KINDS, (T.DIRECTION_ONLY,), T.FLOW_KINDS, (T.ZERO,), (T.BOUND_EACH_YEAR,),
             (T.RELATIVE,))
_FAMILY_OF_KIND = np.zeros(len(T.KINDS), np.int8)
for _number, _kinds in enumerate(_FAMILIES):
    _FAMILY_OF_KIND[list(_kinds)] = _number
_WARNING_STATUS = np.isin(np.arange(len(L.STATUSES)), list(L.WARNING_STATUSES))
_WARNING_OUTLOOK = np.isin(np.arange(len(L.OUTLOOKS)), list(L.WARNING_OUTLOOKS))


def outlook_of(probability: np.ndarray, config: EvaluationConfig) -> np.ndarray:
    return np.select(
        [np.isnan(probability), probability >= config.likely, probability >= config.probable,
         probability >= config.at_risk], [L.NO_OUTLOOK, L.LIKELY, L.PROBABLE, L.AT_RISK],
        L.UNLIKELY).astype(np.int8)


def ladder(ratio: np.ndarray, config: EvaluationConfig) -> np.ndarray:
    return np.select(
        [ratio >= config.ahead, ratio >= config.on_track, ratio >= config.behind,
         ratio >= config.well_behind], [L.AHEAD, L.ON_TRACK, L.BEHIND, L.WELL_BEHIND],
        L.MOVING_AWAY)


def _rescued(status: np.ndarray, gap: np.ndarray, tolerance: np.ndarray) -> np.ndarray:
    """Within tolerance of the path counts as 基本符合预期."""
    lagging = np.isin(status, (L.BEHIND, L.WELL_BEHIND, L.MOVING_AWAY))
    return np.where(lagging & (gap >= -tolerance), L.ON_TRACK, status)


def schedule_ratio(progress, elapsed, config: EvaluationConfig):
    return np.where(elapsed >= config.min_elapsed, progress / elapsed,
                    1.0 + (progress - elapsed) / config.min_elapsed)


def attains(value, goal, sign, tolerance, band):
    slack = 1e-9 * np.maximum(1.0, np.abs(goal))
    one_sided = sign * (value - goal) >= -tolerance - slack
    if not np.any(band):
        return one_sided
    return np.where(band, np.abs(value - goal) <= tolerance + slack, one_sided)


class _Columns:
    """The masks and positions every family needs, computed once per chunk."""

    def __init__(self, table: TargetTable, figures: np.ndarray, now: float) -> None:
        self.table = table
        self.figures = figures  # years × targets
        width, n = figures.shape
        self.n, self.width = n, width
        self.k = np.arange(width)[:, None]
        self.rows = np.arange(n)
        self.years = table.deadline - table.start
        last = np.minimum(np.minimum(self.years, np.floor(now + _EPS) - table.start), width - 1)
        present = ~np.isnan(self.figures)
        self.upto = (self.k <= last) & present  # full years from the base on
        self.annual = self.upto & (self.k >= 1)  # full years after the base
        self.count = self.annual.sum(0)
        self.last = np.where(self.annual, self.k, -1).max(0)
        self.base = self.figures[0]
        pt = table.part_time
        self.part = (~np.isnan(pt) & (pt > table.start + np.maximum(self.last, 0))
                     & (pt <= now + _EPS) & (pt <= table.deadline + _EPS))
        # The figure at the deadline: the deadline year's, or for a deadline within a year
        # ("五一"前) a part-year figure dated at it.
        final_k = self.years.astype(np.int64)
        final_in = ((self.years == final_k) & (final_k < width)
                    & (table.start + final_k <= now + _EPS))
        self.final = np.where(final_in, self.figures[np.minimum(final_k, width - 1), self.rows],
                              np.where(self.part & (pt >= table.deadline - _EPS),
                                       table.part_value, np.nan))
        self.has_final = ~np.isnan(self.final)
        # Full years left after the last full year's figure, for models of yearly figures.
        self.years_left = final_k - self.last
        self.last_value = self.figures[np.maximum(self.last, 0), self.rows]
        self.has_points = (self.count > 0) | self.part
        # The latest figure: the deadline year's, else the part-year one, else the last year's.
        self.time = np.where(self.has_final, table.deadline, np.where(
            self.part, pt, table.start + self.last))
        self.value = np.where(self.has_final, self.final, np.where(
            self.part, table.part_value, self.last_value))
        # Rows on a custom path: the plan's own schedule by year (TargetTable.schedule; a
        # chunk without one has an empty schedule matrix).
        self.custom = on_custom_path(table.schedule)

    def all_annual(self, condition: np.ndarray) -> np.ndarray:
        return (condition | ~self.annual).all(0)

    def elapsed(self) -> np.ndarray:
        return (self.time - self.table.start) / self.years

    def scheduled(self, time: np.ndarray, origin: np.ndarray, log_scale) -> np.ndarray:
        """Where a custom path stands at `time`: straight on the working scale between the
        year-end values around it, from `origin` (the base, or 0 for flows) at the base year.
        NaN on the other rows."""
        schedule = self.table.schedule
        width = schedule.shape[1]
        position = np.clip(time - self.table.start, 0.0, self.years)
        k = np.clip(np.floor(position + _EPS), 0, width - 1).astype(np.int64)
        after = np.minimum(k + 1, width - 1)
        low = np.where(k == 0, origin, schedule[self.rows, k])
        high = schedule[self.rows, after]
        f_low, f_high = (_log_or_linear(v, log_scale) for v in (low, high))
        return np.where(self.custom, _unlog(f_low + (position - k) * (f_high - f_low),
                                            log_scale), np.nan)

    def schedule_positive(self) -> np.ndarray:
        """Custom rows whose every year-end value is positive (a log scale needs it); True on
        the other rows."""
        return ~self.custom | ((self.table.schedule > 0) | np.isnan(self.table.schedule)).all(1)


def _student_p(df, x, where: np.ndarray) -> np.ndarray:
    """The Student-t CDF, evaluated only where it is used (it is the costliest step)."""
    return _only(where, student_cdf, df, x)


def student_cdf(df: np.ndarray, x: np.ndarray) -> np.ndarray:
    """P(T ≤ x) for Student-t with df degrees of freedom, as scipy.special.stdtr gives it.

    Degrees of freedom here are ν0 + m − 1: a handful of integers. For those the CDF has a
    closed form in θ = atan(x/√ν) (Abramowitz & Stegun 26.7.3–4), needing no special
    function for even ν and one arctan for odd ν; other values go to stdtr.
    """
    df = np.broadcast_to(df, np.shape(x))
    out = np.empty(np.shape(x))
    for nu in np.unique(df):
        chosen = df == nu
        if nu == int(nu) and 1 <= nu <= 200:
            out[chosen] = _integer_student_cdf(int(nu), x[chosen])
        else:
            out[chosen] = special.stdtr(nu, x[chosen])
    return out


def _integer_student_cdf(nu: int, x: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", over="ignore"):
        cosine2 = nu / (nu + x * x)  # cos²θ
        sine = np.sign(x) / np.sqrt(1 + nu / (x * x))  # sinθ, finite at 0 and ±∞
    total, term = np.ones_like(x), np.ones_like(x)
    if nu % 2:
        for j in range(1, (nu - 3) // 2 + 1):
            term = term * cosine2 * (2 * j) / (2 * j + 1)
            total += term
        theta = np.arctan(x / np.sqrt(nu))
        inner = theta if nu == 1 else theta + sine * np.sqrt(cosine2) * total
        return _probability(0.5 + inner / np.pi)
    for j in range(1, (nu - 2) // 2 + 1):
        term = term * cosine2 * (2 * j - 1) / (2 * j)
        total += term
    return _probability(0.5 + 0.5 * sine * total)


def _probability(p: np.ndarray) -> np.ndarray:
    """0.5 − 0.5 far in a tail can round to −1e-16: a probability stays within [0, 1]."""
    return np.clip(p, 0.0, 1.0)


def _only(where: np.ndarray, function, *args) -> np.ndarray:
    out = np.full(where.shape, np.nan)
    if where.any():
        out[where] = function(*(np.broadcast_to(a, where.shape)[where] for a in args))
    return out


def _quantile(df, config: EvaluationConfig):
    # Degrees of freedom take a handful of values (ν0 + m − 1): invert the t CDF once each.
    distinct, position = np.unique(df, return_inverse=True)
    return special.stdtrit(distinct, 0.5 + config.interval / 2)[position]


def _prior_sd(table: TargetTable, log_scale, scale, config: EvaluationConfig):
    return np.where(log_scale, config.prior_sd_log,
                    np.where(table.percent, config.prior_sd_points,
                             config.prior_sd_relative * scale))


def _posterior_variance(sample_var, m, prior_sd, config: EvaluationConfig):
    nu = config.prior_weight
    return (nu * prior_sd ** 2 + (m - 1) * sample_var) / (nu + m - 1), nu + m - 1


def _weighted(values: np.ndarray, mask: np.ndarray, config: EvaluationConfig):
    """Recency-weighted mean over the masked cells (weight λ^(last − k)), effective count
    (Σw)²/Σw², sample variance, count, the last masked column and the plain sum.

    One pass over the few years, each step a whole row of targets: running sums are scaled
    by λ^gap whenever a later figure arrives, so they end up weighted from the last one.
    """
    width, n = values.shape
    powers = config.recency ** np.arange(width, dtype=float)
    total, weighted, squares = np.zeros(n), np.zeros(n), np.zeros(n)
    plain, plain_squares = np.zeros(n), np.zeros(n)
    count, last = np.zeros(n, np.int64), np.zeros(n, np.int64)
    for k in range(width):
        seen = mask[k]
        decay = np.where(seen, powers[k - last], 1.0)  # sums are empty until the first figure
        x = np.where(seen, values[k], 0.0)
        total = total * decay + seen
        weighted = weighted * decay + x
        squares = squares * (decay * decay) + seen
        plain += x
        plain_squares += x * x
        count += seen
        last = np.where(seen, k, last)
    # Σ(x − mean)² = Σx² − (Σx)²/m: the figures are few and of one scale, so no cancellation
    # that matters at 1e-9.
    deviations = np.maximum(plain_squares - plain * plain / np.maximum(count, 1), 0.0)
    variance = np.where(count >= 2, deviations / np.maximum(count - 1, 1), 0.0)
    return (weighted / total, total ** 2 / squares, variance, count,
            np.where(count > 0, last, -1), plain)


def _random_walk(z: np.ndarray, mask: np.ndarray, config: EvaluationConfig):
    """Annual changes between consecutive points (per year across gaps), then their
    weighted drift and spread; also the last point's column and value."""
    width, n = z.shape
    changes, is_change = np.zeros((width, n)), np.zeros((width, n), bool)
    previous, previous_k = np.zeros(n), np.full(n, -1)
    for k in range(width):
        seen = mask[k]
        is_change[k] = seen & (previous_k >= 0)
        changes[k] = (z[k] - previous) / np.where(is_change[k], k - previous_k, 1)
        previous = np.where(seen, z[k], previous)
        previous_k = np.where(seen, k, previous_k)
    drift, effective, variance, m, _, _ = _weighted(changes, is_change, config)
    return drift, effective, variance, m, previous_k, previous


def _log_or_linear(values, log_scale):
    """ln of the values of log-scale targets, the values themselves for the others."""
    values = np.asarray(values, dtype=float)
    return np.log(values, out=values.copy(), where=np.broadcast_to(log_scale, values.shape))


def _unlog(values, log_scale):
    return np.where(log_scale, np.exp(values), values)


def _set(result: ResultTable, where: np.ndarray, **columns) -> None:
    for name, column in columns.items():
        target = getattr(result, name)
        target[where] = np.broadcast_to(column, where.shape)[where]


def _deadline_outlook(result: ResultTable, where, met, value) -> None:
    _set(result, where, probability=np.where(met, 1.0, 0.0), projected=value, low=value,
         high=value)


# ---------------------------------------------------------------- path kinds

def _path(c: _Columns, result: ResultTable, config: EvaluationConfig) -> None:
    t = c.table
    goal, sign, tol, base = t.goal, t.sign, t.tolerance, c.base
    threshold = goal - sign * tol
    all_positive = c.all_annual(c.figures > 0) & (~c.part | (t.part_value > 0))
    log_scale = (t.log_path & (goal > 0) & (threshold > 0) & (np.isnan(base) | (base > 0))
                 & all_positive & c.schedule_positive())
    no_band = np.zeros(c.n, bool)
    meets = attains(c.value, goal, sign, tol, no_band)
    capped = t.kind == T.GROWTH
    base_known = ~np.isnan(base)
    base_meets = base_known & attains(base, goal, sign, tol, no_band)
    # Every figure since the base within the goal: only asked where the base met it.
    kept = np.zeros(c.n, bool)
    m = np.flatnonzero(base_meets)
    within = attains(c.figures[:, m], goal[m], sign[m], tol[m], False) | ~c.annual[:, m]
    part_within = ~c.part[m] | attains(t.part_value[m], goal[m], sign[m], tol[m], False)
    kept[m] = within.all(0) & part_within
    scheduled = base_known & ~base_meets
    progress, elapsed, ratio, gap, on_path, required, observed = _path_schedule(
        c, log_scale, config)
    judged = ladder(ratio, config)
    judged = _rescued(judged, gap, tol)
    judged = np.where(capped & (judged == L.AHEAD), L.ON_TRACK, judged)
    judged = np.where(meets, np.where(capped, L.ON_TRACK, L.ACHIEVED_EARLY), judged)
    usable = c.has_points & ~np.isnan(goal)
    status = np.select(
        [~usable & (t.kind == T.MILESTONE), ~usable, c.has_final,
         ~base_known, base_meets],
        [L.QUALITATIVE, L.INSUFFICIENT_DATA, np.where(meets, L.ACHIEVED, L.MISSED),
         np.where(meets & ~capped, L.ACHIEVED_EARLY, L.INSUFFICIENT_DATA),
         np.where(kept, L.MAINTAINED, L.BREACHED)], judged)
    result.status[:] = status
    _set(result, usable, latest_time=c.time, latest_value=c.value, log_scale=log_scale,
         elapsed=c.elapsed())
    _set(result, usable & scheduled, progress=progress, elapsed=elapsed, ratio=ratio, gap=gap,
         scheduled=on_path, required_rate=required, observed_rate=observed)
    _path_outlook(c, result, usable & (t.kind != T.MILESTONE), log_scale, config)


def _path_schedule(c: _Columns, log_scale, config: EvaluationConfig):
    t = c.table
    base, goal, y = c.base, t.goal, c.value
    fb, fg, fy = (_log_or_linear(v, log_scale) for v in (base, goal, y))
    elapsed = c.elapsed()
    progress = (fy - fb) / (fg - fb)
    on_path = _unlog(fb + elapsed * (fg - fb), log_scale)
    if c.custom.any():  # τ is the share of the way the plan's own schedule has gone by now
        planned = c.scheduled(c.time, base, log_scale)
        elapsed = np.where(c.custom, (_log_or_linear(planned, log_scale) - fb) / (fg - fb),
                           elapsed)
        on_path = np.where(c.custom, planned, on_path)
    left, done = t.deadline - c.time, c.time - t.start
    required = np.where(log_scale, ((goal / y) ** (1 / left) - 1) * 100, (goal - y) / left)
    required = np.where(left > 0, required, np.nan)
    observed = np.where(log_scale, ((y / base) ** (1 / done) - 1) * 100, (y - base) / done)
    return (progress, elapsed, schedule_ratio(progress, elapsed, config),
            t.sign * (y - on_path), on_path, required, observed)


def _path_outlook(c: _Columns, result: ResultTable, eligible, log_scale,
                  config: EvaluationConfig) -> None:
    t = c.table
    as_growth = t.kind == T.GROWTH

    def shown(value):
        if not as_growth.any():
            return value
        return np.where(as_growth, (value ** (1 / c.years) - 1) * 100, value)

    no_band = np.zeros(c.n, bool)
    at_deadline = eligible & c.has_final
    _deadline_outlook(result, at_deadline, attains(c.final, t.goal, t.sign, t.tolerance,
                                                   no_band), shown(c.final))
    fit = eligible & ~c.has_final & (c.count >= config.min_points)
    if not fit.any():
        return
    z = _log_or_linear(c.figures, log_scale)
    drift, effective, sample_var, m, last, z_last = _random_walk(z, c.upto, config)
    scale = np.abs(t.goal)
    if (~log_scale & ~t.percent).any():  # the prior of other additive quantities scales
        scale = np.maximum(scale, np.where(c.upto, np.abs(c.figures), 0.0).max(0))
    variance, df = _posterior_variance(sample_var, m, _prior_sd(t, log_scale, scale, config),
                                       config)
    h = c.years - last
    centre = z_last + h * drift
    spread = np.sqrt(variance * (h + h * h / effective))
    threshold = _log_or_linear(t.goal - t.sign * t.tolerance, log_scale)
    q = _quantile(df, config)
    projected, low, high = (shown(_unlog(centre + z * q * spread, log_scale))
                            for z in (0, -1, 1))
    figures = c.figures
    share = (t.kind == T.SHARE) & t.percent & (
        (((figures >= 0) & (figures <= 100)) | ~c.upto).all(0))
    if share.any():  # a share stays a share
        projected, low, high = (np.where(share, np.clip(v, 0.0, 100.0), v)
                                for v in (projected, low, high))
    _set(result, fit, probability=_student_p(df, t.sign * (centre - threshold) / spread, fit),
         projected=projected, low=low, high=high)


# ---------------------------------------------------------------- direction only

def _direction(c: _Columns, result: ResultTable, config: EvaluationConfig) -> None:
    t = c.table
    points = c.upto
    n_points = points.sum(0)
    first = np.where(points, c.k, c.width).min(0)
    last = np.where(points, c.k, -1).max(0)
    base = c.figures[np.minimum(first, c.width - 1), c.rows]
    y = c.figures[np.maximum(last, 0), c.rows]
    log_scale = t.log_path & (n_points == (points & (c.figures > 0)).sum(0))
    done = last - first
    rate = np.where(log_scale, ((y / base) ** (1 / done) - 1) * 100,
                    np.where(t.percent, (y - base) / done,
                             (y - base) / np.abs(base) * 100 / done))
    usable = (n_points >= 2) & (log_scale | t.percent | (base != 0))
    progress_rate = t.sign * rate
    judged = np.select([progress_rate >= config.direction_significant, progress_rate >= 0],
                       [L.ON_TRACK, L.BEHIND], L.MOVING_AWAY)
    met_final = t.sign * (c.final - base) > 0
    result.status[:] = np.select([~usable, c.has_final],
                                 [L.INSUFFICIENT_DATA, np.where(met_final, L.ACHIEVED, L.MISSED)],
                                 judged)
    _set(result, usable, latest_time=t.start + last, latest_value=y, log_scale=log_scale,
         observed_rate=rate, elapsed=last / c.years)
    _deadline_outlook(result, usable & c.has_final, met_final, c.final)
    fit = usable & ~c.has_final & (n_points - 1 >= config.min_points)
    if not fit.any():
        return
    z = _log_or_linear(c.figures, log_scale)
    drift, effective, sample_var, m, _, z_last = _random_walk(z, points, config)
    scale = np.where(points, np.abs(c.figures), 0.0).max(0)
    variance, df = _posterior_variance(sample_var, m, _prior_sd(t, log_scale, scale, config),
                                       config)
    h = c.years - last
    centre = z_last + h * drift
    spread = np.sqrt(variance * (h + h * h / effective))
    q = _quantile(df, config)
    zb = _log_or_linear(base, log_scale)
    _set(result, fit, probability=_student_p(df, t.sign * (centre - zb) / spread, fit),
         projected=_unlog(centre, log_scale), low=_unlog(centre - q * spread, log_scale),
         high=_unlog(centre + q * spread, log_scale))


# ---------------------------------------------------------------- cumulative and count

def _flow(c: _Columns, result: ResultTable, config: EvaluationConfig) -> None:
    t = c.table
    goal, sign, tol = t.goal, t.sign, t.tolerance
    annual_total = np.where(c.annual, c.figures, 0.0).sum(0)
    total = annual_total + np.where(c.part, t.part_value, 0.0)
    time = np.where(c.part, t.part_time, t.start + c.last)
    elapsed = (time - t.start) / c.years
    if c.custom.any():  # the plan's running total by now, as a share of the goal
        elapsed = np.where(c.custom, c.scheduled(time, np.zeros(c.n), False) / goal, elapsed)
    progress = total / goal
    gap = sign * (total - elapsed * goal)
    left = t.deadline - time
    ratio = schedule_ratio(progress, elapsed, config)
    meets = attains(total, goal, sign, tol, np.zeros(c.n, bool))
    usable = c.has_points
    cumulative = t.kind == T.CUMULATIVE
    judged = np.where(sign > 0,
                      np.where(meets, L.ACHIEVED_EARLY, _rescued(ladder(ratio, config), gap, tol)),
                      np.select([~meets, gap >= -tol], [L.BREACHED, L.ON_TRACK], L.BEHIND))
    result.status[:] = np.select([~usable, c.has_final],
                                 [L.INSUFFICIENT_DATA, np.where(meets, L.ACHIEVED, L.MISSED)],
                                 judged)
    observed = np.where(cumulative & (c.count > 0), c.last_value, total / (time - t.start))
    _set(result, usable, latest_time=time, latest_value=total, elapsed=elapsed,
         progress=progress, ratio=ratio, gap=gap, scheduled=elapsed * goal,
         required_rate=np.where(left > 0, (goal - total) / left, np.nan),
         observed_rate=observed)
    _deadline_outlook(result, usable & c.has_final, meets, total)
    still_open = usable & ~c.has_final
    _cumulative_outlook(c, result, still_open & cumulative & (c.count >= config.min_points)
                        & (c.years_left >= 1), annual_total, config)
    points = c.count + c.part
    _count_outlook(c, result, still_open & ~cumulative & (points >= config.min_points), total,
                   time, left, config)


def _cumulative_outlook(c: _Columns, result: ResultTable, fit, annual_total,
                        config: EvaluationConfig) -> None:
    if not fit.any():
        return
    rows = np.flatnonzero(fit)
    t = c.table.take(rows)
    mask, values = c.annual[:, rows], c.figures[:, rows]
    total = annual_total[rows]
    log_scale = (mask.sum(0) == (mask & (values > 0)).sum(0))
    z = _log_or_linear(values, log_scale)
    drift, effective, sample_var, m, last, z_last = _random_walk(z, mask, config)
    scale = np.maximum(np.abs(t.goal), np.where(mask, np.abs(values), 0.0).max(0))
    variance, df = _posterior_variance(sample_var, m, _prior_sd(t, log_scale, scale, config),
                                       config)
    h = (t.deadline - t.start).astype(np.int64) - last
    need = t.goal - t.sign * t.tolerance - total
    q = _quantile(df, config)
    # Fenton–Wilkinson for the log-scale rows: the sum of correlated lognormal flows.
    # E[x_i] = exp(m_i + v_i/2) and E[x_i x_j] = E[x_i] E[x_j] exp(cov_ij); the double sum
    # is symmetric, so each pair is taken once.
    horizon = int(h.max())
    expected = [np.where(i <= h, np.exp(z_last + i * drift + variance * (i + i * i / effective)
                                        / 2), 0.0) for i in range(1, horizon + 1)]
    first = np.sum(expected, axis=0)
    second = np.zeros(len(rows))
    for i in range(1, horizon + 1):
        for j in range(i, horizon + 1):
            pair = expected[i - 1] * expected[j - 1] * np.exp(variance * (i + i * j / effective))
            second += pair if i == j else 2 * pair
    log_var = np.log(second / first ** 2)
    log_centre, log_spread = np.log(first) - log_var / 2, np.sqrt(log_var)
    log_p = np.where(need > 0, _student_p(df, t.sign * (log_centre - np.log(need)) / log_spread,
                                          log_scale & (need > 0)),
                     np.where(t.sign > 0, 1.0, 0.0))
    steps = h * (h + 1) / 2
    lin_centre = h * z_last + drift * steps
    lin_spread = np.sqrt(variance * (h * (h + 1) * (2 * h + 1) / 6 + steps ** 2 / effective))
    lin_p = _student_p(df, t.sign * (lin_centre - need) / lin_spread, ~log_scale)
    result.log_scale[rows] = log_scale
    result.probability[rows] = np.where(log_scale, log_p, lin_p)
    result.projected[rows] = np.where(log_scale, total + np.exp(log_centre), total + lin_centre)
    result.low[rows] = np.where(log_scale, total + np.exp(log_centre - q * log_spread),
                                total + lin_centre - q * lin_spread)
    result.high[rows] = np.where(log_scale, total + np.exp(log_centre + q * log_spread),
                                 total + lin_centre + q * lin_spread)


def _count_outlook(c: _Columns, result: ResultTable, fit, total, time, left,
                   config: EvaluationConfig) -> None:
    if not fit.any():
        return
    t = c.table
    expected = total / (time - t.start) * left
    needed = np.ceil(t.goal - t.tolerance - total - _EPS)
    allowed = np.floor(t.goal + t.tolerance - total + _EPS)
    higher = np.select([needed <= 0, expected <= 0], [1.0, 0.0],
                       special.gammainc(np.maximum(needed, 1), np.maximum(expected, 1e-300)))
    lower = np.where(allowed < 0, 0.0, special.pdtr(np.maximum(allowed, 0), expected))
    low, high = _poisson_interval(expected, config, fit)
    projected = total + expected
    _set(result, fit, probability=np.where(t.sign > 0, higher, lower), projected=projected,
         low=np.minimum(total + low, projected), high=np.maximum(total + high, projected))


def _poisson_interval(mean, config: EvaluationConfig, where: np.ndarray):
    tail = (1 - config.interval) / 2
    return (_only(where, poisson_quantile, tail, mean),
            _only(where, poisson_quantile, 1 - tail, mean))


def poisson_quantile(p: float, mean: np.ndarray) -> np.ndarray:
    """The smallest k with P(X ≤ k) ≥ p for X ~ Poisson(mean) (0 when mean ≤ 0)."""
    mean = np.maximum(mean, 0.0)
    # Start from the Cornish–Fisher approximation, then step to the exact k.
    z = special.ndtri(p)
    k = np.maximum(0.0, np.floor(mean + z * np.sqrt(mean) + (z * z - 1) / 6))
    while True:
        low = special.pdtr(k, mean) < p
        if not low.any():
            break
        k = k + low
    while True:
        high = (k > 0) & (special.pdtr(k - 1, mean) >= p)
        if not high.any():
            return k
        k = k - high


# ---------------------------------------------------------------- zero

def _zero(c: _Columns, result: ResultTable, config: EvaluationConfig) -> None:
    t = c.table
    goal, sign, tol, base = t.goal, t.sign, t.tolerance, c.base
    no_band = np.zeros(c.n, bool)
    base_known = ~np.isnan(base)
    base_meets = base_known & attains(base, goal, sign, tol, no_band)
    meets_now = attains(c.value, goal, sign, tol, no_band)
    # Earlier figures: the base, every full year before the latest figure, and the
    # part-year one when the deadline year's figure is the latest.
    before_latest = c.annual & ((t.start + c.k) < c.time)
    year_at_zero = (before_latest & attains(c.figures, goal, sign, tol, no_band)).any(0)
    part_at_zero = (c.part & (t.part_time < c.time)
                    & attains(t.part_value, goal, sign, tol, no_band))
    zero_before = base_meets | year_at_zero | part_at_zero
    scheduled = base_known & ~base_meets
    progress, elapsed, ratio, gap, on_path, required, observed = _path_schedule(
        c, np.zeros(c.n, bool), config)
    judged = _rescued(ladder(ratio, config), gap, tol)
    result.status[:] = np.select(
        [~c.has_points, c.has_final, meets_now, zero_before, ~base_known],
        [L.INSUFFICIENT_DATA, np.where(meets_now, L.ACHIEVED, L.MISSED), L.ZERO_HELD,
         L.REBOUND, L.INSUFFICIENT_DATA], judged)
    usable = c.has_points
    _set(result, usable, latest_time=c.time, latest_value=c.value, elapsed=c.elapsed())
    _set(result, usable & scheduled, progress=progress, elapsed=elapsed, ratio=ratio, gap=gap,
         scheduled=on_path, required_rate=required, observed_rate=observed)
    _deadline_outlook(result, usable & c.has_final, meets_now, c.final)
    fit = usable & ~c.has_final & (c.count >= config.min_points) & (c.years_left >= 1)
    if not fit.any():
        return
    first_k = np.where(c.upto, c.k, c.width).min(0)
    first = c.figures[np.minimum(first_k, c.width - 1), c.rows]
    smooth = config.zero_smoothing
    decay = ((c.last_value + smooth) / (first + smooth)) ** (1 / (c.last - first_k))
    h = c.years.astype(np.int64) - c.last
    expected_sum = np.zeros(c.n)
    rate = np.zeros(c.n)
    for j in range(1, int(np.where(fit, h, 0).max()) + 1):
        rate_j = (c.last_value + smooth) * decay ** j
        expected_sum += np.where(j <= h, rate_j, 0.0)
        rate = np.where(j == h, rate_j, rate)
    expected = np.where(t.scope == T.EACH_YEAR, expected_sum, rate)
    low, high = _poisson_interval(rate, config, fit)
    _set(result, fit, probability=np.exp(-expected), projected=rate,
         low=np.minimum(low, rate), high=np.maximum(high, rate))


# ---------------------------------------------------------------- bound kept every year

def _bound(c: _Columns, result: ResultTable, config: EvaluationConfig) -> None:
    t = c.table
    goal, sign, tol, band = t.goal, t.sign, t.tolerance, t.band
    ok_years = attains(c.figures, goal, sign, tol, band)
    breaches = ((c.annual & ~ok_years).sum(0)
                + (c.part & ~attains(t.part_value, goal, sign, tol, band)))
    time = np.where(c.part, t.part_time, t.start + c.last)
    y = np.where(c.part, t.part_value, c.last_value)
    usable = c.has_points
    result.status[:] = np.select(
        [~usable, c.has_final, breaches == 0],
        [L.INSUFFICIENT_DATA, np.where(breaches == 0, L.ACHIEVED, L.MISSED), L.MAINTAINED],
        L.BREACHED)
    _set(result, usable, latest_time=time, latest_value=y, breaches=breaches.astype(float),
         elapsed=np.minimum(1.0, (time - t.start) / c.years),
         gap=np.where(band, tol - np.abs(y - goal), sign * (y - goal)))
    _deadline_outlook(result, usable & c.has_final, breaches == 0, c.final)
    fit = usable & ~c.has_final & (c.count >= config.min_points) & (c.years_left >= 1)
    prior = config.prior_sd_relative * np.maximum(
        np.abs(goal), np.where(c.upto, np.abs(c.figures), 0.0).max(0))
    _steady_outlook(c, result, fit, c.upto, breaches, prior, config)


def _steady_outlook(c: _Columns, result: ResultTable, fit, mask, breaches, prior_scale,
                    config: EvaluationConfig) -> None:
    if not fit.any():
        return
    t = c.table
    mean, effective, sample_var, n, last, total = _weighted(c.figures, mask, config)
    relative = t.kind == T.RELATIVE
    prior = np.where(relative, config.prior_sd_gap_points,
                     np.where(t.percent, config.prior_sd_points, prior_scale))
    variance, df = _posterior_variance(sample_var, n, prior, config)
    h = c.years.astype(np.int64) - last
    q = _quantile(df, config)
    goal, sign, tol = t.goal, t.sign, t.tolerance
    threshold = goal - sign * tol
    # One future year's value, or (period average) the mean of the remaining h years, whose
    # bounds follow from what the average over all n + h years must reach.
    averaged = relative & (t.scope == T.PERIOD_AVERAGE)
    count = n + h
    spread = np.sqrt(variance * np.where(averaged, 1 / h, 1.0) + variance / effective)

    def needed(bound):
        return np.where(averaged, (bound * count - total) / h, bound)

    lower, upper, required = needed(goal - tol), needed(goal + tol), needed(threshold)
    band, one_sided = fit & t.band, fit & ~t.band
    meets = np.where(t.band, _student_p(df, (upper - mean) / spread, band)
                     - _student_p(df, (lower - mean) / spread, band),
                     _student_p(df, sign * (mean - required) / spread, one_sided))
    every_year = (t.scope == T.EACH_YEAR) | (t.kind == T.BOUND_EACH_YEAR)
    _set(result, fit,
         probability=np.where(every_year, np.where(breaches > 0, 0.0, meets ** h), meets),
         projected=np.where(averaged, (total + h * mean) / count, mean),
         low=np.where(averaged, (total + h * (mean - q * spread)) / count, mean - q * spread),
         high=np.where(averaged, (total + h * (mean + q * spread)) / count, mean + q * spread))
    _set(result, fit & averaged, required_rate=required)


# ---------------------------------------------------------------- relative

def _relative(c: _Columns, result: ResultTable, config: EvaluationConfig) -> None:
    t = c.table
    goal, sign, tol, band = t.goal, t.sign, t.tolerance, t.band
    ok_years = attains(c.figures, goal, sign, tol, band)
    breaches = (c.annual & ~ok_years).sum(0)
    usable = c.count > 0
    averaged = t.scope == T.PERIOD_AVERAGE
    statistic = np.where(averaged, np.where(c.annual, c.figures, 0.0).sum(0) / c.count,
                         c.last_value)
    gap = np.where(band, tol - np.abs(statistic - goal), sign * (statistic - goal))
    each = t.scope == T.EACH_YEAR
    met = np.where(each, breaches == 0, attains(statistic, goal, sign, tol, band))
    judged = np.where(each, np.where(met, L.ON_TRACK, L.BREACHED), np.select(
        [met, gap >= -tol - config.relative_behind_points], [L.ON_TRACK, L.BEHIND],
        L.WELL_BEHIND))
    result.status[:] = np.select(
        [~usable & t.pending, ~usable, c.has_final, t.pending],
        [L.PENDING_DATA, L.INSUFFICIENT_DATA, np.where(met, L.ACHIEVED, L.MISSED),
         L.PENDING_DATA], judged)
    _set(result, usable, latest_time=t.start + c.last, latest_value=c.last_value,
         elapsed=c.last / c.years, observed_rate=statistic, gap=gap,
         breaches=breaches.astype(float))
    _deadline_outlook(result, usable & c.has_final, met, statistic)
    fit = usable & ~c.has_final & (c.count >= config.min_points) & (c.years_left >= 1)
    _steady_outlook(c, result, fit, c.annual, breaches, np.zeros(c.n), config)


_FAMILY_RULES = (_path, _direction, _flow, _zero, _bound, _relative)
