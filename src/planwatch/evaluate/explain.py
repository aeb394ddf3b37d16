"""The Chinese paragraph under each assessment, ready to paste into an evaluation report.

Example: "按序时进度应完成60%，实际完成52%，滞后8个百分点；完成目标需2024—2025年年均增长
9.1%，2021—2023年年均增长6.0%，有望完成，存在不确定性（达标概率62%）。"
"""

from __future__ import annotations

import math

from planwatch.domain.vocabulary import Kind

from . import labels as L
from .config import DEFAULT_CONFIG, EvaluationConfig
from .prepare import TargetInfo

# How a custom path (序时进度 from the plan's own annual decomposition) is named in the text.
PLAN_SCHEDULE = "按本规划的年度分解（总施工图），"


def number(value: float) -> str:
    """A figure as a planner writes it: few decimals, no trailing zeros."""
    if value is None or math.isnan(value):
        return "—"
    magnitude = abs(value)
    digits = 0 if magnitude >= 1000 else 1 if magnitude >= 10 else 2
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def one_decimal(value: float) -> str:
    """Rates and gaps in points: one decimal, as statistical bulletins print them."""
    text = f"{value:.1f}"
    return "0" if text == "-0.0" else text.removesuffix(".0")


def when(t: float) -> str:
    """A point on the plan's time axis in words: 2023.0 → 2023年, 2023.5 → 2024年上半年."""
    year = math.floor(t + 1e-9)
    months = round((t - year) * 12)
    if months == 0:
        return f"{year}年"
    if months == 6:
        return f"{year + 1}年上半年"
    return f"{year + 1}年1—{months}月"


def years(first: int, last: int) -> str:
    return f"{first}年" if first >= last else f"{first}—{last}年"


# Said after every explanation that rests on an illustrative figure.
ILLUSTRATIVE_NOTE = "（注：所用数据含示例数据，并非真实统计数字。）"


def explain(info: TargetInfo, r: dict) -> str:
    """One paragraph: the schedule judgement with its numbers, then the outlook."""
    status = r["status"]
    parts = [_schedule(info, r, status)]
    outlook = _outlook(info, r)
    if outlook:
        parts.append(outlook)
    text = "；".join(part for part in parts if part) + "。"
    if r["warning"]:
        text += "该指标为约束性指标，予以预警。"
    if info.provenance == "illustrative":
        text += ILLUSTRATIVE_NOTE
    elif info.provenance == "estimate":
        text += "（注：所用数据含估计数，待统计部门核实。）"
    return text


def _unit(info: TargetInfo) -> str:
    return "" if info.unit in ("%", "％") else info.unit


def _amount(info: TargetInfo, value: float) -> str:
    return f"{number(value)}{info.unit}"


def latest_annualised(info: TargetInfo, r: dict) -> bool:
    """The latest figure is the 折年 part-year point (a part year is never a whole year)."""
    return info.annualised and not math.isnan(r["latest_time"]) \
        and r["latest_time"] != math.floor(r["latest_time"])


def _latest(info: TargetInfo, r: dict) -> str:
    """The latest figure in words; a 折年 one beside the part year's own stored figure:
    2025年上半年为171.7亿元（折年361.4亿元）."""
    value = _amount(info, r["latest_value"])
    if not latest_annualised(info, r):
        return f"{when(r['latest_time'])}为{value}"
    if info.part_published is None:
        return f"{when(r['latest_time'])}折年为{value}"
    return f"{when(r['latest_time'])}为{_amount(info, info.part_published)}（折年{value}）"


def _schedule(info: TargetInfo, r: dict, status: int) -> str:
    label = L.STATUSES[status].zh
    if status == L.QUALITATIVE:
        return "定性目标，按工作进展定性评估"
    if status == L.PENDING_DATA:
        return f"对标指标（{info.benchmark}）最新年度数据尚未发布，待数据"
    if status == L.INSUFFICIENT_DATA:
        if math.isnan(r["latest_time"]):
            return "基期后暂无数据，数据不足，无法评估"
        return f"缺少基期值，{_latest(info, r)}，无法计算进度"
    latest = _latest(info, r)
    if info.kind is Kind.RELATIVE:
        return _relative(info, r, label)
    if info.kind is Kind.DIRECTION_ONLY:
        rate = r["observed_rate"]
        change = "增长" if rate >= 0 else "下降"
        unit = "%" if r["log_scale"] or info.unit not in ("%", "％") else "个百分点"
        return (f"{years(info.start + 1, math.floor(r['latest_time']))}年均{change}"
                f"{one_decimal(abs(rate))}{unit}，{label}")
    if info.kind is Kind.MULTIPLE:
        goal = f"基期{number(info.value)}倍"
    else:
        goal = f"{number(info.value)}{info.unit}" if info.value is not None else ""
    if status == L.ACHIEVED:
        return f"{latest}，达到{goal}的目标，{label}"
    if status == L.MISSED:
        return f"{latest}，未达到{goal}的目标，{label}"
    if status == L.ACHIEVED_EARLY:
        return f"{latest}，已达到{goal}的目标，{label}"
    if status == L.MAINTAINED:
        return f"基期已达到目标，此后各期均在目标范围内（{latest}），{label}"
    if status == L.BREACHED and info.kind is not Kind.CUMULATIVE and info.kind is not Kind.COUNT:
        count = "" if math.isnan(r["breaches"]) else f"有{int(r['breaches'])}期"
        return f"{count}超出目标{goal}（{latest}），{label}"
    if status == L.ZERO_HELD:
        return f"{latest}，{label}"
    if status == L.REBOUND:
        return f"曾实现清零，{latest}，{label}"
    return _progress(info, r, label, latest)


