"""`planwatch evaluate TARGETS OBSERVATIONS --as-of YYYY-MM-DD [--format json|table|csv] [-o OUT]`

TARGETS is a plan YAML or a target JSON file; OBSERVATIONS an observations CSV. Bad input is
reported as one line, `planwatch evaluate: FILE: row/field: reason`, with exit code 2 and
nothing written. Imports are deferred: `planwatch --help` builds this parser.
"""

from __future__ import annotations

import sys

FORMATS = ("table", "json", "csv")


class InputError(Exception):
    """Bad input the user can fix; the message is the line to print."""


def add_arguments(parser) -> None:
    parser.add_argument("targets", metavar="TARGETS",
                        help="规划文件（YAML）或目标 JSON（- 为标准输入）/ a plan YAML or a "
                             "target JSON file (- for standard input)")
    parser.add_argument("observations", metavar="OBSERVATIONS",
                        help="观测数据 CSV / observations CSV "
                             "(place,indicator,period,value,unit,kind,source)")
    parser.add_argument("--as-of", required=True, metavar="YYYY-MM-DD",
                        help="评估基准日 / judge with the data published by this date")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="输出格式 / output format (default: table)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="写入文件而非标准输出 / write to this file instead of stdout")


def run(args) -> int:
    try:
        text = evaluate_files(args.targets, args.observations, args.as_of, args.format)
    except InputError as exc:
        for line in str(exc).splitlines():
            print(f"planwatch evaluate: {line}", file=sys.stderr)
        return 2
    if args.output:
        try:
            _write_whole(args.output, text, bom=args.format == "csv")
        except OSError as exc:
            print(f"planwatch evaluate: {args.output}: cannot write: {exc.strerror or exc}",
                  file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    return 0


def evaluate_files(targets_path: str, observations_path: str, as_of_text: str,
                   output_format: str) -> str:
    """The whole output as text, or InputError: nothing is written before all is known."""
    from datetime import date

    from planwatch.domain.observation_csv import ObservationFileError, read_observations

    from . import render
    from .assessment import assess
    from .prepare import EvaluationError
    from .rollup import rollup

    try:
        as_of = date.fromisoformat(as_of_text)
    except ValueError:
        raise InputError(f"--as-of: {as_of_text!r} is not a date YYYY-MM-DD") from None
    targets, goals, place = _read_targets(targets_path)
    try:
        observations = read_observations(observations_path)
    except ObservationFileError as exc:
        raise InputError(str(exc)) from None
    try:
        assessments = assess(targets, observations, as_of, place=place)
    except EvaluationError as exc:
        raise InputError(f"{targets_path}: {exc}") from None
    summary = rollup(assessments, targets, goals)
    indicators = {target.id: target.indicator for target in targets}
    return render.render(output_format, as_of, assessments, summary, indicators)


def _read_targets(path: str):
    """(targets, goal tree or None, default place) from a plan YAML or a target JSON file
    (`-`: standard input), told apart by the name's suffix or else by the first character."""
    from pathlib import Path

    from .targets_json import TargetFileError, parse_targets_json

    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    suffix = Path(path).suffix.lower()
    looks_like_json = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{")
    if suffix == ".json" or (suffix not in (".yaml", ".yml") and looks_like_json):
        try:
            return parse_targets_json(data, path), None, None
        except TargetFileError as exc:
            raise InputError(str(exc)) from None
    from planwatch.planfile import PlanFileError, parse_plan

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    base_dir = Path.cwd() if path == "-" else Path(path).resolve().parent
    try:
        plan = parse_plan(text, source_name=path, base_dir=base_dir)
    except PlanFileError as exc:
        raise InputError(str(exc)) from None
    return plan.targets, plan.goals, plan.jurisdiction.name


def _write_whole(path: str, text: str, *, bom: bool) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file."""
    import os
    import tempfile
    from pathlib import Path

    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig" if bom else "utf-8",
                       newline="") as file:
            file.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
