"""The `planwatch` command: one subcommand per stage of the data flow.

Each subcommand lives beside the code it drives, in a module that defines
`add_arguments(parser)` and `run(args) -> int`; this file only dispatches, and imports a
subcommand's module (and Django, for the web ones) only when that subcommand runs.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from datetime import date

# name → (module, one-line help). Nested groups (plan load / plan dump) use a dotted name.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("planwatch.extract.command", "从规划文本中提取量化目标 / extract targets from plan documents"),
    "evaluate": ("planwatch.evaluate.command", "评估目标进度与趋势 / assess targets against observations"),
    "plan.load": ("planwatch.web.commands.plan_load", "校验并载入规划文件 / validate and store a plan YAML"),
    "plan.dump": ("planwatch.web.commands.plan_dump", "导出规划文件 / write a stored plan as YAML"),
    "demo": ("planwatch.web.commands.demo", "建立演示数据并启动服务 / set up the Lüyuan demo and serve it"),
    "serve": ("planwatch.web.commands.serve", "启动网页服务 / serve an existing database"),
    "import": ("planwatch.web.commands.import_data", "导入观测数据 CSV/XLSX(全部或全不)/ import an observations file, all rows or none"),
    "export": ("planwatch.web.commands.export_data", "导出当前观测数据 / write current observations as CSV or XLSX"),
    "remind": ("planwatch.web.commands.remind", "向各部门发送催报并把超过宽限期的事项转督办 / remind departments of due and overdue figures"),
    "report": ("planwatch.reports.command", "生成评估报告（年度/中期/总结）/ write an evaluation report: docx, xlsx, pdf, html"),
    "projects.import": ("planwatch.web.commands.projects_import", "导入重点项目清单 CSV/XLSX / add or update key projects from a file"),
    "supervise": ("planwatch.web.commands.supervise", "督查督办:按规则提出和升级督办事项 / raise and escalate supervision items"),
}
# The one-line help of each group of nested commands.
GROUPS: dict[str, str] = {
    "plan": "规划文件:载入、导出(load / dump)/ plan files in and out of the database",
    "projects": "重点项目:导入清单(import)/ key projects",
}


def iso_date(text: str) -> date:
    """The argument type of every date option (--as-of, --today): YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}”不是日期 YYYY-MM-DD / bad date {text!r}: expected YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planwatch", description="planwatch — 规划实施监测评估系统")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    groups: dict[str, argparse._SubParsersAction] = {}
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        if "." in name:
            group, leaf = name.split(".", 1)
            if group not in groups:
                group_parser = commands.add_parser(group, help=GROUPS[group],
                                                   description=GROUPS[group])
                groups[group] = group_parser.add_subparsers(
                    dest=f"{group}_command", metavar="ACTION", required=True)
            sub = groups[group].add_parser(leaf, help=help_text, description=help_text)
        else:
            sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(module=module_name)
        _module(module_name).add_arguments(sub)
    return parser


def _module(name: str):
    return importlib.import_module(name)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return _module(args.module).run(args)


if __name__ == "__main__":
    sys.exit(main())
