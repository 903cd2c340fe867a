"""Views of pay and the ladder: salary, path."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ml_career.queries.ladder import PathReport
from ml_career.queries.salary import SalaryReport
from ml_career.queries.wording import money, publisher_label
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    HEADING,
    WARNING,
    Citations,
    Column,
    age_cell,
    bar,
    bar_width,
    cited_heading,
    grid,
    paragraph,
    stale_note,
    title,
)


@view(SalaryReport)
def salary_view(report: SalaryReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = []
    heading = f"{report.career} salary"
    if report.choice is not None:
        heading += f": {report.choice.label}"
    parts.append(title(heading))
    if report.missing:
        parts.append(Text(report.missing, style=WARNING))
        parts.append(Text("The figures the sources do give:", style=DIM))
    largest = max((row.amount for row in report.rows), default=0)
    bars = bar_width(width, needed=84)
    columns = [
        Column("Level or scope", ratio=3),
        Column("Amount", justify="right", no_wrap=True),
        Column("x nat. avg", justify="right", no_wrap=True),
        Column("Publisher", ratio=2),
        Column("As of", no_wrap=True),
        Column("Age", no_wrap=True),
        Column("Src", no_wrap=True),
    ]
    if bars:
        columns.append(Column("", no_wrap=True))
    rows = []
    for row in report.rows:
        multiple = f"{row.multiple_of_national_average:.2f}x" if row.multiple_of_national_average else "-"
        style = DIM if row.is_national_average else "cyan"
        cells = [
            Text(row.level),
            Text(money(row.amount, row.currency)),
            Text(multiple),
            Text(publisher_label(row.publisher)),
            Text(row.as_of or "undated"),
            age_cell(row.freshness),
            Text(citations.cite(row.source)),
        ]
        if bars:
            cells.append(Text(bar(row.amount, largest, bars), style=style))
        rows.append(cells)
    parts.append(grid(columns, rows, width))
    measures = Text("What each figure measures:", style=DIM)
    for row in report.rows:
        measures.append(f"\n  {row.level}: {row.measure}", style=DIM)
    parts.append(measures)
    for line in report.disagreements:
        parts.append(Text(line, style=WARNING))
    if any(row.freshness.stale for row in report.rows):
        parts.append(stale_note())
    for note in report.notes:
        parts.append(Text(note))
    if report.national_average is not None:
        parts.append(Text(report.multiple_assumption, style=DIM))
    parts.append(citations.key())
    return Group(*parts)


@view(PathReport)
def path_view(report: PathReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    current = report.current.id if report.current else None
    following = report.next_rung.id if report.next_rung else None
    parts: list[RenderableType] = [title(f"{report.career} career path")]
    ladder = Text()
    for index, rung in enumerate(report.rungs):
        here = rung.id == current
        ladder.append(f" [{rung.position}] " if here else f" ({rung.position}) ", style=HEADING if here else DIM)
        ladder.append(rung.title, style=HEADING if here or rung.id == following else "")
        if here:
            ladder.append("  <- you are here", style="bold green")
        elif rung.id == following:
            ladder.append("  <- next step", style=WARNING)
        ladder.append("\n")
        if index < len(report.rungs) - 1:
            ladder.append("  |\n", style=DIM)
    parts.append(ladder)
    for rung in report.rungs:
        if rung.detail is None:
            continue
        parts.append(cited_heading(f"{rung.position}. {rung.title}", rung.detail.source, citations))
        parts.append(Padding(paragraph(rung.detail.description), (0, 0, 0, 3)))
        pay = ", ".join(rung.detail.salaries) if rung.detail.salaries else "no figure in the sources"
        parts.append(Padding(Text(f"Salary: {pay}", style=DIM), (0, 0, 0, 3)))
    if report.current is not None and report.next_rung is not None:
        step = Text("Next step: ", style=HEADING)
        step.append(f"{report.current.title} -> {report.next_rung.title}")
        parts.append(step)
    if report.message:
        parts.append(Text(report.message, style=WARNING))
    parts.append(citations.key())
    return Group(*parts)
