"""`export --output` and saved state: write through links, into devices, never over what mlcareer reads."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, Invoke, installed_script


def test_a_symlink_is_written_through_and_stays_a_link(script: Invoke, tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    result = script("export", "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# Machine Learning Engineer")


def test_a_dangling_symlink_creates_its_target(script: Invoke, tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "made.md")
    assert script("export", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and (tmp_path / "made.md").read_text(encoding="utf-8").startswith("#")


def test_a_symlink_loop_is_one_line(script: Invoke, tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    result = script("export", "-o", str(loop))
    assert result.exit_code == 1
    assert result.stderr == f"mlcareer: {loop}: cannot write: a loop of symbolic links\n"


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_are_standard_output(script: Invoke, name: str) -> None:
    result = script("export", "-o", name)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Machine Learning Engineer")
    assert result.stderr == ""


def test_dev_null_is_written_into_not_replaced(script: Invoke) -> None:
    before = os.stat("/dev/null")
    result = script("export", "-o", "/dev/null")
    assert result.exit_code == 0, result.stderr
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_dev_full_is_a_one_line_error(script: Invoke) -> None:
    result = script("export", "-o", "/dev/full")
    assert result.exit_code == 1
    assert result.stderr == "mlcareer: /dev/full: cannot write: no space left on the device\n"


def test_a_fifo_with_a_reader_gets_the_document(script: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    time.sleep(0.2)
    result = script("export", "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert received and received[0].startswith(b"# Machine Learning Engineer")
    assert fifo.exists() and not fifo.is_file()


def test_a_fifo_without_a_reader_fails_at_once(script: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = script("export", "-o", str(fifo))
    assert result.exit_code == 1
    assert "nobody is reading" in result.stderr and result.stderr.count("\n") == 1
    assert fifo.exists() and not fifo.is_file()


def test_the_state_and_data_files_are_never_overwritten(script: Invoke, tmp_path: Path) -> None:
    assert script("progress", "--rung", "engineer").exit_code == 0
    state = Path(os.environ["MLCAREER_HOME"]) / "state.json"
    saved = state.read_bytes()
    result = script("export", "-o", str(state))
    assert result.exit_code == 1 and "a file mlcareer reads" in result.stderr
    assert state.read_bytes() == saved
    data = tmp_path / "data.toml"
    data.write_bytes(BUNDLED.read_bytes())
    link = tmp_path / "other-name.toml"
    link.symlink_to(data)
    result = script("--data", str(data), "export", "-o", str(link))
    assert result.exit_code == 1 and "a file mlcareer reads" in result.stderr
    assert data.read_bytes() == BUNDLED.read_bytes()


def test_a_long_valid_name_is_written(script: Invoke, tmp_path: Path) -> None:
    target = tmp_path / ("p" * 250 + ".md")
    result = script("export", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("#")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_directory_is_refused(script: Invoke, tmp_path: Path) -> None:
    result = script("export", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"mlcareer: {tmp_path}: is a directory; name a file to write\n"


def test_a_symlinked_state_file_stays_a_link(script: Invoke, tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    kept = dotfiles / "state.json"
    kept.write_text(json.dumps({"schema_version": 1, "careers": {}}), encoding="utf-8")
    home = Path(os.environ["MLCAREER_HOME"])
    home.mkdir(parents=True)
    (home / "state.json").symlink_to(kept)
    assert script("progress", "deep-learning", "done").exit_code == 0
    assert (home / "state.json").is_symlink()
    assert "deep-learning" in kept.read_text(encoding="utf-8")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_save_leaves_no_temporary_file(signum: int, tmp_path: Path) -> None:
    """The save is slowed down by a huge state so that the signal lands inside it."""
    home = Path(os.environ["MLCAREER_HOME"])
    home.mkdir(parents=True)
    big = {"schema_version": 1, "careers": {"x": {"padding": ["y" * 1000] * 20000}}}
    (home / "state.json").write_text(json.dumps(big), encoding="utf-8")
    for delay in (0.3, 0.5, 0.8):
        process = subprocess.Popen(
            [installed_script(), "progress", "deep-learning", "done"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        time.sleep(delay)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
        assert b"Traceback" not in stderr
        assert [p.name for p in home.iterdir() if p.name.endswith(".tmp")] == []
        json.loads((home / "state.json").read_text(encoding="utf-8"))


def test_dev_stderr_and_dev_fd_are_written_into(script: Invoke) -> None:
    """/dev/stderr links to a pipe that has no path of its own: it is opened by the name given."""
    result = script("export", "-o", "/dev/stderr")
    assert result.exit_code == 0
    assert result.stderr.startswith("# Machine Learning Engineer") and result.stdout == ""
