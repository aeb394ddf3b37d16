"""docs/planfile.md tells the truth: its example is a valid plan file."""

import re
from pathlib import Path

from planwatch.domain import Kind
from planwatch.planfile import dump_plan, parse_plan

DOC = Path(__file__).parents[2] / "docs" / "planfile.md"


def example() -> str:
    match = re.search(r"## A complete small example\n\n```yaml\n(.*?)```", DOC.read_text("utf-8"),
                      re.S)
    return match.group(1)


def test_the_documented_example_loads_and_round_trips():
    plan = parse_plan(example(), source_name="planfile.md")
    assert [t.kind for t in plan.targets] == [Kind.LEVEL, Kind.COUNT, Kind.BOUND_EACH_YEAR,
                                              Kind.MILESTONE]
    assert len(plan.tasks) == len(plan.projects) == 1
    assert parse_plan(dump_plan(plan), source_name="dump.yaml") == plan
