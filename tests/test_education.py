"""`mlcareer education`: durations, the four averages and the computed totals."""

from __future__ import annotations

from ml_career.dataset.loading import load_career
from ml_career.queries.education import education_report
from tests.conftest import Invoke


def test_the_four_averages_and_their_totals() -> None:
    report = education_report(load_career())
    totals = {(row.degree, row.residency): (row.amount, row.total_min, row.total_max) for row in report.costs}
    assert totals == {
        ("bachelor", "in-state"): (10162, 40648, 40648),
        ("bachelor", "out-of-state"): (33627, 134508, 134508),
        ("master", "in-state"): (11404, 11404, 22808),
        ("master", "out-of-state"): (25678, 25678, 51356),
    }
    assert "per-year" in report.total_assumption


def test_durations_come_from_the_source() -> None:
    degrees = {d.id: (d.years_min, d.years_max) for d in education_report(load_career()).degrees}
    assert degrees == {"bachelor": (4, 4), "master": (1, 2)}


def test_a_master_counts_the_bachelor_it_requires() -> None:
    report = education_report(load_career(), residency="out-of-state", degree="master")
    assert [(p.degrees, p.total_min, p.total_max, p.years_min, p.years_max) for p in report.pathways] == [
        (["bachelor", "master"], 134508 + 25678, 134508 + 51356, 5, 6)
    ]
    assert [(row.degree, row.residency) for row in report.costs] == [("master", "out-of-state")]


def test_cli_in_state_bachelor(cli: Invoke) -> None:
    result = cli("education", "--residency", "in-state", "--degree", "bachelor", "--sources")
    assert result.exit_code == 0
    assert "$10,162" in result.stdout and "$40,648" in result.stdout
    assert "$33,627" not in result.stdout
    assert "4 years" in result.stdout
    assert "[c1] computed by mlcareer: total = average x years of study, taking each average as a per-year figure" in (
        result.flat
    )


def test_the_lengths_cite_their_article(cli: Invoke) -> None:
    shown = cli("education", env={"COLUMNS": "80"}).stdout
    header = next(line for line in shown.splitlines() if line.startswith("Degree "))
    assert "Length [1]" in header  # "4 years" is article 000's "four years", as its averages are
    assert "[1] What is a Machine Learning Engineer and How to Become One" in shown


def test_cli_aliases_and_json(cli: Invoke) -> None:
    document = cli("education", "-r", "Out of State", "-d", "masters", "--json").json()
    assert isinstance(document, dict)
    assert document["costs"][0]["total_max"] == 51356
    assert document["pathways"][0]["label"] == "Bachelor's degree in computer science then Master's degree"


def test_cli_unknown_residency(cli: Invoke) -> None:
    result = cli("education", "--residency", "in-stte")
    assert result.exit_code == 2
    assert "Did you mean 'in-state'" in result.stderr
