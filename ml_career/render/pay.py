"""Views of pay and the ladder: salary, path."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from ml_career.queries.ladder import PathReport
from ml_career.queries.provenance import LABEL_REASON, MEASURE_REASON
from ml_career.queries.salary import RungSalary, SalaryReport
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
        citations.marked(heading, choice.rung_title_provenance or choice.level_label_provenance)
        citations.marked(heading, choice)
    answer.append(heading)
    if report.missing:
        answer.append(citations.marked(Text(report.missing.text, style=WARNING), report.missing))
    if not report.rows:
        answer.append(Text("The data set has no pay figures.", style=DIM))
    elif report.choice is not None:
        answer.extend(_salary_lines(report, citations))
    else:
        answer.append(grid(*_salary_table(report, citations, bars=width >= WIDE), width))
    # The figure first, then how mlcareer read the level asked for.
    if report.choice is not None and report.choice.match is not None:
        answer.append(citations.marked(Text(report.choice.match.text, style=DIM), report.choice.match))
    for line in report.disagreements:
        answer.append(citations.marked(Text(line.text, style=WARNING), line))
    if any(row.freshness.stale for row in report.rows):
        answer.append(stale_note())
    answered = citations.used()
    detail: list[RenderableType] = [Text(f"What each figure measures {citations.reading(MEASURE_REASON)}:", style=DIM)]
    for row in report.rows:
        measure = Text(row.measure.text, style=DIM)
        if row.rung_match is not None and report.choice is None:
            measure.append(f"; {row.rung_match.text} {citations.mark(row.rung_match)}", style=DIM)
        detail.append(hanging(Text(f"{row.level.text}: ", style=DIM), measure, align=False))
    for note in report.notes:
        detail.append(citations.marked(Text(note.text), note))
    return Disclosure(answer, detail, citations, answered)


def _salary_lines(report: SalaryReport, citations: Citations) -> list[RenderableType]:
    """The level asked for and the national average, a line each: the figure comes first."""
    lines: list[RenderableType] = []
    for row in report.rows:
        line = heading(f"{row.level.text}")
        line.append(f" {citations.mark(row.level)}", style=DIM)
        if row.all_levels:
            line.append(" (all levels)")
            if row.scope:
                line.append(f" {citations.mark(row.scope)}", style=DIM)
        line.append(": ")
        line.append(money(row.amount, row.currency), style=HEADING)
        if row.multiple_of_national_average and not row.is_national_average:
            line.append(f", {row.multiple_of_national_average.value:.2f}x the national average ")
            line.append(citations.mark(row.multiple_of_national_average), style=DIM)
        line.append(f"; {publisher_label(row.publisher)} ")
        line.append(citations.mark(row), style=DIM)
        if row.publisher_reading is not None:
            line.append(citations.mark(row.publisher_reading), style=DIM)
        line.append(", ").append_text(dated_line(row.freshness))
        line.append(f" {citations.mark(row.freshness)}", style=DIM)
        lines.append(hanging(Text(""), line, 0, align=False))
    return lines


def _salary_table(
    report: SalaryReport, citations: Citations, bars: bool
) -> tuple[list[Column], list[list[Text | Bar]]]:
    """One line a figure where it fits: the marks on the multiple's and the age's headers cover
    their whole column, and bars are drawn only where they leave the labels room."""
    largest = max((row.amount for row in report.rows), default=0)
    multiple_mark = next(
        (citations.mark(row.multiple_of_national_average) for row in report.rows if row.multiple_of_national_average),
        "",
    )
    age_mark = citations.mark(report.rows[0].freshness) if report.rows else ""
    # One reason covers every label: the mark sits on the column's header.
    label_mark = citations.reading(LABEL_REASON) if report.rows else ""
    columns = [
        Column(f"Level or scope {label_mark}".strip(), ratio=3),
        Column("Amount", justify="right", no_wrap=True),
        *([Column("", no_wrap=True)] if bars else []),
        Column(f"x avg {multiple_mark}".strip(), justify="right", no_wrap=True),
        Column("Publisher", ratio=1),
        Column(f"As of {age_mark}".strip(), no_wrap=True),
    ]
    rows: list[list[Text | Bar]] = []
    for row in report.rows:
        multiple = f"{row.multiple_of_national_average.value:.2f}x" if row.multiple_of_national_average else "-"
        level = Text(row.level.text)
        if row.all_levels:
            level.append(f" (all levels) {citations.mark(row.scope)}" if row.scope else " (all levels)", style=DIM)
        if row.rung_match is not None and report.choice is None:
            level.append(f" {citations.mark(row.rung_match)}", style=DIM)
        publisher = Text(publisher_label(row.publisher))
        if mark := citations.mark(row):
            publisher.append(f" {mark}", style=DIM)
        if row.publisher_reading is not None:
            publisher.append(citations.mark(row.publisher_reading), style=DIM)
        rows.append(
            [
                level,
                Text(money(row.amount, row.currency)),
                *([Bar(row.amount, largest, DIM if row.is_national_average else "cyan")] if bars else []),
                Text(multiple),
                publisher,
                dated_line(row.freshness),
            ]
        )
    return columns, rows


@view(PathReport)
def path_view(report: PathReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    current = report.current.id if report.current else None
    following = report.next_rung.id if report.next_rung else None
    rows: list[list[Text | Bar]] = []
    # A rung with no figure of its own: said once below the table for all such rungs.
    unpaid: dict[str, RungSalary] = {}
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
            if salary.missing is not None:
                pay.append("none, see below", style=DIM)
                unpaid.setdefault(salary.missing.text, salary)
            else:
                pay = _rung_pay(salary, citations)
        rows.append([Text(f"{rung.position}", style=HEADING if here else DIM), name, pay])
    columns = [
        Column("", justify="right", no_wrap=True),
        Column(f"Rung {shared}".strip(), ratio=3),
        Column("Pay", ratio=2),
    ]
    answer: list[RenderableType] = [title(f"{report.career} career path"), grid(columns, rows, width)]
    for salary in unpaid.values():
        answer.append(salary_line("none: ", salary, citations))
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
        pay.append(citations.cite(figure.source), style=DIM)
        if figure.match is not None:
            pay.append(citations.mark(figure.match), style=DIM)
    return pay
