"""`planwatch plan load FILE`: validate a plan YAML and store it.

A file with any problem is reported (one line per problem: file, YAML path, reason) and
nothing is written, not even the data directory. Loading a file equal to the stored plan
of the same name changes nothing; a changed file replaces that plan.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="规划 YAML 文件 / the plan YAML file")


def run(args: argparse.Namespace) -> int:
    from planwatch.planfile import PlanFileError, load_plan

    try:
        plan = load_plan(args.file)
    except PlanFileError as error:
        print(error, file=sys.stderr)
        return 2

    from planwatch.web.bootstrap import prepare_database

    prepare_database()
    from planwatch.web.plans.store import PlanStoreError, save_plan

    try:
        row = save_plan(plan)
    except PlanStoreError as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    goals, targets = row.goals.count(), row.targets.count()
    print(f"已载入规划 {row.name}（{row.title}）：目标树 {goals} 个节点，{targets} 项目标"
          f" / loaded plan {row.name}: {goals} goals, {targets} targets")
    return 0
