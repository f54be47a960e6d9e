"""Every command has help with an example, and the README mentions it."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help_with_an_example_and_a_readme_mention(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example: bangfu " + name in result.output
    assert f"bangfu {name}" in README


def test_readme_first_screen_has_the_two_fresh_machine_commands():
    first_screen = "\n".join(README.splitlines()[:25])
    assert "pip install -e '.[dev]' && .venv/bin/bangfu build seeds/corpus -o out" in first_screen
    assert ".venv/bin/python -m pytest" in first_screen