def _progress(info: TargetInfo, r: dict, label: str, latest: str) -> str:
    """序时进度 vs 完成度, then the rate needed for the rest of the period."""
    if info.kind is Kind.GROWTH:
        text = (f"{years(info.start + 1, math.floor(r['latest_time']))}年均增长"
                f"{one_decimal(r['observed_rate'])}%，目标年均增长{number(info.value)}%")
        if info.custom_path:  # the scheduled index, as the average growth it stands for
            done = r["latest_time"] - info.start
            text += (f"，{PLAN_SCHEDULE}此时应年均增长"
                     f"{one_decimal((r['scheduled'] ** (1 / done) - 1) * 100)}%")
    else:
        done, due = r["progress"], r["elapsed"]
        lead = (done - due) * 100
        side = "快于序时进度" if lead >= 0 else "滞后"
        prefix = f"{latest}，" if info.kind not in (Kind.CUMULATIVE, Kind.COUNT) else (
            f"截至{when(r['latest_time'])}累计完成{_amount(info, r['latest_value'])}，")
        if info.custom_path:
            due_text = (f"{PLAN_SCHEDULE}序时进度应完成{percent(due)}"
                        f"（{_amount(info, r['scheduled'])}）")
        else:
            due_text = f"按序时进度应完成{percent(due)}"
        text = (f"{prefix}{due_text}，实际完成{percent(done)}，"
                f"{side}{one_decimal(abs(lead))}个百分点")
    text += f"，{label}"
    rest = _rates(info, r)
    return f"{text}；{rest}" if rest else text


def _rates(info: TargetInfo, r: dict) -> str:
    required, observed = r["required_rate"], r["observed_rate"]
    if math.isnan(required):
        return ""
    t = r["latest_time"]
    ahead = years(math.floor(t + 1e-9) + 1, info.deadline)
    past = years(info.start + 1, math.floor(t + 1e-9))
    if info.kind in (Kind.CUMULATIVE, Kind.COUNT):
        per_year = "最近一年完成" if info.kind is Kind.CUMULATIVE else "年均完成"
        return (f"完成目标需{ahead}每年完成{_amount(info, required)}，"
                f"{per_year}{_amount(info, observed)}")
    if info.kind is Kind.GROWTH:  # the observed average is already in the first sentence
        return f"完成目标需{ahead}年均增长{one_decimal(required)}%"
    if r["log_scale"]:
        return (f"完成目标需{ahead}年均增长{one_decimal(required)}%，"
                f"{past}年均增长{one_decimal(observed)}%")
    verb_needed = "增加" if required >= 0 else "减少"
    verb_seen = "增加" if observed >= 0 else "减少"
    unit = "个百分点" if info.unit in ("%", "％") else info.unit
    return (f"完成目标需{ahead}每年{verb_needed}{number(abs(required))}{unit}，"
            f"{past}年均{verb_seen}{number(abs(observed))}{unit}")


def _relative(info: TargetInfo, r: dict, label: str) -> str:
    gap = r["observed_rate"]
    higher = "高" if gap >= 0 else "低"
    breaches = "" if math.isnan(r["breaches"]) or r["breaches"] == 0 else (
        f"，有{int(r['breaches'])}年未达到要求")
    if info.band:
        rule = f"要求与{info.benchmark}基本同步，相差不超过{one_decimal(info.tolerance)}个百分点"
    elif info.margin:
        rule = f"要求至少高{one_decimal(info.margin)}个百分点"
    else:
        rule = f"要求不低于{info.benchmark}"
    return (f"截至{when(r['latest_time'])}，增速比{info.benchmark}{higher}"
            f"{one_decimal(abs(gap))}个百分点（{rule}）{breaches}，{label}")


def _outlook(info: TargetInfo, r: dict) -> str:
    if r["outlook"] == L.NO_OUTLOOK:
        return "" if r["status"] in (L.INSUFFICIENT_DATA, L.QUALITATIVE, L.PENDING_DATA) else \
            "年度数据不足两期，暂无法研判趋势"
    if r["status"] in (L.ACHIEVED, L.MISSED):
        return ""
    projected = r["projected"]
    if info.kind is Kind.GROWTH:
        where = (f"预计期末年均增长{one_decimal(projected)}%"
                 f"（80%区间{one_decimal(r['low'])}%—{one_decimal(r['high'])}%）")
    elif info.kind is Kind.RELATIVE:
        where = f"预计增速差{one_decimal(projected)}个百分点"
    elif info.kind is Kind.ZERO:
        where = f"预计{info.deadline}年约{number(projected)}{_unit(info)}"
    else:
        where = (f"预计{info.deadline}年达到{_amount(info, projected)}"
                 f"（80%区间{number(r['low'])}—{number(r['high'])}）")
    return f"{where}，{L.OUTLOOKS[r['outlook']].zh}（达标概率{percent(r['probability'])}）"


