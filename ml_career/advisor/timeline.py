"""Your own timeline: durations you assume for the open steps, and dates from a start month.

The articles give durations for the degrees only. `--assume STEP=DURATION` fills
the others, or gives the years left of a degree (advisor/assumptions.py), and
`--start YYYY-MM` dates every step. A
duration you assume is yours (`you`); a date or total is `computed`, and says
whether it rests on one of your assumptions. A degree whose length is a range
(a master's: 1 to 2 years) makes every later date a range: earliest and latest.
"""

from collections.abc import Iterable
from typing import NamedTuple

from ml_career.provenance import Article, Computed, Kind, Mlcareer, Words, Yours

START_INPUT = "--start"


def assumed_input(step: str, typed: str) -> Yours:
    """Where a duration you assumed comes from: `--assume STEP=DURATION`."""
    return Yours(f"--assume {step}={typed}")


class Assumption(NamedTuple):
    """A duration you gave for a step: `--assume junior=2y`."""

    step: str
    typed: str
    months: int
    used: bool
    provenance: Yours  # assumed_input


class Start(NamedTuple):
    value: str  # YYYY-MM
    provenance: Yours  # START_INPUT


class Segment(NamedTuple):
    """A stretch of time on the way: a degree, the entry-level work, or time at a rung."""

    step: str
    title: Words  # the step's own words, with whose they are
    months_min: int | None
    months_max: int | None
    # The article's (with its source), yours, computed (the years left of a degree), or mlcareer's
    # (with the reason) when no one gives it.
    provenance: Article | Yours | Computed | Mlcareer


MILESTONE_FORMULA = "the start month plus the durations of the steps before it; a range where a duration is a range"
MILESTONE = Computed(MILESTONE_FORMULA)


class Milestone(NamedTuple):
    """When a step begins (the last: when the target is reached), from the start month."""

    step: str
    title: str
    after_months_min: int | None
    after_months_max: int | None
    earliest: str | None  # YYYY-MM, with --start
    latest: str | None
    rests_on: list[Kind]  # whose durations the date adds up: article, you
    provenance: Computed  # MILESTONE


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
    provenance: Computed  # the total: every segment added up


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
    used = {segment.step for segment in segments if isinstance(segment.provenance, Yours)}
    assumptions = [
        Assumption(step, typed, months, step in used, assumed_input(step, typed))
        for step, (typed, months) in assumed.items()
    ]
    offset = len(segments) - (len(milestone_steps) - 1)  # segments before the first milestone
    milestones = []
    low: int | None = 0
    high: int | None = 0
    rests: list[Kind] = []
    for index, (step, title) in enumerate(milestone_steps):
        before = segments[: offset + index]
        low = _sum(s.months_min for s in before)
        high = _sum(s.months_max for s in before)
        rests = sorted({s.provenance.kind for s in before if s.months_min is not None})
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
                provenance=MILESTONE,
            )
        )
    missing = [segment.step for segment in segments if segment.months_min is None]
    total_min = _sum(s.months_min for s in segments)
    total_max = _sum(s.months_max for s in segments)
    formula = " + ".join(
        f"{s.step} ({months_range_text(s.months_min, s.months_max)}, {s.provenance.kind})"
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
        total_rests_on=sorted({s.provenance.kind for s in segments if s.months_min is not None}),
        provenance=Computed(formula),
    )


def _sum(values: Iterable[int | None]) -> int | None:
    total = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total
