"""Evaluation: schedule status, outlook with probability, explanations and roll-up.

`assess(targets, observations, as_of)` for domain objects; `assess_table(table, now)` for
columnar bulk input (TargetTable), with `reference.assess_table` as its per-target oracle.
Pure Python + NumPy/SciPy; docs/evaluation.md describes the method.
"""

from .assessment import Assessment, assess, assessments_from, plan_time
from .config import DEFAULT_CONFIG, EvaluationConfig
from .engine import assess_table
from .plan import assess_plan
from .prepare import EvaluationError, TargetInfo, build_table
from .rollup import rollup, score_formula
from .table import ResultTable, TargetTable

__all__ = [
    "DEFAULT_CONFIG", "Assessment", "EvaluationConfig", "EvaluationError", "ResultTable",
    "TargetInfo", "TargetTable", "assess", "assess_plan", "assess_table", "assessments_from",
    "build_table", "plan_time", "rollup", "score_formula",
]
