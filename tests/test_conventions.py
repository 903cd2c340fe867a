"""What people expect of a tool they keep: completion, --version, -h, help with examples, docs."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import typer

from ml_career.cli.app import app
from tests.conftest import REPO, Invoke, installed_script

_GROUP = typer.main.get_command(app)
COMMANDS = _GROUP.list_commands(typer.Context(_GROUP))  # type: ignore[attr-defined]


def _complete(shell: str, words: str, env: dict[str, str] | None = None) -> list[str]:
    """What the shell would be offered, through Typer's completion protocol."""
    variables = {**os.environ, **(env or {}), "_MLCAREER_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        variables["COMP_WORDS"] = words
        variables["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    else:
        variables["_TYPER_COMPLETE_ARGS"] = words
        if shell == "fish":
            variables["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    completed = subprocess.run([installed_script()], env=variables, capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.split()


def test_bash_completes_commands_and_options() -> None:
    assert _complete("bash", "mlcareer sal") == ["salary"]
    assert _complete("bash", "mlcareer salary --") == [
        "--level",
        "--json",
        "--sources",
        "--data",
        "--no-pager",
        "--no-input",
        "--help",
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("mlcareer salary --level s", ["senior"]),
        (
            "mlcareer salary --level ",
            [
                "junior",
                "engineer",
                "senior",
                "lead",
                "manager",
                "director",
                "entry-level",  # a pay level salary accepts, though matched to the junior rung
                "median",
                "average",
                "research-median",
                "national-average",
            ],
        ),
        ("mlcareer path --level d", ["director"]),
        ("mlcareer plan --target l", ["lead"]),
        ("mlcareer plan --level n", ["none"]),
        (
            "mlcareer skills --category ",
            ["useful", "learned", "employer-expectations", "soft-skills", "specialties", "lead-skills"],
        ),
        # Deep Learning, named in two groups and as a tool of a third, is one item
        ("mlcareer progress deep", ["deep-learning"]),
        ("mlcareer progress tool.do", ["tool.docker"]),
        ("mlcareer progress deep-learning tool.git sk", ["skipped"]),  # names, then the status
        (
            "mlcareer progress deep-learning pr",
            ["programming-skills", "programming-languages", "probability-statistics", "problem-solving"],
        ),
        ("mlcareer export --format ", ["markdown", "html", "svg", "ics"]),
        ("mlcareer progress --rung s", ["senior"]),
        ("mlcareer education --residency o", ["out-of-state"]),
        ("mlcareer education --degree ", ["bachelor", "master"]),
    ],
)
def test_bash_completes_values_from_the_data(words: str, expected: list[str]) -> None:
    assert _complete("bash", words) == expected


def test_zsh_and_fish_complete_values_with_descriptions() -> None:
    zsh = subprocess.run(
        [installed_script()],
        env={**os.environ, "_MLCAREER_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "mlcareer salary --level s"},
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert zsh.strip() == '_arguments \'*: :(("senior":"Senior Machine Learning Engineer"))\''
    fish = _complete("fish", "mlcareer export --format h")
    assert fish == ["html"]


def test_completion_reads_the_data_given_with_data(tmp_path: Path) -> None:
    from tests.second_career import SECOND_CAREER

    data = tmp_path / "career.toml"
    data.write_text(SECOND_CAREER, encoding="utf-8")
    assert _complete("bash", f"mlcareer --data {data} path --level ") == ["associate", "principal"]
    assert _complete("bash", "mlcareer --data /nowhere.toml path --level ") == []


def test_completion_scripts_install_as_typer_documents(cli: Invoke) -> None:
    result = cli("--show-completion", "bash", env={"SHELL": "/bin/bash"})
    assert result.exit_code == 0
    assert "_MLCAREER_COMPLETE=complete_bash" in result.stdout


def test_version_comes_from_the_package_metadata(cli: Invoke) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"mlcareer {version('mlcareer')}\n"
    assert version("mlcareer") in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    source = "".join(p.read_text(encoding="utf-8") for p in (REPO / "ml_career").rglob("*.py"))
    assert version("mlcareer") not in source


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_summary_and_an_example(cli: Invoke, command: str) -> None:
    long = cli(command, "--help")
    short = cli(command, "-h")
    assert long.exit_code == short.exit_code == 0
    assert long.stdout == short.stdout
    lines = long.stdout.splitlines()
    assert lines[0].startswith(f"Usage: mlcareer {command}")
    assert lines[2].strip() and len(lines[2].strip()) <= 60
    assert f"    mlcareer {command}" in long.stdout.split("Examples:")[1]


def test_generated_docs_are_current() -> None:
    completed = subprocess.run(
        [sys.executable, "scripts/generate_docs.py", "--check"], cwd=REPO, capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr


def test_the_docs_check_fails_when_the_docs_are_stale(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("cli.md", "mlcareer-salary.svg"):
        (docs / name).write_text((REPO / "docs" / name).read_text(encoding="utf-8"), encoding="utf-8")
    stale = (docs / "cli.md").read_text(encoding="utf-8").replace("What the career pays", "What it pays")
    (docs / "cli.md").write_text(stale, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "scripts/generate_docs.py", "--check", "--docs", str(docs)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 1
    assert "cli.md is stale: run `uv run python scripts/generate_docs.py`" in completed.stderr
