"""Views of pay and the ladder: salary, path."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from ml_career.queries.ladder import PathReport
from ml_career.queries.provenance import LABEL_REASON, MEASURE_REASON
from ml_career.queries.salary import RungSalary, SalaryReport, SalaryRow
from ml_career.queries.wording import money, publisher_label
from ml_career.render.disclosure import Disclosure
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    HEADING,
    WARNING,
    Bar,
    Citations,
    Column,
    dated_line,
    grid,
    hanging,
    heading,
    indented,
    labelled,
    paragraph,
    role_pay_line,
    salary_line,
    stale_note,
    title,
)

# From this width the salary table has room for bars beside labels that stay on one line.
WIDE = 100


@view(SalaryReport)
def salary_view(report: SalaryReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    answer: list[RenderableType] = []
    heading = title(f"{report.career} salary")
    if report.choice is not None:
        heading.append(f": {report.choice.label}", style=HEADING)
        choice = report.choice
        if (named := choice.rung_title_provenance or choice.level_label_provenance) is not None:
            citations.marked(heading, named)
        citations.marked(heading, choice)
    answer.append(heading)
    if report.missing:
        answer.append(citations.marked(Text(report.missing.text, style=WARNING), report.missing))
    # The role's figures, for all levels: apart from the levels, never in a level's place (the
    # report has them for a level asked for only when that level has no figure of its own).
    national = [report.national_average] if report.national_average and not report.rows else []
    role = [*report.all_levels, *national] if report.all_levels else []
    shown = [*report.rows, *role]
    if not shown:
        answer.append(Text("The data set has no pay figures.", style=DIM))
    elif report.choice is not None:
        # Lines, not a table: no header covers them, so each line carries every mark it needs.
        answer.extend(_salary_lines(report.rows, citations))
        if role:
            answer.append(Text(ROLE_HEADING, style=HEADING))
            answer.extend(_salary_lines(role, citations))
    else:
        # One table: the levels, then the role as a whole, each of its rows labelled "(all levels)".
        levels = [row for row in report.rows if not row.is_national_average]
        ordered = [*levels, *role, *(row for row in report.rows if row.is_national_average)]
        largest = max(row.amount for row in ordered)
        bars = width >= WIDE
        cells = [_salary_cells(row, largest, citations, bars) for row in ordered]
        answer.append(grid(_salary_columns(ordered, citations, bars), cells, width))
    # The figure first, then how mlcareer read the level asked for.
    if report.choice is not None and report.choice.match is not None:
        answer.append(citations.marked(Text(report.choice.match.text, style=DIM), report.choice.match))
    for line in report.disagreements:
        answer.append(citations.marked(Text(line.text, style=WARNING), line))
    if any(row.freshness.stale for row in shown):
        answer.append(stale_note())
    answered = citations.used()
    detail: list[RenderableType] = []
    if shown:
        detail.append(Text(f"What each figure measures {citations.reading(MEASURE_REASON)}:", style=DIM))
    for row in shown:
        measure = Text(row.measure.text, style=DIM)
        if row.rung_match is not None and report.choice is None:
            measure.append(f"; {row.rung_match.text} {citations.mark(row.rung_match)}", style=DIM)
        detail.append(hanging(Text(f"{row.level.text}: ", style=DIM), measure, align=False))
    for note in report.notes:
        detail.append(citations.marked(Text(note.text), note))
    return Disclosure(answer, detail, citations, answered)


ROLE_HEADING = "The role as a whole, all levels:"


def _salary_lines(rows: list[SalaryRow], citations: Citations) -> list[RenderableType]:
    """The level asked for and the national average, a line each: the figure comes first."""
    lines: list[RenderableType] = []
    for row in rows:
        line = heading(f"{row.level.text}")
        line.append(f" {citations.mark(row.level)}".rstrip(), style=DIM)
        if row.all_levels:
            line.append(" (all levels)")
            if row.scope:
                line.append(f" {citations.mark(row.scope)}".rstrip(), style=DIM)
        line.append(": ")
        line.append(money(row.amount, row.currency), style=HEADING)
        if row.multiple_of_national_average and not row.is_national_average:
            line.append(f", {row.multiple_of_national_average.value:.2f}x the national average")
            line.append(f" {citations.mark(row.multiple_of_national_average)}".rstrip(), style=DIM)
        line.append(f"; {publisher_label(row.publisher)} ")
        line.append(citations.mark(row), style=DIM)
        if row.publisher_reading is not None:
            line.append(citations.mark(row.publisher_reading), style=DIM)
        line.append(", ").append_text(dated_line(row.freshness))
        line.append(f" {citations.mark(row.freshness)}".rstrip(), style=DIM)
        lines.append(hanging(Text(""), line, 0, align=False))
    return lines


def _salary_columns(shown: list[SalaryRow], citations: Citations, bars: bool) -> list[Column]:
    """The table's columns, shared by the levels' table and the role's: the marks on the multiple's
    and the age's headers cover their whole column, and bars are drawn only where they leave the
    labels room."""
    multiple_mark = next(
        (citations.mark(row.multiple_of_national_average) for row in shown if row.multiple_of_national_average),
        "",
    )
    age_mark = citations.mark(shown[0].freshness) if shown else ""
    # One reason covers every label: the mark sits on the column's header.
    label_mark = citations.reading(LABEL_REASON) if shown else ""
    return [
        Column(f"Level or scope {label_mark}".strip(), ratio=3),
        Column("Amount", justify="right", no_wrap=True),
        *([Column("", no_wrap=True)] if bars else []),
        Column(f"x avg {multiple_mark}".strip(), justify="right", no_wrap=True),
        Column("Publisher", ratio=1),
        Column(f"As of {age_mark}".strip(), no_wrap=True),
    ]


def _salary_cells(row: SalaryRow, largest: int, citations: Citations, bars: bool) -> list[Text | Bar]:
    multiple = f"{row.multiple_of_national_average.value:.2f}x" if row.multiple_of_national_average else "-"
    level = Text(row.level.text)
    if row.all_levels:
        level.append(f" (all levels) {citations.mark(row.scope)}" if row.scope else " (all levels)", style=DIM)
    if row.rung_match is not None:
        level.append(f" {citations.mark(row.rung_match)}", style=DIM)
    publisher = Text(publisher_label(row.publisher))
    if mark := citations.mark(row):
        publisher.append(f" {mark}", style=DIM)
    if row.publisher_reading is not None:
        publisher.append(citations.mark(row.publisher_reading), style=DIM)
    return [
        level,
        Text(money(row.amount, row.currency)),
        *([Bar(row.amount, largest, DIM if row.is_national_average else "cyan")] if bars else []),
        Text(multiple),
        publisher,
        dated_line(row.freshness),
    ]


@view(PathReport)
def path_view(report: PathReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    current = report.current.id if report.current else None
    following = report.next_rung.id if report.next_rung else None
    rows: list[list[Text | Bar]] = []
    # One article describing every rung: its mark on the column's header, for the whole column.
    marks = {citations.mark(rung.detail) for rung in report.rungs if rung.detail}
    shared = marks.pop() if len(marks) == 1 else ""
    for rung in report.rungs:
        here = rung.id == current
        name = Text(rung.title, style=HEADING if here or rung.id == following else "")
        if rung.detail is not None and not shared:
            citations.marked(name, rung.detail)
        if here:
            name.append("  <- you are here", style="bold green")
        elif rung.id == following:
            name.append("  <- next step", style=WARNING)
        pay = Text()
        if rung.detail is not None:
            salary = rung.detail.salary
            if salary.missing is not None:  # "no figure", as levels.fyi leaves a blank
                pay.append(salary.missing.text, style=DIM)
                pay.append(f" {citations.mark(salary.missing)}", style=DIM)
            else:
                pay = _rung_pay(salary, citations)
        rows.append([Text(f"{rung.position}", style=HEADING if here else DIM), name, pay])
    columns = [
        Column("", justify="right", no_wrap=True),
        Column(f"Rung {shared}".strip(), ratio=3),
        Column("Pay", ratio=2),
    ]
    answer: list[RenderableType] = [title(f"{report.career} career path"), grid(columns, rows, width)]
    # The role's figures, for all levels: once, apart from the rungs.
    if (role := role_pay_line(report.role_pay, citations)) is not None:
        answer.append(role)
    if report.current is not None and report.next_rung is not None:
        answer.append(labelled("Next step: ", f"{report.current.title} -> {report.next_rung.title}"))
    if report.message:
        answer.append(Text(report.message, style=WARNING))
    answered = citations.used()
    detail: list[RenderableType] = []
    for rung in report.rungs:
        if rung.detail is None:
            continue
        detail.append(Text(f"{rung.position}. {rung.title}", style=HEADING))
        detail.append(indented(citations.marked(paragraph(rung.detail.description), rung.detail), 3))
        detail.append(indented(salary_line("Salary: ", rung.detail.salary, citations), 3))
    return Disclosure(answer, detail, citations, answered)


def _rung_pay(salary: RungSalary, citations: Citations) -> Text:
    """A rung's own figures, one a line: `$118,000 Glassdoor, undated [1][m1]`."""
    pay = Text()
    for index, figure in enumerate(salary.figures):
        pay.append("\n" if index else "")
        pay.append(f"{money(figure.amount, figure.currency)} ")
        pay.append(f"{publisher_label(figure.publisher)}, {figure.as_of or 'undated'} ", style=DIM)
        pay.append(citations.mark(figure), style=DIM)
        if figure.match is not None:
            pay.append(citations.mark(figure.match), style=DIM)
    return pay
