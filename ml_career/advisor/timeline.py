"""Your own timeline: durations you assume for the open steps, and dates from a start month.

The articles give durations for the degrees only. `--assume STEP=DURATION` fills
the others (STEP is `experience` or a rung id: the time you expect to spend at
that rung before the next step), and `--start YYYY-MM` dates every step. A
duration you assume is yours (`you`); a date or total is `computed`, and says
whether it rests on one of your assumptions. A degree whose length is a range
(a master's: 1 to 2 years) makes every later date a range: earliest and latest.
"""

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from ml_career.dataset.names import normalise
from ml_career.errors import UsageError
from ml_career.provenance import Kind, Words

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

EXPERIENCE = "experience"
MAX_MONTHS = 50 * 12
_DURATION = re.compile(r"^(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>y|yr|yrs|years?|m|mo|mos|months?)$", re.ASCII)
_START = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$", re.ASCII)
FIRST_YEAR, LAST_YEAR = 1900, 2200
DURATION_FORMS = "DURATION is a number of years or months: 18m, 2y, 1.5y (up to 50 years)"


class Assumption(NamedTuple):
    """A duration you gave for a step: `--assume junior=2y`."""

    step: str
    typed: str
    months: int
    used: bool
    provenance: Kind = Kind.YOU


class Start(NamedTuple):
    value: str  # YYYY-MM
    provenance: Kind = Kind.YOU


class Segment(NamedTuple):
    """A stretch of time on the way: a degree, the entry-level work, or time at a rung."""

    step: str
    title: Words  # the step's own words, with whose they are
    months_min: int | None
    months_max: int | None
    provenance: Kind  # article (with its source), you, or mlcareer (with the reason) when no one gives it
    source: str | None = None
    reason: str | None = None


MILESTONE_FORMULA = "the start month plus the durations of the steps before it; a range where a duration is a range"


class Milestone(NamedTuple):
    """When a step begins (the last: when the target is reached), from the start month."""

    step: str
    title: str
    after_months_min: int | None
    after_months_max: int | None
    earliest: str | None  # YYYY-MM, with --start
    latest: str | None
    rests_on: list[Kind]  # whose durations the date adds up: article, you
    provenance: Kind = Kind.COMPUTED
    formula: str = MILESTONE_FORMULA


class Timeline(NamedTuple):
    start: Start | None
    assumptions: list[Assumption]
    segments: list[Segment]
    milestones: list[Milestone]
    total_months_min: int | None  # every segment known, else None
    total_months_max: int | None
    known_months_min: int  # the segments with a duration, added up
    known_months_max: int
    missing: list[str]  # the steps no one gives a duration for
    total_rests_on: list[Kind]
    formula: str
    provenance: Kind = Kind.COMPUTED


def valid_steps(career: "CareerData") -> list[str]:
    return [EXPERIENCE, *(rung.id for rung in career.ladder)]


def parse_assumptions(career: "CareerData", typed: list[str]) -> dict[str, tuple[str, int]]:
    """`["junior=2y", ...]` as {step: (typed duration, months)}; anything malformed exits 2 with the forms."""
    found: dict[str, tuple[str, int]] = {}
    for entry in typed:
        step_text, equals, duration = entry.partition("=")
        if not equals or not step_text.strip() or not duration.strip():
            raise _bad_assumption(career, entry, "expected STEP=DURATION")
        step = _resolve_step(career, entry, step_text)
        if step in found:
            raise _bad_assumption(career, entry, f"{step} is assumed twice")
        found[step] = (duration.strip(), parse_duration(duration, entry, career))
    return found


def parse_duration(text: str, entry: str, career: "CareerData") -> int:
    """`18m` -> 18, `1.5y` -> 18 (months, to the nearest month)."""
    cleaned = text.strip().casefold()
    if cleaned.startswith("-"):
        raise _bad_assumption(career, entry, "a duration cannot be negative")
    matched = _DURATION.match(cleaned)
    if matched is None:
        raise _bad_assumption(career, entry, f"{text.strip()!r} is not a duration")
    number = float(matched["number"])
    months = round(number * 12 if matched["unit"].startswith("y") else number)
    if months > MAX_MONTHS:
        raise _bad_assumption(career, entry, f"{text.strip()} is over 50 years")
    return months


