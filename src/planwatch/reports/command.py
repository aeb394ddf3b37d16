"""`planwatch report PLAN --kind … --as-of … --format …`: an evaluation report from files.

PLAN is a plan YAML file or `luyuan`, the built-in sample (its plan and observation files).
The plan is assessed as of the date with the evaluation engine and the report written to -o
(default PLAN-KIND-DATE.FORMAT in the current folder). Bad input is reported in one line and
exits 2; the output file appears whole or not at all.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from planwatch.cli import iso_date

FORMATS = ("docx", "xlsx", "pdf", "html")
KINDS = ("annual", "midterm", "final")
BUILT_IN = "luyuan"


class InputError(Exception):
    """Bad input from the command line; the message is the one line the user sees."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN",
                        help=f"规划 YAML 文件，或内置示例 {BUILT_IN} / a plan YAML file, or {BUILT_IN}")
    parser.add_argument("--kind", choices=KINDS, required=True,
                        help="年度 annual / 中期 midterm / 总结 final")
    parser.add_argument("--as-of", required=True, type=iso_date, metavar="YYYY-MM-DD",
                        help="评估截止日期 / the date the assessment is made as of")
    parser.add_argument("--format", choices=FORMATS,
                        help="输出格式（默认取自 -o 的扩展名，否则 docx）/ output format")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="输出文件 / the file to write")
    parser.add_argument("--observations", type=Path, nargs="+", action="extend", default=[],
                        metavar="CSV",
                        help="监测数据 CSV（可多个；内置示例默认用其自带数据）/ observations CSV files")
    parser.add_argument("--narrative", type=Path, metavar="YAML",
                        help="规划人员填写的文字（下一步建议等）及部门说明 / planners' narrative")


def run(args: argparse.Namespace) -> int:
    from planwatch.domain.observation_csv import ObservationFileError
    from planwatch.evaluate import EvaluationError
    from planwatch.planfile import PlanFileError
    from planwatch.reports import ReportError

    try:
        output, data = _report(args)
        _write_whole(output, data)
    except (InputError, PlanFileError, ObservationFileError, ReportError) as error:
        print(str(error).strip(), file=sys.stderr)
        return 2
    except EvaluationError as error:  # names the target and field; the plan names the file
        print(f"{args.plan}: {error}", file=sys.stderr)
        return 2
    print(f"已生成报告 {output}（{len(data):,} 字节）/ wrote {output}")
    return 0


def _report(args: argparse.Namespace) -> tuple[Path, bytes]:
    from planwatch.domain.observation_csv import read_observations
    from planwatch.reports import ReportKind, build_report, render
    from planwatch.reports.assemble import assess_for_report

    plan, observation_files = _plan_and_data(args.plan, args.observations)
    file_format = args.format or _format_of(args.output)
    output = args.output or Path(f"{plan.name}-{args.kind}-{args.as_of.isoformat()}.{file_format}")
    if not output.parent.is_dir():
        raise InputError(f"{output}: folder {output.parent} does not exist")
    observations = [o for path in observation_files for o in read_observations(path)]
    narrative, explanations = _narrative(args.narrative) if args.narrative else ({}, {})
    report = assess_for_report(plan, observations, ReportKind(args.kind), args.as_of,
                               narrative=narrative, explanations=explanations)
    return output, render(build_report(report), file_format)


def _plan_and_data(name: str, observation_files: list[Path]):
    from planwatch.planfile import load_plan

    if name == BUILT_IN and not Path(name).is_file():
        from planwatch.samples import luyuan

        default_files = [Path(luyuan.OBSERVATIONS_PATH), Path(luyuan.ILLUSTRATIVE_PATH)]
        return load_plan(luyuan.PLAN_PATH), observation_files or default_files
    path = Path(name)
    if not path.is_file():
        raise InputError(f"{name}: no such plan file (give a plan YAML or '{BUILT_IN}')")
    return load_plan(path), observation_files


def _format_of(output: Path | None) -> str:
    if output is None:
        return "docx"
    suffix = output.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InputError(f"{output}: cannot tell the format from the extension; "
                         f"give --format {'|'.join(FORMATS)}")
    return suffix


def _narrative(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Read the planners' file: section titles → text, and `explanations: {target id: text}`."""
    import yaml

    from planwatch.reports import NARRATIVE_SECTIONS

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        reason = str(error).splitlines()[0]
        raise InputError(f"{path}: cannot read narrative file: {reason}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: $: expected a mapping of section → text")
    explanations = data.pop("explanations", {}) or {}
    if not isinstance(explanations, dict):
        raise InputError(f"{path}: $.explanations: expected a mapping of target id → text")
    for key, value in [*data.items(), *explanations.items()]:
        if not isinstance(value, str):
            raise InputError(f"{path}: $.{key}: expected text, got {type(value).__name__}")
    unknown = sorted(set(data) - set(NARRATIVE_SECTIONS))
    if unknown:
        raise InputError(f"{path}: $.{unknown[0]}: unknown section; expected one of "
                         + ", ".join(NARRATIVE_SECTIONS) + " or explanations")
    return {str(k): v for k, v in data.items()}, {str(k): v for k, v in explanations.items()}


def _write_whole(output: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failure never leaves half a file."""
    try:
        handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
    except OSError as error:
        raise InputError(f"{output}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 would hide the report
        os.replace(temporary, output)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"{output}: cannot write: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
