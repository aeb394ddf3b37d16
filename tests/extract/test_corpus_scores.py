"""Quality on the shared material: the seed article and the hand-annotated dev corpus."""

import os
from pathlib import Path

import pytest

from planwatch.extract.scoring import score_corpus, total

# The shared material sits beside the checkout (../shared), as in CI; PLANWATCH_SHARED overrides.
SHARED = Path(os.environ.get("PLANWATCH_SHARED", Path(__file__).resolve().parents[3] / "shared"))
CORPUS = SHARED / "corpus" / "dev"
SEED = SHARED / "seed" / "luyuan-plan-article.txt"


@pytest.fixture(scope="module")
def results():
    # A missing corpus fails the run: the extractor's quality must never go unmeasured.
    assert (CORPUS / "gold").is_dir(), f"dev corpus not found at {CORPUS}; set PLANWATCH_SHARED"
    return score_corpus(CORPUS, {"seed": SEED})


def test_the_seed_article_is_recovered(results):
    (seed,) = [r for r in results if r.name == "seed"]
    assert seed.detection.recall >= 0.95


def test_dev_set_scores_hold(results):
    detection, full = total([r for r in results if r.name != "seed"])
    assert detection.gold == 188
    assert detection.f1 >= 0.95
    assert full.f1 >= 0.90