def rule(info: TargetInfo, r: dict, config: EvaluationConfig = DEFAULT_CONFIG) -> str:
    """The rule that fired, with its numbers and thresholds: how to recompute the labels."""
    parts = [_status_rule(info, r, config)]
    if r["outlook"] != L.NO_OUTLOOK and r["status"] not in (L.ACHIEVED, L.MISSED):
        parts.append(_outlook_rule(r, config))
    return "；".join(part for part in parts if part)


def _status_rule(info: TargetInfo, r: dict, c: EvaluationConfig) -> str:
    status = r["status"]
    fixed = {
        L.QUALITATIVE: "无量化目标或无完成度数据，定性评估",
        L.PENDING_DATA: "对标指标最新年度数据未发布",
        L.INSUFFICIENT_DATA: "基期后无数据或缺基期值，无法计算进度",
        L.ACHIEVED: f"期末（{info.deadline}年）数据已出，达到目标",
        L.MISSED: f"期末（{info.deadline}年）数据已出，未达到目标",
        L.ACHIEVED_EARLY: "期末前最新值已达到目标",
        L.ZERO_HELD: "最新值为零",
        L.REBOUND: "曾清零（或基期为零）后回升",
    }
    if status in fixed:
        return fixed[status]
    if info.kind is Kind.RELATIVE:
        return (f"增速差{one_decimal(r['observed_rate'])}个百分点对要求{one_decimal(info.margin)}"
                f"个百分点：达到为符合预期，差距{number(c.relative_behind_points)}个百分点以内为"
                "滞后，更大为明显滞后；逐年考核的任一年未达到即未守住")
    if info.kind is Kind.DIRECTION_ONLY:
        return (f"年均变化{one_decimal(r['observed_rate'])}：≥{number(c.direction_significant)}"
                f"为符合预期，0—{number(c.direction_significant)}为滞后，<0为逆向变化")
    if status == L.BREACHED and info.kind in (Kind.CUMULATIVE, Kind.COUNT):
        return "累计值已超过上限"
    if status in (L.MAINTAINED, L.BREACHED):
        breaches = "" if math.isnan(r["breaches"]) else f"，{int(r['breaches'])}期超出"
        basis = ("每年均须守住" if info.kind is Kind.BOUND_EACH_YEAR
                 else "基期已达到目标，此后各期须保持")
        return f"{basis}（容差{number(info.tolerance)}）{breaches}"
    return _ladder_rule(info, r, c)


def _ladder_rule(info: TargetInfo, r: dict, c: EvaluationConfig) -> str:
    progress, elapsed, ratio = r["progress"], r["elapsed"], r["ratio"]
    if elapsed >= c.min_elapsed:
        text = f"进度比ρ=π/τ={progress:.3f}/{elapsed:.3f}={ratio:.2f}"
    else:
        text = (f"序时进度τ={elapsed:.3f}不足{c.min_elapsed:g}，"
                f"ρ=1+(π−τ)/{c.min_elapsed:g}={ratio:.2f}")
    ranges = {L.AHEAD: f"ρ≥{c.ahead:g}", L.ON_TRACK: f"{c.on_track:g}≤ρ<{c.ahead:g}",
              L.BEHIND: f"{c.behind:g}≤ρ<{c.on_track:g}",
              L.WELL_BEHIND: f"{c.well_behind:g}≤ρ<{c.behind:g}",
              L.MOVING_AWAY: f"ρ<{c.well_behind:g}"}
    if info.custom_path:
        text += "（τ按本规划的年度分解计）"
    status = r["status"]
    if status == L.ON_TRACK and ratio < c.on_track:
        return f"{text}，与序时进度的差距在容差以内，按基本符合预期"
    if status == L.ON_TRACK and ratio >= c.ahead:
        return f"{text}，增速类目标期末前最高判为符合预期"
    return f"{text}，{ranges[status]}判为{L.STATUSES[status].zh}"


def _outlook_rule(r: dict, c: EvaluationConfig) -> str:
    p, outlook = r["probability"], r["outlook"]
    ranges = {L.LIKELY: f"P≥{c.likely:g}", L.PROBABLE: f"{c.probable:g}≤P<{c.likely:g}",
              L.AT_RISK: f"{c.at_risk:g}≤P<{c.probable:g}", L.UNLIKELY: f"P<{c.at_risk:g}"}
    return f"达标概率P={p:.2f}，{ranges[outlook]}判为{L.OUTLOOKS[outlook].zh}"
