"""A plan file's `schedule` (path: custom) is stored as the target's annual decomposition
(总施工图, entered by hand) and dumped back from it: load → dump → load is lossless."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planwatch import domain
from planwatch.planfile import dump_plan, load_plan
from planwatch.web.plans.models import Plan
from planwatch.web.plans.store import PlanStoreError, plan_from_db, save_plan
from planwatch.web.work.models import AnnualTarget

pytestmark = pytest.mark.django_db

# One target of each way a year's value is stored: a level as it stands, a flow's running
# total as each year's amount, a growth target's average since the base as each year's rate.
SCHEDULES = {
    "gdp-2025": {2021: 330.0, 2022: 365.5, 2023: 400.0, 2024: 450.0, 2025: 500.0},
    "unplaced": {2021: 0.5, 2022: 1.3, 2023: 2.1, 2024: 3.0, 2025: 4.0},
    "growth": {2021: 5.0, 2022: 5.5, 2023: 6.0, 2024: 6.2, 2025: 6.5},
}


def _scheduled_plan(sample_plan: domain.Plan) -> domain.Plan:
    growth = domain.Target("growth", "服务业增加值", domain.Kind.GROWTH, domain.Comparator.GE,
                           6.5, "%", 2025, period_start=2021, goal="fyp.economy")
    targets = [*sample_plan.targets, growth]
    sample_plan.targets = [
        replace(t, path=domain.PathShape.CUSTOM, schedule=SCHEDULES[t.id])
        if t.id in SCHEDULES else t for t in targets]
    return sample_plan


def _annual(key: str) -> dict[int, tuple[float, str]]:
    return {row.year: (round(row.value, 9), row.method)
            for row in AnnualTarget.objects.filter(target__key=key)}


def test_a_schedule_is_stored_as_the_decomposition_entered_by_hand(sample_plan):
    save_plan(_scheduled_plan(sample_plan))
    assert _annual("gdp-2025") == {2021: (330.0, "manual"), 2022: (365.5, "manual"),
                                   2023: (400.0, "manual"), 2024: (450.0, "manual"),
                                   2025: (500.0, "manual")}
    assert _annual("unplaced") == {2021: (0.5, "manual"), 2022: (0.8, "manual"),
                                   2023: (0.8, "manual"), 2024: (0.9, "manual"),
                                   2025: (1.0, "manual")}
    rates = {year: value for year, (value, _) in _annual("growth").items()}
    # 2022: 1.05 × (1 + g) = 1.055² → g = 6.0024 %
    assert rates[2021] == pytest.approx(5.0) and rates[2022] == pytest.approx(6.002381, abs=1e-6)
    index = 1.0
    for rate in rates.values():
        index *= 1 + rate / 100
    assert index == pytest.approx(1.065 ** 5)


def test_load_dump_load_is_lossless(sample_plan, tmp_path, row_counts):
    plan = _scheduled_plan(sample_plan)
    save_plan(plan)
    stored = plan_from_db("sample")
    assert stored == plan
    path = tmp_path / "dumped.yaml"
    path.write_text(dump_plan(stored), encoding="utf-8")
    assert "schedule: {2021: 0.5, 2022: 1.3, 2023: 2.1, 2024: 3, 2025: 4}" in path.read_text(
        encoding="utf-8")
    before = row_counts()
    save_plan(load_plan(path))  # the same plan: nothing is written
    assert row_counts() == before
    assert plan_from_db("sample") == plan


def test_a_decomposition_made_on_the_work_page_is_dumped_as_the_targets_schedule(sample_plan):
    row = save_plan(sample_plan)
    target = row.targets.get(key="unplaced")
    for year, amount in {2021: 1, 2022: 1, 2023: 0.5, 2024: 0.5, 2025: 1}.items():
        AnnualTarget.objects.create(target=target, year=year, value=amount, method="manual")
    dumped = {t.id: t for t in plan_from_db("sample").targets}["unplaced"]
    assert dumped.path is domain.PathShape.CUSTOM
    assert dumped.schedule == {2021: 1.0, 2022: 2.0, 2023: 2.5, 2024: 3.0, 2025: 4.0}


def test_reloading_a_file_without_schedules_keeps_the_stored_decomposition(
        sample_plan, plan_factory, row_counts):
    row = save_plan(sample_plan)
    AnnualTarget.objects.bulk_create(
        AnnualTarget(target=row.targets.get(key="unplaced"), year=year, value=0.8,
                     method="linear") for year in range(2021, 2026))
    before = row_counts()
    save_plan(plan_factory())
    assert row_counts() == before


def test_a_schedule_that_leaves_out_years_is_refused_naming_target_and_years(sample_plan):
    sample_plan.targets = [replace(t, path=domain.PathShape.CUSTOM,
                                   schedule={2021: 1, 2023: 2, 2025: 4})
                           if t.id == "unplaced" else t for t in sample_plan.targets]
    with pytest.raises(PlanStoreError, match="unplaced.*缺 2022, 2024"):
        save_plan(sample_plan)
    assert not Plan.objects.exists()
