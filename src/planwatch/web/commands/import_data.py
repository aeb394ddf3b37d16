"""`planwatch import FILE [--dry-run]`: check an observations file and store it, all or none.

The CLI twin of the import page: the same checks, the same transaction. Every problem is
printed as one line naming the file, row, column and reason; any problem means exit code 2
and nothing stored.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="观测数据 CSV 或 XLSX 文件 / observations CSV or XLSX")
    parser.add_argument("--dry-run", action="store_true",
                        help="只检查,不写入 / check only, store nothing")


def run(args: argparse.Namespace) -> int:
    from planwatch.web.bootstrap import prepare_database

    try:
        file = args.file.open("rb")
    except OSError as error:
        print(f"{args.file}: 无法读取 / cannot read: {error.strerror or error}", file=sys.stderr)
        return 2
    prepare_database()
    from planwatch.web.data.importer import import_observations
    from planwatch.web.data.problem_list import print_problems

    with file:
        result = import_observations(file, str(args.file), dry_run=args.dry_run)
    if result.file_problem:
        print(result.file_problem, file=sys.stderr)
        return 2
    if not result.ok:
        print_problems(str(args.file), result, sys.stderr)
        return 2
    verb = "将新增" if args.dry_run else "新增"
    print(f"{args.file}: 读取 {result.rows_read} 行,{verb} {result.rows_added} 条"
          f"{'(试运行,未写入)' if args.dry_run else ''} / read {result.rows_read} rows, "
          f"{'would add' if args.dry_run else 'added'} {result.rows_added}")
    return 0
