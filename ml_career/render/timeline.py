"""The dated timeline as rows of text with their marks, for the plan's view and every export alike."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.timeline import months_range_text, months_text
from ml_career.provenance import Kind, Provenance, Yours

if TYPE_CHECKING:
    from ml_career.advisor.plan import PlanTotal
    from ml_career.advisor.timeline import Milestone, Segment, Timeline
    from ml_career.render.widgets import Citations


class TimelineRow(NamedTuple):
    step: str
    title: str
    spent: str  # the time spent in the step, with the mark of whose word it is
    begins: str  # the month (or the time from the start) it begins, with its marks


def when(milestone: "Milestone", marks: "Citations") -> str:
    """`2031-01 [c1]`, `2032-01 to 2033-01 [c1] [y] (after 5 years)`, or not known."""
    # (within Citations.once the formula's mark may be left out: no double space where it was)
    whose = " ".join(filter(None, (marks.mark(milestone), marks.yours() if Kind.YOU in milestone.rests_on else "")))
    low, high = milestone.after_months_min, milestone.after_months_max
    after = f"after {months_range_text(low, high)}" if low is not None and high is not None else None
    if milestone.earliest and milestone.latest:
        dates = milestone.earliest
        if milestone.latest != milestone.earliest:
            dates += f" to {milestone.latest}"
        return " ".join(filter(None, (dates, whose, f"({after})" if low else "")))
    if after is not None:
        return f"{after} {whose}".rstrip()
    return "not known: a step before it has no duration"


def spent(segment: "Segment", marks: "Citations") -> str:
    if segment.months_min is None or segment.months_max is None:
        return f"not given {marks.mark(segment)}"
    return f"{months_range_text(segment.months_min, segment.months_max)} {marks.mark(segment)}"


def timeline_rows(timeline: "Timeline", marks: "Citations") -> list[TimelineRow]:
    """One row per milestone, with the time spent in the step it begins; the current rung's time first."""
    offset = len(timeline.segments) - (len(timeline.milestones) - 1)
    rows = []
    if offset == 1 and timeline.segments:
        now = timeline.segments[0]
        start = f"{timeline.start.value} {marks.yours()}" if timeline.start else "now"
        rows.append(TimelineRow(now.step, f"{now.title.text} {marks.mark(now.title)}", spent(now, marks), start))
    for index, milestone in enumerate(timeline.milestones):
        position = offset + index
        time = spent(timeline.segments[position], marks) if position < len(timeline.segments) else "the target"
        rows.append(TimelineRow(milestone.step, milestone.title, time, when(milestone, marks)))
    return rows


def timeline_inputs(timeline: "Timeline", marks: "Citations") -> list[str]:
    """`start 2027-01 [y]`, `junior=2y [y]`: what you gave, each marked as yours."""
    given = [f"start {timeline.start.value} {marks.yours()}"] if timeline.start else []
    return given + [f"{a.step}={a.typed} {marks.yours()}" for a in timeline.assumptions]


def total_text(total: "PlanTotal", marks: "Citations") -> str:
    """The whole plan's total, or "unknown" naming the steps that lack a duration (never a partial sum as the total)."""
    whose = f" {marks.yours()}" if Kind.YOU in total.rests_on else ""
    formula = marks.mark(total)
    if total.months_min is not None and total.months_max is not None:
        if total.months_max == 0:
            return f"nothing left before the target ({months_text(0)}) {formula}"
        return f"{months_range_text(total.months_min, total.months_max)} {formula}{whose}"
    text = f"unknown: no duration for {', '.join(total.unknown)}"
    if total.known_months_min is not None and total.known_months_max is not None:
        text += f" (the other steps: {months_range_text(total.known_months_min, total.known_months_max)})"
    return f"{text} {formula}{whose}"


def step_duration(
    months_min: int | None, months_max: int | None, provenance: "Provenance | None", marks: "Citations"
) -> str:
    """A step's time in the plan's table: yours marked [y]; the article's carries the step's citation."""
    if months_min is None or months_max is None:
        return ""
    text = months_range_text(months_min, months_max)
    return f"{text} {marks.yours()}" if isinstance(provenance, Yours) else text
