"""`planwatch projects import FILE [--plan NAME]`: add or update a plan's key projects.

The file is CSV (UTF-8 or GB18030) or XLSX with the columns of docs/work.md: key, name, and
optionally type, investment, department, flags, provenance, one date column per stage
(谋划 … 投产) and quantities. Projects are matched by key; a stage date already recorded is
corrected, a new one added. Any bad row is reported as one line (file, row, column, reason),
exit status 2, and nothing is written. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="项目清单 CSV/XLSX / the project list")
    parser.add_argument("--plan", default="luyuan",
                        help="规划标识(默认 luyuan)/ the plan's short name")


def run(args: argparse.Namespace) -> int:
    from planwatch.web.work.files import WorkFileError, read_projects

    try:
        records = read_projects(args.file)
    except WorkFileError as error:
        print(error, file=sys.stderr)
        return 2

    from planwatch.web.bootstrap import prepare_database

    prepare_database()
    from planwatch.web.plans.models import Plan
    from planwatch.web.work.store import import_projects

    plan = Plan.objects.filter(name=args.plan).first()
    if plan is None:
        print(f"{args.file}: --plan: 没有规划 {args.plan}(先用 planwatch plan load 载入)",
              file=sys.stderr)
        return 2
    try:
        result = import_projects(plan, records, str(args.file))
    except WorkFileError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"已导入 {len(records)} 个项目:新增 {result.created},更新 {result.updated},"
          f"新增阶段记录 {result.stages_added} / imported {len(records)} projects: "
          f"{result.created} new, {result.updated} updated, {result.stages_added} stage dates")
    return 0
