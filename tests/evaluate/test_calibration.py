"""Calibration on simulated series: predicted probabilities match realised hit rates."""

import pytest

from planwatch.evaluate.calibration import (
    format_table,
    reliability,
    simulate,
    simulate_cumulative,
)


@pytest.mark.parametrize("simulation", [simulate, simulate_cumulative])
def test_targets_given_about_80_percent_are_met_about_80_percent_of_the_time(simulation):
    predicted, met = simulation(40_000, seed=7)
    rows = {round(row.low, 1): row for row in reliability(predicted, met)}
    for low in (0.7, 0.8):
        assert abs(rows[low].hit_rate - rows[low].mean_predicted) < 0.05
    assert "| 0.8–0.9 |" in format_table(list(rows.values()))
