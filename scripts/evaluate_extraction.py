"""Score planwatch's target extractor against the hand-annotated dev corpus.

    .venv/bin/python scripts/evaluate_extraction.py [--corpus DIR] [--seed FILE] [--verbose]
                                                    [--text-years-only]

Prints precision, recall and F1 per document and in total, twice: detection (spans overlap,
value and unit agree) and full (comparator, kind and year agree too). The seed article is
scored on its own line when gold/seed.jsonl is present. Exit code 0; 2 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwatch.extract.scoring import DocumentScore, Score, score_corpus, total

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev"
DEFAULT_SEED = REPO.parent / "shared" / "seed" / "luyuan-plan-article.txt"


def _row(name: str, detection: Score, full: Score) -> str:
    return (f"{name:<8} {detection.gold:>4} {detection.predicted:>4}  "
            f"{detection.precision:6.3f} {detection.recall:6.3f} {detection.f1:6.3f}   "
            f"{full.precision:6.3f} {full.recall:6.3f} {full.f1:6.3f}")


def _details(result: DocumentScore) -> list[str]:
    lines = []
    for gold in result.missed:
        lines.append(f"    missed   {gold.text!r} {gold.value} {gold.unit} {gold.comparator} {gold.kind} {gold.year}")
    for target in result.spurious:
        lines.append(f"    spurious {target.text!r} {target.value} {target.unit} {target.kind}")
    for target, gold in result.wrong:
        lines.append(f"    wrong    {gold.text!r}: got {target.comparator} {target.kind} {target.year}, "
                     f"gold {gold.comparator} {gold.kind} {gold.year}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="提取评分 / score target extraction against gold")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder with docs/ and gold/ (default: ../shared/corpus/dev)")
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED,
                        help="the document gold/seed.jsonl annotates")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and errors")
    parser.add_argument("--text-years-only", action="store_true",
                        help="do not pass the year column of docs/sources.tsv to the extractor")
    args = parser.parse_args(argv)
    if not (args.corpus / "gold").is_dir():
        print(f"cannot read {args.corpus}: no gold/ folder", file=sys.stderr)
        return 2
    results = score_corpus(args.corpus, {"seed": args.seed}, use_source_years=not args.text_years_only)
    dev = [r for r in results if r.name != "seed"]
    print(f"{'doc':<8} {'gold':>4} {'pred':>4}  {'detection P/R/F1':<21}   full P/R/F1")
    for result in results:
        print(_row(result.name, result.detection, result.full))
        if args.verbose:
            print("\n".join(_details(result)) or "    (all matched)")
    detection, full = total(dev)
    print(_row("total", detection, full) + "   (dev documents, seed excluded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
