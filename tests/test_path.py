"""`mlcareer path`: the six rungs in order and the step up from each."""

from __future__ import annotations

import pytest

from ml_career.dataset.loading import load_career
from ml_career.queries.ladder import path_report
from tests.conftest import Invoke

RUNGS = [
    "Junior Machine Learning Engineer",
    "Machine Learning Engineer",
    "Senior Machine Learning Engineer",
    "Lead Machine Learning Engineer/ML Team Lead",
    "Machine Learning Manager",
    "Director of Machine Learning/AI",
]


def test_the_ladder_has_six_rungs_in_order() -> None:
    report = path_report(load_career())
    assert [rung.title for rung in report.rungs] == RUNGS
    assert [rung.position for rung in report.rungs] == [1, 2, 3, 4, 5, 6]
    details = [rung.detail for rung in report.rungs]
    assert details[0] is not None and details[0].description.startswith("This is an entry-level position")
    assert [(f.amount, f.publisher) for f in details[0].salary.figures] == [(118000, "Glassdoor")]
    assert details[0].salary.missing is None
    assert details[3] is not None and details[3].salary.missing is not None
    assert details[3].salary.missing.text == "no figure" and details[3].salary.figures == []
    assert [(f.amount, f.all_levels) for f in report.role_pay] == [(156000, True), (125672, True), (120311, True)]


@pytest.mark.parametrize(("typed", "current", "following"), [("senior", 2, 3), ("junior", 0, 1), ("team lead", 3, 4)])
def test_a_rung_and_the_step_up(typed: str, current: int, following: int) -> None:
    report = path_report(load_career(), typed)
    assert report.current is not None and report.current.title == RUNGS[current]
    assert report.next_rung is not None and report.next_rung.title == RUNGS[following]


def test_the_top_rung_has_no_step_up() -> None:
    report = path_report(load_career(), "director")
    assert report.next_rung is None
    assert (
        report.message
        == "Director of Machine Learning/AI is the top of the ladder: the sources describe no rung above it."
    )


def test_cli_path_lists_every_rung(cli: Invoke) -> None:
    result = cli("path", "--sources")
    assert result.exit_code == 0
    positions = [result.stdout.index(f"{number}. {title}") for number, title in enumerate(RUNGS, start=1)]
    assert positions == sorted(positions)


def test_cli_path_level_shows_the_next_step(cli: Invoke) -> None:
    result = cli("path", "--level", "Senior", "--sources")
    assert result.exit_code == 0
    assert "Next step: Senior Machine Learning Engineer -> Lead Machine Learning Engineer/ML Team Lead" in result.stdout
    assert "mentor junior engineers" in result.flat


def test_cli_path_json(cli: Invoke) -> None:
    document = cli("path", "--level", "manager", "--json").json()
    assert isinstance(document, dict)
    assert document["current"]["id"] == "manager"
    assert document["next_rung"]["id"] == "director"
    assert len(document["rungs"]) == 6


def test_cli_unknown_rung_exits_2(cli: Invoke) -> None:
    result = cli("path", "--level", "directr")
    assert result.exit_code == 2
    assert "Did you mean 'director'" in result.stderr