def parse_start(typed: str | None) -> Start | None:
    if typed is None:
        return None
    matched = _START.match(typed.strip())
    valid = f"Valid form: --start YYYY-MM, from {FIRST_YEAR}-01 to {LAST_YEAR}-12, e.g. --start 2027-01"
    if matched is None or not 1 <= int(matched["month"]) <= 12:
        raise UsageError(f"--start {typed!r} is not a month.\n{valid}")
    if not FIRST_YEAR <= int(matched["year"]) <= LAST_YEAR:
        raise UsageError(f"--start {typed!r}: the year is outside {FIRST_YEAR} to {LAST_YEAR}.\n{valid}")
    return Start(typed.strip())


def _resolve_step(career: "CareerData", entry: str, typed: str) -> str:
    key = normalise(typed)
    if key == EXPERIENCE:
        return EXPERIENCE
    for rung in career.ladder:
        if key in {normalise(name) for name in (rung.id, rung.title, *rung.aliases)}:
            return rung.id
    raise _bad_assumption(career, entry, f"unknown step {typed.strip()!r}")


def _bad_assumption(career: "CareerData", entry: str, reason: str) -> UsageError:
    return UsageError(
        f"--assume {entry!r}: {reason}.\n"
        f"Valid form: --assume STEP=DURATION; STEP is one of {', '.join(valid_steps(career))}; {DURATION_FORMS}"
    )


def add_months(start: str, months: int) -> str:
    year, month = (int(part) for part in start.split("-"))
    total = year * 12 + (month - 1) + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def months_text(months: int) -> str:
    """18 -> "1 year 6 months", 24 -> "2 years", 6 -> "6 months"."""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)


def months_range_text(low: int, high: int) -> str:
    return months_text(low) if low == high else f"{months_text(low)} to {months_text(high)}"


def build_timeline(
    segments: list[Segment],
    milestone_steps: list[tuple[str, str]],
    assumed: dict[str, tuple[str, int]],
    start: Start | None,
) -> Timeline:
    """Milestones for `milestone_steps` (step, title), each after the segments before it.

    `segments` are in order; the milestone of step k falls after the segments
    that precede it, so `segments` holds one more entry than there are
    milestones before the last only when a current rung's time comes first.
    """
    used = {segment.step for segment in segments if segment.provenance == Kind.YOU}
    assumptions = [Assumption(step, typed, months, step in used) for step, (typed, months) in assumed.items()]
    offset = len(segments) - (len(milestone_steps) - 1)  # segments before the first milestone
    milestones = []
    low: int | None = 0
    high: int | None = 0
    rests: list[Kind] = []
    for index, (step, title) in enumerate(milestone_steps):
        before = segments[: offset + index]
        low = _sum(s.months_min for s in before)
        high = _sum(s.months_max for s in before)
        rests = sorted({s.provenance for s in before if s.months_min is not None})
        dated = start is not None and low is not None and high is not None
        milestones.append(
            Milestone(
                step=step,
                title=title,
                after_months_min=low,
                after_months_max=high,
                earliest=add_months(start.value, low) if dated and start and low is not None else None,
                latest=add_months(start.value, high) if dated and start and high is not None else None,
                rests_on=rests,
            )
        )
    missing = [segment.step for segment in segments if segment.months_min is None]
    total_min = _sum(s.months_min for s in segments)
    total_max = _sum(s.months_max for s in segments)
    formula = " + ".join(
        f"{s.step} ({months_range_text(s.months_min, s.months_max)}, {s.provenance})"
        if s.months_min is not None and s.months_max is not None
        else f"{s.step} (not given)"
        for s in segments
    )
    return Timeline(
        start=start,
        assumptions=assumptions,
        segments=segments,
        milestones=milestones,
        total_months_min=total_min,
        total_months_max=total_max,
        known_months_min=sum(s.months_min for s in segments if s.months_min is not None),
        known_months_max=sum(s.months_max for s in segments if s.months_max is not None),
        missing=missing,
        total_rests_on=sorted({s.provenance for s in segments if s.months_min is not None}),
        formula=formula,
    )


def _sum(values: Iterable[int | None]) -> int | None:
    total = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total
