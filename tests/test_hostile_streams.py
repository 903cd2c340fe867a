"""Closed or full standard streams, Ctrl-C and Ctrl-D at a prompt, and the answers fit accepts."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import Invoke, installed_script


def _shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command.replace("mlcareer", installed_script())],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=60,
    )


@pytest.mark.parametrize("command", ["mlcareer salary >&-", "mlcareer salary --json >&-", "mlcareer --help >&-"])
def test_a_closed_stdout_is_one_line_and_exit_1(command: str) -> None:
    result = _shell(command)
    assert result.stderr == "mlcareer: cannot write the output: standard output is closed\n"
    assert result.returncode == 1


@pytest.mark.parametrize(
    "command", ["mlcareer salary > /dev/full", "mlcareer salary --json > /dev/full", "mlcareer export > /dev/full"]
)
def test_a_full_stdout_is_one_line_and_exit_1(command: str) -> None:
    result = _shell(command)
    assert result.stderr == "mlcareer: cannot write the output: no space left on the device\n"
    assert result.returncode == 1


def test_a_closed_stdin_reads_as_no_input() -> None:
    plan = _shell("mlcareer plan <&-")
    assert plan.returncode == 0 and plan.stderr == ""
    assert plan.stdout.startswith("Your plan:")
    fit = _shell("mlcareer fit <&-")
    assert fit.returncode == 2 and fit.stderr.startswith("mlcareer: fit needs an answer for each statement")


def test_closed_stderr_and_a_full_stdout_still_exit_1() -> None:
    assert _shell("mlcareer salary 2>&- > /dev/full").returncode == 1


def test_a_file_opened_with_stdout_closed_is_not_written_by_the_output(isolated_environment: Path) -> None:
    """Descriptor 1 is kept for /dev/null, so the state file cannot take its number."""
    result = _shell("mlcareer progress deep-learning done >&-")
    assert result.returncode == 1
    state = (isolated_environment / "mlcareer" / "state.json").read_text(encoding="utf-8")
    assert state.startswith("{") and "Useful skills" not in state


def _at_a_prompt(args: list[str], keys: bytes = b"", signum: int | None = None) -> tuple[int, str]:
    """Run in a pseudo-terminal, wait for the first prompt, then type `keys` or send `signum`."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([installed_script(), *args], stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    shown = b""
    deadline = time.monotonic() + 30
    while b"]: " not in shown and time.monotonic() < deadline:
        if select.select([leader], [], [], 1)[0]:
            shown += os.read(leader, 65536)
    time.sleep(0.5)  # as a person would: a signal before input() starts reading is only seen at the next key
    if signum is not None:
        process.send_signal(signum)
    if keys:
        os.write(leader, keys)
    while select.select([leader], [], [], 10)[0]:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=30)
    os.close(leader)
    return process.returncode, shown.decode("utf-8", "replace")


@pytest.mark.parametrize("command", [["plan"], ["fit"]])
def test_ctrl_c_at_a_prompt_is_interrupted_on_a_new_line(command: list[str]) -> None:
    code, shown = _at_a_prompt(command, signum=signal.SIGINT)
    assert code == 130
    assert shown.endswith("]: \r\nmlcareer: interrupted\r\n"), shown[-200:]
    assert "Traceback" not in shown


@pytest.mark.parametrize("command", [["plan"], ["fit"]])
def test_ctrl_d_at_a_prompt_says_input_ended_on_a_new_line(command: list[str]) -> None:
    code, shown = _at_a_prompt(command, keys=b"\x04")
    assert code == 1
    assert "]: \r\nmlcareer: input ended before every answer was given\r\n" in shown, shown[-200:]


@pytest.mark.parametrize("answer", ["²", "٤", "\uff14", "4" * 5000, "0", "6", "3.0", " ", "+4", "-1"])
def test_fit_takes_only_the_ascii_digits_1_to_5(script: Invoke, answer: str) -> None:
    result = script("fit", "--answer", f"curiosity={answer}")
    assert result.exit_code == 2
    assert "must be a whole number from 1 to 5" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr) < 300


@pytest.mark.parametrize("content", ['{"curiosity": true}', '{"curiosity": 4.0}', '{"curiosity": "٤"}'])
def test_an_answers_file_takes_only_1_to_5(script: Invoke, tmp_path: Path, content: str) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(content, encoding="utf-8")
    result = script("fit", "--answers", str(answers))
    assert result.exit_code == 2 and "must be a whole number from 1 to 5" in result.stderr


def test_a_typed_unicode_digit_is_asked_again(tmp_path: Path) -> None:
    code, shown = _at_a_prompt(["fit"], keys="٤\r".encode() + b"\x04")
    assert "must be a whole number from 1 to 5, not '٤'" in shown
    assert code == 1
