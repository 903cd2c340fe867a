"""Help and messages fit the terminal; a mistake gets the names it may have meant, found in bounded time."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from ml_career.dataset import names
from tests.conftest import Invoke, run_in_terminal
from tests.test_global_options import COMMANDS


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_has_no_line_over_80_columns_at_80(cli: Invoke, command: str) -> None:
    shown = cli(*([command] if command else []), "--help", env={"COLUMNS": "80"})
    assert shown.exit_code == 0
    assert [line for line in shown.stdout.splitlines() if len(line) > 80] == []


def test_help_lists_its_commands_and_points_to_the_environment(cli: Invoke) -> None:
    shown = cli("--help", env={"COLUMNS": "80"}).stdout
    assert "MLCAREER_HOME" not in shown
    assert shown.index("Commands:") < shown.index("Environment variables: mlcareer help environment")
    assert shown.splitlines()[-1] == "  Environment variables: mlcareer help environment"
    environment = cli("help", "environment", env={"COLUMNS": "80"})
    assert environment.exit_code == 0
    assert environment.stdout.splitlines()[:2] == [
        "Environment:",
        "  MLCAREER_DATA       career data file to use (as --data)",
    ]


def test_a_long_error_wraps_at_the_terminals_width() -> None:
    code, shown = run_in_terminal(["fit", "--no-input"], {"COLUMNS": "60"})
    lines = shown.replace("\r\n", "\n").strip("\n").splitlines()
    assert code == 2
    assert lines == [
        "mlcareer: fit needs an answer for each statement; missing:",
        "  problem-solving, curiosity, continuous-learning,",
        "  technical-analytical, perseverance, adaptability,",
        "  data-cleaning, deadline-pressure, long-hours",
        "  Give them as --answer ID=1..5 or --answers FILE, or run",
        "  fit in a terminal to be asked.",
    ]


def test_an_error_in_a_pipe_stays_on_one_line(script: Invoke) -> None:
    shown = script("fit", "--no-input", env={"COLUMNS": "60"})
    first = shown.stderr.splitlines()[0]
    assert first.startswith("mlcareer: fit needs an answer for each statement; missing: problem-solving,")
    assert first.endswith("deadline-pressure, long-hours")


def test_an_ambiguous_prefix_lists_its_candidates(cli: Invoke) -> None:
    shown = cli("salary", "--level", "e")
    assert shown.exit_code == 2
    assert shown.stderr == "mlcareer: level 'e' could be 'engineer' or 'entry-level': type more of it.\n"
    assert cli("salary", "--level", "en", "--json").exit_code == 2  # still both
    assert cli("salary", "--level", "ent", "--json").exit_code == 0
    command = cli("s")
    assert command.exit_code == 2
    assert "Did you mean 'salary' or 'skills' or 'sources' or 'search' or 'schema'?" in command.stderr
    assert "Did you mean 'salary'?" in cli("sa").stderr


def test_one_did_you_mean_for_every_mistake(cli: Invoke) -> None:
    assert "Did you mean 'senior'?" in cli("salary", "--level", "snior").stderr
    assert "Did you mean '--level'?" in cli("salary", "--LEVEL", "senior").stderr
    assert "Did you mean 'salary'?" in cli("salry").stderr
    assert "Did you mean 'markdown'?" in cli("export", "--format", "markdwn").stderr
    assert names.close_names("snior", ["junior", "senior"]) == ["senior"]  # junior is alike, but less so
    assert names.close_names("SALARY", ["salary", "salaries"]) == ["salary"]
    assert names.close_names("", ["salary"]) == []


def test_a_suggestion_compares_a_bounded_number_of_names(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[str] = []
    set_seq1 = difflib.SequenceMatcher.set_seq1

    def counting(self: difflib.SequenceMatcher[str], a: str) -> None:
        compared.append(a)
        set_seq1(self, a)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counting)
    vocabulary = [f"word{n:06d}" for n in range(100_000)]
    assert names.close_names("wordx00001", vocabulary) != []
    assert len(compared) <= names.MAX_COMPARED + 1  # the matcher's own first call
    compared.clear()
    assert names.close_names("zzzzzzzz", ["a" * 100_000, *vocabulary]) == []
    assert len(compared) <= names.MAX_COMPARED + 1


def test_search_with_no_match_suggests_from_the_whole_data_set(cli: Invoke) -> None:
    shown = cli("search", "tnsorflw", "--json")
    assert shown.exit_code == 1
    document = shown.json()
    assert isinstance(document, dict)
    assert document["hits"] == [] and "tensorflow" in document["suggestions"]


@pytest.mark.parametrize("width", [40, 60, 80])
def test_a_message_wraps_at_word_boundaries_within_the_width(width: int) -> None:
    from ml_career.render.messages import wrapped

    text = "fit needs an answer for each statement; missing: " + ", ".join(f"statement-{n}" for n in range(30))
    lines = wrapped(text, width, "mlcareer: ", "  ")
    assert len(lines) > 1 and all(len(line) <= width for line in lines)
    assert " ".join(" ".join(lines).split()) == f"mlcareer: {text}"  # no word broken or lost
    assert wrapped(text, None, "mlcareer: ", "  ") == [f"mlcareer: {text}"]  # a pipe: one line
    # A word longer than the line has a line of its own, without the indent that would overflow it.
    long = "/tmp/" + "a" * width + "/plan.md"
    assert wrapped(f"Wrote {long} (markdown).", width, "", "  ") == ["Wrote", long, "  (markdown)."]


def test_a_written_file_and_a_count_of_problems_are_told_at_the_terminals_width(tmp_path: Path) -> None:
    output = tmp_path / ("a-rather-long-folder-name-" * 2) / "plan.md"
    output.parent.mkdir()
    code, shown = run_in_terminal(["export", "-o", str(output)], {"COLUMNS": "40"})
    lines = shown.replace("\r\n", "\n").strip("\n").splitlines()
    assert code == 0 and output.exists()
    # The path, longer than the line, has a line of its own; every other line fits.
    assert lines == ["Wrote", str(output), "  (markdown)."]


def test_validate_s_summary_wraps_on_a_terminal_and_stays_one_line_in_a_pipe(script: Invoke) -> None:
    code, shown = run_in_terminal(["validate"], {"COLUMNS": "40"})
    lines = shown.replace("\r\n", "\n").strip("\n").splitlines()
    assert code == 0 and len(lines) > 2 and all(len(line) <= 40 for line in lines[1:])
    # Where the words wrap depends on the data file's path: read them as one run of words.
    assert lines[1].startswith("  ") and "9 self-assessment statements." in " ".join(shown.split())
    piped = script("validate", env={"COLUMNS": "40"})
    assert len(piped.stdout.splitlines()) == 1 and piped.stdout.rstrip().endswith("statements.")


@pytest.mark.parametrize("command", ["", "plan", "export", "gap"])
def test_help_at_40_columns_has_no_line_past_the_edge_and_no_word_broken(cli: Invoke, command: str) -> None:
    shown = cli(*([command] if command else []), "--help", env={"COLUMNS": "40"})
    wide = cli(*([command] if command else []), "--help", env={"COLUMNS": "1000"})
    assert shown.exit_code == 0
    assert [line for line in shown.stdout.splitlines() if len(line) > 40] == []
    # Every word of the wide help is there whole (a compound may break after its hyphen, as
    # `self-` `assessment`), and nothing is cut with "...".
    words = set(wide.stdout.split())
    rejoined = re.sub(r"(?<=\w-)\n *(?=\w)", "", shown.stdout)
    assert [word for word in rejoined.split() if word not in words] == []


@pytest.mark.parametrize("columns", ["40", "60", "80"])
def test_the_command_list_wraps_each_description_and_cuts_none(cli: Invoke, columns: str) -> None:
    shown = cli("--help", env={"COLUMNS": columns}).stdout
    listed = shown[shown.index("Commands:\n") : shown.index("\n\n", shown.index("Commands:\n"))]
    assert "..." not in listed
    assert "education Degrees: how long, what they cost, computed totals." in " ".join(listed.split())
