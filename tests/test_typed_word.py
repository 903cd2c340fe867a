"""The word typed survives TAB, in bash, zsh and fish typed into in a real terminal (tmux).

Each shell runs interactively inside tmux (LANG=C.UTF-8), with the script that
`mlcareer completion SHELL` prints. Keys are sent as a person types them; a key
bound in the shell writes its command line to a file, read back once written:
the shell handles keys in order, so the file holds the line as TAB left it.
Skipped only where tmux or the shell is not installed (.ci/run installs them).
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import installed_script

BIN = str(Path(installed_script()).parent)
_sessions = itertools.count()


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _script(shell: str) -> str:
    completed = subprocess.run([installed_script(), "completion", shell], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def _start_files(shell: str, folder: Path, line_file: Path) -> list[str]:
    """The command that starts `shell` with the completion script and a key (Ctrl-X p) that saves the line."""
    script = folder / f"mlcareer.{shell}"
    script.write_text(_script(shell), encoding="utf-8")
    if shell == "bash":
        rc = folder / "bashrc"
        rc.write_text(
            f'PS1=\'> \'\nsource {script}\nbind -x \'"\\C-xp": printf "%s\\n" "$READLINE_LINE" > {line_file}\'\n',
            encoding="utf-8",
        )
        return [_tool("bash"), "--noprofile", "--rcfile", str(rc), "-i"]
    if shell == "zsh":
        (folder / ".zshrc").write_text(
            f"PS1='> '\nunsetopt beep\nautoload -Uz compinit; compinit -u -d {folder}/.zcompdump\n"
            f"source {script}\n"
            f'save_line() {{ print -r -- "$BUFFER" >| {line_file}; }}\nzle -N save_line\nbindkey "^Xp" save_line\n',
            encoding="utf-8",
        )
        return [_tool("zsh"), "-i"]
    init = f"source {script}; bind \\cxp 'commandline > {line_file}'; function fish_prompt; echo '> '; end"
    return [_tool("fish"), "--no-config", "--init-command", init]


class Terminal:
    """One shell in its own tmux server, typed into key by key."""

    def __init__(self, shell: str, folder: Path) -> None:
        self.tmux = _tool("tmux")
        self.socket = f"mlcareer-test-{os.getpid()}-{next(_sessions)}"
        self.line_file = folder / "line"
        command = _start_files(shell, folder, self.line_file)
        env = {
            **os.environ,
            "LANG": "C.UTF-8",
            "TERM": "xterm",
            "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
            "ZDOTDIR": str(folder),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_DATA_HOME": str(folder / "data"),
        }
        start = ["new-session", "-d", "-x", "120", "-y", "40", "-c", str(folder), "--", *command]
        self._tmux(*start, env=env)
        self._wait(lambda: self.screen().rstrip().endswith(">"), "the prompt")

    def _tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        completed = subprocess.run(
            [self.tmux, "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert completed.returncode == 0, completed.stderr
        return completed.stdout

    def _wait(self, done: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + 60
        while not done():
            assert time.monotonic() < deadline, f"never saw {what}:\n{self.screen()}"
            time.sleep(0.05)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p")

    def line_after(self, *keys: str) -> str:
        """The command line once `keys` are typed (Tab for TAB): read through the saving key."""
        self.line_file.unlink(missing_ok=True)
        for key in keys:
            self._tmux("send-keys", *(["Tab"] if key == "Tab" else ["-l", key]))
        self._tmux("send-keys", "C-x", "p")
        self._wait(lambda: self.line_file.exists() and self.line_file.read_text().endswith("\n"), "the line")
        return self.line_file.read_text(encoding="utf-8").rstrip("\n")

    def run(self, command: str) -> None:
        self._tmux("send-keys", "-l", command)
        self._tmux("send-keys", "Enter")

    def clear(self) -> None:
        self._tmux("send-keys", "C-e", "C-u")

    def close(self) -> None:
        subprocess.run([self.tmux, "-L", self.socket, "kill-server"], capture_output=True, timeout=60)


Opener = Callable[[str], Terminal]


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Opener]:
    opened: list[Terminal] = []

    def open_shell(shell: str) -> Terminal:
        folder = tmp_path / shell
        folder.mkdir()
        opened.append(Terminal(shell, folder))
        return opened[-1]

    yield open_shell
    for each in opened:
        each.close()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_word_whose_candidates_share_no_beginning_survives_tab(shell: str, terminal: Opener) -> None:
    term = terminal(shell)
    line = term.line_after("mlcareer progress Comp", "Tab")  # computer-vision, tool.computer-architecture
    # zsh: the word is kept and the candidates listed; bash lists them; fish takes the one the word begins.
    assert line in {"mlcareer progress Comp", "mlcareer progress computer-vision "}
    if shell == "zsh":
        assert line == "mlcareer progress Comp"
        assert "tool.computer-architecture" in term.screen()
        # The second TAB starts the menu over those candidates, not over all of them.
        line = term.line_after("Tab")
        assert line in {f"mlcareer progress {name}" for name in ("computer-vision", "tool.computer-architecture")}
        assert "possibilities" not in term.screen()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_values_the_commands_accept_are_offered(shell: str, terminal: Opener) -> None:
    term = terminal(shell)
    assert term.line_after("mlcareer salary --level entry", "Tab") == "mlcareer salary --level entry-level "
    term.clear()
    assert term.line_after("mlcareer progress Dock", "Tab") == "mlcareer progress tool.docker "
    if shell == "fish":
        return  # fish keeps only the candidates that contain the word typed: `none` has no "high"
    term.clear()
    assert term.line_after("mlcareer plan --education high", "Tab") == "mlcareer plan --education none "
    term.clear()
    assert term.line_after("mlcareer path --level Entry-L", "Tab") == "mlcareer path --level junior "


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_file_name_with_glob_characters_is_reached(shell: str, terminal: Opener, tmp_path: Path) -> None:
    term = terminal(shell)
    folder = tmp_path / shell
    (folder / "cv[1].json").write_text("{}", encoding="utf-8")
    (folder / "cv1.json").write_text("{}", encoding="utf-8")  # what the pattern cv[1].json would match
    typed = "cv\\[" if shell == "zsh" else "cv["  # in zsh an unquoted [ begins a pattern
    assert term.line_after(f"mlcareer gap {typed}", "Tab") == "mlcareer gap cv\\[1\\].json "


def test_bash_with_nullglob_still_reaches_a_file_name_with_brackets(terminal: Opener, tmp_path: Path) -> None:
    term = terminal("bash")
    (tmp_path / "bash" / "cv[1].json").write_text("{}", encoding="utf-8")
    term.run("shopt -s nullglob")
    assert term.line_after("mlcareer gap c", "Tab") == "mlcareer gap cv\\[1\\].json "
