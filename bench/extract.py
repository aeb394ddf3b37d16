"""Extraction throughput: MB/s of UTF-8 text on one core, next to a one-regex baseline.

    .venv/bin/python bench/extract.py [--corpus DIR] [--megabytes 20]

The text is the dev corpus (../shared/corpus/dev/docs) repeated to the size asked for. The
baseline is a single regex pass that finds number+unit pairs with the extractor's own number and
unit pattern (Arabic and Chinese numerals, every unit it knows): the floor of what reading the
text for figures costs. A short number+unit regex (a handful of units, Arabic digits only) is
timed too, as the absolute floor of one pass over the text. The extractor is timed on 1/4, 1/2 and all of the text to show that its
cost grows linearly with the size of the document. Times are CPU seconds of this process
(the machine is shared), the best of --repeat runs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from planwatch.extract import iter_targets
from planwatch.extract.lexicon import MENTION

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev"
NUMBER_AND_UNIT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|[万亿]?元|[万]?人|个|所|家|条|公里|[万]?平方米|亩|公顷|吨)")


def corpus_text(corpus: Path, megabytes: float) -> str:
    documents = [path.read_text(encoding="utf-8") for path in sorted((corpus / "docs").glob("*.txt"))]
    if not documents:
        raise SystemExit(f"cannot read {corpus}: no docs/*.txt")
    unit = "\n".join(documents) + "\n"
    size = len(unit.encode("utf-8"))
    return unit * max(1, round(megabytes * 1_000_000 / size))


def timed(function, argument, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = function(argument)
        best = min(best, time.process_time() - start)
    return best, result


def baseline(text: str) -> int:
    return sum(1 for _ in MENTION.finditer(text))


def short_regex(text: str) -> int:
    return sum(1 for _ in NUMBER_AND_UNIT.finditer(text))


def extract(text: str) -> int:
    return sum(1 for _ in iter_targets(text.splitlines(keepends=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    text = corpus_text(args.corpus, args.megabytes)
    megabytes = len(text.encode("utf-8")) / 1_000_000
    print(f"text: {megabytes:.1f} MB UTF-8 ({len(text):,} characters), dev corpus repeated")
    extract(text[:100_000])  # load the script table and compile the grammar outside the timing
    base_seconds, pairs = timed(baseline, text, args.repeat)
    print(f"baseline (one pass of the extractor's number+unit regex, {pairs:,} pairs): "
          f"{base_seconds:.2f} s, {megabytes / base_seconds:.1f} MB/s")
    short_seconds, short_pairs = timed(short_regex, text, args.repeat)
    print(f"short regex (digits and 12 units, {short_pairs:,} pairs): "
          f"{short_seconds:.2f} s, {megabytes / short_seconds:.1f} MB/s")
    rows = []
    for fraction in (0.25, 0.5, 1.0):
        part = text[: int(len(text) * fraction)]
        part_mb = len(part.encode("utf-8")) / 1_000_000
        seconds, targets = timed(extract, part, args.repeat)
        rows.append((part_mb, seconds))
        print(f"extract {part_mb:5.1f} MB: {seconds:6.2f} s, {part_mb / seconds:5.2f} MB/s, "
              f"{targets:,} distinct targets")
    full_mb, full_seconds = rows[-1]
    print(f"extractor / baseline: {full_seconds / base_seconds:.1f}x slower; "
          f"/ short regex: {full_seconds / short_seconds:.1f}x slower")
    quarter_mb, quarter_seconds = rows[0]
    print(f"linearity: time per MB at {quarter_mb:.1f} MB vs {full_mb:.1f} MB: "
          f"{quarter_seconds / quarter_mb:.3f} s vs {full_seconds / full_mb:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
