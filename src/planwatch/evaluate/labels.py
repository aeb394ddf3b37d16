"""Status and outlook codes with their Chinese and English labels (methodology §6.5).

The engines work on small integer codes; these tables turn them into the codes and labels
users see. The order of STATUSES is the order of the code numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    code: str
    zh: str
    en: str


STATUSES: tuple[Label, ...] = (
    Label("achieved_early", "提前实现", "Achieved ahead of deadline"),
    Label("achieved", "已实现", "Achieved"),
    Label("ahead", "快于预期", "Ahead of schedule"),
    Label("on_track", "符合预期", "On schedule"),
    Label("behind", "滞后（需加快）", "Behind schedule — acceleration needed"),
    Label("well_behind", "明显滞后", "Well behind schedule"),
    Label("moving_away", "逆向变化", "Moving away from target"),
    Label("maintained", "保持达标", "Bound respected"),
    Label("breached", "未守住控制目标", "Bound breached"),
    Label("zero_held", "保持清零", "Kept at zero"),
    Label("rebound", "出现反弹", "Rebound after clearance"),
    Label("missed", "未完成", "Missed"),
    Label("pending_data", "待数据", "Awaiting data"),
    Label("insufficient_data", "数据不足，无法评估", "Insufficient data"),
    Label("qualitative", "定性评估", "Qualitative assessment"),
)

OUTLOOKS: tuple[Label, ...] = (
    Label("likely", "预计能够完成", "Likely to be met"),
    Label("probable", "有望完成，存在不确定性", "Probably met, uncertain"),
    Label("at_risk", "完成难度较大", "At risk"),
    Label("unlikely", "预计难以完成", "Unlikely to be met"),
    Label("no_outlook", "暂无法研判", "No outlook (insufficient data)"),
)

(ACHIEVED_EARLY, ACHIEVED, AHEAD, ON_TRACK, BEHIND, WELL_BEHIND, MOVING_AWAY, MAINTAINED,
 BREACHED, ZERO_HELD, REBOUND, MISSED, PENDING_DATA, INSUFFICIENT_DATA, QUALITATIVE) = range(15)
LIKELY, PROBABLE, AT_RISK, UNLIKELY, NO_OUTLOOK = range(5)

STATUS_BY_CODE = {label.code: number for number, label in enumerate(STATUSES)}
OUTLOOK_BY_CODE = {label.code: number for number, label in enumerate(OUTLOOKS)}

# How good a status is, for comparisons and the roll-up: higher is better; None is unjudged.
STATUS_RANK: dict[int, int | None] = {
    ACHIEVED_EARLY: 6, ACHIEVED: 6, MAINTAINED: 6, ZERO_HELD: 6, AHEAD: 5, ON_TRACK: 4,
    BEHIND: 3, WELL_BEHIND: 2, MOVING_AWAY: 1, BREACHED: 1, REBOUND: 1, MISSED: 0,
    PENDING_DATA: None, INSUFFICIENT_DATA: None, QUALITATIVE: None,
}

# Statuses that raise 预警 on a binding (约束性) target; outlooks below "likely" do too.
WARNING_STATUSES = frozenset({BEHIND, WELL_BEHIND, MOVING_AWAY, BREACHED, REBOUND, MISSED})
WARNING_OUTLOOKS = frozenset({PROBABLE, AT_RISK, UNLIKELY})

# The coarse official ladder some reports need.
OFFICIAL_LADDER = {AHEAD: "快于预期", ON_TRACK: "符合预期", BEHIND: "滞后", WELL_BEHIND: "滞后",
                   MOVING_AWAY: "滞后"}
