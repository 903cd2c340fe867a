"""No traceback and no lost byte, whatever the input or the terminal."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ml_career.advisor.state import STATE_VERSION
from tests.conftest import BUNDLED, Invoke, installed_script, run_in_terminal
from tests.second_career import SECOND_CAREER

ANSI = re.compile(r"\x1b\[[0-9;]*m")
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|9[0-7]|38;[25])")
HOSTILE = ["Array[int]", "[bold]loud[/bold]", "[/red]", "[link=https://example.invalid]click[/link]", ":fire:"]


def _shell(command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.replace("mlcareer", installed_script())],
        capture_output=True,
        text=True,
        errors="replace",
        env={**os.environ, **(env or {})},
        timeout=60,
    )


# --- closed pipes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", ["mlcareer skills | head -1", "mlcareer skills --json | true", "mlcareer search data | head -c 10"]
)
def test_a_closed_pipe_is_quiet(command: str) -> None:
    result = _shell(command)
    assert "Exception ignored" not in result.stderr
    assert "BrokenPipeError" not in result.stderr
    assert result.stderr == ""
    assert result.returncode == 0


# --- markup in the data ---------------------------------------------------------------------------


@pytest.fixture
def hostile_career(tmp_path: Path) -> Path:
    text = SECOND_CAREER
    text = text.replace('title = "Associate Data Engineer"', f'title = "{HOSTILE[0]} Engineer"')
    text = text.replace('name = "SQL"', f'name = "{HOSTILE[1]}"')
    text = text.replace('tools = ["Postgres"]', f'tools = ["{HOSTILE[2]}", "{HOSTILE[3]}", "{HOSTILE[4]}"]')
    text = text.replace('publisher = "Test Bureau"', f'publisher = "{HOSTILE[3]}"')
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_markup_in_the_data_prints_literally(cli: Invoke, hostile_career: Path) -> None:
    skills = cli("--data", str(hostile_career), "skills")
    assert skills.exit_code == 0
    for text in HOSTILE[1:]:
        assert text in skills.stdout
    # the ladder, and with --sources the details' heading and the rung a reported level is taken as
    # (under that rung only: a rung without a figure shows "no figure", never another rung's)
    path = cli("--data", str(hostile_career), "path", env={"COLUMNS": "300"}).stdout
    assert path.count("Array[int] Engineer") == 1
    assert "Principal Data Engineer  no figure [m2]" in path
    path = cli("--data", str(hostile_career), "path", "--sources", env={"COLUMNS": "300"}).stdout
    assert path.count("Array[int] Engineer") == 3
    assert path.count("taken as the Array[int] Engineer rung") == 1
    salary = cli("--data", str(hostile_career), "salary", env={"COLUMNS": "200"})
    assert HOSTILE[3] in salary.stdout
    document = cli("--data", str(hostile_career), "skills", "--json").json()
    assert document["groups"][0]["skills"][0]["tools"] == HOSTILE[2:]  # type: ignore[index]


def test_markup_survives_a_colour_terminal_without_hyperlinks(script: Invoke, hostile_career: Path) -> None:
    result = script("--data", str(hostile_career), "skills", env={"FORCE_COLOR": "1", "NO_COLOR": "", "COLUMNS": "200"})
    assert result.exit_code == 0
    plain = ANSI.sub("", result.stdout)
    for text in HOSTILE[1:]:
        assert text in plain
    assert "\x1b]8;" not in result.stdout  # no OSC 8 hyperlink smuggled in


# --- encodings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""},
    ],
    ids=["ascii", "c-locale"],
)
@pytest.mark.parametrize("command", [["salary", "--level", "senior"], ["skills"], ["role"], ["search", "kaggle"]])
def test_an_ascii_terminal_degrades_instead_of_crashing(env: dict[str, str], command: list[str]) -> None:
    completed = subprocess.run(
        [installed_script(), *command], capture_output=True, env={**os.environ, **env}, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    completed.stdout.decode("ascii")  # nothing a C locale cannot show
    assert b"Traceback" not in completed.stderr


@pytest.mark.parametrize(
    "env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}]
)
def test_json_is_valid_and_lossless_in_any_encoding(env: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "accents.toml"
    data.write_text(SECOND_CAREER.replace("Builds the pipelines", "Bâtit les pipelines — “vite”"), encoding="utf-8")
    completed = subprocess.run(
        [installed_script(), "--data", str(data), "role", "--json"],
        capture_output=True,
        env={**os.environ, **env},
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["summary"]["text"].startswith("Bâtit les pipelines — “vite”")


def test_a_utf8_data_path_in_a_c_locale(tmp_path: Path) -> None:
    data = tmp_path / "données.toml"
    data.write_text(SECOND_CAREER, encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    completed = subprocess.run(
        [installed_script(), "--data", str(data), "salary"], capture_output=True, env=env, timeout=60
    )
    assert completed.returncode == 0, completed.stderr


# --- the terminal ---------------------------------------------------------------------------------


def test_json_ignores_width_and_forced_colour(script: Invoke) -> None:
    narrow = script("salary", "--json", env={"COLUMNS": "20", "FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b" not in narrow.stdout
    assert json.loads(narrow.stdout) == json.loads(script("salary", "--json").stdout)
    assert '"text": "Median annual salary of information and computer science research jobs"' in narrow.stdout


def test_no_color_is_honoured_even_when_colour_is_forced(script: Invoke) -> None:
    coloured = script("salary", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert COLOUR.search(coloured.stdout)
    plain = script("salary", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert not COLOUR.search(plain.stdout)


def test_a_dumb_terminal_gets_no_escape_codes() -> None:
    env = {"TERM": "dumb", "NO_COLOR": "", "COLUMNS": "100"}
    assert "\x1b[" not in run_in_terminal(["salary"], env)[1]
    assert "\x1b[" in run_in_terminal(["salary"], {**env, "TERM": "xterm-256color"})[1]


def test_a_forty_column_terminal_still_reads(cli: Invoke) -> None:
    for command in (["salary"], ["education"], ["skills"], ["plan", "--target", "senior"], ["outlook"], ["jobs"]):
        result = cli(*command, env={"COLUMNS": "40"})
        assert result.exit_code == 0
        assert max(len(line) for line in result.stdout.splitlines()) <= 40, command
    salary = cli("salary", env={"COLUMNS": "40"}).stdout
    record = [line.rstrip() for line in salary.split("\nSenior [m2]\n")[1].splitlines()[:3]]
    assert record == ["  Amount:     $208,000", "  x avg [c1]: 3.50x", "  Publisher:  Glassdoor [1]"]


# --- data files -----------------------------------------------------------------------------------


def _bad_file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.toml", b"", "{path}: the file is empty"),
        (
            "latin1.toml",
            "schema_version = 1\ntitle = 'caf\xe9'\n".encode("latin-1"),
            "{path}:2: not UTF-8 text (byte 0xe9 at offset 31)",
        ),
        (
            "syntax.toml",
            b"schema_version = 1\n[career\n",
            "{path}:2: invalid TOML: Expected ']' at the end of a table declaration",
        ),
        ("syntax.json", b'{"schema_version": 1,\n "career": }', "{path}:2: invalid JSON: Expecting value"),
        ("list.json", b"[1, 2]", "{path}: the top level must be an object"),
        (
            "types.toml",
            BUNDLED.read_bytes().replace(b"years_max = 2", b"years_max = 'two'"),
            "{path}: education.degrees.1.years_max: Input should be a valid integer (got 'two')",
        ),
        (
            "missing.toml",
            BUNDLED.read_bytes().replace(b"schema_version = 1\n", b""),
            "{path}: schema_version: required field is missing",
        ),
        (
            "unknown.toml",
            BUNDLED.read_bytes().replace(b"[career]\n", b"[career]\ncolour = 'blue'\n"),
            "{path}: career.colour: unknown field (not part of the schema; check its spelling)",
        ),
        ("huge.toml", BUNDLED.read_bytes().replace(b"years_max = 2", b"years_max = 1"), None),
    ],
)
def test_bad_data_files_name_the_file_and_field(
    cli: Invoke, tmp_path: Path, name: str, content: bytes, expected: str | None
) -> None:
    path = _bad_file(tmp_path, name, content)
    result = cli("--data", str(path), "salary")
    if expected is None:
        assert result.exit_code == 0
        return
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("mlcareer: " + expected.format(path=path)), first


def test_missing_directory_and_dev_null(cli: Invoke, tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_bytes(b" \n")
    for path, message in (
        (tmp_path / "absent.toml", "no such file"),
        (tmp_path, "is a directory, not a data file"),
        # A device is refused before it is read (issue 13): /dev/zero would never end.
        (Path(os.devnull), "is a character device, not a regular file; save it to a file and use that"),
        (empty, "the file is empty"),
    ):
        result = cli("--data", str(path), "path")
        assert result.exit_code == 1
        assert result.stderr == f"mlcareer: {path}: {message}\n"


def test_huge_values_are_shown_not_crashed_on(cli: Invoke, tmp_path: Path) -> None:
    data = tmp_path / "huge.toml"
    data.write_text(
        SECOND_CAREER.replace("amount = 50000", "amount = 123456789012345678901234567890"), encoding="utf-8"
    )
    result = cli("--data", str(data), "salary", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "123,456,789,012,345,678,901,234,567,890 EUR" in result.stdout
    assert cli("--data", str(data), "salary", "--json").json()["rows"][0]["amount"] == 123456789012345678901234567890  # type: ignore[index]


# --- arguments ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["salery"], "No such command 'salery'. Did you mean 'salary'?"),
        (["SALARY"], "No such command 'SALARY'. Did you mean 'salary'?"),
        (["salary", "--levl", "x"], "No such option: --levl. Did you mean '--level'?"),
        (["salary", "--LEVEL", "senior"], "No such option: --LEVEL. Did you mean '--level'?"),
        (["salary", "--level", "SNIOR"], "unknown level 'SNIOR'. Did you mean 'senior'?"),
        (["education", "--degree", "phd"], "unknown degree 'phd'."),
        (["search"], "Missing argument 'text'."),
        (["search", "x", "--limit", "zero"], "'zero' is not a valid int range."),
    ],
)
def test_bad_arguments_exit_2_with_a_suggestion(cli: Invoke, args: list[str], expected: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) <= 2


# --- tracebacks -----------------------------------------------------------------------------------


def test_an_unexpected_error_is_one_line_and_a_hint(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the unexpected")

    monkeypatch.setattr("ml_career.queries.salary.salary_report", broken)
    result = cli("salary")
    assert result.exit_code == 1
    assert result.stderr == (
        "mlcareer: unexpected error: RuntimeError: the unexpected\n  Set MLCAREER_DEBUG=1 to see the traceback.\n"
    )
    with pytest.raises(AssertionError, match="the unexpected"):
        cli("salary", env={"MLCAREER_DEBUG": "1"})


# --- Ctrl-C ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.07, 0.1, 0.13, 0.17, 0.22, 0.3, 0.45])
def test_ctrl_c_at_any_moment_exits_130_without_a_traceback(delay: float, tmp_path: Path) -> None:
    """From the first line of mlcareer on, through imports, validation and output.

    Until the package's first line runs, a SIGINT is the interpreter's and the
    launcher's business (a fatal init error, or their own traceback), before any line
    of mlcareer exists to catch it. On a loaded machine that phase can outlast any
    fixed delay, so the delay counts from the moment the package has taken Ctrl-C
    over: an audit hook, planted through a `sitecustomize`, says when.
    """
    started_reading, started_writing = os.pipe()
    (tmp_path / "sitecustomize.py").write_text(
        "import _signal, os, sys\n"
        "def started(event, args, told=[]):\n"
        "    package = sys.modules.get('ml_career')\n"
        "    handler = getattr(package, 'interrupted_while_starting', None)\n"
        "    if handler is not None and not told and _signal.getsignal(_signal.SIGINT) is handler:\n"
        f"        told.append(os.write({started_writing}, b'started'))\n"
        f"        os.close({started_writing})\n"
        "sys.addaudithook(started)\n"
    )
    env = {
        **os.environ,
        "MLCAREER_CACHE_DIR": str(tmp_path / f"cache-{delay}"),  # a cold start: validation runs
        "PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])),
    }
    process = subprocess.Popen(
        [installed_script(), "salary"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        pass_fds=(started_writing,),
    )
    os.close(started_writing)
    with os.fdopen(started_reading, "rb") as started:
        # The child closes its end once the package has run (an end without the word: it never did).
        assert started.read() == b"started"
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr, stderr
    if process.returncode == 0:  # it finished before the signal arrived
        assert b"$208,000" in stdout
    elif process.returncode == -signal.SIGINT:
        # Interrupted while the interpreter was shutting down: it ends by the signal
        # itself, which the shell reports as 130, the conventional end for Ctrl-C.
        assert stderr in (b"", b"mlcareer: interrupted\n")
    else:
        assert process.returncode == 130
        assert stderr == b"mlcareer: interrupted\n"


# --- state files ----------------------------------------------------------------------------------


def test_a_writer_killed_mid_write_never_leaves_a_broken_state_file(isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    rng = random.Random(7)
    skills = ["deep-learning", "deployment", "data-visualization", "model-evaluation"]
    for attempt in range(25):
        process = subprocess.Popen(
            [installed_script(), "progress", skills[attempt % 4], rng.choice(["done", "learning"])],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 0.4))
        process.kill()
        process.wait(timeout=30)
        if state.exists():
            saved = json.loads(state.read_text(encoding="utf-8"))
            assert saved["schema_version"] == STATE_VERSION
    result = subprocess.run([installed_script(), "progress", "--json"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--data", "a\x00b", "salary"],
        ["fit", "--answers", "a\x00b"],
        ["export", "-o", "a\x00b"],
        ["validate", "a\x00b"],
    ],
)
def test_a_nul_byte_in_a_file_name_is_a_usage_error(cli: Invoke, args: list[str]) -> None:
    """Found by the property test: the path type used to stat the name and raise ValueError."""
    result = cli(*args)
    assert result.exit_code == 2
    assert "a file name cannot contain a NUL byte" in result.stderr


def test_a_ctrl_c_inside_a_callback_still_ends_the_run_as_interrupted() -> None:
    """A SIGINT landing in an import lock's weakref callback cannot unwind; it must not be ignored."""
    program = (
        "import sys, weakref\n"
        "from ml_career.cli import boundary\n"
        "boundary._process.append(True)\n"
        "class Held: pass\n"
        "def run():\n"
        "    def interrupt(reference):\n"
        "        raise KeyboardInterrupt\n"
        "    held = Held()\n"
        "    reference = weakref.ref(held, interrupt)\n"
        "    del held\n"
        "    print('went on as if nothing had happened')\n"
        "    return 0\n"
        "sys.exit(boundary.guarded(run))\n"
    )
    finished = subprocess.run([sys.executable, "-c", program], capture_output=True, timeout=60)
    assert (finished.returncode, finished.stdout, finished.stderr) == (130, b"", b"mlcareer: interrupted\n")
