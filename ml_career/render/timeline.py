"""The dated timeline as rows of text, for the plan's view and every export alike."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.timeline import months_range_text
from ml_career.render.marks import mark

if TYPE_CHECKING:
    from ml_career.advisor.timeline import Milestone, Timeline


class TimelineRow(NamedTuple):
    step: str
    title: str
    spent: str  # the time spent in the step, with whose word it is
    begins: str  # the date (or the time from the start) it begins, with whose word it is


def when(milestone: Milestone) -> str:
    """`2031-01 [computed]`, `2032-01 to 2033-01 [you]`, `after 4 years [computed]`, or not known."""
    whose = mark("you") if "you" in milestone.rests_on else mark(milestone.provenance)
    low, high = milestone.after_months_min, milestone.after_months_max
    after = f"after {months_range_text(low, high)}" if low is not None and high is not None else None
    if milestone.earliest and milestone.latest:
        dates = milestone.earliest
        if milestone.latest != milestone.earliest:
            dates += f" to {milestone.latest}"
        return f"{dates} {whose} ({after})" if low else f"{dates} {whose}"
    if after is not None:
        return f"{after} {whose}"
    return "not known: a step before it has no duration"


def timeline_rows(timeline: Timeline) -> list[TimelineRow]:
    """One row per milestone, with the time spent in the step it begins; the current rung's time first."""
    offset = len(timeline.segments) - (len(timeline.milestones) - 1)
    rows = []
    if offset == 1 and timeline.segments:
        now = timeline.segments[0]
        start = f"{timeline.start.value} {mark('you')}" if timeline.start else "now"
        rows.append(TimelineRow(now.step, now.title, spent(now.months_min, now.months_max, now.provenance), start))
    for index, milestone in enumerate(timeline.milestones):
        position = offset + index
        if position < len(timeline.segments):
            segment = timeline.segments[position]
            time = spent(segment.months_min, segment.months_max, segment.provenance)
        else:
            time = "the target"
        rows.append(TimelineRow(milestone.step, milestone.title, time, when(milestone)))
    return rows


def spent(low: int | None, high: int | None, provenance: str | None) -> str:
    if low is None or high is None:
        return "not given"
    return f"{months_range_text(low, high)} {mark(provenance or 'computed')}"
