"""Property tests: no input, however hostile, gets a traceback or a stray exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ml_career.cli.app import app
from tests.second_career import SECOND_CAREER

COMMANDS = [
    "salary",
    "path",
    "skills",
    "education",
    "resources",
    "role",
    "outlook",
    "jobs",
    "internships",
    "sources",
    "search",
    "validate",
    "schema",
    "plan",
    "fit",
    "progress",
    "export",
]
OPTIONS = [
    "--level",
    "-l",
    "--category",
    "-c",
    "--residency",
    "--degree",
    "--json",
    "--target",
    "--education",
    "--answer",
    "--answers",
    "--format",
    "--output",
    "--limit",
    "--data",
    "-h",
    "--help",
    "--version",
    "--bogus",
]
VALUES = [
    "senior",
    "SENIOR",
    "snior",
    "junior",
    "director",
    "average",
    "",
    " ",
    "-",
    "--",
    "[bold]",
    "[/red]",
    ":fire:",
    "Array[int]",
    "[link=https://x.invalid]x[/link]",
    "in-state",
    "out of state",
    "master",
    "phd",
    "done",
    "learning",
    "deep learning",
    "kaggle",
    "-1",
    "0",
    "99999999999999999999999",
    "é",
    "\u202e",
    "💥",
    "curiosity=4",
    "curiosity=9",
    "=",
    "html",
    "svg",
    "markdown",
    "none",
    "learned",
    "nonexistent.toml",
    "a\x00b",
    "/",
    "/dev/null",
    ".",
]
TOKENS = st.one_of(st.sampled_from(OPTIONS + VALUES + COMMANDS), st.text(max_size=12))
ALWAYS_JSON = {"schema"}
HELP = {"-h", "--help", "--version"}

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _run(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert result.exit_code in {0, 1, 2}, (args, result.exit_code, result.stderr)
    if "Traceback" in result.stderr or "unexpected error" in result.stderr:
        pytest.fail(f"unhandled failure for {args}: {result.stderr}")
    wants_json = "--json" in args or (args and args[0] in ALWAYS_JSON)
    if result.exit_code == 0 and wants_json and not HELP.intersection(args) and result.stdout.strip():
        json.loads(result.stdout)


@st.composite
def argument_lists(draw: st.DrawFn) -> list[str]:
    """[--data X] COMMAND [OPTION VALUE]... [TOKEN]...: shaped enough to reach every parser."""
    args = ["--data", draw(TOKENS)] if draw(st.integers(0, 4)) == 0 else []
    args.append(draw(st.sampled_from(COMMANDS)))
    for option, value in draw(st.lists(st.tuples(st.sampled_from(OPTIONS), TOKENS), max_size=3)):
        args += [option, value]
    return args + draw(st.lists(TOKENS, max_size=3))


@FUZZ
@given(args=argument_lists())
def test_random_arguments(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # `export --output x` writes here, never into the checkout
    _run(args)


def _toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a TOML basic string, or a clear syntax error


HOSTILE_TEXT = st.one_of(
    st.sampled_from(["[bold]", "[/red]", "Array[int]", ":fire:", "[link=x]y", "\u0000", "\x1b[31m", "\\", '"']),
    st.text(max_size=40),
)
HUGE = st.one_of(st.integers(), st.integers(min_value=-(10**40), max_value=10**40))


@st.composite
def hostile_career(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()) and draw(st.booleans()):
        return draw(st.binary(max_size=300))
    text = SECOND_CAREER
    for original in (
        '"Associate Data Engineer"',
        '"SQL"',
        '"Test Bureau"',
        '"Starting pay"',
        '"Core skills"',
        '"Data Engineer"',
    ):
        if draw(st.booleans()):
            text = text.replace(original, _toml_string(draw(HOSTILE_TEXT)), 1)
    for original in ("amount = 50000", "amount = 40000"):
        if draw(st.booleans()):
            text = text.replace(original, f"amount = {draw(HUGE)}", 1)
    if draw(st.booleans()):
        text = text.replace('as_of = "2026-01"', f"as_of = {_toml_string(draw(st.text(max_size=8)))}")
    return text.encode("utf-8", "surrogatepass")


@FUZZ
@given(content=hostile_career(), command=st.sampled_from(COMMANDS), json_flag=st.booleans())
def test_hostile_data_files(
    content: bytes, command: str, json_flag: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "career.toml"
    data.write_bytes(content)
    extra = {"search": ["data"], "progress": [], "fit": ["--answer", "x=1"]}.get(command, [])
    args = ["--data", str(data), command, *extra]
    if json_flag and command not in {"export", "schema"}:
        args.append("--json")
    _run(args)
