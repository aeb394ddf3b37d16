"""The plan file: a YAML document (schema: plan.schema.json) ↔ planwatch.domain.Plan.

    plan = load_plan("plan.yaml")          # PlanFileError lists every issue: FILE: $.path: reason
    text = dump_plan(plan)                  # readable, self-contained; loads back equal

Format description: docs/planfile.md.
"""

from .issues import PlanFileError, PlanFileIssue, format_path
from .loading import dump_plan, load_plan, parse_plan, validate_plan_data
from .records import FORMAT_VERSION
from .schema import plan_schema

__all__ = ["FORMAT_VERSION", "PlanFileError", "PlanFileIssue", "dump_plan", "format_path",
           "load_plan", "parse_plan", "plan_schema", "validate_plan_data"]
