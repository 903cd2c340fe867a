"""`mlcareer plan`: steps, years and tuition, computed from the data."""

from __future__ import annotations

import json
import re

import pytest

from ml_career.advisor.inputs import resolve_inputs
from ml_career.advisor.plan import plan_report
from ml_career.dataset.loading import load_career
from ml_career.errors import UsageError
from tests.conftest import Invoke


def _tuition(career, residency: str, degrees: list[str]) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Tuition recomputed independently: average x years, per degree, summed."""
    years = {d.id: (d.years_min, d.years_max) for d in career.education.degrees}
    averages = {(c.degree, c.residency): c.amount for c in career.education.costs}
    low = sum(averages[(d, residency)] * years[d][0] for d in degrees)
    high = sum(averages[(d, residency)] * years[d][1] for d in degrees)
    return low, high


@pytest.mark.parametrize("residency", ["in-state", "out-of-state"])
@pytest.mark.parametrize(("degree", "earned"), [("bachelor", ["bachelor"]), ("master", ["bachelor", "master"])])
def test_tuition_totals_match_the_data(residency: str, degree: str, earned: list[str]) -> None:
    career = load_career()
    report = plan_report(career, resolve_inputs(career, None, residency, None, "senior", degree))
    assert (report.tuition_min, report.tuition_max) == _tuition(career, residency, earned)


def test_in_state_student_to_senior_with_a_master() -> None:
    career = load_career()
    report = plan_report(career, resolve_inputs(career, "none", "in-state", None, "senior", "master"))
    assert [(s.kind, s.title) for s in report.steps] == [
        ("degree", "Earn a bachelor's degree in computer science or a related field."),
        ("experience", "Gain entry-level work experience."),
        ("degree", "Earn an advanced degree."),
        ("rung", "Junior Machine Learning Engineer"),
        ("rung", "Machine Learning Engineer"),
        ("rung", "Senior Machine Learning Engineer"),
    ]
    assert (report.years_min, report.years_max) == (None, None)  # three steps have no duration: unknown, never 0
    assert report.unknown_durations == [
        "Gain entry-level work experience",
        "Junior Machine Learning Engineer",
        "Machine Learning Engineer",
    ]
    assert (report.tuition_min, report.tuition_max) == (52052, 63456)
    assert report.tuition_assumption is not None and "per-year" in report.tuition_assumption
    assert report.years_note is not None and "no duration for 3 of the steps" in report.years_note
    assert "--assume STEP=DURATION (STEP: experience, junior, engineer)" in report.years_note
    assert [(f.amount, f.publisher, f.as_of) for f in report.entry_salary.figures] == [(118000, "Glassdoor", None)]
    assert [(f.amount, f.publisher) for f in report.target_salary.figures] == [(208000, "Glassdoor")]
    match = report.entry_salary.figures[0].match
    assert match is not None and match.provenance.kind == "mlcareer"
    assert match.text == "Entry-Level, taken as the Junior Machine Learning Engineer rung"
    # The entry-level roles are mlcareer's addition under the step's words, labelled so.
    leads = report.steps[1].leads_from
    assert leads is not None and "Computer engineer, Data scientist" in leads.text
    assert leads.whose.kind == "mlcareer"


def test_a_bachelor_holder_at_a_rung_skips_what_is_done() -> None:
    career = load_career()
    report = plan_report(career, resolve_inputs(career, "bachelor", "out-of-state", "engineer", "manager", "bachelor"))
    assert [s.title for s in report.steps] == [
        "Time as Machine Learning Engineer (your rung now)",
        "Senior Machine Learning Engineer",
        "Lead Machine Learning Engineer/ML Team Lead",
        "Machine Learning Manager",
    ]
    assert report.tuition_min is None
    for salary in (report.entry_salary, report.target_salary):
        assert salary.missing is not None and salary.missing.text == "no figure"
        assert salary.figures == []  # never the role's figures in a rung's place
    assert [(f.amount, f.all_levels) for f in report.role_pay] == [(156000, True), (125672, True), (120311, True)]


def test_a_target_below_the_current_rung_is_refused() -> None:
    career = load_career()
    with pytest.raises(UsageError, match="is not above your current rung"):
        resolve_inputs(career, None, None, "senior", "junior", None)


def test_cli_without_a_terminal_uses_and_shows_the_defaults(cli: Invoke) -> None:
    result = cli("plan")
    assert result.exit_code == 0
    # mlcareer's words for a choice carry their mark; the article's rung title needs none here
    # (one reading for several inputs' words: its mark on the first of them only)
    words = re.search(r"level: not yet working in the field (\[m\d+\]) \(mlcareer's default\) \[m\d+\]", result.flat)
    assert words is not None
    assert re.search(r"education: no degree yet \(mlcareer's default\) \[m\d+\]", result.flat)
    # a residency's label is mlcareer's words for the scope of a cost: a reading of its own
    assert re.search(r"residency: State resident \[m\d+\] \(mlcareer's default\) \[m\d+\]", result.flat)
    assert result.flat.count(words.group(1)) == 1  # once: the short key gives a range, [m1-14]
    assert "target: Junior Machine Learning Engineer (mlcareer's default) [m" in result.flat


def test_cli_prompts_for_missing_inputs_in_a_terminal(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ml_career.cli.prompting.stdin_is_terminal", lambda: True)
    typed = "none\nsenor\nsenior\nnone\nnone\nmasters\nout of state\n"
    result = cli("plan", "--json", input=typed)
    assert result.exit_code == 0, result.stderr
    # CliRunner echoes typed answers to stdout, as a terminal would; the JSON follows them.
    document = json.loads(result.stdout[result.stdout.index("{") :])
    assert {i["name"]: (i["value"], i["chosen"]) for i in document["inputs"]} == {
        "level": ("none", "answered"),
        "target": ("senior", "answered"),
        "from": ("none", "answered"),
        "education": ("none", "answered"),
        "degree": ("master", "answered"),
        "residency": ("out-of-state", "answered"),
    }
    assert (document["tuition_min"], document["tuition_max"]) == (134508 + 25678, 134508 + 51356)
    assert "unknown rung 'senor'. Did you mean 'senior'?" in result.stderr


def test_cli_plan_shows_statuses_and_resources(cli: Invoke) -> None:
    assert cli("progress", "deep-learning", "done").exit_code == 0
    assert cli("progress", "kaggle", "learning").exit_code == 2  # a resource is not a skill
    result = cli("plan", "--target", "senior", "--json")
    document = result.json()
    assert isinstance(document, dict)
    skills = {s["id"]: s for s in document["skills_to_learn"]}
    assert "deep-learning" not in skills
    suggestion = skills["programming-languages"]["suggestion"]
    assert suggestion["text"] == "GitHub https://github.com/"
    assert suggestion["provenance"] == "mlcareer" and suggestion["reason"].startswith("mlcareer's suggestion")
    # 28 skills, Deep Learning counted once; the two the Lead's description asks for are not the senior's
    assert document["skills_total"] == 26


def test_plan_carries_what_the_articles_say_changes_a_plan(cli: Invoke) -> None:
    document = cli("plan", "--json").json()
    assert isinstance(document, dict)
    experience = next(step for step in document["steps"] if step["kind"] == "experience")
    assert "this tech job isn't entry-level" in experience["detail"]["text"]
    assert "requires years of experience and education" in experience["detail"]["text"]
    skills = {skill["id"] for skill in document["skills_to_learn"]}
    assert {"soft-skills", "teamwork", "communication"} <= skills


def test_the_total_is_the_whole_plans_and_unknown_is_never_zero(cli: Invoke) -> None:
    swe = cli("plan", "--education", "bachelor", "--json").json()
    assert isinstance(swe, dict)
    assert (swe["years_min"], swe["years_max"], swe["months_min"]) == (None, None, None)
    assert swe["unknown_durations"] == ["Gain entry-level work experience"]
    shown = cli("plan", "--education", "bachelor", env={"COLUMNS": "3000"}).flat
    assert "Total: unknown: no duration for Gain entry-level work experience [c1]" in shown
    assert "Total: 0" not in shown
    everything = ["--target", "senior", "--assume", "experience=1y", "--assume", "junior=2y", "--assume", "engineer=3y"]
    document = cli("plan", *everything, "--json").json()
    assert isinstance(document, dict)
    assert (document["years_min"], document["years_max"], document["months_min"]) == (10, 10, 120)
    half = cli("plan", "--target", "junior", "--assume", "experience=18m", "--json").json()
    assert isinstance(half, dict) and (half["years_min"], half["months_max"]) == (5.5, 66)


def test_the_table_adds_up_to_the_total_from_a_saved_rung(cli: Invoke) -> None:
    assert cli("progress", "--rung", "junior").exit_code == 0
    args = ["--target", "senior", "--assume", "junior=2y", "--assume", "engineer=3y"]
    document = cli("plan", *args, "--json").json()
    assert isinstance(document, dict)
    rows = [(step["title"], step["months_min"]) for step in document["steps"]]
    assert rows == [
        ("Time as Junior Machine Learning Engineer (your rung now)", 24),
        ("Machine Learning Engineer", 36),
        ("Senior Machine Learning Engineer", None),
    ]
    assert document["years_min"] == 5 == sum(months for _, months in rows if months) // 12
    shown = cli("plan", *args, env={"COLUMNS": "3000"}).flat
    assert "Total: 5 years [c1] [y]" in shown
    calendar = cli("export", "-f", "ics", "--start", "2027-01", *args).stdout
    assert "bachelor" not in calendar.casefold()  # a rung means no degree step, in the calendar too
