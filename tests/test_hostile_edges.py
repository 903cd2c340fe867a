"""Odd environments and the edges of completion: no crash, no hang, nothing printed onto a command line."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import Invoke, installed_script


def _complete(words: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    variables = {**os.environ, **(env or {}), "_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": words}
    variables["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    return subprocess.run([installed_script()], env=variables, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "loop", "deep", "long-key", "control"])
def test_completion_on_hostile_data_is_silent_and_quick(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data.toml"
    if kind == "fifo":
        os.mkfifo(data)
    elif kind == "dev-zero":
        data = Path("/dev/zero")
    elif kind == "loop":
        data.symlink_to(data)
    elif kind == "deep":
        data.write_text("a = " + "[" * 50_000 + "]" * 50_000, encoding="utf-8")
    elif kind == "long-key":
        data.write_text("a" + ".a" * 16_500 + " = 1\n", encoding="utf-8")
    else:
        data.write_text('schema_version = 1\n[career]\ntitle = "\\u001b[2J"\n', encoding="utf-8")
    started = time.monotonic()
    completed = _complete(f"mlcareer --data {data} path --level ")
    assert time.monotonic() - started < 20
    assert completed.returncode == 0
    assert completed.stdout.strip() == "" and completed.stderr == ""


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "\u00b2", "1", "100000"])
def test_any_columns_value_gives_a_readable_view(script: Invoke, columns: str) -> None:
    result = script("salary", env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    assert "$208,000" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 1000


@pytest.mark.parametrize("lines", ["0", "\u00b2", "abc"])
def test_any_lines_value_is_harmless(script: Invoke, tmp_path: Path, lines: str) -> None:
    assert script("salary", env={"LINES": lines}).exit_code == 0
    output = tmp_path / "plan.svg"
    assert script("export", "-f", "svg", "-o", str(output), env={"LINES": lines}).exit_code == 0


def test_no_term_and_a_c_locale_still_answer(script: Invoke) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("TERM", "LANG", "LC_ALL")}
    env["LC_ALL"] = "C"
    result = subprocess.run(
        [installed_script(), "path"], env=env, capture_output=True, text=True, errors="replace", timeout=60
    )
    assert result.returncode == 0 and result.stderr == ""


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["search", "kaggle", "--limit", "0"], 2),
        (["search", "kaggle", "--limit", "-1"], 2),
        (["search", "kaggle", "--limit", "9" * 40], 0),
        (["path", "--level", ""], 2),
        (["progress", "", "done"], 2),
        (["export", "--format", ""], 2),
        (["fit", "--answer", "="], 2),
        (["fit", "--answer", "curiosity="], 2),
    ],
)
def test_the_edges_of_options(script: Invoke, args: list[str], code: int) -> None:
    result = script(*args)
    assert result.exit_code == code, result.stderr
    assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr
