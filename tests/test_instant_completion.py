"""The completion index answers exactly as Typer does, for every command, option and value.

Each case is a command line being completed, asked in bash's protocol and in the
one the zsh and fish scripts use. Typer's answer comes from the command line
itself (in-process, through Typer's completion); the fast answer from the index
alone. They must be the same text, or the fast path must decline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ml_career.cli import completion, completion_index, instant_completion, typer_compat
from ml_career.cli.app import app
from ml_career.cli.shell import direct_command
from ml_career.dataset import location
from ml_career.dataset.loading import load_career
from ml_career.dataset.names import normalise
from tests.conftest import BUNDLED, installed_script

GROUP: Any = typer.main.get_command(app)
ROOT = typer.Context(GROUP, info_name="mlcareer", **GROUP.context_settings)
COMMANDS = GROUP.list_commands(ROOT)
HELP_OPTIONS = {"-h", "--help"}


def environment(shell: str, args: list[str], incomplete: str) -> dict[str, str]:
    """What the completion script for `shell` sets for `mlcareer ARGS INCOMPLETE<TAB>`."""
    if shell == "bash":
        words = "\n".join(["mlcareer", *args, incomplete])
        return {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(args) + 1)}
    typed = " ".join(["mlcareer", *args, incomplete])
    return {
        "_MLCAREER_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        "_TYPER_COMPLETE_ARGS": typed,
    }


def typers_answer(env: dict[str, str]) -> str:
    result = CliRunner().invoke(app, [], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def fast_answer(env: dict[str, str]) -> tuple[str, str]:
    return instant_completion.answer_for({**os.environ, **env})


def typed_forms(word: str) -> list[str]:
    """What someone may have typed of `word` when pressing TAB."""
    forms = [word[:1], word[:2], word[: max(1, len(word) // 2)], word, word[:3].upper()]
    return list(dict.fromkeys(form for form in forms if form))


def value_forms(param: Any) -> list[str]:
    """Typed beginnings of the candidates of `param`: of ids, of titles and aliases, in other cases."""
    function = typer_compat.autocompletion_of(param)
    source = completion.SOURCES.get(function) if function else None
    if source is None:
        return ["", "a", "x"]
    if source.always:
        return ["", "r", "./", "/tmp/", "~/resume", "x.md"]
    candidates = source.candidates(load_career(None) if source.reads_data else None)
    forms = [""]
    for candidate in candidates:
        forms += [candidate.value[:1], candidate.value[:3], candidate.value.upper()[:4]]
        forms += [name.split()[0][:4] for name in (candidate.help, *candidate.names) if name.split()]
    forms += ["zz", "9"]
    return [form for form in dict.fromkeys(forms) if instant_completion.plain_normalised(form) is not None or not form]


def sample_value(param: Any) -> str:
    function = typer_compat.autocompletion_of(param)
    source = completion.SOURCES.get(function) if function else None
    if source is None or source.always:
        return "something"
    candidates = source.candidates(load_career(None) if source.reads_data else None)
    return candidates[0].value if candidates else "something"


def cases_for(scope: str) -> Iterator[tuple[list[str], str]]:
    """Command lines being completed: every option name, every option given, every value."""
    command = GROUP if scope == "" else GROUP.get_command(ROOT, scope)
    ctx = ROOT if scope == "" else typer.Context(command, info_name=scope, parent=ROOT)
    prefix = [scope] if scope else []
    for typed in ["", "-", "--", "-x", "s", "p", "x", "SA", "he"]:
        yield prefix, typed
    for param in command.get_params(ctx):
        if isinstance(param, typer.core.TyperArgument):
            for typed in value_forms(param):
                yield prefix, typed
            yield [*prefix, sample_value(param)], ""
            yield [*prefix, sample_value(param)], "-"
            continue
        for name in [*param.opts, *param.secondary_opts]:
            for typed in typed_forms(name):
                yield prefix, typed
            if name in HELP_OPTIONS or name == "--data" or param.is_eager:
                continue
            if param.is_flag:
                yield [*prefix, name], "-"
                yield [*prefix, name], ""
                yield [*prefix, name, name], "-"
                continue
            for typed in [*value_forms(param), "-", "--"]:
                yield [*prefix, name], typed
            given = [*prefix, name, sample_value(param)]
            yield given, "-"
            yield given, "--"
            yield given, ""
    if scope:
        yield ["--no-pager", scope], "-"
        yield ["--no-input", "--no-pager", scope], ""


@pytest.fixture
def index() -> None:
    completion_index.store(location.default_data_file(), app)


@pytest.mark.parametrize("scope", ["", *COMMANDS])
@pytest.mark.usefixtures("index")
def test_the_index_answers_as_typer_does(scope: str) -> None:
    cases = list(dict.fromkeys((tuple(args), typed) for args, typed in cases_for(scope)))
    assert len(cases) >= 9
    wrong = []
    for args, typed in cases:
        for shell in ("bash", "fish"):
            env = environment(shell, list(args), typed)
            outcome, fast = fast_answer(env)
            if outcome != instant_completion.ANSWERED:
                wrong.append(f"{shell}: {' '.join(args)} {typed!r}: not answered ({outcome})")
                continue
            expected = typers_answer(env)
            if fast != expected:
                wrong.append(f"{shell}: {' '.join(args)} {typed!r}: {fast!r} != Typer's {expected!r}")
    assert not wrong, "\n".join(wrong[:20])


@pytest.mark.usefixtures("index")
@pytest.mark.parametrize(
    ("shell", "args", "typed"),
    [
        ("bash", ["--data", str(BUNDLED), "salary", "--level"], ""),  # another data file
        ("fish", ["salary", "--level"], "sé"),  # not plain ASCII
        ("bash", ["salary"], "--level=s"),
        ("bash", ["salary", "-h"], "-"),  # an option with a callback of its own
        ("fish", ["salary", "--nonsense"], ""),
        ("bash", ["nonsense"], ""),
        ("bash", ["salary", "--level", "--json"], ""),  # an option's value that looks like an option
        ("fish", ["salary", "stray", "words"], ""),
        ("bash", ["salary", "--", "--level"], ""),
    ],
)
def test_what_the_index_cannot_place_is_left_to_typer(shell: str, args: list[str], typed: str) -> None:
    assert fast_answer(environment(shell, args, typed)) == (instant_completion.UNKNOWN, "")


@pytest.mark.usefixtures("index")
@pytest.mark.parametrize(
    "env",
    [
        {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": "mlcareer 'salary' --", "COMP_CWORD": "2"},
        {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": "mlcareer salary", "COMP_CWORD": "x"},
        {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": "mlcareer salary", "COMP_CWORD": "0"},
        {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": "mlcareer\x0bsalary", "COMP_CWORD": "1"},
        {"_MLCAREER_COMPLETE": "complete_bash", "COMP_CWORD": "1"},  # Typer fails without COMP_WORDS
        {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": "mlcareer sal", "COMP_CWORD": "1" * 5000},
        {"_MLCAREER_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "mlcareer sal"},
        {"_MLCAREER_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "is-args"},
        {"_MLCAREER_COMPLETE": "source_bash"},
    ],
)
def test_requests_in_other_forms_are_left_to_typer(env: dict[str, str]) -> None:
    assert fast_answer(env) == (instant_completion.UNKNOWN, "")


def test_without_an_index_typer_answers_and_the_index_is_made(script: Any, isolated_environment: Path) -> None:
    words = {"COMP_WORDS": "mlcareer\nsalary\n--level\ns", "COMP_CWORD": "3", "_MLCAREER_COMPLETE": "complete_bash"}
    assert fast_answer(words)[0] == instant_completion.STALE
    first = script(env=words)
    assert (first.exit_code, first.stdout) == (0, "senior\n")
    assert fast_answer(words) == (instant_completion.ANSWERED, "senior\n")
    made = list((isolated_environment / "cache").glob("*.completion"))
    assert len(made) == 1
    again = script(env=words)
    assert (again.exit_code, again.stdout) == (0, "senior\n")


def test_a_command_s_description_is_its_whole_first_sentence(script: Any) -> None:
    # Click cut it at 45 characters with "...", which zsh and fish showed as it was.
    words = environment("fish", [], "sa")
    expected = "salary\tWhat the career pays, level by level, with sources.\n"
    typer_s = script(env=words)
    assert (typer_s.exit_code, typer_s.stdout) == (0, expected)
    assert fast_answer(words) == (instant_completion.ANSWERED, expected)


@pytest.mark.usefixtures("index")
def test_a_request_the_index_answers_never_imports_typer() -> None:
    env = {**os.environ, "_MLCAREER_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    env["_TYPER_COMPLETE_ARGS"] = "mlcareer progress tool.g"
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", installed_script()], env=env, capture_output=True, text=True, timeout=60
    )
    assert completed.stdout == "tool.git\tGit\ntool.google-cloud\tGoogle Cloud\n"
    imported = {line.split("|")[-1].strip() for line in completed.stderr.splitlines()}
    assert "ml_career.cli.instant_completion" in imported
    assert not {"typer", "rich", "pydantic", "pathlib", "re", "json"} & imported


@pytest.mark.usefixtures("index")
def test_the_scripts_direct_request_imports_neither_site_nor_typer() -> None:
    python, *arguments = direct_command()
    env = {**os.environ, **environment("fish", ["progress"], "tool.g")}
    completed = subprocess.run(
        [python, "-X", "importtime", *arguments], env=env, capture_output=True, text=True, timeout=60
    )
    assert completed.stdout == "tool.git\tGit\ntool.google-cloud\tGoogle Cloud\n"
    imported = {line.split("|")[-1].strip() for line in completed.stderr.splitlines()}
    assert "ml_career.cli.instant_completion" in imported
    assert not {"site", "typing", "typer", "re", "pathlib"} & imported


def test_the_scripts_direct_request_has_typer_answer_when_the_index_cannot(isolated_environment: Path) -> None:
    python, *arguments = direct_command()
    env = {**os.environ, **environment("bash", ["salary", "--level"], "s")}
    for _ in range(2):  # Typer answers, with site run for it, and makes the index; then the index answers
        completed = subprocess.run([python, *arguments], env=env, capture_output=True, text=True, timeout=60)
        assert (completed.returncode, completed.stdout, completed.stderr) == (0, "senior\n", "")
        assert len(list((isolated_environment / "cache").glob("*.completion"))) == 1


def changed_data(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    data = tmp_path / "data.toml"
    data.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def test_a_changed_data_file_gives_new_answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = changed_data(
        tmp_path, 'title = "Senior Machine Learning Engineer"', 'title = "Staff Machine Learning Engineer"'
    )
    monkeypatch.setenv("MLCAREER_DATA", str(data))
    env = environment("fish", ["path", "--level"], "st")
    completion_index.store(str(data), app)
    assert fast_answer(env) == (instant_completion.ANSWERED, "senior\tStaff Machine Learning Engineer\n")
    data.write_text(data.read_text(encoding="utf-8").replace("Staff Machine", "Principal Machine"), encoding="utf-8")
    assert fast_answer(env)[0] == instant_completion.STALE
    completion_index.store(str(data), app)
    assert fast_answer(env) == (instant_completion.ANSWERED, "\n")
    assert fast_answer(environment("fish", ["path", "--level"], "pri")) == (
        instant_completion.ANSWERED,
        "senior\tPrincipal Machine Learning Engineer\n",
    )


def test_new_code_or_a_changed_environment_makes_the_index_stale(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env = environment("bash", ["salary", "--level"], "s")
    completion_index.store(location.default_data_file(), app)
    assert fast_answer(env)[0] == instant_completion.ANSWERED
    # A new version of mlcareer: another copy of the package, in which one module differs.
    package = tmp_path / "ml_career"
    shutil.copytree(location.PACKAGE_FOLDER, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(location, "PACKAGE_FOLDER", str(package))
    monkeypatch.setenv("MLCAREER_DATA", str(BUNDLED))
    assert fast_answer(env)[0] == instant_completion.STALE
    completion_index.store(str(BUNDLED), app)
    assert fast_answer(env)[0] == instant_completion.ANSWERED
    with (package / "cli" / "pay.py").open("a", encoding="utf-8") as module:
        module.write("\n# edited\n")
    assert fast_answer(env)[0] == instant_completion.STALE
    completion_index.store(str(BUNDLED), app)
    assert fast_answer(env)[0] == instant_completion.ANSWERED
    # Another version of Typer, whose rules the answers follow.
    typer_copy = tmp_path / "elsewhere" / "typer"
    typer_copy.mkdir(parents=True)
    (typer_copy / "__init__.py").write_text("# another version\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "elsewhere"), *sys.path])
    assert fast_answer(env)[0] == instant_completion.STALE


def test_stat_facts_are_trusted_while_they_match_and_the_content_decides_when_not(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, script: Any
) -> None:
    monkeypatch.setattr(instant_completion, "RACY_NS", 0)  # every file old enough for its facts to be trusted
    data = changed_data(tmp_path, 'title = "Senior Machine Learning Engineer"', 'title = "Staff ML Engineer"')
    monkeypatch.setenv("MLCAREER_DATA", str(data))
    env = environment("fish", ["path", "--level"], "st")
    staff = (instant_completion.ANSWERED, "senior\tStaff ML Engineer\n")
    completion_index.store(str(data), app)
    index = instant_completion.read_index(str(data))
    assert index is not None and index.renewed is None
    # Touched: its facts differ, its content does not. Answered, and the index is to be made anew.
    os.utime(data, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    assert fast_answer(env) == staff
    index = instant_completion.read_index(str(data))
    assert index is not None and index.renewed is not None
    where = Path(instant_completion.index_file(str(data)))
    before = where.read_bytes()
    result = script(env=env)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "senior\tStaff ML Engineer\n", "")
    after = where.read_bytes()
    assert after != before and after.partition(b"\n\n")[2] == before.partition(b"\n\n")[2]  # new facts, same blocks
    assert [path.name for path in where.parent.iterdir() if path.name.endswith(".tmp")] == []
    assert fast_answer(env) == staff
    # Edited to the same size, its modification time put back: its change time tells, and its content.
    status = data.stat()
    data.write_text(data.read_text(encoding="utf-8").replace("Staff ML", "Stiff ML"), encoding="utf-8")
    os.utime(data, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert (data.stat().st_size, data.stat().st_mtime_ns) == (status.st_size, status.st_mtime_ns)
    assert fast_answer(env) == (instant_completion.STALE, "")


def test_replaced_package_files_are_compared_by_content(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(instant_completion, "RACY_NS", 0)
    package = tmp_path / "ml_career"
    shutil.copytree(location.PACKAGE_FOLDER, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(location, "PACKAGE_FOLDER", str(package))
    monkeypatch.setenv("MLCAREER_DATA", str(BUNDLED))
    env = environment("bash", ["salary", "--level"], "s")
    completion_index.store(str(BUNDLED), app)
    assert fast_answer(env) == (instant_completion.ANSWERED, "senior\n")
    module = package / "cli" / "pay.py"
    text = module.read_text(encoding="utf-8")
    # Replaced by a new file of the same content, as a reinstall does: a new inode, the same answers.
    replacement = tmp_path / "pay.py"
    replacement.write_text(text, encoding="utf-8")
    os.replace(replacement, module)
    assert fast_answer(env) == (instant_completion.ANSWERED, "senior\n")
    # Replaced by another module of the same size, its modification time put back.
    status = module.stat()
    replacement.write_text(text.replace("salary", "SALARY", 1), encoding="utf-8")
    os.utime(replacement, ns=(status.st_atime_ns, status.st_mtime_ns))
    os.replace(replacement, module)
    assert fast_answer(env) == (instant_completion.STALE, "")
    # A new module in a package folder is a change too: the folder's list of modules is recorded.
    completion_index.store(str(BUNDLED), app)
    assert fast_answer(env)[0] == instant_completion.ANSWERED
    (package / "cli" / "extra.py").write_text("", encoding="utf-8")
    assert fast_answer(env) == (instant_completion.STALE, "")


def test_facts_too_recent_to_trust_are_recorded_as_such(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A change in the same tick of the file system's clock would leave the facts as they were,
    # so a file changed just before the index is made is compared by content on every request.
    data = changed_data(tmp_path, 'title = "Senior Machine Learning Engineer"', 'title = "Staff ML Engineer"')
    monkeypatch.setenv("MLCAREER_DATA", str(data))
    env = environment("fish", ["path", "--level"], "st")
    completion_index.store(str(data), app)
    head = Path(instant_completion.index_file(str(data))).read_bytes().split(b"\n")
    assert head[5].split(b"\t")[0] == instant_completion.UNTRUSTED.encode()  # the data file's facts
    assert fast_answer(env) == (instant_completion.ANSWERED, "senior\tStaff ML Engineer\n")
    text = data.read_text(encoding="utf-8")
    status = data.stat()
    data.write_text(text.replace("Staff ML", "Stiff ML"), encoding="utf-8")
    os.utime(data, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert fast_answer(env) == (instant_completion.STALE, "")


def _with_root_block(stored: bytes, records: str) -> bytes:
    """The index with its root block replaced by `records`, under checks that match: damage only the parser finds."""
    head, _, body = stored.partition(b"\n\n")
    lines = head.decode("utf-8", "surrogateescape").split("\n")[3:]  # format, interpreter, check
    tracked = [line.split("\t") for line in lines[:4]]
    blocks = {}
    for line in lines[4:]:
        name, place, _ = line.split("\t")
        start, length = map(int, place.split(":"))
        blocks[name] = body[start : start + length].decode("utf-8").splitlines()
    blocks[instant_completion.ROOT_BLOCK] = records.splitlines()
    return completion_index.layout(tracked, blocks)


@pytest.mark.parametrize(
    "damage",
    [
        lambda stored: b"",
        lambda stored: b"garbage",
        lambda stored: b"\xff\xfe not text",
        lambda stored: stored[: len(stored) // 2],  # cut short
        lambda stored: stored + stored.partition(b"\n\n")[2],  # records repeated
        lambda stored: stored.replace(b"senior\t", b"EVIL\t"),  # edited by hand: its block's check fails
        lambda stored: stored.replace(b"senior\t", b"SENIOR\t"),  # the same length: its block's check fails
        lambda stored: stored.replace(b"\n@salary\t", b"\n@salarx\t", 1),  # a block's name changed
        lambda stored: stored.replace(b"\tmodule\t", b"\t", 1),  # a file no longer checked
        lambda stored: _with_root_block(stored, "C\tsalary\n"),
        lambda stored: _with_root_block(stored, "C\tsalary\t1\tsalary\x1b]0;pwned\x07\n"),
        lambda stored: _with_root_block(stored, "N\t99\t--x\n"),
        lambda stored: _with_root_block(stored, "Z\tunknown\n"),
    ],
    ids=[
        "empty",
        "garbage",
        "not text",
        "cut",
        "repeated",
        "edited",
        "same length",
        "renamed block",
        "file dropped",
        "short",
        "escape",
        "nowhere",
        "unknown",
    ],
)
@pytest.mark.usefixtures("index")
def test_a_damaged_index_is_ignored_and_made_again(damage: Any, script: Any) -> None:
    where = Path(instant_completion.index_file(location.default_data_file()))
    where.write_bytes(damage(where.read_bytes()))
    env = environment("bash", ["salary", "--level"], "s")
    assert fast_answer(env) == (instant_completion.STALE, "")
    result = script(env=env)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "senior\n", "")
    assert fast_answer(env) == (instant_completion.ANSWERED, "senior\n")


@pytest.mark.parametrize("kind", ["fifo", "directory", "link to a fifo", "link to a file"])
def test_an_index_that_is_not_a_file_never_hangs_and_a_link_is_not_followed(
    kind: str, script: Any, tmp_path: Path
) -> None:
    where = Path(instant_completion.index_file(location.default_data_file()))
    where.parent.mkdir(parents=True, exist_ok=True)
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(where)
    elif kind == "directory":
        where.mkdir()
    elif kind == "link to a fifo":
        os.mkfifo(target)
        where.symlink_to(target)
    else:
        target.write_text("someone else's file\n", encoding="utf-8")
        target.chmod(0o777)
        where.symlink_to(target)
    env = environment("bash", ["salary", "--level"], "s")
    assert fast_answer(env) == (instant_completion.STALE, "")
    result = script(env=env)
    assert (result.exit_code, result.stdout) == (0, "senior\n")
    if kind.startswith("link"):
        # The index took the link's place; what the link pointed to is untouched.
        assert not where.is_symlink() and where.is_file()
        assert not where.stat().st_mode & 0o111  # nor took the permissions of what it pointed to
        assert (
            target.is_fifo()
            if kind == "link to a fifo"
            else target.read_text(encoding="utf-8") == "someone else's file\n"
        )
        assert fast_answer(env) == (instant_completion.ANSWERED, "senior\n")


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=12))
def test_plain_normalising_is_the_data_sets_normalising_for_plain_ascii(typed: str) -> None:
    assert instant_completion.plain_normalised(typed) == normalise(typed)


@pytest.mark.parametrize(
    ("takes", "outcome", "written"),
    [
        ([0], instant_completion.UNKNOWN, b""),  # nothing taken: Typer answers
        ([3, 0], instant_completion.FAILED, b"sen"),  # part taken, then nothing: give up
        ([3, 2, 0], instant_completion.FAILED, b"senio"),
        ([3, 2, 100], instant_completion.ANSWERED, b"senior\n"),  # short writes, then the rest
    ],
)
def test_a_write_that_takes_nothing_ends(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, takes: list[int], outcome: str, written: bytes
) -> None:
    taken = iter(takes)
    calls: list[bytes] = []

    def full_device(descriptor: int, data: bytes) -> int:
        count = min(next(taken, 0), len(data))
        calls.append(bytes(data[:count]))
        return count

    with (tmp_path / "out").open("w", encoding="utf-8") as stdout:
        monkeypatch.setattr(sys, "stdout", stdout)
        monkeypatch.setattr(instant_completion.os, "write", full_device)
        assert instant_completion._write("senior\n") == outcome
    assert b"".join(calls) == written
    assert len(calls) <= len(takes)


def test_the_console_script_gives_up_on_a_device_that_takes_part_of_the_answer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Through the entry point, as the console script runs it: exit 1 with a line on stderr, no retry loop."""
    from ml_career import entry

    completion_index.store(location.default_data_file(), app)
    for name, value in environment("bash", ["salary", "--level"], "").items():
        monkeypatch.setenv(name, value)
    taken = iter([4])
    lines: list[bytes] = []

    def device(descriptor: int, data: bytes) -> int:
        if descriptor == 2:
            lines.append(bytes(data))
            return len(data)
        return min(next(taken, 0), len(data))

    with (tmp_path / "out").open("w", encoding="utf-8") as stdout:
        monkeypatch.setattr(sys, "stdout", stdout)
        monkeypatch.setattr(os, "write", device)
        with pytest.raises(SystemExit) as ended:
            entry.run()
    assert ended.value.code == 1
    assert lines == [b"mlcareer: the completion candidates could not all be written to stdout\n"]
