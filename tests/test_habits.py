"""What people expect of a command-line tool: a pager, prompts only at a terminal, help, useful mistakes."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, Invoke, run_in_terminal


def _pager_writing_to(path: Path) -> str:
    program = f"import sys; open({str(path)!r}, 'w', encoding='utf-8').write(sys.stdin.read())"
    return shlex.join([sys.executable, "-c", program])


def test_an_empty_pager_means_none(tmp_path: Path) -> None:
    code, shown = run_in_terminal(["jobs"], {"MLCAREER_PAGER": "", "LINES": "20"})
    assert code == 0 and "Who hires a Machine Learning Engineer" in shown


def test_long_output_in_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    code, shown = run_in_terminal(["jobs"], {"MLCAREER_PAGER": _pager_writing_to(paged), "LINES": "20"})
    assert code == 0
    assert "Who hires a Machine Learning Engineer" in paged.read_text(encoding="utf-8")
    assert "Who hires" not in shown


def test_pager_falls_back_to_PAGER_and_no_pager_turns_it_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MLCAREER_PAGER")
    paged = tmp_path / "paged.txt"
    env = {"PAGER": _pager_writing_to(paged), "LINES": "20"}
    run_in_terminal(["jobs"], env)
    assert paged.exists()
    paged.unlink()
    code, shown = run_in_terminal(["--no-pager", "jobs"], env)
    assert code == 0 and not paged.exists()
    assert "Who hires a Machine Learning Engineer" in shown


def test_short_output_and_pipes_are_never_paged(tmp_path: Path, script: Invoke) -> None:
    paged = tmp_path / "paged.txt"
    env = {"MLCAREER_PAGER": _pager_writing_to(paged), "LINES": "500"}
    run_in_terminal(["jobs"], env)
    assert not paged.exists()  # it fits the terminal
    piped = script("jobs", env={**env, "LINES": "20", "FORCE_COLOR": "1"})
    assert piped.exit_code == 0 and not paged.exists()
    assert "Who hires" in piped.stdout


@pytest.mark.parametrize(
    ("pager", "why"),
    [
        ("/nonexistent/pager", "the pager '/nonexistent/pager' cannot be started (No such file or directory)"),
        ("false", "the pager 'false' ended with status 1"),
        ('less "', "MLCAREER_PAGER='less \"' cannot be read as a command (No closing quotation)"),
    ],
)
def test_a_pager_that_cannot_show_the_view_leaves_it_printed_and_says_why(pager: str, why: str) -> None:
    code, shown = run_in_terminal(["jobs"], {"MLCAREER_PAGER": pager, "LINES": "20"})
    assert code == 0 and "Who hires a Machine Learning Engineer" in shown
    # The note wraps at the terminal's width, as every message does.
    note = shown[shown.rindex("mlcareer: ") :].split("\r\n")
    assert note[-1] == ""
    assert " ".join(" ".join(note).split()) == f"mlcareer: {why}; printed directly instead"
    assert shown.count("Who hires a Machine Learning Engineer") == 1


def test_no_input_never_prompts_in_a_terminal() -> None:
    code, shown = run_in_terminal(["--no-input", "plan"])
    assert code == 0
    assert "Your plan" in shown and "?" not in shown.split("Your plan")[0]


def test_prompts_need_both_stdin_and_stdout_to_be_terminals(monkeypatch: pytest.MonkeyPatch) -> None:
    from ml_career.cli import prompting

    class Stream:
        def __init__(self, terminal: bool) -> None:
            self.terminal = terminal

        def isatty(self) -> bool:
            return self.terminal

    monkeypatch.setattr(sys, "stdin", Stream(True))
    monkeypatch.setattr(sys, "stdout", Stream(False))
    assert prompting.prompt_if_terminal() is None  # `mlcareer plan | less`
    monkeypatch.setattr(sys, "stdout", Stream(True))
    assert prompting.prompt_if_terminal() is not None


def test_help_environment_lists_every_environment_variable_the_code_reads(cli: Invoke) -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "ml_career").rglob("*.py"))
    read = set(re.findall(r'environ(?:\.get)?\(\s*"([A-Z_]+)"', source)) | set(
        re.findall(r'_ENV_VARS? = \(?"([A-Z_]+)"', source)
    )
    read |= {"MLCAREER_DATA", "MLCAREER_HOME", "MLCAREER_CACHE_DIR", "MLCAREER_DEBUG", "MLCAREER_TODAY"}
    read |= {"NO_COLOR", "FORCE_COLOR", "MLCAREER_PAGER", "PAGER"}  # read by Rich and the pager
    # Set by the completion scripts mlcareer prints, in Typer's protocol, not by people.
    read -= {"COMP_WORDS", "COMP_CWORD", "_TYPER_COMPLETE_ARGS", "_TYPER_COMPLETE_FISH_ACTION"}
    shown = cli("help", "environment").stdout
    assert [name for name in sorted(read) if name not in shown] == []
    assert "Environment variables: mlcareer help environment" in cli("--help").stdout


def test_help_command_shows_the_same_help_as_help_options(cli: Invoke) -> None:
    assert cli("help", "salary").stdout == cli("salary", "--help").stdout
    assert cli("help").stdout == cli("--help").stdout
    unknown = cli("help", "salry")
    assert unknown.exit_code == 2 and "Did you mean 'salary'?" in unknown.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["salary", "senior"], "Got unexpected extra argument (senior). Did you mean '--level senior'?"),
        (["education", "out-of-state"], "Did you mean '--residency out-of-state'?"),
        (["SALARY"], "No such command 'SALARY'. Did you mean 'salary'?"),
        (["salary", "--LEVEL", "x"], "No such option: --LEVEL. Did you mean '--level'?"),
    ],
)
def test_usage_mistakes_get_a_suggestion(cli: Invoke, args: list[str], said: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert said in result.stderr


def test_usage_suggestions_come_from_the_error_not_its_wording() -> None:
    usage = (REPO / "ml_career" / "cli" / "usage.py").read_text(encoding="utf-8")
    assert "import re" not in usage and "re.compile" not in usage


def test_a_bad_MLCAREER_DATA_names_the_variable(cli: Invoke, tmp_path: Path) -> None:
    result = cli("salary", env={"MLCAREER_DATA": str(tmp_path / "nowhere.toml")})
    assert result.exit_code == 1
    assert "MLCAREER_DATA" in result.stderr
    assert "named by MLCAREER_DATA" not in cli("--data", str(tmp_path / "nowhere.toml"), "salary").stderr


def test_completion_prints_the_script_for_the_shell_named(cli: Invoke) -> None:
    for shell, mark in (("bash", "complete -F"), ("zsh", "#compdef mlcareer"), ("fish", "complete --command")):
        result = cli("completion", shell, env={"SHELL": "/bin/sh"})
        assert result.exit_code == 0 and mark in result.stdout
    assert cli("completion", "tcsh").exit_code == 2


def test_show_completion_prints_the_shell_named_not_the_running_one(cli: Invoke) -> None:
    result = cli("--show-completion", "bash", env={"SHELL": "/usr/bin/zsh"})
    assert result.exit_code == 0
    assert result.stdout == cli("completion", "bash").stdout
    assert "#compdef" not in result.stdout


# --- the same paths in-process, where coverage can see them --------------------------------------


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"MLCAREER_PAGER": "most -s", "PAGER": "more"}, ["most", "-s"]),
        ({"PAGER": "more"}, ["more"]),
        ({}, ["less", "-FRX"]),
        ({"MLCAREER_PAGER": "cat", "PAGER": "more"}, []),
        ({"MLCAREER_PAGER": "", "PAGER": "more"}, []),
    ],
)
def test_the_pager_command(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: list[str]) -> None:
    from ml_career.render import output

    monkeypatch.delenv("MLCAREER_PAGER", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert output.pager_command() == expected


def test_a_view_taller_than_the_terminal_is_paged(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    from ml_career.dataset.loading import load_career
    from ml_career.queries.jobs import jobs_report
    from ml_career.render import output

    stream = io.StringIO()
    paged: list[str] = []
    monkeypatch.setenv("MLCAREER_PAGER", "a-pager")
    monkeypatch.setattr(output, "console", lambda stderr=False: Console(file=stream, force_terminal=True, height=10))
    monkeypatch.setattr(output, "_stdout_is_terminal", lambda: True)
    monkeypatch.setattr(output, "_page", lambda command, text: paged.append(text) or True)
    report = jobs_report(load_career())
    output.print_view(report)
    assert stream.getvalue() == "" and "Who hires" in paged[0]
    from ml_career.run_options import RunOptions, fresh_run, use

    with fresh_run():
        use(RunOptions(no_pager=True))
        output.print_view(report)
    assert "Who hires" in stream.getvalue() and len(paged) == 1
    stream.truncate(0)
    output.print_view(report)  # the run that said --no-pager is over: the next one pages again
    assert len(paged) == 2


def test_an_unreadable_pager_setting_prints_the_view_and_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from rich.console import Console

    from ml_career.dataset.loading import load_career
    from ml_career.queries.jobs import jobs_report
    from ml_career.render import output

    stream = io.StringIO()
    monkeypatch.setenv("MLCAREER_PAGER", "less '")
    monkeypatch.setattr(output, "console", lambda stderr=False: Console(file=stream, force_terminal=True, height=10))
    monkeypatch.setattr(output, "_stdout_is_terminal", lambda: True)
    output.print_view(jobs_report(load_career()))
    assert "Who hires" in stream.getvalue()
    assert capsys.readouterr().err == (
        'mlcareer: MLCAREER_PAGER="less \'" cannot be read as a command (No closing quotation); '
        "printed directly instead\n"
    )


def test_a_pager_is_run_with_the_text_or_reported_missing(tmp_path: Path) -> None:
    from ml_career.render import output

    paged = tmp_path / "paged.txt"
    output._page(shlex.split(_pager_writing_to(paged)), "some text\n")
    assert paged.read_text(encoding="utf-8") == "some text\n"
    with pytest.raises(output.UnusablePager, match="cannot be started"):
        output._page(["/nonexistent/pager"], "text")
    with pytest.raises(output.UnusablePager, match="ended with status 1"):
        output._page(["false"], "text")


def test_stdout_that_cannot_say_is_no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from ml_career.cli import prompting
    from ml_career.render import output

    class Closed:
        def isatty(self) -> bool:
            raise ValueError("I/O operation on closed file")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert not output._stdout_is_terminal()
    assert not prompting._is_terminal(Closed())
    assert not prompting._is_terminal(None)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("mlcareer progress Dock", ["tool.docker"]),
        ("mlcareer salary --level Senior Mach", ["senior"]),
        ("mlcareer validate a", ["__mlcareer_files__"]),
        ("mlcareer help sal", ["salary"]),
        ("mlcareer completion f", ["fish"]),
    ],
)
def test_completion_in_process(cli: Invoke, words: str, expected: list[str]) -> None:
    env = {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    if words == "mlcareer salary --level Senior Mach":
        env["COMP_CWORD"] = "3"
        env["COMP_WORDS"] = "mlcareer salary --level Senior\\ Mach"
    result = cli(env=env)
    assert result.stdout.split() == expected
