"""Views of pay and the ladder: salary, path."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ml_career.queries.ladder import PathReport
from ml_career.queries.salary import SalaryReport
from ml_career.queries.wording import money, publisher_label
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    HEADING,
    WARNING,
    Bar,
    Citations,
    Column,
    cited_heading,
    dated,
    grid,
    hanging,
    indented,
    labelled,
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
    # The citation follows the publisher, and the age sits under the date: two columns fewer,
    # so the bars have room at 80 columns.
    columns = [
        Column("Level or scope", ratio=3),
        Column("Amount", justify="right", no_wrap=True),
        Column("", no_wrap=True),
        Column("x avg", justify="right", no_wrap=True),
        Column("Publisher", ratio=2),
        Column("As of, age", no_wrap=True),
    ]
    rows: list[list[Text | Bar]] = []
    for row in report.rows:
        multiple = f"{row.multiple_of_national_average:.2f}x" if row.multiple_of_national_average else "-"
        rows.append(
            [
                Text(row.level),
                Text(money(row.amount, row.currency)),
                Bar(row.amount, largest, DIM if row.is_national_average else "cyan"),
                Text(multiple),
                citations.after(Text(publisher_label(row.publisher)), row.source),
                dated(row.freshness),
            ]
        )
    parts.append(grid(columns, rows, width))
    parts.append(Text("What each figure measures:", style=DIM))
    for row in report.rows:
        parts.append(hanging(Text(f"{row.level}: ", style=DIM), Text(row.measure, style=DIM), align=False))
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
    for index, rung in enumerate(report.rungs):
        here = rung.id == current
        lead = Text(f"[{rung.position}] " if here else f"({rung.position}) ", style=HEADING if here else DIM)
        name = Text(rung.title, style=HEADING if here or rung.id == following else "")
        if here:
            name.append("  <- you are here", style="bold green")
        elif rung.id == following:
            name.append("  <- next step", style=WARNING)
        parts.append(hanging(lead, name, 1))
        if index < len(report.rungs) - 1:
            parts.append(Text("  |", style=DIM))
    for rung in report.rungs:
        if rung.detail is None:
            continue
        parts.append(cited_heading(f"{rung.position}. {rung.title}", rung.detail.source, citations))
        parts.append(indented(paragraph(rung.detail.description), 3))
        pay = ", ".join(rung.detail.salaries) if rung.detail.salaries else "no figure in the sources"
        parts.append(indented(Text(f"Salary: {pay}", style=DIM), 3))
    if report.current is not None and report.next_rung is not None:
        parts.append(labelled("Next step: ", f"{report.current.title} -> {report.next_rung.title}"))
    if report.message:
        parts.append(Text(report.message, style=WARNING))
    parts.append(citations.key())
    return Group(*parts)
