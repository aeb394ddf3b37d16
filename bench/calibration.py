"""Calibration check of the outlook probabilities (docs/evaluation.md, "Calibration").

Simulates level targets on random walks with known drift and noise, judges them after a
few years with the engine, lets the rest of the path happen, and prints the reliability
table: predicted probability against the share of targets actually met.

    python bench/calibration.py [--targets 200000] [--seen 3]
"""

from __future__ import annotations

import argparse
import sys
from functools import partial

from planwatch.evaluate.calibration import (
    format_table,
    reliability,
    simulate,
    simulate_cumulative,
    simulate_relative,
)
from planwatch.evaluate.table import EACH_YEAR, END_YEAR, PERIOD_AVERAGE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=200_000)
    parser.add_argument("--seen", type=int, default=3,
                        help="years of data after the base when judged (default 3 of 5)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    simulations = (
        ("level and share", simulate), ("cumulative", simulate_cumulative),
        ("relative, each year", partial(simulate_relative, scope=EACH_YEAR)),
        ("relative, period average", partial(simulate_relative, scope=PERIOD_AVERAGE)),
        ("relative, end year", partial(simulate_relative, scope=END_YEAR)))
    for name, simulation in simulations:
        predicted, met = simulation(args.targets, seed=args.seed, seen=args.seen)
        print(f"{name}: {len(predicted):,} simulated targets judged after {args.seen} of 5 "
              "years")
        print(format_table(reliability(predicted, met)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
