"""The view of a skills gap: what a resume or posting mentions, where, and what it does not."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from ml_career.advisor.gap import GapItem, GapReport, GapTerm, Marking, Unmarked
from ml_career.advisor.gap_against import Compared, GapComparison
from ml_career.render.disclosure import Disclosure
from ml_career.render.registry import view
from ml_career.render.widgets import DIM, HEADING, Citations, Column, grid, title


@view(GapReport)
def gap_view(report: GapReport, width: int) -> Disclosure:
    marks = Citations([])
    parts: list[RenderableType] = [title(f"Skills and tools mentioned in {report.file}")]
    whose = marks.mark(report.read_as_provenance)
    parts.append(Text(f"Read as: {report.read_as} {whose} ({report.read_as_reason})", style=DIM))
    parts.append(Text(report.disclaimer))
    total = len(report.mentioned) + len(report.not_mentioned)
    parts.append(Text(f"Mentioned: {len(report.mentioned)} of {total} skills and tools", style=HEADING))
    if report.mentioned:
        rows = []
        for item in report.mentioned:
            name = Text(f"{item.name} {marks.mark(item)}")
            name.append(f" {item.id}", style=DIM)
            for spelling in item.spellings:
                name.append(f"\nas {spelling.text} {marks.mark(spelling)}", style=DIM)
            if item.weak is not None:
                name.append(f"\na weak match {marks.reading(item.weak)}", style=DIM)
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
        # One reading found every term: its mark on the heading covers the list.
        found_by = {marks.mark(term) for term in report.unknown_terms}
        shared = found_by.pop() if len(found_by) == 1 else ""
        heading = Text(f"Named in the posting, not in the data set: {len(report.unknown_terms)}", style=HEADING)
        parts.append(heading.append(f" {shared}", style=DIM) if shared else heading)
        for term in report.unknown_terms:
            mark = "" if shared else f"{marks.mark(term)} "
            parts.append(Text(f"  {term.term} {mark}({places(term)})"))
        parts.append(Text(report.unknown_heuristic, style=DIM))
    if report.marking is not None:
        parts += marking_parts(report.marking, marks)
    # The reasons behind the marks are the detail: --sources shows them in the full key.
    return Disclosure(parts, [], marks, marks.used())


SHOWN_PLACES = 5


def places(item: GapItem | GapTerm | Unmarked) -> str:
    """The first few places; a long file can mention a name on thousands of lines, and --json lists them all."""
    return places_of(item.where)


def marking_parts(marking: Marking, marks: Citations) -> list[RenderableType]:
    """What --mark changed (or, with --dry-run, would change), what it left as you set it, and why."""
    verb = "Would mark as done (dry run: nothing is changed)" if marking.dry_run else "Marked as done in your progress"
    line = Text(f"{verb}: {len(marking.changes)}", style=HEADING)
    if marking.changes:
        line.append(f" {marks.mark(marking.changes[0])}", style=DIM)
        line.append(": " + ", ".join(change.name for change in marking.changes))
    parts: list[RenderableType] = [line]
    if marking.kept:
        kept = Text(f"Left as you set them {marks.yours()}: ", style=HEADING)
        kept.append(", ".join(f"{item.name} ({item.status})" for item in marking.kept))
        parts.append(kept)
    for item in marking.weak:
        parts.append(Text(f"Not marked: {item.name} ({places(item)}): {item.provenance.reason} {marks.mark(item)}"))
    if marking.changes and not marking.dry_run:
        parts.append(Text("`mlcareer plan` now lists only what is still to learn.", style=DIM))
    return parts


@view(GapComparison)
def comparison_view(report: GapComparison, width: int) -> Disclosure:
    marks = Citations([])
    parts: list[RenderableType] = [title(f"Gap: {report.resume_file} against {report.posting_file}")]
    parts.append(Text(report.disclaimer))
    lists = (
        ("Shown", "the posting asks, the resume or your progress has it", report.shown),
        ("Missing", "the posting asks, the resume does not show it", report.missing),
        ("Extra", "the resume has it, the posting does not ask", report.extra),
    )
    for label, meaning, items in lists:
        heading = Text(f"{label}: {len(items)}", style=HEADING)
        if items:
            heading.append(f" {marks.mark(items[0])}", style=DIM)
        heading.append(f" ({meaning})", style=DIM)
        parts.append(heading)
        if items:
            parts.append(grid(_columns(label), [_row(item, label, marks) for item in items], width))
    if report.unknown_heuristic is not None and report.unknown_terms:
        terms = Text(f"The posting also names, not in the data set: {len(report.unknown_terms)} ", style=HEADING)
        terms.append(marks.reading(report.unknown_heuristic), style=DIM)
        parts.append(terms)
        parts.append(Text("  " + ", ".join(term.term for term in report.unknown_terms)))
    if report.marking is not None:
        parts += marking_parts(report.marking, marks)
    return Disclosure(parts, [], marks, marks.used())


def _columns(label: str) -> list[Column]:
    where = [Column("In the resume", ratio=2)] if label != "Missing" else []
    asked = [Column("In the posting", ratio=2)] if label != "Extra" else []
    return [Column("Name", ratio=2), Column("Kind"), *where, *asked]


def _row(item: Compared, label: str, marks: Citations) -> list[Text]:
    name = Text(item.name)
    name.append(f" {item.id}", style=DIM)
    yours = f"your progress: {item.status} {marks.yours()}{marks.mark(item)}" if item.status else ""
    resume = Text(places_of(item.resume) or yours)
    cells = [name, Text(item.kind)]
    if label != "Missing":
        cells.append(resume)
    if label != "Extra":
        cells.append(Text(places_of(item.posting)))
    return cells


def places_of(where: list[str]) -> str:
    shown = ", ".join(where[:SHOWN_PLACES])
    more = len(where) - SHOWN_PLACES
    return f"{shown} and {more} more" if more > 0 else shown
