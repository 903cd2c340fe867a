"""Where you stand: education in progress, a rung or an entry role behind you, questions that matter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from ml_career.advisor.input_descriptions import PLAN_INPUTS, entry_role_id
from ml_career.dataset.loading import load_career
from tests.conftest import Invoke


def plan_json(cli: Invoke, *args: str) -> dict[str, Any]:
    result = cli("plan", *args, "--json")
    assert result.exit_code == 0, result.stderr
    document = result.json()
    assert isinstance(document, dict)
    return document


def _average(degree: str, residency: str = "in-state") -> int:
    """A degree's yearly average tuition, read from the data file itself."""
    costs = load_career().education.costs
    return next(cost.amount for cost in costs if cost.degree == degree and cost.residency == residency)


def test_a_third_year_student_is_charged_for_the_year_left_only(cli: Invoke) -> None:
    document = plan_json(cli, "--assume", "bachelor=1y")
    bachelor = next(step for step in document["steps"] if step["id"] == "bachelor")
    assert (bachelor["months_min"], bachelor["months_max"], bachelor["duration_provenance"]["provenance"]) == (
        12,
        12,
        "you",
    )
    assert (bachelor["cost_min"], bachelor["cost_max"]) == (_average("bachelor"), _average("bachelor"))
    assert "tuition = average x years left" in bachelor["tuition_how"]["formula"]
    assert bachelor["tuition_how"]["provenance"] == "computed"
    assert document["tuition_min"] == _average("bachelor") == 10162


def test_a_masters_student_with_a_year_and_a_half_left(cli: Invoke) -> None:
    document = plan_json(cli, "--education", "bachelor", "--degree", "master", "--assume", "master=1.5y")
    master = next(step for step in document["steps"] if step["id"] == "master")
    assert master["cost_min"] == master["cost_max"] == round(_average("master") * 1.5) == 17106


def test_progress_keeps_your_education_and_the_plan_charges_the_years_left(cli: Invoke) -> None:
    saved = cli("progress", "--education", "none", "--years-done", "3y")
    assert saved.exit_code == 0, saved.stderr
    assert saved.flat.startswith("Your education: no degree yet; 3 years done of the Bachelor's degree")
    document = plan_json(cli)
    education = next(i for i in document["inputs"] if i["name"] == "education")
    assert (education["value"], education["chosen"], education["provenance"]) == ("none", "saved", "you")
    bachelor = document["steps"][0]
    assert (bachelor["months_min"], bachelor["duration_provenance"]["provenance"]) == (12, "computed")
    assert bachelor["cost_min"] == _average("bachelor")
    assert "years left = the degree's 4 years - 3 years done" in bachelor["years_left"]
    assert "3 years done" in cli("progress").flat  # the bare list shows it too
    # Your own --assume wins over what is saved; a different --education drops the years saved for another degree.
    assert plan_json(cli, "--assume", "bachelor=2y")["steps"][0]["cost_min"] == 2 * _average("bachelor")
    assert plan_json(cli, "--education", "bachelor")["tuition_min"] is None


def test_years_done_beyond_the_degree_and_no_degree_left_are_refused(cli: Invoke) -> None:
    too_many = cli("progress", "--years-done", "5y")
    assert too_many.exit_code == 2
    assert "takes 4 years at most" in too_many.stderr and "Valid form: --years-done DURATION" in too_many.stderr
    nothing_left = cli("progress", "--education", "master", "--years-done", "1y")
    assert nothing_left.exit_code == 2 and "no degree after the one you hold" in nothing_left.stderr


def test_an_older_state_file_without_education_keeps_working(cli: Invoke, isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True)
    old = {
        "schema_version": 2,
        "careers": {"ml-engineer": {"deep-learning": "done"}},
        "rungs": {"ml-engineer": "junior"},
        "notes": {"ml-engineer": {"deep-learning": "fast.ai"}},
    }
    state.write_text(json.dumps(old), encoding="utf-8")
    assert plan_json(cli, "--target", "engineer")["steps"][0]["kind"] == "current"
    assert cli("progress", "--education", "bachelor").exit_code == 0
    kept = json.loads(state.read_text(encoding="utf-8"))
    assert {key: kept[key] for key in old} == old  # every status, rung and note as it was
    assert kept["education"] == {"ml-engineer": {"highest": "bachelor"}}


def test_a_state_file_with_a_broken_education_is_left_untouched(cli: Invoke, isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True)
    text = json.dumps({"schema_version": 2, "careers": {}, "education": {"ml-engineer": {"highest": 3}}})
    state.write_text(text, encoding="utf-8")
    result = cli("progress", "--education", "bachelor")
    assert result.exit_code != 0 and "education.ml-engineer is not an object with a 'highest' degree" in result.stderr
    assert state.read_text(encoding="utf-8") == text


def test_a_rung_means_the_entry_steps_are_behind_you(cli: Invoke) -> None:
    document = plan_json(cli, "--level", "senior", "--target", "director")
    assert [step["kind"] for step in document["steps"]] == ["current", "rung", "rung", "rung"]
    assert document["tuition_min"] is None
    assert cli("progress", "--rung", "junior").exit_code == 0
    kinds = [step["kind"] for step in plan_json(cli, "--target", "senior")["steps"]]
    assert "degree" not in kinds and "experience" not in kinds
    # A degree you ask for is still planned: the entry steps are behind you, not every degree.
    asked = plan_json(cli, "--target", "senior", "--education", "bachelor", "--degree", "master")
    assert [step["id"] for step in asked["steps"] if step["kind"] == "degree"] == ["master"]


