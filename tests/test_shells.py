"""Completion in the real shells, through each shell's own completion machinery.

bash: the script's function called with COMP_WORDS set, as bash calls it.
zsh: an interactive zsh in a pseudo-terminal, keys typed, the command line read back.
fish: `complete -C`, fish's own answer to "what would TAB offer here".
Each test is skipped only where the shell is not installed (.ci/run installs them).
"""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ml_career.dataset import location
from tests.conftest import installed_script

BIN = str(Path(installed_script()).parent)


def _shell(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "HOME": str(home), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}


def _script(shell: str) -> str:
    completed = subprocess.run([installed_script(), "completion", shell], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


# --- bash ---------------------------------------------------------------------------------------


def bash_offers(
    words: list[str], tmp_path: Path, script_text: str | None = None, env: dict[str, str] | None = None
) -> list[str]:
    script = tmp_path / "mlcareer.bash"
    script.write_text(script_text or _script("bash"), encoding="utf-8")
    quoted = " ".join("'" + word.replace("'", "'\\''") + "'" for word in words)
    program = (
        f"source {script}\n"
        f"COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}\n"
        "_mlcareer_completion mlcareer\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    completed = subprocess.run(
        [_shell("bash"), "--norc", "--noprofile", "-c", program],
        capture_output=True,
        text=True,
        env={**_env(tmp_path), **(env or {})},
        cwd=tmp_path,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    return [line for line in completed.stdout.splitlines() if line]


def test_bash_completes_values_commands_and_options(tmp_path: Path) -> None:
    assert bash_offers(["mlcareer", "sal"], tmp_path) == ["salary"]
    assert bash_offers(["mlcareer", "salary", "--level", "s"], tmp_path) == ["senior"]
    assert bash_offers(["mlcareer", "education", "--residency", ""], tmp_path) == ["in-state", "out-of-state"]
    assert bash_offers(["mlcareer", "completion", ""], tmp_path) == ["bash", "zsh", "fish"]


def test_bash_ignores_case_and_knows_names(tmp_path: Path) -> None:
    assert bash_offers(["mlcareer", "progress", "Deep"], tmp_path) == ["deep-learning"]  # one item, in two groups
    assert bash_offers(["mlcareer", "progress", "DOCK"], tmp_path) == ["tool.docker"]
    assert bash_offers(["mlcareer", "salary", "--level", "SEN"], tmp_path) == ["senior"]
    assert bash_offers(["mlcareer", "path", "--level", "Senior Machine"], tmp_path) == ["senior"]


def test_bash_offers_files_only_where_a_file_is_taken(tmp_path: Path) -> None:
    (tmp_path / "answers.json").write_text("{}", encoding="utf-8")
    assert bash_offers(["mlcareer", "salary", ""], tmp_path) == []
    after_a_name = bash_offers(["mlcareer", "progress", "deep-learning", ""], tmp_path)  # more names, or the status
    assert after_a_name[-4:] == ["done", "learning", "skipped", "pending"]
    assert "answers.json" not in after_a_name and "tool.git" in after_a_name
    assert bash_offers(["mlcareer", "validate", "ans"], tmp_path) == ["answers.json"]
    assert bash_offers(["mlcareer", "fit", "--answers", "a"], tmp_path) == ["answers.json"]
    assert bash_offers(["mlcareer", "--data", "a"], tmp_path) == ["answers.json"]


def test_the_scripts_ask_this_interpreter_directly_and_mlcareer_once_it_has_moved(tmp_path: Path) -> None:
    package = os.path.dirname(location.PACKAGE_FOLDER)
    for shell in ("bash", "zsh", "fish"):
        text = _script(shell)
        assert f"{sys.executable}' -S -c" in text or f"{sys.executable} -S -c" in text, shell
        assert package in text, shell
    moved = _script("bash").replace(location.PACKAGE_FOLDER, str(tmp_path / "moved" / "ml_career"))
    assert location.PACKAGE_FOLDER not in moved
    # The folder is gone: `mlcareer` on the PATH answers, as it did before the script skipped it.
    assert bash_offers(["mlcareer", "salary", "--level", "s"], tmp_path, moved) == ["senior"]
    no_mlcareer = {"PATH": "/usr/bin:/bin"}
    assert bash_offers(["mlcareer", "salary", "--level", "s"], tmp_path, moved, no_mlcareer) == []
    assert bash_offers(["mlcareer", "salary", "--level", "s"], tmp_path, None, no_mlcareer) == ["senior"]


# --- zsh ----------------------------------------------------------------------------------------


def _written(buffer: Path) -> bool:
    """The command line is in the file, whole: `print` ends it with a newline."""
    return buffer.exists() and buffer.read_bytes().endswith(b"\n")


def zsh_line_after(typed: str, tmp_path: Path, from_fpath: bool = False) -> str:
    """The command line an interactive zsh shows after `typed` (TABs and all) is typed into it."""
    zsh = _shell("zsh")
    functions = tmp_path / "functions"
    functions.mkdir(exist_ok=True)
    buffer = tmp_path / "buffer"
    buffer.unlink(missing_ok=True)
    if from_fpath:  # installed as the docs say: a file named _mlcareer in $fpath
        (functions / "_mlcareer").write_text(_script("zsh"), encoding="utf-8")
        load = f"fpath=({functions} $fpath); autoload -Uz compinit; compinit -u -d {tmp_path}/.zcompdump"
    else:  # eval "$(mlcareer completion zsh)" after compinit
        (tmp_path / "mlcareer.zsh").write_text(_script("zsh"), encoding="utf-8")
        load = f"autoload -Uz compinit; compinit -u -d {tmp_path}/.zcompdump; source {tmp_path}/mlcareer.zsh"
    (tmp_path / ".zshrc").write_text(
        f"PS1='> '\nunsetopt beep\n{load}\n"
        f'dump() {{ print -r -- "$BUFFER" >| {buffer}; }}\n'
        "zle -N dump\nbindkey '^Xp' dump\nprint READY\n",
        encoding="utf-8",
    )
    env = {**_env(tmp_path), "ZDOTDIR": str(tmp_path), "TERM": "xterm"}
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [zsh, "-i"], stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True
    )
    os.close(follower)
    try:
        seen = b""
        deadline = time.monotonic() + 30
        while b"> " not in seen.partition(b"READY")[2]:  # the prompt after the rc file: zle is reading keys
            assert time.monotonic() < deadline, seen
            if select.select([leader], [], [], 0.2)[0]:
                seen += os.read(leader, 65536)
        # A key at a time, as a person types: after each TAB, Ctrl-X p writes the command line
        # to a file, and the next key waits for it. Keys sent together reach zsh as typeahead,
        # which a loaded machine showed it may not complete as it does keys typed one by one.
        for keys in re.findall(r"[^\t]*\t|[^\t]+$", typed):
            buffer.unlink(missing_ok=True)
            os.write(leader, keys.encode() + b"\x18p")
            deadline = time.monotonic() + 30
            while not _written(buffer) and time.monotonic() < deadline:
                if select.select([leader], [], [], 0.2)[0]:
                    os.read(leader, 65536)
            assert _written(buffer), f"zsh never showed its command line after {keys!r}"
    finally:
        process.kill()
        process.wait(timeout=30)
        os.close(leader)
    return buffer.read_text(encoding="utf-8").rstrip("\n")


def test_zsh_completes_on_the_first_tab_when_installed_in_fpath(tmp_path: Path) -> None:
    assert zsh_line_after("mlcareer sal\t", tmp_path, from_fpath=True) == "mlcareer salary "


def test_zsh_inserts_no_shared_suffix_and_tab_keeps_working(tmp_path: Path) -> None:
    # in-state and out-of-state share "-state": nothing is inserted, and the next TAB goes on.
    assert zsh_line_after("mlcareer education --residency \t", tmp_path) == "mlcareer education --residency "
    assert zsh_line_after("mlcareer education --residency \t\t", tmp_path) == "mlcareer education --residency in-state"
    line = zsh_line_after("mlcareer education --residency o\t", tmp_path)
    assert line == "mlcareer education --residency out-of-state "


def test_zsh_ignores_case_and_offers_no_files_where_none_is_taken(tmp_path: Path) -> None:
    (tmp_path / "stray.txt").write_text("", encoding="utf-8")
    assert zsh_line_after("mlcareer progress Dock\t", tmp_path) == "mlcareer progress tool.docker "
    assert zsh_line_after("mlcareer salary \t", tmp_path) == "mlcareer salary "


# --- fish ---------------------------------------------------------------------------------------


def fish_offers(line: str, tmp_path: Path) -> list[str]:
    script = tmp_path / "mlcareer.fish"
    script.write_text(_script("fish"), encoding="utf-8")
    env = {**_env(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    completed = subprocess.run(
        [_shell("fish"), "--no-config", "-c", f"source {script}; complete -C {line!r}"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    return [entry.split("\t")[0] for entry in completed.stdout.splitlines()]


def test_fish_completes_values_with_their_names(tmp_path: Path) -> None:
    assert fish_offers("mlcareer salary --level s", tmp_path) == ["senior"]
    assert fish_offers("mlcareer export --format h", tmp_path) == ["html"]
    assert fish_offers("mlcareer progress Dock", tmp_path) == ["tool.docker"]


def test_fish_offers_files_only_where_a_file_is_taken(tmp_path: Path) -> None:
    (tmp_path / "answers.json").write_text("{}", encoding="utf-8")
    assert fish_offers("mlcareer salary ", tmp_path) == []
    assert fish_offers("mlcareer validate ans", tmp_path) == ["answers.json"]
