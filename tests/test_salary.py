"""`mlcareer salary`: every figure, its publisher and date, and the national-average multiple."""

from __future__ import annotations

import pytest

from ml_career.dataset.loading import load_career
from ml_career.errors import UsageError
from ml_career.queries.salary import salary_report
from tests.conftest import Invoke

GLASSDOOR = {"entry-level": 118000, "median": 156000, "senior": 208000}


@pytest.fixture
def career():  # type: ignore[no-untyped-def]
    return load_career()


def test_every_reported_figure_is_listed_with_its_publisher(career) -> None:  # type: ignore[no-untyped-def]
    report = salary_report(career)
    figures = {(row.level_id, row.amount, row.publisher, row.as_of) for row in report.rows}
    assert figures == {
        ("entry-level", 118000, "Glassdoor", None),
        ("senior", 208000, "Glassdoor", None),
        ("research-median", 131490, "US Bureau of Labor Statistics", None),
        ("national-average", 59428, "Forbes", None),
    }
    # The figures for the role as a whole are apart from the levels, once.
    role = [(row.level_id, row.amount, row.publisher, row.as_of) for row in report.all_levels]
    assert role == [
        ("median", 156000, "Glassdoor", None),
        ("average", 125672, "Indeed", "2022-06"),
        ("average", 120311, None, "2022-06"),
    ]


def test_multiples_are_computed_from_the_national_average(career) -> None:  # type: ignore[no-untyped-def]
    report = salary_report(career)
    rows = {row.figure_id: row for row in [*report.rows, *report.all_levels]}
    national = rows["forbes-national-average"].amount
    for figure_id, row in rows.items():
        multiple = row.multiple_of_national_average
        assert multiple is not None and multiple.value == round(row.amount / national, 2), figure_id
        assert multiple.provenance.kind == "computed"
        assert multiple.provenance.formula == "multiple = amount / the national average amount"
        assert multiple.provenance.assumptions == ("both are annual pay, in the same currency",)
    assert rows["glassdoor-senior"].multiple_of_national_average.value == 3.5  # type: ignore[union-attr]
    assert rows["glassdoor-entry-level"].multiple_of_national_average.value == 1.99  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("senior", 208000),
        ("SENIOR", 208000),
        ("Senior Machine Learning Engineer", 208000),
        ("junior", 118000),
        ("entry level", 118000),
        ("Entry-Level", 118000),
        ("median", 156000),
    ],
)
def test_rungs_levels_and_aliases_find_the_same_figure(career, typed: str, amount: int) -> None:  # type: ignore[no-untyped-def]
    report = salary_report(career, typed)
    assert report.missing is None
    amounts = [row.amount for row in report.rows if not row.is_national_average]
    assert amounts == [amount]
    assert report.rows[-1].is_national_average and report.rows[-1].amount == 59428


@pytest.mark.parametrize("rung", ["engineer", "lead", "manager", "director"])
def test_a_rung_without_its_own_figure_shows_the_figures_for_all_levels(career, rung: str) -> None:  # type: ignore[no-untyped-def]
    report = salary_report(career, rung)
    assert report.missing is not None and report.missing.text.startswith("No figure for ")
    assert report.missing.provenance.kind == "mlcareer"
    assert "the articles give none for this level" in report.missing.text
    assert "The role as a whole, all levels, is shown apart." in report.missing.text
    assert report.rows == []  # no figure in the rung's place
    shown = [(row.publisher, row.amount, row.all_levels) for row in report.all_levels]
    assert shown == [("Glassdoor", 156000, True), ("Indeed", 125672, True), (None, 120311, True)]
    # Glassdoor's Median is there by mlcareer's reading of it as the whole role's, which says why.
    median = report.all_levels[0]
    assert median.scope is not None and median.scope.provenance.kind == "mlcareer"
    assert "median of the role as a whole, not as the middle rung's figure" in median.scope.reason


def test_disagreeing_sources_are_both_shown_and_labelled(career) -> None:  # type: ignore[no-untyped-def]
    report = salary_report(career, "average")
    publishers = [(row.publisher, row.amount) for row in report.rows if not row.is_national_average]
    assert publishers == [("Indeed", 125672), (None, 120311)]
    assert [(line.text, line.provenance.kind) for line in report.disagreements] == [
        ("The articles disagree on Average base salary: Indeed: $125,672; publisher not named: $120,311.", "mlcareer")
    ]


def test_an_unknown_level_suggests_the_closest(career) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="Did you mean 'senior'"):
        salary_report(career, "snior")


def test_cli_senior_table_shows_the_figure_source_and_multiple(cli: Invoke) -> None:
    result = cli("salary", "--level", "senior")
    assert result.exit_code == 0, result.stderr
    assert "$208,000" in result.stdout
    assert "3.50x" in result.stdout
    assert "Glassdoor" in result.stdout
    assert "$59,428" in result.stdout and "Forbes" in result.stdout
    assert "$118,000" not in result.stdout


