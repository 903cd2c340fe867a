"""--data, --no-pager and --no-input work before or after any command, and every command's help lists them."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from ml_career.cli.app import app
from tests.conftest import BUNDLED, REPO, Invoke, run_in_terminal
from tests.test_habits import _pager_writing_to

GROUP = typer.main.get_command(app)
COMMANDS = GROUP.list_commands(typer.Context(GROUP))  # type: ignore[attr-defined]
# What a command needs to run at all; every other command runs with no arguments.
NEEDS = {
    "search": ["kaggle"],
    "gap": [str(REPO / "tests" / "fixtures" / "resume.json")],
    "completion": ["bash"],
    "validate": [str(BUNDLED)],
}
GLOBAL = ["--data", str(BUNDLED), "--no-pager", "--no-input"]


def test_the_command_list_is_the_apps_own() -> None:
    assert {"salary", "plan", "progress", "export", "help"} <= set(COMMANDS)
    assert set(NEEDS) <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_global_options_after_the_command_do_what_they_do_before_it(cli: Invoke, command: str) -> None:
    before = cli(*GLOBAL, command, *NEEDS.get(command, []))
    after = cli(command, *NEEDS.get(command, []), *GLOBAL)
    assert "No such option" not in after.stderr
    assert (after.exit_code, after.stdout, after.stderr) == (before.exit_code, before.stdout, before.stderr)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_help_lists_the_global_options(cli: Invoke, command: str) -> None:
    shown = cli(command, "--help")
    assert shown.exit_code == 0, shown.stderr
    globals_section = shown.stdout.split("Global options:\n", 1)[1]
    for option in ("--data PATH", "--no-pager", "--no-input"):
        assert option in globals_section


def test_data_after_the_command_is_the_file_read(cli: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    shown = cli("salary", "--data", str(missing))
    assert shown.exit_code != 0
    assert str(missing) in shown.stderr


def test_the_value_after_the_command_wins(cli: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    assert cli("--data", str(missing), "salary", "--data", str(BUNDLED), "--json").exit_code == 0
    assert cli("--data", str(BUNDLED), "salary", "--data", str(missing)).exit_code != 0


def test_no_input_after_the_command_never_prompts_in_a_terminal() -> None:
    code, shown = run_in_terminal(["plan", "--no-input"])
    assert code == 0
    assert "Your plan" in shown and "?" not in shown.split("Your plan")[0]


def test_no_pager_after_the_command_prints_straight_out(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    env = {"MLCAREER_PAGER": _pager_writing_to(paged), "LINES": "20"}
    code, shown = run_in_terminal(["jobs", "--no-pager"], env)
    assert code == 0 and not paged.exists()
    assert "Who hires a Machine Learning Engineer" in shown


def test_no_run_keeps_the_last_runs_options(cli: Invoke, tmp_path: Path) -> None:
    from ml_career.run_options import RunOptions, current_run

    assert cli("--no-pager", "--no-input", "--data", str(BUNDLED), "role").exit_code == 0
    assert cli("role", "--no-pager").exit_code == 0
    assert current_run() == RunOptions()
