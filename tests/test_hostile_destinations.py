"""Where output goes: streams written into, every byte written or an error, UTF-8 whatever the terminal."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Invoke, installed_script

CALENDAR = ["--target", "senior", "--start", "2027-01", "--assume", "experience=1y", "--assume", "junior=2y"]
CALENDAR += ["--assume", "engineer=3y"]


def _shell(command: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command.replace("mlcareer", installed_script())],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=60,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def test_dev_stderr_appended_to_a_log_keeps_the_log(tmp_path: Path) -> None:
    log = tmp_path / "build.log"
    log.write_text("an earlier line\n", encoding="utf-8")
    result = _shell("mlcareer export -o /dev/stderr 2>>build.log", tmp_path)
    assert result.returncode == 0
    kept = log.read_text(encoding="utf-8")
    assert kept.startswith("an earlier line\n# Machine Learning Engineer: my plan\n")
    assert kept.endswith("Wrote /dev/stderr (markdown).\n")


@pytest.mark.parametrize("name", ["/dev/fd/3", "/proc/self/fd/3", "link-to-fd-3"])
def test_a_descriptor_naming_a_regular_file_is_written_into(tmp_path: Path, name: str) -> None:
    (tmp_path / "link-to-fd-3").symlink_to("/dev/fd/3")
    kept = tmp_path / "kept.md"
    kept.write_text("kept\n", encoding="utf-8")
    before = kept.stat().st_ino
    result = _shell(f"mlcareer export -o {name} 3>>kept.md", tmp_path)
    assert result.returncode == 0, result.stderr
    assert kept.read_text(encoding="utf-8").startswith("kept\n# Machine Learning Engineer")
    assert kept.stat().st_ino == before  # the same file, never one renamed over it


@pytest.mark.parametrize(
    "command",
    [
        "mlcareer export -f html > out",
        f"mlcareer export -f ics {' '.join(CALENDAR)} > out",
        "mlcareer skills --json > out",
        "mlcareer skills > out",
        "mlcareer export -f html -o /dev/stdout > out",
    ],
)
def test_a_short_write_on_stdout_is_an_error_not_half_a_file(tmp_path: Path, command: str) -> None:
    result = _shell(f"ulimit -f 1; {command}", tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "mlcareer: cannot write the output: the file has reached the size limit for this process (ulimit -f)\n"
    )


@pytest.mark.parametrize("redirect", [">&-", "> /dev/full"])
def test_the_calendar_to_a_closed_or_full_stdout_is_one_line(tmp_path: Path, redirect: str) -> None:
    result = _shell(f"mlcareer export -f ics {' '.join(CALENDAR)} {redirect}", tmp_path)
    assert result.returncode == 1
    assert result.stderr in (
        "mlcareer: cannot write the output: standard output is closed\n",
        "mlcareer: cannot write the output: no space left on the device\n",
    )


@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "cp1252"])
@pytest.mark.parametrize("fmt", ["markdown", "html", "svg"])
def test_an_export_is_utf_8_whatever_the_terminal(script: Invoke, tmp_path: Path, encoding: str, fmt: str) -> None:
    assert script("progress", "git", "learning", "--note", "café ✓ \u2013 naïve").exit_code == 0
    result = _shell(
        f"mlcareer export -f {fmt} > out", tmp_path, env={"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": encoding}
    )
    assert result.returncode == 0, result.stderr
    document = (tmp_path / "out").read_bytes().decode("utf-8")  # raises on any other encoding
    # SVG writes each space as &#160;, so the words are looked for one by one.
    assert all(word in document for word in ("café", "✓", "\u2013", "naïve"))
    if fmt == "html":
        assert '<meta charset="utf-8">' in document
    if fmt == "svg":  # with no XML declaration, XML is UTF-8 by definition
        assert document.startswith("<svg ")


def test_an_empty_file_name_says_so(script: Invoke) -> None:
    for args in (["--data", "", "salary"], ["export", "-o", ""]):
        result = script(*args)
        assert result.exit_code == 2
        assert "the file name is empty; give the name of a file" in result.stderr
        assert "directory" not in result.stderr


def test_a_read_only_export_target_is_kept(script: Invoke, tmp_path: Path) -> None:
    kept = tmp_path / "plan.md"
    kept.write_text("mine\n", encoding="utf-8")
    kept.chmod(0o444)
    result = script("export", "-o", str(kept))
    assert result.exit_code == 1
    assert result.stderr == (
        f"mlcareer: {kept}: is read-only, so it was left as it is.\n"
        f"  Choose another file, or make it writable first: chmod u+w '{kept}'\n"
    )
    assert kept.read_text(encoding="utf-8") == "mine\n"


def test_a_descriptor_holding_the_state_file_is_refused(script: Invoke, isolated_environment: Path) -> None:
    assert script("progress", "git", "done").exit_code == 0
    state = isolated_environment / "mlcareer" / "state.json"
    saved = state.read_bytes()
    result = _shell('mlcareer export -o /dev/fd/3 3>>"$MLCAREER_HOME/state.json"', isolated_environment)
    assert result.returncode == 1 and "a file mlcareer reads; it is left as it is" in result.stderr
    assert state.read_bytes() == saved


@pytest.mark.parametrize("command", ["echo | mlcareer export -o /dev/stdin", "mlcareer export -o /dev/fd/9"])
def test_a_descriptor_not_open_for_writing_is_one_line(tmp_path: Path, command: str) -> None:
    result = _shell(command, tmp_path)
    assert result.returncode == 1
    assert result.stderr.endswith(": cannot write: it is not open for writing\n") and result.stderr.count("\n") == 1
