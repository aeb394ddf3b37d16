"""`planwatch demo`: the first run sets everything up, a second run finds it and changes nothing."""

from __future__ import annotations

import io
import os
import re
import sqlite3
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model

from planwatch import domain
from planwatch.domain.observation_csv import write_observations
from planwatch.planfile import dump_plan
from planwatch.web.commands.demo import set_up_demo
from planwatch.web.data.models import Observation
from planwatch.web.plans.models import Plan

PASSWORD_LINE = re.compile(r"密码\(只显示这一次\):(\S+)")


@pytest.fixture
def sample_files(tmp_path, sample_plan):
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(dump_plan(sample_plan), encoding="utf-8")
    figures = tmp_path / "observations.csv"
    illustrative = tmp_path / "illustrative.csv"
    with figures.open("w", encoding="utf-8", newline="") as file:
        write_observations([domain.Observation("示例区", "地区生产总值", domain.parse_period(2021),
                                               320.0, "亿元", source="统计公报")], file)
    with illustrative.open("w", encoding="utf-8", newline="") as file:
        write_observations([domain.Observation(
            "示例区", "城镇新增就业", domain.parse_period(2021), 0.8, "万人", source="示例生成",
            provenance=domain.Provenance.ILLUSTRATIVE)], file)
    return plan_path, [figures, illustrative]


def _demo(sample_files) -> str:
    out = io.StringIO()
    set_up_demo(out, *sample_files)
    return out.getvalue()


@pytest.mark.django_db
def test_a_second_run_changes_no_row_and_prints_no_new_password(sample_files, row_counts):
    first = _demo(sample_files)
    counts = row_counts()
    second = _demo(sample_files)
    assert row_counts() == counts
    # the admin's, and one per illustrative role account the demo creates
    assert len(PASSWORD_LINE.findall(first)) == 1 + first.count("已创建示例账户")
    assert not PASSWORD_LINE.search(second)
    assert "已存在" in second and "沿用" in second


@pytest.mark.django_db
def test_the_printed_password_signs_the_admin_in(sample_files):
    password = PASSWORD_LINE.search(_demo(sample_files)).group(1)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert admin.password.startswith("argon2")


@pytest.mark.django_db
def test_real_and_illustrative_figures_are_both_loaded_with_their_provenance(sample_files):
    _demo(sample_files)
    assert sorted(Observation.objects.filter(place="示例区").values_list(
        "provenance", flat=True)) == ["illustrative", "official"]


@pytest.mark.django_db
def test_the_demo_adds_illustrative_sibling_districts_and_publishes_the_plan(sample_files):
    _demo(sample_files)
    siblings = Observation.objects.exclude(place="示例区")
    assert siblings.exists() and set(siblings.values_list("provenance", flat=True)) == {
        "illustrative"}
    assert Plan.objects.get(name="sample").published


@pytest.mark.slow
def test_the_command_sets_up_a_fresh_home_on_sqlite_once(tmp_path):
    """End to end in a subprocess, as a newcomer runs it: the Lüyuan sample, twice."""
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items()
           if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["PLANWATCH_HOME"] = str(home)

    def run() -> str:
        result = subprocess.run([sys.executable, "-m", "planwatch.cli", "demo", "--no-serve"],
                                env=env, capture_output=True, text=True, timeout=300,
                                check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def counts() -> dict[str, int]:
        with sqlite3.connect(home / "planwatch.sqlite3") as database:
            tables = [row[0] for row in database.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {t: database.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                    for t in tables}

    first = run()
    after_first = counts()
    second = run()
    assert counts() == after_first
    assert after_first["plans_target"] >= 40 and after_first["data_observation"] > 0
    assert PASSWORD_LINE.search(first) and not PASSWORD_LINE.search(second)
    assert (home / "secret_key").stat().st_mode & 0o777 == 0o600
