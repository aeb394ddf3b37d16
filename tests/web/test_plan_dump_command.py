"""`planwatch plan dump NAME [-o FILE]`: a stored plan written back as a loadable plan file."""

from __future__ import annotations

import pytest

from planwatch.planfile import dump_plan, load_plan
from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db


def test_dump_to_a_file_loads_back_as_the_same_plan(planwatch_command, tmp_path, sample_plan):
    save_plan(sample_plan)
    output = tmp_path / "out.yaml"
    assert planwatch_command("plan_dump", "sample", "-o", str(output)) == 0
    assert load_plan(output) == sample_plan
    assert not (tmp_path / "out.yaml.partial").exists()


def test_dump_to_the_terminal_is_the_plan_file_text(planwatch_command, sample_plan, capsys):
    save_plan(sample_plan)
    assert planwatch_command("plan_dump", "sample") == 0
    assert capsys.readouterr().out == dump_plan(sample_plan)


def test_an_unknown_plan_exits_2_and_writes_no_file(planwatch_command, tmp_path, capsys):
    output = tmp_path / "out.yaml"
    assert planwatch_command("plan_dump", "nothing", "-o", str(output)) == 2
    assert "nothing" in capsys.readouterr().err
    assert not output.exists()


def test_an_unwritable_destination_exits_2(planwatch_command, tmp_path, sample_plan, capsys):
    save_plan(sample_plan)
    output = tmp_path / "no-such-dir" / "out.yaml"
    assert planwatch_command("plan_dump", "sample", "-o", str(output)) == 2
    assert "out.yaml" in capsys.readouterr().err
