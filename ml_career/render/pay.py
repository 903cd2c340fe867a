"""Views of pay and the ladder: salary, path."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ml_career.queries.ladder import PathReport
from ml_career.queries.provenance import LABEL_REASON, MEASURE_REASON
from ml_career.queries.salary import SalaryReport, SalaryRow
from ml_career.queries.wording import money, publisher_label
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    HEADING,
    WARNING,
    Bar,
    Citations,
    Column,
    dated,
    grid,
    hanging,
    indented,
    labelled,
    paragraph,
    role_pay_line,
    salary_line,
    stale_note,
    title,
)


@view(SalaryReport)
def salary_view(report: SalaryReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = []
    heading = title(f"{report.career} salary")
    if report.choice is not None:
        heading.append(f": {report.choice.label}", style=HEADING)
        citations.marked(heading, report.choice)
    parts.append(heading)
    if report.choice is not None and report.choice.match is not None:
        parts.append(citations.marked(Text(report.choice.match.text, style=DIM), report.choice.match))
    if report.missing:
        parts.append(citations.marked(Text(report.missing.text, style=WARNING), report.missing))
    national = [report.national_average] if report.national_average and not report.rows else []
    role = [*report.all_levels, *national] if report.all_levels else []
    shown = [*report.rows, *role]
    largest = max((row.amount for row in shown), default=0)
    multiple_mark = next(
        (citations.mark(row.multiple_of_national_average) for row in shown if row.multiple_of_national_average),
        "",
    )
    age_mark = citations.mark(shown[0].freshness) if shown else ""
    # One reason covers every label: the mark sits on the column's header.
    label_mark = citations.reading(LABEL_REASON) if shown else ""
    # The mark follows the publisher, and the age sits under the date: two columns fewer,
    # so the bars have room at 80 columns.
    columns = [
        Column(f"Level or scope {label_mark}".strip(), ratio=3),
        Column("Amount", justify="right", no_wrap=True),
        Column("", no_wrap=True),
        Column(f"x avg {multiple_mark}".strip(), justify="right", no_wrap=True),
        Column("Publisher", ratio=2),
        Column(f"As of, age {age_mark}".strip(), no_wrap=True),
    ]
    if report.rows:
        parts.append(grid(columns, [_salary_cells(row, largest, citations) for row in report.rows], width))
    if role:
        # The role's figures, for all levels, apart from the levels: never in a rung's place.
        parts.append(Text("The role as a whole, all levels:", style=HEADING))
        parts.append(grid(columns, [_salary_cells(row, largest, citations) for row in role], width))
    if shown:
        parts.append(Text(f"What each figure measures {citations.reading(MEASURE_REASON)}:", style=DIM))
    else:
        parts.append(Text("The data set has no pay figures.", style=DIM))
    for row in shown:
        measure = Text(row.measure.text, style=DIM)
        if row.rung_match is not None and report.choice is None:
            measure.append(f"; {row.rung_match.text} {citations.mark(row.rung_match)}", style=DIM)
        parts.append(hanging(Text(f"{row.level.text}: ", style=DIM), measure, align=False))
    for line in report.disagreements:
        parts.append(citations.marked(Text(line.text, style=WARNING), line))
    if any(row.freshness.stale for row in shown):
        parts.append(stale_note())
    for note in report.notes:
        parts.append(citations.marked(Text(note.text), note))
    parts.append(citations.key())
    return Group(*parts)


def _salary_cells(row: SalaryRow, largest: int, citations: Citations) -> list[Text | Bar]:
    multiple = f"{row.multiple_of_national_average.value:.2f}x" if row.multiple_of_national_average else "-"
    level = Text(row.level.text)
    if row.all_levels:
        level.append(f" (all levels) {citations.mark(row.scope)}" if row.scope else " (all levels)", style=DIM)
    publisher = Text(publisher_label(row.publisher))
    if mark := citations.mark(row):
        publisher.append(f" {mark}", style=DIM)
    if row.publisher_reading is not None:
        publisher.append(citations.mark(row.publisher_reading), style=DIM)
    return [
        level,
        Text(money(row.amount, row.currency)),
        Bar(row.amount, largest, DIM if row.is_national_average else "cyan"),
        Text(multiple),
        publisher,
        dated(row.freshness),
    ]


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
        parts.append(Text(f"{rung.position}. {rung.title}", style=HEADING))
        parts.append(indented(citations.marked(paragraph(rung.detail.description), rung.detail), 3))
        parts.append(indented(salary_line("Salary: ", rung.detail.salary, citations), 3))
    if (role := role_pay_line(report.role_pay, citations)) is not None:
        parts.append(role)
    if report.current is not None and report.next_rung is not None:
        parts.append(labelled("Next step: ", f"{report.current.title} -> {report.next_rung.title}"))
    if report.message:
        parts.append(Text(report.message, style=WARNING))
    parts.append(citations.key())
    return Group(*parts)
