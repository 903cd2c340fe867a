"""The view of a skills gap: what a resume or posting mentions, where, and what it does not."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from ml_career.advisor.gap import GapItem, GapReport, GapTerm
from ml_career.provenance import Kind
from ml_career.render.disclosure import Disclosure
from ml_career.render.registry import view
from ml_career.render.widgets import DIM, HEADING, Citations, Column, grid, title


@view(GapReport)
def gap_view(report: GapReport, width: int) -> Disclosure:
    marks = Citations([])
    parts: list[RenderableType] = [title(f"Skills and tools mentioned in {report.file}")]
    whose = marks.yours() if report.read_as_provenance == Kind.YOU else marks.reading(report.read_as_reason)
    parts.append(Text(f"Read as: {report.read_as} {whose} ({report.read_as_reason})", style=DIM))
    parts.append(Text(report.disclaimer))
    total = len(report.mentioned) + len(report.not_mentioned)
    parts.append(Text(f"Mentioned: {len(report.mentioned)} of {total} skills and tools", style=HEADING))
    if report.mentioned:
        rows = []
        for item in report.mentioned:
            name = Text(f"{item.name} {marks.mark(item)}")
            name.append(f" {item.id}", style=DIM)
            rows.append([name, Text(item.kind), Text(places(item))])
        parts.append(grid([Column("Name", ratio=2), Column("Kind"), Column("Where", ratio=3)], rows, width))
    else:
        parts.append(Text("  none of them", style=DIM))
    missing = Text(f"Not mentioned: {len(report.not_mentioned)}", style=HEADING)
    if report.not_mentioned:
        missing.append(f" {marks.mark(report.not_mentioned[0])}", style=DIM)
    parts.append(missing)
    for kind in ("skill", "tool"):
        names = [item.name for item in report.not_mentioned if item.kind == kind]
        if names:
            line = Text(f"  {kind.capitalize()}s: ", style=HEADING)
            line.append(", ".join(names))
            parts.append(line)
    if report.unknown_heuristic is not None:
        parts.append(Text(f"Named in the posting, not in the data set: {len(report.unknown_terms)}", style=HEADING))
        for term in report.unknown_terms:
            parts.append(Text(f"  {term.term} {marks.mark(term)} ({places(term)})"))
        parts.append(Text(report.unknown_heuristic, style=DIM))
    if report.marked:
        parts.append(
            Text(
                f"Recorded as done in your progress: {len(report.marked)} items ({', '.join(report.marked)}). "
                "`mlcareer plan` now lists only what is still to learn.",
                style=HEADING,
            )
        )
    # The reasons behind the marks are the detail: --sources shows them in the full key.
    return Disclosure(parts, [], marks, marks.used())


SHOWN_PLACES = 5


def places(item: GapItem | GapTerm) -> str:
    """The first few places; a long file can mention a name on thousands of lines, and --json lists them all."""
    shown = ", ".join(item.where[:SHOWN_PLACES])
    more = len(item.where) - SHOWN_PLACES
    return f"{shown} and {more} more" if more > 0 else shown
