"""The dated plan as an iCalendar file (RFC 5545): one all-day event per milestone.

Lines end in CRLF and are folded at 75 octets; text values are escaped. Each
event's UID comes from the career and the step, so exporting again updates
the events a calendar already holds instead of adding copies.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ml_career.errors import UsageError
from ml_career.provenance import Kind

if TYPE_CHECKING:
    from ml_career.advisor.plan import PlanReport
    from ml_career.advisor.timeline import Milestone, Timeline

LINE_OCTETS = 75


def ics_document(plan: PlanReport, on: str) -> str:
    """The plan's milestones as a VCALENDAR; every milestone must be dated."""
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
    stamp = date.fromisoformat(on).strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//mlcareer//plan export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(f'{plan.career}: my plan')}",
    ]
    if timeline is not None:
        for milestone in timeline.milestones:
            lines += _event(plan.career, timeline, milestone, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event(career: str, timeline: Timeline, milestone: Milestone, stamp: str) -> list[str]:
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
        f"Computed by mlcareer: {milestone.formula}. The durations come from {resting}.",
    ]
    if Kind.YOU in milestone.rests_on:
        description.append("[yours] It rests on durations you assumed, not on the sources.")
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}-{milestone.step}@mlcareer",
        f"DTSTAMP:{stamp}",
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
