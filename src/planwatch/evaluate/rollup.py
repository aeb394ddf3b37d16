"""Roll-up of assessments to each goal and the whole plan: counts and an explainable score.

Score of a target = status_weight × 进度分 + (1 − status_weight) × 100 × P(attain)
(only 进度分 when there is no outlook); score of a group = weighted mean over its judged
targets, 约束性 targets weighing binding_weight, 预期性 ones 1. The formula text travels with
every roll-up so a reader can recompute it.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from planwatch.domain.model import Goal, Target
from planwatch.domain.vocabulary import Attribute

from . import labels as L
from .assessment import Assessment
from .config import DEFAULT_CONFIG, EvaluationConfig
from .table import ResultTable


def score_formula(config: EvaluationConfig = DEFAULT_CONFIG) -> str:
    points = "，".join(f"{L.STATUSES[L.STATUS_BY_CODE[code]].zh} {value:g}"
                      for code, value in config.status_points)
    status_share = config.status_weight
    return (f"目标得分 = {status_share:g}×进度分 + {1 - status_share:g}×100×达标概率"
            f"（无趋势判断时取进度分）；总分 = Σ(权重×目标得分)/Σ权重，"
            f"约束性指标权重 {config.binding_weight:g}，预期性指标权重 1；"
            f"进度分：{points}；待数据、数据不足和定性评估的目标不计分。")


def target_score(assessment: Assessment, config: EvaluationConfig = DEFAULT_CONFIG
                 ) -> float | None:
    points = config.points_of(assessment.status)
    if points is None:
        return None
    if assessment.probability is None:
        return float(points)
    return (config.status_weight * points
            + (1 - config.status_weight) * 100 * assessment.probability)


def summarise(assessments: list[Assessment], targets_by_id: dict[str, Target],
              config: EvaluationConfig = DEFAULT_CONFIG) -> dict:
    weighted = total_weight = 0.0
    for assessment in assessments:
        score = target_score(assessment, config)
        if score is None:
            continue
        target = targets_by_id.get(assessment.target_id)
        weight = (config.binding_weight
                  if target is not None and target.attribute is Attribute.BINDING else 1.0)
        weighted += weight * score
        total_weight += weight
    return {
        "targets": len(assessments),
        "judged": sum(1 for a in assessments if config.points_of(a.status) is not None),
        "warnings": sum(1 for a in assessments if a.warning),
        "status": dict(Counter(a.status for a in assessments)),
        "outlook": dict(Counter(a.outlook for a in assessments)),
        "score": round(weighted / total_weight, 1) if total_weight else None,
    }


def rollup(assessments: list[Assessment], targets: list[Target], goals: list[Goal] | None = None,
           *, config: EvaluationConfig | None = None) -> dict:
    """Counts by status and outlook and the score, for the plan and for every goal (a goal
    counts the targets of the goals under it). Without a goal tree the targets' goal keys
    form a flat one."""
    config = config or DEFAULT_CONFIG
    targets_by_id = {target.id: target for target in targets}
    if goals is None:
        keys = sorted({target.goal for target in targets if target.goal})
        goals = [Goal(key=key, title=key, level="area") for key in keys]
    groups = []
    for root in goals:
        for goal in root.walk():
            keys = {node.key for node in goal.walk()}
            members = [a for a in assessments
                       if targets_by_id.get(a.target_id) is not None
                       and targets_by_id[a.target_id].goal in keys]
            if members:
                groups.append({"key": goal.key, "title": goal.title, "level": goal.level,
                               **summarise(members, targets_by_id, config)})
    return {"formula": score_formula(config), "plan": summarise(assessments, targets_by_id,
                                                                config), "goals": groups}


def rollup_table(results: ResultTable, groups: np.ndarray, binding: np.ndarray,
                 config: EvaluationConfig | None = None) -> dict[str, np.ndarray]:
    """The roll-up of a ResultTable by integer group (a county, a goal): counts of each status
    and outlook code (columns in labels order) and the score, by the same formula as rollup()."""
    config = config or DEFAULT_CONFIG
    size = int(groups.max()) + 1 if len(groups) else 0
    points_by_code = np.array([np.nan if config.points_of(label.code) is None
                               else config.points_of(label.code) for label in L.STATUSES])
    points = points_by_code[results.status]
    share = config.status_weight
    score = np.where(np.isnan(results.probability), points,
                     share * points + (1 - share) * 100 * results.probability)
    weight = np.where(binding, config.binding_weight, 1.0) * ~np.isnan(score)
    totals = np.bincount(groups, weight, size)
    with np.errstate(invalid="ignore", divide="ignore"):
        group_score = np.bincount(groups, np.nan_to_num(score) * weight, size) / totals
    return {
        "status": np.bincount(groups * len(L.STATUSES) + results.status,
                              minlength=size * len(L.STATUSES)).reshape(size, -1),
        "outlook": np.bincount(groups * len(L.OUTLOOKS) + results.outlook,
                               minlength=size * len(L.OUTLOOKS)).reshape(size, -1),
        "score": group_score,
    }
