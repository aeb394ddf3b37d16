"""Changchun Lüyuan District (长春市绿园区): its 14th Five-Year goals and 2021 key work as a
plan file, the source article verbatim, and the figures for the demo.

- plan.yaml — the plan, encoded by hand (format: docs/planfile.md); spans point into source.txt
- source.txt — the source article, byte-identical to the seed
- public_figures.csv / public_figures.md — published figures as collected, with source URLs
- observations.csv — those figures as observations (official / estimate), made by
  scripts/generate_illustrative_data.py
- annual_targets.csv — the annual expected targets (年度预期目标) found among the figures:
  targets, not outturns, so kept out of observations.csv
- illustrative_observations.csv — generated series (provenance illustrative) where nothing
  real is published, so the demo shows every status; never a real figure
"""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
PLAN_PATH = FOLDER / "plan.yaml"
SOURCE_PATH = FOLDER / "source.txt"
PUBLIC_FIGURES_PATH = FOLDER / "public_figures.csv"
OBSERVATIONS_PATH = FOLDER / "observations.csv"
ANNUAL_TARGETS_PATH = FOLDER / "annual_targets.csv"
ILLUSTRATIVE_OBSERVATIONS_PATH = FOLDER / "illustrative_observations.csv"
ILLUSTRATIVE_PATH = ILLUSTRATIVE_OBSERVATIONS_PATH  # the shorter name planwatch.reports uses
