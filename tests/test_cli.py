"""`planwatch --help`: every command and group of commands says what it is for."""

from __future__ import annotations

import pytest

from planwatch import cli


def test_every_group_of_nested_commands_has_its_own_help():
    groups = {name.split(".", 1)[0] for name in cli.SUBCOMMANDS if "." in name}
    assert groups == set(cli.GROUPS)


def test_the_top_level_help_describes_every_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    shown = capsys.readouterr().out
    for name, help_text in [*cli.GROUPS.items(),
                            *((n, h) for n, (_m, h) in cli.SUBCOMMANDS.items() if "." not in n)]:
        assert name in shown
        assert help_text.split(" / ")[0][:10] in shown
    assert "…" not in shown


def test_a_group_lists_its_actions(capsys):
    with pytest.raises(SystemExit):
        cli.main(["plan", "--help"])
    shown = capsys.readouterr().out
    assert "load" in shown and "dump" in shown and cli.GROUPS["plan"][:6] in shown
