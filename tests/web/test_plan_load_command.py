"""`planwatch plan load FILE`: a good file is stored, a bad one reported with nothing written."""

from __future__ import annotations

import pytest

from planwatch.planfile import dump_plan
from planwatch.web.plans.models import Plan
from planwatch.web.plans.store import plan_from_db

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_file(tmp_path, sample_plan):
    path = tmp_path / "sample.yaml"
    path.write_text(dump_plan(sample_plan), encoding="utf-8")
    return path


def test_a_good_file_is_stored(planwatch_command, plan_file, sample_plan, capsys, planwatch_home):
    assert planwatch_command("plan_load", str(plan_file)) == 0
    assert plan_from_db("sample") == sample_plan
    assert "sample" in capsys.readouterr().out
    assert (planwatch_home / "secret_key").stat().st_mode & 0o777 == 0o600


def test_loading_the_same_file_twice_gives_the_same_row_counts(planwatch_command, plan_file, row_counts):
    planwatch_command("plan_load", str(plan_file))
    before = row_counts()
    assert planwatch_command("plan_load", str(plan_file)) == 0
    assert row_counts() == before


def test_a_bad_file_exits_2_naming_file_path_and_reason_and_writes_nothing(
        planwatch_command, tmp_path, plan_file, capsys, row_counts, planwatch_home):
    bad = tmp_path / "bad.yaml"
    bad.write_text(plan_file.read_text(encoding="utf-8").replace(
        "kind: level", "kind: sideways", 1), encoding="utf-8")
    before = row_counts()
    assert planwatch_command("plan_load", str(bad)) == 2
    error = capsys.readouterr().err
    assert str(bad) in error and "kind" in error and "sideways" in error
    assert row_counts() == before
    assert not Plan.objects.exists()
    assert not planwatch_home.exists()


def test_a_missing_file_exits_2(planwatch_command, tmp_path, capsys):
    assert planwatch_command("plan_load", str(tmp_path / "absent.yaml")) == 2
    assert "absent.yaml" in capsys.readouterr().err
