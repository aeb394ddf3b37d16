"""Scoring extracted targets against hand-made gold annotations (the dev corpus convention).

A prediction matches a gold target in **detection** when their spans overlap and value and unit
agree, and in **full** when comparator, kind and year agree as well. Matching is one-to-one
(maximum bipartite matching). Predictions sharing (indicator, value, year) are collapsed first:
the group counts once and matches through any of its spans, since gold annotates a restated
target once, at whichever occurrence `str.find` meets first.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path

from .extractor import ExtractedTarget, extract_targets, indicator_key

VALUE_TOLERANCE = 1e-4


@dataclass(frozen=True)
class GoldTarget:
    text: str
    indicator: str
    value: float
    unit: str
    comparator: str
    kind: str
    year: int | None
    period_start: int | None
    span: tuple[int, int]


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.gold += other.gold


@dataclass
class DocumentScore:
    name: str
    detection: Score
    full: Score
    missed: list[GoldTarget]  # gold targets with no detection match
    spurious: list[ExtractedTarget]  # predictions with no detection match
    wrong: list[tuple[ExtractedTarget, GoldTarget]]  # detected, but not a full match


def read_gold(path: Path, document: str) -> list[GoldTarget]:
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        start = document.find(record["text"])
        if start < 0:
            raise ValueError(f"{path}:{number}: text not found in the document: {record['text']!r}")
        gold.append(GoldTarget(
            text=record["text"], indicator=record["indicator"], value=float(record["value"]),
            unit=record["unit"], comparator=record["comparator"], kind=record["kind"],
            year=record["year"], period_start=record["period_start"],
            span=(start, start + len(record["text"]))))
    return gold


def _value_agrees(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def _collapse(predicted: list[ExtractedTarget]) -> list[tuple[ExtractedTarget, list[tuple[int, int]]]]:
    groups: dict[tuple, tuple[ExtractedTarget, list[tuple[int, int]]]] = {}
    for target in predicted:
        key = (indicator_key(target.indicator), round(target.value, 6), target.year)
        spans = [target.span, *target.restatements]
        if key in groups:
            groups[key][1].extend(spans)
        else:
            groups[key] = (target, spans)
    return list(groups.values())


def _detects(prediction: ExtractedTarget, spans, gold: GoldTarget) -> bool:
    overlaps = any(start < gold.span[1] and gold.span[0] < end for start, end in spans)
    return overlaps and _value_agrees(prediction.value, gold.value) and prediction.unit == gold.unit


def _fully(prediction: ExtractedTarget, spans, gold: GoldTarget) -> bool:
    return (_detects(prediction, spans, gold) and prediction.comparator == gold.comparator
            and prediction.kind == gold.kind and prediction.year == gold.year)


def _match(left: int, right: int, edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): right index → left index."""
    owner: dict[int, int] = {}

    def augment(node: int, visited: set[int]) -> bool:
        for other in edges.get(node, []):
            if other in visited:
                continue
            visited.add(other)
            if other not in owner or augment(owner[other], visited):
                owner[other] = node
                return True
        return False

    for node in range(left):
        augment(node, set())
    return owner


def score_document(name: str, predicted: list[ExtractedTarget], gold: list[GoldTarget]) -> DocumentScore:
    groups = _collapse(predicted)
    scores = []
    owners = []
    for agrees in (_detects, _fully):
        edges = {i: [j for j, g in enumerate(gold) if agrees(p, spans, g)]
                 for i, (p, spans) in enumerate(groups)}
        owner = _match(len(groups), len(gold), edges)
        owners.append(owner)
        scores.append(Score(len(owner), len(groups), len(gold)))
    detected, full = owners
    matched_predictions = set(detected.values())
    missed = [g for j, g in enumerate(gold) if j not in detected]
    spurious = [p for i, (p, _) in enumerate(groups) if i not in matched_predictions]
    wrong = [(groups[i][0], gold[j]) for j, i in detected.items() if j not in full]
    return DocumentScore(name, scores[0], scores[1], missed, spurious, wrong)


def reference_years(corpus: Path) -> dict[str, int]:
    """A document's year from sources.tsv, where the last column is one plain year."""
    years: dict[str, int] = {}
    sources = corpus / "docs" / "sources.tsv"
    if not sources.exists():
        return years
    with sources.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) >= 6 and row[-1].strip().isdigit() and len(row[-1].strip()) == 4:
                years[row[0].strip()] = int(row[-1].strip())
    return years


def score_corpus(corpus: Path, documents: dict[str, Path] | None = None, *,
                 use_source_years: bool = True) -> list[DocumentScore]:
    """Score every gold/NAME.jsonl against docs/NAME.txt (or documents[NAME] where given).

    With use_source_years, a document's year from sources.tsv is the extractor's
    reference year (for 今年); without, the year must come from the text alone.
    """
    years = reference_years(corpus) if use_source_years else {}
    results = []
    for gold_path in sorted((corpus / "gold").glob("*.jsonl")):
        document_path = (documents or {}).get(gold_path.stem, corpus / "docs" / f"{gold_path.stem}.txt")
        if not document_path.exists():
            continue
        document = document_path.read_text(encoding="utf-8")
        predicted = extract_targets(document, reference_year=years.get(gold_path.stem))
        results.append(score_document(gold_path.stem, predicted, read_gold(gold_path, document)))
    return results


def total(results: list[DocumentScore]) -> tuple[Score, Score]:
    detection, full = Score(), Score()
    for result in results:
        detection.add(result.detection)
        full.add(result.full)
    return detection, full