def test_cli_director_says_there_is_no_figure(cli: Invoke) -> None:
    result = cli("salary", "--level", "director", "--sources")
    assert result.exit_code == 0
    assert "No figure for Director of Machine Learning/AI: the articles give none" in result.flat
    assert "The role as a whole, all levels:" in result.stdout
    assert "$125,672" in result.stdout and "$120,311" in result.stdout
    # Glassdoor's Median, by mlcareer's reading of it as the whole role's median, labelled so.
    assert "$156,000" in result.stdout
    assert "mlcareer takes it as the median of the role as a whole" in result.flat


def test_cli_director_json_has_empty_rows_and_the_role_apart(cli: Invoke) -> None:
    document = cli("salary", "--level", "director", "--json").json()
    assert isinstance(document, dict)
    assert document["rows"] == []
    role = [(row["amount"], row["all_levels"]) for row in document["all_levels"]]
    assert role == [(156000, True), (125672, True), (120311, True)]
    assert document["national_average"]["amount"] == 59428


def test_the_ladder_shows_no_figure_for_a_rung_and_the_role_once(cli: Invoke) -> None:
    shown = cli("path", env={"COLUMNS": "3000"})
    assert shown.exit_code == 0
    # engineer, lead, manager, director: one reading, marked once
    assert shown.flat.count("no figure") == 4 and shown.flat.count("no figure [m2]") == 1
    assert shown.stdout.count("$125,672") == 1  # once, as the role's, apart from the rungs
    assert "The role as a whole, all levels: $156,000 (Glassdoor, undated) [1][m4]" in shown.flat
    assert "$125,672 (Indeed, 2022-06) [2][m5], $120,311" in shown.flat
    detailed = cli("path", "--sources", env={"COLUMNS": "3000"})
    assert detailed.flat.count("Salary: no figure [m2]") == 4
    assert detailed.stdout.count("$125,672") == 1


def test_cli_json_carries_every_field(cli: Invoke) -> None:
    result = cli("salary", "--json")
    assert result.exit_code == 0
    document = result.json()
    assert isinstance(document, dict)
    by_id = {row["figure_id"]: row for row in [*document["rows"], *document["all_levels"]]}
    assert by_id["indeed-average-base-2022-06"] == {
        "figure_id": "indeed-average-base-2022-06",
        "level_id": "average",
        "level": {
            "text": "Average base salary",
            "provenance": "mlcareer",
            "reason": (
                "mlcareer's label for the level or scope a figure is reported for; the article's words are its quote"
            ),
            "source": "001_995d3af200f6d066",
        },
        "amount": 125672,
        "currency": "USD",
        "measure": {
            "text": "Average base salary for a machine learning engineer",
            "provenance": "mlcareer",
            "reason": "mlcareer's words for what the figure measures; the article's own sentence is its quote",
            "source": "001_995d3af200f6d066",
        },
        "publisher": "Indeed",
        "as_of": "2022-06",
        "source": "001_995d3af200f6d066",
        "quote": (
            "In fact, as of June 2022, the average base salary for a Machine Learning Engineer is $125,672, "
            "according to Indeed."
        ),
        "multiple_of_national_average": {
            "value": 2.11,
            "formula": "multiple = amount / the national average amount",
            "assumptions": ["both are annual pay, in the same currency"],
            "provenance": "computed",
        },
        "is_national_average": False,
        "all_levels": True,
        "rung_match": None,
        "freshness": {
            "as_of": "2022-06",
            "age_months": 53,
            "age": "4 years 5 months old, may be out of date",
            "stale": True,
            "provenance": "computed",
            "formula": (
                "age = months from the figure's date to today; more than 24 months old may be out of date. "
                "A figure dated by its year alone is taken as from December of that year."
            ),
            "assumptions": [],
        },
        "publisher_reading": None,
        "scope": {
            "text": "all levels",
            "reason": "mlcareer's reading: the article gives this figure for the role as a whole, at no one level",
            "provenance": "mlcareer",
            "source": None,
        },
        "provenance": "article",
    }
    assert document["choice"] is None


def test_cli_unknown_level_exits_2_with_a_suggestion(cli: Invoke) -> None:
    result = cli("salary", "--level", "snior")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown level 'snior'. Did you mean 'senior'" in result.stderr
    assert "Valid levels: junior, engineer, senior" in result.stderr


def test_installed_script_answers_the_readme_command(script: Invoke) -> None:
    result = script("salary", "--level", "senior")
    assert result.exit_code == 0, result.stderr
    assert "$208,000" in result.stdout
    assert result.stderr == ""
