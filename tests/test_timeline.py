"""Your own timeline: assumed durations, dated milestones, and the plan as an iCalendar file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Invoke

TO_SENIOR = ["--target", "senior", "--assume", "experience=1y", "--assume", "junior=2y", "--assume", "engineer=3y"]


def plan_json(cli: Invoke, *args: str) -> dict[str, Any]:
    result = cli("plan", *args, "--json")
    assert result.exit_code == 0, result.stderr
    document = result.json()
    assert isinstance(document, dict)
    return document


def test_from_no_degree_to_senior_in_ten_years(cli: Invoke) -> None:
    document = plan_json(cli, *TO_SENIOR, "--start", "2027-01")
    timeline = document["timeline"]
    dates = [(m["step"], m["earliest"], m["latest"], m["rests_on"]) for m in timeline["milestones"]]
    assert dates == [
        ("bachelor", "2027-01", "2027-01", []),
        ("experience", "2031-01", "2031-01", ["article"]),
        ("junior", "2032-01", "2032-01", ["article", "you"]),
        ("engineer", "2034-01", "2034-01", ["article", "you"]),
        ("senior", "2037-01", "2037-01", ["article", "you"]),
    ]
    assert (timeline["total_months_min"], timeline["total_months_max"]) == (120, 120)
    assert timeline["missing"] == [] and timeline["provenance"] == "computed"
    assert timeline["start"] == {"value": "2027-01", "provenance": "you", "input": "--start"}
    assert [(a["step"], a["typed"], a["months"], a["provenance"], a["input"]) for a in timeline["assumptions"]] == [
        ("experience", "1y", 12, "you", "--assume experience=1y"),
        ("junior", "2y", 24, "you", "--assume junior=2y"),
        ("engineer", "3y", 36, "you", "--assume engineer=3y"),
    ]
    steps = {s["id"]: s for s in document["steps"]}
    # The bachelor's years are article 000's, whose degree it is; the step's words cite article 001.
    assert steps["bachelor"]["duration_provenance"] == {
        "provenance": "article",
        "source": "000_8041139819ee8e8c",
        "quote": None,
    }
    assert steps["junior"]["duration_provenance"] == {"provenance": "you", "input": "--assume junior=2y"}
    assert steps["senior"]["months_min"] is None  # the target: reaching it ends the plan
    assert document["years_note"] is None


def test_the_view_marks_your_assumptions_and_the_dates_resting_on_them(cli: Invoke) -> None:
    shown = cli("plan", *TO_SENIOR, "--start", "2027-01", "--sources", env={"COLUMNS": "3000"})
    assert shown.exit_code == 0
    assert "Total: 10 years [c2] [y]; tuition $40,648 [c1]" in shown.flat
    assert (
        "[c2] computed by mlcareer: total = bachelor (4 years, article) + experience (1 year, you) + "
        "junior (2 years, you) + engineer (3 years, you)"
    ) in shown.flat
    assert "Your inputs: start 2027-01 [y], experience=1y [y], junior=2y [y], engineer=3y [y]" in shown.flat
    # Every date is computed one way: that mark is on the column's header, for the whole column.
    assert "Begins [c3]" in shown.flat
    assert "1 year [y] 2031-01 (after 4 years)" in shown.flat  # rests on the article's 4 years only
    assert "the target 2037-01 [y] (after 10 years)" in shown.flat
    assert "[c3] computed by mlcareer: the start month plus the durations of the steps before it" in shown.flat
    assert "[y] yours: what you gave, chose or assumed" in shown.flat


def test_a_range_of_years_gives_dates_from_earliest_to_latest(cli: Invoke) -> None:
    document = plan_json(cli, *TO_SENIOR, "--degree", "master", "--start", "2027-01")
    last = document["timeline"]["milestones"][-1]
    assert (last["earliest"], last["latest"]) == ("2038-01", "2039-01")
    assert (document["timeline"]["total_months_min"], document["timeline"]["total_months_max"]) == (132, 144)
    shown = cli("plan", *TO_SENIOR, "--degree", "master", "--start", "2027-01", env={"COLUMNS": "3000"}).flat
    assert "Begins [c3]" in shown and "2038-01 to 2039-01 [y]" in shown


def test_open_steps_leave_the_total_unknown_and_say_which(cli: Invoke) -> None:
    document = plan_json(cli, "--target", "senior", "--assume", "junior=18m", "--start", "2027-01")
    timeline = document["timeline"]
    assert timeline["missing"] == ["experience", "engineer"]
    assert timeline["total_months_min"] is None
    assert [m["earliest"] for m in timeline["milestones"]] == ["2027-01", "2031-01", None, None, None]
    shown = cli("plan", "--target", "senior", "--assume", "junior=18m", env={"COLUMNS": "3000"}).flat
    assert (
        "Total: unknown: no duration for Gain entry-level work experience, Machine Learning Engineer "
        "(the other steps: 5 years 6 months) [c2] [y]"
    ) in shown
    assert plan_json(cli, "--target", "senior", "--assume", "junior=18m")["years_min"] is None


def test_a_working_user_assumes_the_time_at_their_rung(cli: Invoke) -> None:
    args = ["--education", "bachelor", "--level", "engineer", "--target", "lead", "--start", "2027-03"]
    document = plan_json(cli, *args, "--assume", "engineer=2y", "--assume", "senior=3y", "--assume", "director=1y")
    milestones = document["timeline"]["milestones"]
    assert [(m["step"], m["earliest"]) for m in milestones] == [("senior", "2029-03"), ("lead", "2032-03")]
    assert "Your assumption director=1y is not used: director is not a step of this plan." in document["notes"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--assume", "astronaut=2y"], "unknown step 'astronaut'"),
        (["--assume", "junior"], "expected STEP=DURATION"),
        (["--assume", "junior=soon"], "'soon' is not a duration"),
        (["--assume", "junior=-1y"], "a duration cannot be negative"),
        (["--assume", "junior=51y"], "51y is over 50 years"),
        (["--assume", "junior=700m"], "700m is over 50 years"),
        (["--assume", "junior=1y", "--assume", "Junior=2y"], "junior is assumed twice"),
        (["--start", "2027-13"], "--start '2027-13' is not a month"),
        (["--start", "January 2027"], "Valid form: --start YYYY-MM"),
        (["--start", "9999-12"], "--start '9999-12': the year is outside 1900 to 2200"),
        (["--start", "0001-01"], "Valid form: --start YYYY-MM, from 1900-01 to 2200-12"),
        (["--start", "\u0662\u0660\u0662\u0667-01"], "is not a month"),  # Arabic-Indic digits
        (["--assume", "junior=\u0662y"], "is not a duration"),
        (["--assume", "junior=\uff12y"], "is not a duration"),  # a full-width 2
    ],
)
def test_bad_timeline_input_exits_2_with_the_valid_forms(cli: Invoke, args: list[str], message: str) -> None:
    result = cli("plan", "--target", "senior", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    if "--assume" in args:
        assert "Valid form: --assume STEP=DURATION; STEP is one of experience, junior, engineer" in result.stderr
        assert "18m, 2y, 1.5y" in result.stderr


def test_durations_in_months_and_fractions_of_years(cli: Invoke) -> None:
    document = plan_json(cli, "--target", "engineer", "--assume", "experience=18m", "--assume", "junior=1.5y")
    assert [a["months"] for a in document["timeline"]["assumptions"]] == [18, 18]
    assert document["timeline"]["total_months_min"] == 84


def test_exports_show_the_dated_timeline(cli: Invoke, tmp_path: Path) -> None:
    markdown = cli("export", *TO_SENIOR, "--start", "2027-01").stdout
    assert "## Your timeline" in markdown
    assert "## Your timeline" in markdown
    assert (
        "- **senior:** Senior Machine Learning Engineer: the target; begins 2037-01 \\[y\\] (after 10 years)"
        in markdown
    )
    assert "- **Yours:** junior=2y \\[y\\]" in markdown
    page = tmp_path / "plan.html"
    assert cli("export", *TO_SENIOR, "--start", "2027-01", "-o", str(page)).exit_code == 0
    assert "the target; begins 2037-01 [y] (after 10 years)" in page.read_text(encoding="utf-8")
    picture = tmp_path / "plan.svg"
    assert cli("export", *TO_SENIOR, "--start", "2027-01", "-o", str(picture)).exit_code == 0
    assert "2037-01" in picture.read_text(encoding="utf-8")


def test_the_calendar_is_rfc_5545_and_a_parser_reads_every_milestone(cli: Invoke, tmp_path: Path) -> None:
    import icalendar

    output = tmp_path / "plan.ics"
    result = cli("export", *TO_SENIOR, "--degree", "master", "--start", "2027-01", "-o", str(output))
    assert result.exit_code == 0 and f"Wrote {output} (ics)." in result.stderr
    raw = output.read_bytes()
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # long descriptions are folded
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert [event.decoded("DTSTART") for event in events] == [
        date(2027, 1, 1),
        date(2031, 1, 1),
        date(2032, 1, 1),
        date(2033, 1, 1),
        date(2035, 1, 1),
        date(2038, 1, 1),
    ]
    assert len({str(event["UID"]) for event in events}) == len(events)
    assert all("DTSTAMP" in event for event in events)
    last = events[-1]
    assert str(last["SUMMARY"]) == "Reach: Senior Machine Learning Engineer (earliest; latest 2039-01)"
    description = str(last["DESCRIPTION"])
    assert "Computed by mlcareer" in description and "rests on durations you assumed" in description
    assert "\n" in description  # an escaped newline read back as one
    # Each milestone's title says whose words it is: the steps' article, then the ladder's.
    assert "The step's words: article 001_995d3af200f6d066." in str(events[0]["DESCRIPTION"])
    assert "The step's words: article 000_8041139819ee8e8c." in description


def test_the_calendar_to_stdout_and_its_stable_ids(script: Invoke) -> None:
    first = script("export", "--format", "ics", *TO_SENIOR, "--start", "2027-01")
    again = script("export", "--format", "ical", *TO_SENIOR, "--start", "2028-06")
    assert first.exit_code == again.exit_code == 0, first.stderr
    assert first.stdout.startswith("BEGIN:VCALENDAR")

    def uids(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.startswith("UID:")]

    assert uids(first.stdout) == uids(again.stdout)  # exporting again updates the same events


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target", "senior"], "a calendar needs dates: give --start YYYY-MM"),
        (["--target", "senior", "--start", "2027-01"], "--assume experience=DURATION --assume junior=DURATION"),
        (["--target", "senior", "--start", "2027-01"], "and experience, junior, engineer have no duration"),
        (
            ["--target", "senior", "--start", "2027-01", "--assume", "experience=1y", "--assume", "junior=1y"],
            "and engineer has no duration",
        ),
    ],
)
def test_a_calendar_without_dates_is_refused(cli: Invoke, args: list[str], message: str) -> None:
    result = cli("export", "-f", "ics", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_folding_never_splits_a_character() -> None:
    from ml_career.render.calendar import escape, fold

    line = "DESCRIPTION:" + escape("Café, naïve; déjà vu\n" * 10)
    folded = fold(line).encode("utf-8").split(b"\r\n")
    assert all(len(part) <= 75 for part in folded)
    assert b"".join(part[1:] if n else part for n, part in enumerate(folded)).decode("utf-8") == line


def test_the_calendar_is_stamped_with_the_real_time_and_a_growing_sequence(script: Invoke) -> None:
    """RFC 5546: the copy with the higher SEQUENCE (then the later DTSTAMP) replaces the other on re-import."""
    from datetime import UTC, datetime

    from ml_career.render.calendar import revision

    before = datetime.now(UTC).replace(microsecond=0)
    first = script("export", "--format", "ics", *TO_SENIOR, "--start", "2027-01")
    moved = script("export", "--format", "ics", *TO_SENIOR, "--start", "2028-06")
    after = datetime.now(UTC)
    assert first.exit_code == moved.exit_code == 0, first.stderr

    def events(text: str) -> list[dict[str, str]]:
        found = []
        for block in text.split("BEGIN:VEVENT")[1:]:
            lines = block.replace("\n ", "").splitlines()  # read as text: CRLF arrives as a newline
            found.append(dict(line.split(":", 1) for line in lines if ":" in line))
        return found

    for old, new in zip(events(first.stdout), events(moved.stdout), strict=True):
        assert old["UID"] == new["UID"] and old["DTSTART;VALUE=DATE"] != new["DTSTART;VALUE=DATE"]
        stamps = [datetime.strptime(e["DTSTAMP"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) for e in (old, new)]
        assert before <= stamps[0] <= stamps[1] <= after  # the time of the export, not midnight
        assert new["LAST-MODIFIED"] == new["DTSTAMP"]
        assert int(old["SEQUENCE"]) == revision(stamps[0]) <= int(new["SEQUENCE"]) == revision(stamps[1])


def test_the_sequence_grows_with_time_and_fits_in_32_bits() -> None:
    from datetime import UTC, datetime, timedelta

    from ml_career.render.calendar import revision

    now = datetime(2026, 12, 4, 18, 30, tzinfo=UTC)
    assert revision(now) < revision(now + timedelta(minutes=1)) < revision(now + timedelta(days=1))
    assert revision(datetime(6000, 12, 31, 23, 59, tzinfo=UTC)) < 2**31  # minutes: about 4,000 years of room


def test_a_timeline_past_the_year_9999_is_a_clear_message(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    from ml_career.advisor import assumptions

    # No start mlcareer accepts reaches that far today: loosen the bound to reach the calendar's own limit.
    monkeypatch.setattr(assumptions, "LAST_YEAR", 9999)
    args = ["--target", "senior", "--start", "9990-01", "--assume", "experience=5y"]
    args += ["--assume", "junior=5y", "--assume", "engineer=5y"]
    result = cli("export", "-f", "ics", *args)
    assert result.exit_code == 2
    assert "a calendar can hold dates up to the year 9999, and this plan runs to 10009-01" in result.stderr
    assert "Traceback" not in result.stderr
