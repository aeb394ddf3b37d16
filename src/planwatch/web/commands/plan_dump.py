"""`planwatch plan dump NAME [-o FILE]`: write a stored plan back as a plan YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="规划标识,例如 luyuan / the plan's name, e.g. luyuan")
    parser.add_argument("-o", "--output", type=Path,
                        help="写入文件(默认输出到终端)/ write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    from planwatch.web.bootstrap import prepare_database

    prepare_database()
    from planwatch.planfile import dump_plan
    from planwatch.web.plans.store import PlanNotFound, plan_from_db

    try:
        text = dump_plan(plan_from_db(args.name))
    except PlanNotFound as error:
        print(error, file=sys.stderr)
        return 2
    if args.output is None:
        sys.stdout.write(text)
        return 0
    # Write beside the target and rename, so a failed write never leaves half a file.
    partial = args.output.with_name(args.output.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(args.output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        print(f"{args.output}: 无法写入 / cannot write: {error.strerror}", file=sys.stderr)
        return 2
    return 0