def test_an_entry_role_counts_as_the_entry_level_experience(cli: Invoke) -> None:
    document = plan_json(cli, "--education", "bachelor", "--from", "software-engineer", "--target", "engineer")
    assert [(step["kind"], step["id"]) for step in document["steps"]] == [("rung", "junior"), ("rung", "engineer")]
    chosen = next(i for i in document["inputs"] if i["name"] == "from")
    assert (chosen["value"], chosen["label"], chosen["provenance"]) == ("software-engineer", "Software engineer", "you")


def test_the_entry_roles_come_from_the_data_file(cli: Invoke) -> None:
    roles = load_career().education.entry_roles
    assert roles is not None
    wanted = ", ".join(["none", *(entry_role_id(role) for role in roles.items)])
    result = cli("plan", "--from", "astronaut")
    assert result.exit_code == 2
    assert f"Valid roles: {wanted}" in result.stderr
    assert wanted == "none, computer-engineer, data-scientist, software-developer, software-engineer"


def _asked(cli: Invoke, monkeypatch: pytest.MonkeyPatch, typed: str, *args: str) -> tuple[list[str], dict[str, Any]]:
    monkeypatch.setattr("ml_career.cli.prompting.stdin_is_terminal", lambda: True)
    result = cli("plan", *args, "--json", input=typed)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout[result.stdout.index("{") :])
    questions = [described.question for described in PLAN_INPUTS if described.question in result.stderr]
    return questions, document


def test_only_the_questions_that_change_the_plan_are_asked(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    questions, document = _asked(cli, monkeypatch, "\n\nsoftware-engineer\nbachelor\n\n")
    assert "In-state or out-of-state student" not in questions  # no degree to earn
    assert questions == [
        "Your current rung",
        "The rung you aim for",
        "Do you work in one of the roles that lead to the job",
        "Your highest degree now",
        "The highest degree you will earn",
    ]
    assert "residency" not in [given["name"] for given in document["inputs"]]  # it changes nothing here
    working, _ = _asked(cli, monkeypatch, "\n", "--level", "senior")
    assert working == ["The rung you aim for"]  # a rung: no education, degree, role or residency to ask


def test_enter_takes_mlcareers_default_labelled_as_mlcareers(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    _, document = _asked(cli, monkeypatch, "\n\n\n\n\n\n")
    for given in document["inputs"]:
        assert (given["chosen"], given["provenance"]) == ("default", "mlcareer"), given
        assert given["reason"].startswith("mlcareer ")
    monkeypatch.setattr("ml_career.cli.prompting.stdin_is_terminal", lambda: True)
    shown = cli("plan", input="\n\n\n\n\n\n", env={"COLUMNS": "3000"})
    assert re.search(r"level: not yet working in the field \[m\d+\] \(mlcareer's default\) \[m\d+\]", shown.flat)
    assert "(answered) [y]" not in shown.flat


def test_at_the_top_rung_plan_says_so_and_every_export_works(cli: Invoke, tmp_path: Path) -> None:
    shown = cli("plan", "--level", "director", env={"COLUMNS": "3000"})
    assert shown.exit_code == 0, shown.stderr
    assert "You are at the top of the ladder: the sources describe no rung above Director of Machine Learning/AI." in (
        shown.flat
    )
    assert "Director of Machine Learning/AI: This is a senior executive role" in shown.flat
    document = plan_json(cli, "--level", "director")
    assert document["steps"] == [] and document["at_top"]["provenance"] == "article"
    assert document["at_top"]["description"].startswith("This is a senior executive role")
    for fmt in ("markdown", "html", "svg"):
        exported = cli("export", "--level", "director", "--format", fmt, "-o", str(tmp_path / f"plan.{fmt}"))
        assert exported.exit_code == 0, (fmt, exported.stderr)
    calendar = cli("export", "--level", "director", "--format", "ics", "--start", "2027-01")
    assert calendar.exit_code == 0 and "BEGIN:VEVENT" not in calendar.stdout
    assert cli("progress", "--rung", "director").exit_code == 0
    assert cli("plan").exit_code == 0 and cli("export").exit_code == 0  # the saved top rung, too


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--assume", "master=1y"], "master is not a degree this plan earns (it earns: bachelor)"),
        (["--assume", "bachelor=5y"], "the Bachelor's degree in computer science takes 4 years at most"),
        (["--education", "bachelor", "--assume", "bachelor=1y"], "it earns: none"),
        (["--assume", "junior=1y", "--assume", "Junior ML Engineer=2y"], "junior is assumed twice (junior=1y already)"),
        (["--assume", "bachelor=1y", "--assume", "bachelors=2y"], "bachelor is assumed twice"),
    ],
)
def test_bad_assumptions_exit_2_and_name_the_valid_forms(cli: Invoke, args: list[str], message: str) -> None:
    result = cli("plan", *args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert "Valid form: --assume STEP=DURATION" in result.stderr


def test_a_huge_number_is_refused_where_it_is_parsed(script: Invoke) -> None:
    result = script("plan", "--assume", "junior=" + "9" * 400 + "y")
    assert result.exit_code == 2
    assert "is over 50 years" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 2  # the number is shortened, not echoed whole
    assert script("progress", "--years-done", "9" * 400 + "y").exit_code == 2
