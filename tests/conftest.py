"""Every test runs in its own folders, at a fixed width, with no colour."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ml_career.cli.app import app

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data" / "ml_engineer.toml"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    for name in ("MLCAREER_DATA", "MLCAREER_DEBUG", "FORCE_COLOR", "CLICOLOR_FORCE", "TERM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("MLCAREER_HOME", str(home / "mlcareer"))
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "50")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("MLCAREER_TODAY", "2026-11-21")
    # No pager unless a test asks for one: a pager in a pseudo-terminal waits for keys.
    monkeypatch.setenv("MLCAREER_PAGER", "")
    yield home


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def flat(self) -> str:
        """stdout with line wrapping undone, for checking prose."""
        return " ".join(self.stdout.split())

    def json(self) -> object:
        return json.loads(self.stdout)


Invoke = Callable[..., Run]


@pytest.fixture
def cli() -> Invoke:
    """Run mlcareer in-process through typer's CliRunner."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Run:
        result = runner.invoke(app, list(args), input=input, env=env)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke


def wait_until(what: str, check: Callable[[], bool], seconds: float = 60) -> None:
    """Wait for `check` to hold: a terminal answers when it answers, a loaded machine included."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def installed_script() -> str:
    """The console script of the environment running the tests."""
    beside = Path(sys.executable).parent / "mlcareer"
    found = str(beside) if beside.exists() else shutil.which("mlcareer")
    if found is None:
        pytest.fail("the mlcareer console script is not installed in this environment")
    return found


@pytest.fixture
def script() -> Invoke:
    """Run the installed mlcareer console script as a real subprocess."""

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
        # stdin is never the developer's terminal, so no command can stop at a prompt.
        completed = subprocess.run(
            [installed_script(), *args],
            input=input if input is not None else "",
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env={**os.environ, **(env or {})},
            cwd=cwd,
            timeout=60,
        )
        return Run(completed.returncode, completed.stdout, completed.stderr)

    return run


def run_in_terminal(args: list[str], env: dict[str, str] | None = None, typed: bytes = b"") -> tuple[int, str]:
    """The installed script in a pseudo-terminal: (exit code, everything it showed)."""
    import pty
    import select

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [installed_script(), *args], stdin=follower, stdout=follower, stderr=follower, env={**os.environ, **(env or {})}
    )
    os.close(follower)
    if typed:
        os.write(leader, typed)
    output = b""
    while select.select([leader], [], [], 30)[0]:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=30)
    os.close(leader)
    return process.returncode, output.decode("utf-8", "replace")
