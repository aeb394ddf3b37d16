"""The Lüyuan demo data: the published figures as observations, the annual targets kept apart,
and the illustrative series regenerated identically, never in place of a real figure."""

import csv
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from planwatch.domain import Kind, Provenance
from planwatch.domain.observation_csv import read_observations
from planwatch.planfile import load_plan
from planwatch.samples import luyuan

SCRIPT = Path(__file__).parents[2] / "scripts" / "generate_illustrative_data.py"
# sha256 of /work/shared/data/luyuan/public_figures.csv, the collected figures.
PUBLIC_FIGURES_SHA256 = "555118b72b2464010c338b133b07f00904d57ebba5e4519bd30d2f040fdb839b"
GENERATED = ("observations.csv", "annual_targets.csv", "illustrative_observations.csv")


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          check=False)


def key(observation):
    return (observation.place, observation.indicator, observation.period, observation.kind)


@pytest.fixture(scope="module")
def real():
    return read_observations(luyuan.OBSERVATIONS_PATH)


@pytest.fixture(scope="module")
def illustrative():
    return read_observations(luyuan.ILLUSTRATIVE_OBSERVATIONS_PATH)


def test_the_public_figures_are_the_collected_file_unchanged():
    digest = hashlib.sha256(luyuan.PUBLIC_FIGURES_PATH.read_bytes()).hexdigest()
    assert digest == PUBLIC_FIGURES_SHA256


def test_the_script_regenerates_the_committed_files_exactly(tmp_path):
    result = run_script("--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (luyuan.FOLDER / name).read_bytes(), name


def test_every_published_figure_is_an_observation_or_an_annual_target(real):
    with luyuan.PUBLIC_FIGURES_PATH.open(encoding="utf-8") as file:
        figures = list(csv.DictReader(file))
    with luyuan.ANNUAL_TARGETS_PATH.open(encoding="utf-8") as file:
        annual_targets = list(csv.DictReader(file))
    planned = [f for f in figures if "(年度预期目标)" in f["indicator"] or "(年度计划)" in f["indicator"]]
    assert len(annual_targets) == len(planned) == 12
    assert len(real) + len(annual_targets) == len(figures) == 53


def test_real_figures_are_official_or_estimate_with_their_source_url(real):
    assert {o.provenance for o in real} == {Provenance.OFFICIAL, Provenance.ESTIMATE}
    assert all(o.source.startswith("http") for o in real)


def test_an_estimate_comes_before_the_final_figure_that_revises_it(real):
    gdp_2020 = [o.value for o in real if (o.place, o.indicator, o.period.label, o.unit) ==
                ("长春市", "地区生产总值", "2020", "亿元")]
    assert gdp_2020 == [6500, 6601.59]


def test_illustrative_rows_are_marked_and_never_replace_a_real_figure(real, illustrative):
    assert {o.provenance for o in illustrative} == {Provenance.ILLUSTRATIVE}
    assert {o.source for o in illustrative} == {"示例数据（scripts/generate_illustrative_data.py 生成）"}
    assert not {key(o) for o in illustrative} & {key(o) for o in real}


def test_every_quantitative_target_has_a_series_to_judge_it_by(real, illustrative):
    plan = load_plan(luyuan.PLAN_PATH)
    measured = {(o.place, o.indicator) for o in [*real, *illustrative]}
    for target in plan.targets:
        if target.kind in (Kind.MILESTONE, Kind.DIRECTION_ONLY):
            continue
        assert ((target.place or "绿园区"), target.indicator) in measured, target.id
        if target.benchmark:
            place = target.benchmark.place or target.place or "绿园区"
            assert (place, target.benchmark.indicator) in measured, target.id


def test_a_real_figure_appearing_later_displaces_the_illustrative_one(tmp_path):
    figures = luyuan.PUBLIC_FIGURES_PATH.read_text("utf-8")
    figures += "绿园区,学校改造,2022,4,所,count_in_year,http://www.changchun.gov.cn/x.html,完成4所\n"
    (tmp_path / "figures.csv").write_text(figures, "utf-8")
    assert run_script("--public-figures", str(tmp_path / "figures.csv"),
                      "--out", str(tmp_path)).returncode == 0
    illustrative = read_observations(tmp_path / "illustrative_observations.csv")
    assert ("学校改造", "2022") not in {(o.indicator, o.period.label) for o in illustrative}
    assert ("学校改造", "2023") in {(o.indicator, o.period.label) for o in illustrative}


def test_an_unknown_qualifier_stops_the_script_before_anything_is_written(tmp_path):
    figures = luyuan.PUBLIC_FIGURES_PATH.read_text("utf-8")
    figures += "绿园区,地区生产总值(初步核算),2024,5,%,growth_pct,http://a.gov.cn/,增长5%\n"
    (tmp_path / "figures.csv").write_text(figures, "utf-8")
    out = tmp_path / "out"
    result = run_script("--public-figures", str(tmp_path / "figures.csv"), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == ("错误 / error: figures.csv: row 55: indicator: unknown "
                                     "qualifier in '地区生产总值(初步核算)'")
    assert not out.exists()


def test_a_file_missing_a_column_is_refused_by_name(tmp_path):
    (tmp_path / "figures.csv").write_text("place,indicator,year,value\n绿园区,x,2021,1\n", "utf-8")
    result = run_script("--public-figures", str(tmp_path / "figures.csv"),
                        "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip() == ("错误 / error: figures.csv: row 1: missing column(s) unit, "
                                     "kind, source_url, quote")


def test_a_primary_source_comes_after_a_mirror_stating_the_same_figure(real):
    growth_2024 = [o.provenance for o in real if (o.place, o.indicator, o.period.label, o.unit) ==
                   ("长春市", "地区生产总值", "2024", "%")]
    assert growth_2024 == [Provenance.ESTIMATE, Provenance.OFFICIAL]
