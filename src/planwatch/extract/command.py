"""`planwatch extract FILE… [--format json|jsonl|yaml|plan] [-o OUT] [--reference-year YYYY]`.

Reads every file first and writes only when all could be read: a file that cannot be read is
reported as one line "planwatch extract: cannot read FILE: reason" with exit code 2, and
nothing is written. FILE may be "-" for standard input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

FORMATS = ("json", "jsonl", "yaml", "plan")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="规划文档 .txt/.docx/.pdf/.html，- 为标准输入 / plan documents, - for stdin")
    parser.add_argument("--format", choices=FORMATS, default="json",
                        help="输出格式 / output format (default json; plan = plan YAML draft)")
    parser.add_argument("-o", "--output", metavar="OUT", help="输出文件 / write here instead of stdout")
    parser.add_argument("--reference-year", type=int, metavar="YYYY",
                        help="文档年份（“今年”所指）/ the document's year, for 今年 and 全年")
    parser.add_argument("--place", help="规划所属地区（plan 格式）/ the plan's place, for --format plan")
    parser.add_argument("--parent", help="上级地区，如 长春市（plan 格式）/ the parent place, e.g. 长春市")


def run(args: argparse.Namespace) -> int:
    from .errors import ExtractionError

    if args.format == "plan" and len(args.files) != 1:
        print("planwatch extract: --format plan 只接受一个文件 / takes exactly one file", file=sys.stderr)
        return 2
    try:
        documents = [_extract(name, args.reference_year, keep_text=args.format == "plan")
                     for name in args.files]
        output = _render(documents, args)
    except ExtractionError as error:
        print(f"planwatch extract: {error}", file=sys.stderr)
        return 2
    except ValueError as error:  # a plan draft that cannot be made
        print(f"planwatch extract: {args.files[0]}: {error}", file=sys.stderr)
        return 2
    try:
        _write(output, args.output)
    except OSError as error:
        print(f"planwatch extract: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0


def _extract(name: str, reference_year: int | None, *, keep_text: bool):
    from .extractor import extract_targets
    from .files import extract_bytes, extract_file
    from .readers import read_document

    if name == "-":
        return (name, *extract_bytes(sys.stdin.buffer.read(), "-", reference_year=reference_year))
    if not keep_text:
        return name, None, extract_file(name, reference_year=reference_year)
    text = read_document(name)
    return name, text, extract_targets(text, reference_year=reference_year)


def target_records(targets) -> list[dict]:
    """Targets as exchange records with stable ids t001, t002 … in document order."""
    return [target.as_dict(f"t{number:03d}") for number, target in enumerate(targets, 1)]


def _render(documents, args) -> str:
    if args.format == "plan":
        from planwatch.planfile import dump_plan

        from .plan_draft import draft_plan

        name, text, targets = documents[0]
        plan = draft_plan(text, targets, source=name, place=args.place, parent=args.parent)
        return dump_plan(plan)
    objects = [{"source": name, "targets": target_records(targets)} for name, _, targets in documents]
    if args.format == "jsonl":
        lines = []
        for document in objects:
            for record in document["targets"]:
                lines.append(json.dumps({"source": document["source"], **record}, ensure_ascii=False))
        return "".join(line + "\n" for line in lines)
    payload = objects[0] if len(objects) == 1 else objects
    if args.format == "yaml":
        import yaml

        return yaml.safe_dump(payload, allow_unicode=True, sort_keys=False)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _write(output: str, destination: str | None) -> None:
    if destination is None or destination == "-":
        sys.stdout.write(output)
        return
    target = Path(destination)
    # Write beside the destination and rename: a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=target.parent or Path("."), prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(output)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
