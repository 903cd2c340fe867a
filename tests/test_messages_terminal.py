"""Errors and prompts in a real terminal (tmux) of 40 and 60 columns: wrapped at its width, at words."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import installed_script, wait_until

pytestmark = pytest.mark.slow
VARIABLES = ("HOME", "MLCAREER_HOME", "MLCAREER_CACHE_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME", "MLCAREER_TODAY")


@pytest.fixture
def terminal(isolated_environment: Path) -> Iterator[Callable[[int, str], Callable[[], list[str]]]]:
    """Start a command in a tmux pane of a given width; give back a function that reads the screen."""
    tmux = shutil.which("tmux")
    if tmux is None:
        pytest.skip("tmux is not installed (.ci/run installs it)")
    sockets: list[str] = []

    def run(socket: str, *args: str) -> str:
        return subprocess.run([tmux, "-L", socket, *args], capture_output=True, text=True, timeout=60).stdout

    def start(width: int, command: str) -> Callable[[], list[str]]:
        socket = f"mlcareer-messages-{uuid.uuid4().hex[:8]}"
        sockets.append(socket)
        env = [f"{name}={os.environ[name]}" for name in VARIABLES] + ["LANG=C.UTF-8", "TERM=xterm-256color"]
        shell = f'{command}; echo "[ended $?]"; sleep 60'
        # The pane's own size, not the COLUMNS the tests run with, is the width to wrap at.
        sized = ["-x", str(width), "-y", "40", "env", "-u", "COLUMNS", "-u", "LINES", *env]
        run(socket, "-f", "/dev/null", "new-session", "-d", *sized, "sh", "-c", shell)
        return lambda: [line.rstrip() for line in run(socket, "capture-pane", "-p").splitlines() if line.strip()]

    yield start
    for socket in sockets:
        run(socket, "kill-server")


@pytest.mark.parametrize("width", [40, 60])
def test_an_error_wraps_at_the_terminal_s_width_at_words(terminal: Callable, width: int) -> None:
    screen = terminal(width, f'"{installed_script()}" fit --no-input')
    wait_until("the error", lambda: any(line.startswith("[ended") for line in screen()))
    lines = [line for line in screen() if not line.startswith("[ended")]
    assert len(lines) > 2 and all(len(line) <= width for line in lines), lines
    said = " ".join(" ".join(lines).split())
    assert said.startswith("mlcareer: fit needs an answer for each statement; missing: problem-solving, curiosity,")
    assert "technical-analytical" in said.split() or "technical-analytical," in said.split()  # an id kept whole


@pytest.mark.parametrize("width", [40, 60])
def test_a_prompt_wraps_at_the_terminal_s_width_at_words(terminal: Callable, width: int) -> None:
    screen = terminal(width, f'"{installed_script()}" plan')
    wait_until("the first question", lambda: any(line.endswith("[none]:") for line in screen()))
    lines = screen()
    assert all(len(line) <= width for line in lines), lines
    asked = " ".join(" ".join(lines).split())
    assert asked.startswith("Your current rung (none, junior, engineer, senior, lead, manager, director)")
