"""role, outlook, jobs, internships and sources: everything else the articles say."""

from __future__ import annotations

from datetime import date

from ml_career.dataset.loading import load_career
from ml_career.queries.freshness import freshness
from ml_career.queries.internships import internships_report
from ml_career.queries.jobs import jobs_report
from ml_career.queries.outlook import outlook_report
from ml_career.queries.role import role_report
from ml_career.queries.sources import sources_report
from tests.conftest import Invoke

TODAY = date(2026, 11, 21)


def test_role_has_both_responsibility_lists_and_both_aspect_lists() -> None:
    report = role_report(load_career())
    assert [len(listing.items) for listing in report.responsibilities] == [4, 10]
    assert report.responsibilities[0].items[0] == "Implementing Machine Learning algorithms"
    assert report.responsibilities[1].items[-1] == "Interpret data that can impact business decisions"
    assert report.best_aspects is not None and len(report.best_aspects.items) == 5
    assert report.worst_aspects is not None and report.worst_aspects.items[3].startswith("Limited access to computing")
    assert report.work_life_balance is not None and "long hours" in report.work_life_balance.text


def test_outlook_figures_with_publisher_period_and_age() -> None:
    figures = {f.id: f for f in outlook_report(load_career(), TODAY).figures}
    growth = figures["365ds-demand-growth"]
    assert (growth.shown.text, growth.period.text if growth.period else None) == ("40%", "2023 to 2027")
    assert figures["365ds-demand-growth"].publisher == "365 Data Science"
    research = figures["bls-research-jobs-growth"]
    assert (research.shown.text, research.period.text if research.period else None) == ("21%", "through 2031")
    assert figures["job-postings-growth-2015-2018"].shown.text == "344%"
    assert figures["job-postings-growth-2015-2018"].publisher is None
    ranking = figures["indeed-best-job-2022"]
    assert (ranking.shown.text, ranking.publisher, ranking.freshness.age_months, ranking.freshness.stale) == (
        "#1",
        "Indeed",
        47,
        True,
    )


def test_freshness_flags_old_figures() -> None:
    june_2022 = freshness("2022-06", TODAY)
    assert (june_2022.age_months, june_2022.stale) == (53, True)
    assert june_2022.age == "4 years 5 months old, may be out of date"
    recent = freshness("2026-01", TODAY)
    assert (recent.age_months, recent.stale, recent.age) == (10, False, "10 months old")
    undated = freshness(None, TODAY)
    assert (undated.age_months, undated.stale) == (None, False)
    assert freshness("2024-11", TODAY).stale is False
    assert freshness("2024-10", TODAY).stale is True


def test_salary_from_june_2022_is_flagged_in_late_2026(cli: Invoke) -> None:
    result = cli("salary", "--level", "average", env={"MLCAREER_TODAY": "2026-11-21", "COLUMNS": "200"})
    assert result.exit_code == 0
    assert result.stdout.count("4y 5m !") == 2
    assert "more than 24 months old today: may be out of date" in result.stdout
    document = cli("salary", "--json", env={"MLCAREER_TODAY": "2026-11-21"}).json()
    assert isinstance(document, dict)
    indeed = next(row for row in document["all_levels"] if row["publisher"] == "Indeed")
    assert indeed["freshness"] == {
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
    }


def test_a_bad_today_override_is_a_usage_error(cli: Invoke) -> None:
    result = cli("outlook", env={"MLCAREER_TODAY": "soon"})
    assert result.exit_code == 2
    assert "MLCAREER_TODAY must be a date" in result.stderr


def test_jobs_lists_industries_companies_paths_and_related() -> None:
    report = jobs_report(load_career())
    assert len(report.industries) == 8
    assert report.industries[1].name == "Finance and Banking"
    assert "fraud detection" in report.industries[1].work.casefold()
    assert len(report.employer_types) == 10
    assert report.employer_types[1].examples == ["Netflix", "Spotify", "Hulu", "Twitch"]
    assert [p.name for p in report.career_paths] == [
        "Software Engineer Or Software Developer",
        "Data Scientist",
        "Data Engineer",
    ]
    assert report.entry_roles is not None and report.entry_roles.items[0] == "Computer engineer"
    assert report.related_careers is not None and report.related_careers.items == []


def test_internships() -> None:
    rows = internships_report(load_career()).internships
    assert [r.name for r in rows] == [
        "Tech Companies",
        "Startups",
        "Research Labs",
        "Industry-specific Internships",
        "Government Agencies",
    ]
    assert rows[0].examples == ["Google", "Microsoft", "Facebook", "Amazon"]


def test_sources_name_every_publisher_and_what_cites_it() -> None:
    report = sources_report(load_career(), TODAY)
    publishers = {row.publisher: [f.id for f in row.figures] for row in report.publishers}
    assert publishers["Glassdoor"] == ["glassdoor-entry-level", "glassdoor-median", "glassdoor-senior"]
    assert publishers["Forbes"] == ["forbes-national-average"]
    assert publishers["Indeed"] == ["indeed-average-base-2022-06", "indeed-best-job-2022"]
    assert publishers["US Bureau of Labor Statistics"] == ["bls-research-median", "bls-research-jobs-growth"]
    assert publishers["365 Data Science"] == ["365ds-demand-growth"]
    assert report.publishers[-1].publisher == "publisher not named"
    articles = {a.id: (a.figures, a.publishers) for a in report.articles}
    assert articles["002_24690a93214ad022"] == (1, [])
    assert articles["000_8041139819ee8e8c"] == (9, ["365 Data Science", "Forbes", "Glassdoor"])


def test_cli_views_and_json(cli: Invoke) -> None:
    for command, expected in [
        ("role", "Benefiting from the possibility of remote work"),
        ("outlook", "2023 to 2027"),
        ("jobs", "Streaming Services"),
        ("internships", "Government Agencies"),
        ("sources", "365 Data Science"),
    ]:
        result = cli(command)
        assert result.exit_code == 0, (command, result.stderr)
        assert expected in result.stdout, command
        assert isinstance(cli(command, "--json").json(), dict)
