"""`planwatch projects import FILE [--plan NAME] [--dry-run]`: add or update a plan's key
projects, all or none.

The file is CSV (UTF-8 or GB18030) or XLSX with the columns of docs/work.md: key, name, and
optionally type, investment, department, flags, provenance, one date column per stage
(谋划 … 投产) and quantities. Projects are matched by key; a stage date already recorded is
corrected, a new one added. Every row is checked first, and every problem is printed as one
line naming the file, row, column and reason, as `planwatch import` prints a figures file's;
any problem means exit status 2 and nothing written. Importing the same file twice changes
nothing; --dry-run says what an import would change and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="项目清单 CSV/XLSX / the project list")
    parser.add_argument("--plan", default="luyuan",
                        help="规划标识(默认 luyuan)/ the plan's short name")
    parser.add_argument("--dry-run", action="store_true",
                        help="只检查,不写入 / check only, store nothing")


def run(args: argparse.Namespace) -> int:
    from planwatch.web.bootstrap import prepare_database

    prepare_database()
    from planwatch.web.data.problem_list import print_problems
    from planwatch.web.plans.models import Plan
    from planwatch.web.work.files import WorkFileError, check_projects
    from planwatch.web.work.store import import_projects, plan_department_names

    plan = Plan.objects.filter(name=args.plan).first()
    try:
        # An unreadable file is named first, whatever the plan.
        projects = check_projects(args.file, departments=plan_department_names(plan)
                                  if plan is not None else None)
    except WorkFileError as error:
        print(error, file=sys.stderr)
        return 2
    if plan is None:
        print(f"{args.file}: --plan: 没有规划 {args.plan}(先用 planwatch plan load 载入)",
              file=sys.stderr)
        return 2
    result = import_projects(plan, projects, dry_run=args.dry_run)
    if result is None:
        print_problems(str(args.file), projects, sys.stderr)
        return 2
    count = len(projects.records)
    chinese = (f"{count} 个项目:新增 {result.created},更新 {result.updated},"
               f"新增阶段记录 {result.stages_added}")
    english = (f"{count} projects: {result.created} new, {result.updated} updated, "
               f"{result.stages_added} stage dates")
    if args.dry_run:
        print(f"{args.file}: 试运行,未写入:将导入 {chinese} / dry run, nothing stored: "
              f"would import {english}")
    else:
        print(f"已导入 {chinese} / imported {english}")
    return 0
