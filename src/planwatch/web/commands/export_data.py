"""`planwatch export [--plan NAME] -o FILE`: the current figures in the import layout.

The format follows the file name: .xlsx writes a workbook, anything else CSV. The file is
written beside its target and moved into place only when complete.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plan", help="只导出该规划的指标 / only this plan's indicators")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="输出文件 .csv 或 .xlsx / output file")


def run(args: argparse.Namespace) -> int:
    from planwatch.web.bootstrap import prepare_database

    output: Path = args.output
    if not output.parent.is_dir():
        print(f"{output}: 目录不存在 / no such directory", file=sys.stderr)
        return 2
    prepare_database()
    from planwatch.web.data.exporter import current_rows, write_csv, write_xlsx
    from planwatch.web.plans.models import Plan

    plan = None
    if args.plan:
        plan = Plan.objects.filter(name=args.plan).first()
        if plan is None:
            print(f"--plan {args.plan}: 没有该规划 / no such plan", file=sys.stderr)
            return 2
    descriptor, temporary = tempfile.mkstemp(dir=output.parent, suffix=".part")
    try:
        if output.suffix.lower() == ".xlsx":
            with os.fdopen(descriptor, "wb") as file:
                count = write_xlsx(current_rows(plan), file)
        else:
            with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as file:
                count = write_csv(current_rows(plan), file)
        os.replace(temporary, output)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    print(f"已导出 {count} 条 / exported {count} observations → {output}")
    return 0
