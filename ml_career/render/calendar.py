"""The dated plan as an iCalendar file (RFC 5545): one all-day event per milestone.

Lines end in CRLF and are folded at 75 octets; text values are escaped. Each
event's UID comes from the career and the step, so exporting again updates
the events a calendar already holds instead of adding copies.

Re-importing must replace an event whose date moved. A calendar that follows the
scheduling rules (RFC 5546, section 2.1.5) keeps the copy with the higher SEQUENCE,
and between equal SEQUENCEs the one with the later DTSTAMP. mlcareer keeps no
record of earlier exports, so it cannot count revisions; what it can do is make
every export outrank every earlier one. SEQUENCE is therefore the export time, in
whole minutes since 2000-01-01 UTC: it only grows, it needs no state, and it stays
far below the 2**31 that calendars keeping it in a 32-bit integer can hold (for
four thousand years; seconds would run out in 2068). Two exports within the same
minute share a SEQUENCE and are told apart by DTSTAMP, the real time to the
second. LAST-MODIFIED says the same for calendars that look at it instead. An
export that changes nothing still outranks the last: the calendar rewrites the
event with what it already held, which loses nothing.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from ml_career.errors import UsageError
from ml_career.provenance import Article, Kind

if TYPE_CHECKING:
    from ml_career.advisor.plan import PlanReport
    from ml_career.advisor.plan_steps import PlanStep
    from ml_career.advisor.timeline import Milestone, Timeline

LINE_OCTETS = 75
SEQUENCE_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
LAST_CALENDAR_YEAR = 9999  # the last a DATE value (and Python's date) can hold


def revision(now: datetime) -> int:
    """The SEQUENCE of an export made at `now`: whole minutes since 2000-01-01 UTC (see the module's note)."""
    return int((now - SEQUENCE_EPOCH).total_seconds()) // 60


def ics_document(plan: PlanReport, now: datetime) -> str:
    """The plan's milestones as a VCALENDAR, stamped with `now` (an aware time); every milestone must be dated."""
    timeline = plan.timeline
    if plan.at_top is not None:  # nothing to climb, so nothing to date: a calendar with no events
        timeline = None
    elif timeline is None or timeline.start is None:
        raise UsageError(
            "a calendar needs dates: give --start YYYY-MM, and --assume STEP=DURATION for the steps "
            "the sources give no duration for"
        )
    undated = [m.step for m in timeline.milestones if m.earliest is None] if timeline is not None else []
    if undated and timeline is not None:
        raise UsageError(
            f"a calendar needs every step dated, and {', '.join(timeline.missing)} "
            f"{'has' if len(timeline.missing) == 1 else 'have'} no duration.\n"
            f"Give yours: {' '.join(f'--assume {step}=DURATION' for step in timeline.missing)} "
            "(DURATION like 18m, 2y or 1.5y)"
        )
    milestones = timeline.milestones if timeline is not None else []
    too_late = [m.latest for m in milestones if m.latest and int(m.latest[:-3]) > LAST_CALENDAR_YEAR]
    if too_late:
        raise UsageError(
            f"a calendar can hold dates up to the year {LAST_CALENDAR_YEAR}, and this plan runs to {too_late[-1]}.\n"
            "Give an earlier --start or shorter --assume durations"
        )
    stamp = _stamp(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//mlcareer//plan export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(f'{plan.career}: my plan')}",
    ]
    if timeline is not None:
        steps = {step.id: step for step in plan.steps}
        for milestone in timeline.milestones:
            words = _whose_words(steps[milestone.step])
            lines += _event(plan.career, timeline, milestone, stamp, revision(now), words)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _stamp(now: datetime) -> str:
    """A DATE-TIME in UTC, as DTSTAMP and LAST-MODIFIED must be written."""
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _whose_words(step: PlanStep) -> str:
    """Whose the step's title is: an article's (by its id), or mlcareer's with the reason."""
    whose = step.provenance
    if isinstance(whose, Article):
        return f"The step's words: article {whose.source}."
    return f"The step's words are mlcareer's: {whose.reason}."


def _event(
    career: str, timeline: Timeline, milestone: Milestone, stamp: str, sequence: int, words: str = ""
) -> list[str]:
    assert milestone.earliest is not None and milestone.latest is not None
    day = date.fromisoformat(milestone.earliest + "-01")
    uid = hashlib.blake2b(f"{career}\0{milestone.step}".encode(), digest_size=10).hexdigest()
    last = milestone is timeline.milestones[-1]
    summary = f"{'Reach' if last else 'Begin'}: {milestone.title.rstrip('.')}"
    when = milestone.earliest
    if milestone.latest != milestone.earliest:
        summary += f" (earliest; latest {milestone.latest})"
        when = f"between {milestone.earliest} and {milestone.latest}"
    whose = {Kind.ARTICLE: "the source articles", Kind.YOU: "your assumptions", Kind.MLCAREER: "mlcareer"}
    resting = " and ".join(whose.get(p, p) for p in milestone.rests_on) or "the start month alone"
    description = [
        f"{summary} - {when}.",
        *([words] if words else []),
        f"Computed by mlcareer: {milestone.provenance.formula}. The durations come from {resting}.",
    ]
    if Kind.YOU in milestone.rests_on:
        description.append("[yours] It rests on durations you assumed, not on the sources.")
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}-{milestone.step}@mlcareer",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
        f"SEQUENCE:{sequence}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(chr(10).join(description))}",
        "CATEGORIES:mlcareer",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def escape(text: str) -> str:
    """A TEXT value as RFC 5545 writes it: backslash, semicolon, comma and newline escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 character; each continuation starts with a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= LINE_OCTETS:
        return line
    pieces = []
    limit = LINE_OCTETS
    current = ""
    size = 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1  # a continuation's leading space is one octet
        current += character
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def ics_export(plan: PlanReport, progress: object, on: str, now: datetime) -> str:
    """The writer formats.FORMATS names: the calendar has the plan's milestones only, stamped `now`."""
    return ics_document(plan, now)
