"""The installed console script's roadmap in a real terminal (tmux): open, mark, quit, read back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.conftest import installed_script, wait_until

pytestmark = pytest.mark.slow


def test_space_marks_the_first_item_and_q_quits(isolated_environment: Path) -> None:
    tmux = shutil.which("tmux")
    if tmux is None:
        pytest.skip("tmux is not installed (.ci/run installs it)")
    socket = f"mlcareer-roadmap-{uuid.uuid4().hex[:8]}"

    def run(*args: str) -> str:
        return subprocess.run([tmux, "-L", socket, *args], capture_output=True, text=True, timeout=60).stdout

    variables = ("HOME", "MLCAREER_HOME", "MLCAREER_CACHE_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME", "MLCAREER_TODAY")
    env = [f"{name}={os.environ[name]}" for name in variables] + ["LANG=C.UTF-8", "TERM=xterm-256color"]
    ended = isolated_environment / "roadmap-exit"
    # The exit code is written by a shell around the roadmap: tmux's own report of it can lag its pane.
    command = f'"{installed_script()}" roadmap; echo $? > "{ended}"'
    run("-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "env", *env, "sh", "-c", command)
    try:
        screen = lambda: run("capture-pane", "-p")  # noqa: E731
        wait_until("the roadmap to open", lambda: "Skills and tools: 0 of 66" in screen())
        run("send-keys", "space")
        state = isolated_environment / "mlcareer" / "state.json"
        wait_until("the change to be saved", lambda: state.exists() and "learning" in state.read_text(encoding="utf-8"))
        wait_until("the header to count it", lambda: "[~] Programming Skills" in screen())
        run("send-keys", "q")
        wait_until("the roadmap to quit", lambda: ended.exists() and ended.read_text().strip() != "")
        assert ended.read_text().strip() == "0"
    finally:
        run("kill-server")
    shown = subprocess.run([installed_script(), "progress", "--json"], capture_output=True, text=True, timeout=60)
    items = json.loads(shown.stdout)["items"]
    assert (items[0]["id"], items[0]["status"]) == ("programming-skills", "learning")
