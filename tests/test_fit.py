"""`mlcareer fit`: a reflection aid, from options, a file, prompts or a real terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ml_career.advisor.fit import DISCLAIMER, fit_report
from ml_career.dataset.loading import load_career
from tests.conftest import Invoke, run_in_terminal

ANSWERS = {
    "problem-solving": 5,
    "curiosity": 4,
    "continuous-learning": 5,
    "technical-analytical": 4,
    "perseverance": 3,
    "adaptability": 4,
    "data-cleaning": 2,
    "deadline-pressure": 3,
    "long-hours": 1,
}


def test_strengths_and_concerns_are_tied_to_the_source_text() -> None:
    report = fit_report(load_career(), ANSWERS)
    assert [s.id for s in report.strengths] == [
        "problem-solving",
        "curiosity",
        "continuous-learning",
        "technical-analytical",
        "adaptability",
    ]
    assert [c.id for c in report.concerns] == ["data-cleaning", "long-hours"]
    assert report.concerns[0].basis.text.startswith("Spending significant time cleaning and preprocessing data")
    assert report.concerns[0].answer.value == 2 and report.concerns[0].answer.provenance.kind == "you"
    assert report.concerns[0].provenance.kind == "mlcareer"  # the statement's wording
    assert report.statements.provenance.kind == "mlcareer"
    assert [n.id for n in report.neutral] == ["perseverance", "deadline-pressure"]
    assert report.average.value == round(sum(ANSWERS.values()) / 9, 2) == 3.44
    assert report.average.provenance.formula.startswith("average = the sum of your answers")
    assert report.disclaimer == DISCLAIMER and "not a validated" in DISCLAIMER
    assert report.next_steps[0].text.startswith("Read what the sources say about the hard parts")
    assert all(step.provenance.kind == "mlcareer" and step.reason for step in report.next_steps)


def test_cli_answers_as_options(cli: Invoke) -> None:
    args = [arg for key, value in ANSWERS.items() for arg in ("--answer", f"{key}={value}")]
    result = cli("fit", *args)
    assert result.exit_code == 0
    assert "not a validated" in result.stdout
    assert "Strengths (5)" in result.stdout and "Concerns (2)" in result.stdout


def test_cli_answers_from_a_file_as_json(cli: Invoke, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    document = cli("fit", "--answers", str(answers), "--json").json()
    assert isinstance(document, dict)
    assert [c["id"] for c in document["concerns"]] == ["data-cleaning", "long-hours"]
    toml = tmp_path / "answers.toml"
    toml.write_text("\n".join(f'"{k}" = {v}' for k, v in ANSWERS.items()), encoding="utf-8")
    assert cli("fit", "--answers", str(toml), "--json").json() == document


def test_cli_without_terminal_or_answers_exits_2_and_never_waits(cli: Invoke) -> None:
    result = cli("fit")
    assert result.exit_code == 2
    assert "fit needs an answer for each statement; missing: problem-solving, curiosity" in result.stderr
    partial = cli("fit", "--answer", "curiosity=4", "--json")
    assert partial.exit_code == 2
    assert partial.stdout == ""


def test_cli_bad_answers(cli: Invoke) -> None:
    assert "must be a whole number from 1 to 5" in cli("fit", "--answer", "curiosity=7").stderr
    assert "Did you mean 'curiosity'" in cli("fit", "--answer", "curiosty=4").stderr
    assert cli("fit", "--answer", "curiosity").exit_code == 2


def test_cli_prompts_when_interactive(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ml_career.cli.prompting.stdin_is_terminal", lambda: True)
    result = cli("fit", "--json", "--answer", "curiosity=4", input="5\n5\n4\n9\n3\n4\n2\n3\n1\n")
    assert result.exit_code == 0, result.stderr
    # CliRunner echoes typed answers to stdout, as a terminal would; the JSON follows them.
    document = json.loads(result.stdout[result.stdout.index("{") :])
    assert [c["id"] for c in document["concerns"]] == ["data-cleaning", "long-hours"]
    assert "must be a whole number from 1 to 5, not '9'" in result.stderr


def test_real_terminal_session() -> None:
    """The installed script in a pseudo-terminal asks, reads the answers and reports."""
    typed = b"".join(f"{value}\n".encode() for value in ANSWERS.values())
    code, shown = run_in_terminal(["fit"], {"COLUMNS": "100", "TERM": "xterm"}, typed)
    assert code == 0, shown
    assert "I enjoy working through complex problems" in shown
    assert "Concerns (2)" in shown


def test_the_average_is_computed_and_the_next_steps_are_mlcareers_advice(cli: Invoke) -> None:
    args = [arg for key, value in ANSWERS.items() for arg in ("--answer", f"{key}={value}")]
    document = cli("fit", *args, "--json").json()
    assert isinstance(document, dict)
    assert document["average"]["value"] == 3.44
    assert document["average"]["provenance"] == "computed" and document["average"]["assumptions"]
    assert {step["provenance"] for step in document["next_steps"]} == {"mlcareer"}
    assert all(step["reason"] for step in document["next_steps"])
    assert document["concerns"][0]["answer"] == {
        "value": 2,
        "provenance": "you",
        "input": "your answer from 1 to 5 (--answer, --answers or at the prompt)",
    }
    view = cli("fit", *args).stdout
    assert "Average answer: 3.44 of 5 [c1]" in view
    assert "[c1] computed by mlcareer" in view
    assert "`mlcareer plan`. [m" in view
    # The formula itself is detail, behind --sources.
    assert "[c1] computed by mlcareer: average = the sum of your answers" in cli("fit", *args, "--sources").stdout
