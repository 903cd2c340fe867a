"""Rich views of each report, for people.

Every string that comes from the data is wrapped in `Text`, and consoles are
made with markup off, so text such as "[bold]" or "Array[int]" prints as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ml_career.education import EducationReport
from ml_career.formatting import money, money_range, years_range
from ml_career.ladder import PathReport
from ml_career.resources import ResourcesReport
from ml_career.salary import SalaryReport, publisher_label
from ml_career.skills import SkillsReport

if TYPE_CHECKING:
    from ml_career.models import CareerData

NARROW = 60  # below this many columns a table becomes a list of records
DIM = "dim"
HEADING = "bold"
WARNING = "yellow"
BAR_WIDTH = 24


def bar(value: float, largest: float, width: int) -> str:
    """A horizontal bar, `width` cells for the largest value: to scale, in plain ASCII."""
    if largest <= 0 or width <= 0:
        return ""
    return "#" * max(1, round(width * value / largest))


@dataclass(frozen=True)
class Column:
    header: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False
    ratio: int | None = None


def grid(columns: list[Column], rows: list[list[Text]], width: int) -> RenderableType:
    """A table when the terminal is wide enough, otherwise one stacked record per row."""
    if width < NARROW:
        records = Text()
        for row in rows:
            first, *rest = row
            heading = first.copy()
            heading.stylize(HEADING)
            records.append_text(heading)
            records.append("\n")
            for column, cell in zip(columns[1:], rest, strict=True):
                if cell.plain:
                    records.append(f"  {column.header}: " if column.header else "  ", style=DIM)
                    records.append_text(cell)
                    records.append("\n")
        return records
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column.header, justify=column.justify, no_wrap=column.no_wrap, ratio=column.ratio)
    for row in rows:
        table.add_row(*row)
    return table


def bar_width(width: int, needed: int) -> int:
    """Cells left for bars once `needed` columns of text are laid out; 0 hides them."""
    spare = min(BAR_WIDTH, width - needed)
    return spare if spare >= 8 else 0


class Citations:
    """Numbers sources [1], [2]... in order of first use and prints the key."""

    def __init__(self, career: CareerData) -> None:
        self._titles = {source.id: source.title for source in career.sources}
        self._order: list[str] = []

    def cite(self, source: str | None) -> str:
        if source is None:
            return ""
        if source not in self._order:
            self._order.append(source)
        return f"[{self._order.index(source) + 1}]"

    def key(self) -> Text:
        lines = Text(style=DIM)
        for number, source in enumerate(self._order, start=1):
            lines.append(f"[{number}] {source}: {self._titles.get(source, '')}\n")
        return lines


def _title(text: str) -> Text:
    return Text(text, style=HEADING)


def _paragraph(text: str | None) -> Text:
    return Text(text or "")


def salary_view(report: SalaryReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    parts: list[RenderableType] = []
    heading = f"{career.career.title} salary"
    if report.choice is not None:
        heading += f": {report.choice.label}"
    parts.append(_title(heading))
    if report.missing:
        parts.append(Text(report.missing, style=WARNING))
        parts.append(Text("The figures the sources do give:", style=DIM))
    largest = max((row.amount for row in report.rows), default=0)
    bars = bar_width(width, needed=76)
    columns = [
        Column("Level or scope", ratio=3),
        Column("Amount", justify="right", no_wrap=True),
        Column("x nat. avg", justify="right", no_wrap=True),
        Column("Publisher", ratio=2),
        Column("As of", no_wrap=True),
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
            Text(citations.cite(row.source)),
        ]
        if bars:
            cells.append(Text(bar(row.amount, largest, bars), style=style))
        rows.append(cells)
    table = grid(columns, rows, width)
    parts.append(table)
    for line in report.disagreements:
        parts.append(Text(line, style=WARNING))
    if report.national_average is not None:
        parts.append(Text(report.multiple_assumption, style=DIM))
    parts.append(citations.key())
    return Group(*parts)


def path_view(report: PathReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    parts: list[RenderableType] = [_title(f"{career.career.title} career path")]
    focus = {report.current.id} if report.current else set()
    for rung in report.rungs:
        marker = ">" if rung.id in focus else " "
        heading = Text(f"{marker} {rung.position}. ", style=HEADING)
        heading.append(rung.title, style=HEADING)
        heading.append(f" {citations.cite(rung.source)}", style=DIM)
        if report.current is not None and rung.id not in focus and (
            report.next_rung is None or rung.id != report.next_rung.id
        ):
            parts.append(Text(f"  {rung.position}. {rung.title}", style=DIM))
            continue
        parts.append(heading)
        parts.append(Padding(_paragraph(rung.description), (0, 0, 0, 5)))
        pay = ", ".join(rung.salaries) if rung.salaries else "no figure in the sources"
        parts.append(Padding(Text(f"Salary: {pay}", style=DIM), (0, 0, 0, 5)))
    if report.current is not None:
        if report.next_rung is not None:
            step = Text("Next step: ", style=HEADING)
            step.append(f"{report.current.title} -> {report.next_rung.title}")
            parts.append(step)
        if report.message:
            parts.append(Text(report.message, style=WARNING))
    parts.append(citations.key())
    return Group(*parts)


def skills_view(report: SkillsReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    parts: list[RenderableType] = []
    for group in report.groups:
        has_status = any(skill.status for skill in group.skills)
        columns = [Column("Skill", ratio=2), Column("Tools and frameworks named", ratio=3)]
        if has_status:
            columns.append(Column("Status", no_wrap=True))
        rows = []
        for skill in group.skills:
            cells = [Text(skill.name), Text(", ".join(skill.tools) or "-")]
            if has_status:
                cells.append(Text(skill.status or "pending"))
            rows.append(cells)
        table = grid(columns, rows, width)
        title = Text(f"{group.title} {citations.cite(group.source)}")
        subtitle = Text(group.description or "", style=DIM) if group.description else None
        body: list[RenderableType] = [subtitle, table] if subtitle else [table]
        parts.append(Panel(Group(*body), title=title, title_align="left", box=box.ROUNDED))
    parts.append(citations.key())
    return Group(*parts)


def education_view(report: EducationReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    parts: list[RenderableType] = [_title(f"Education for a {career.career.title}")]
    if report.degree_needed:
        answer = Text("Do I need a degree? ", style=HEADING)
        answer.append(report.degree_needed["answer"])
        answer.append(f" {citations.cite(report.degree_needed['source'])}", style=DIM)
        parts.append(answer)
    if report.degrees:
        degree_rows = [
            [
                Text(degree.title),
                Text(years_range(degree.years_min, degree.years_max)),
                Text(degree.note or ""),
                Text(citations.cite(degree.source)),
            ]
            for degree in report.degrees
        ]
        columns = [Column("Degree", ratio=2), Column("Duration", no_wrap=True), Column("Note", ratio=2), Column("Src")]
        parts.append(grid(columns, degree_rows, width))
    if report.costs:
        largest = max(row.total_max for row in report.costs)
        bars = bar_width(width, needed=84)
        cost_columns = [
            Column("Degree", ratio=2),
            Column("Student", ratio=1),
            Column("Average", justify="right", no_wrap=True),
            Column("Total (computed)", justify="right", no_wrap=True),
            Column("Src", no_wrap=True),
        ]
        if bars:
            cost_columns.append(Column("", no_wrap=True))
        cost_rows = []
        for row in report.costs:
            cells = [
                Text(row.degree_title),
                Text(row.residency_label),
                Text(money(row.amount, row.currency)),
                Text(money_range(row.total_min, row.total_max, row.currency)),
                Text(citations.cite(row.source)),
            ]
            if bars:
                cells.append(Text(bar(row.total_max, largest, bars), style="cyan"))
            cost_rows.append(cells)
        parts.append(grid(cost_columns, cost_rows, width))
    for pathway in report.pathways:
        line = Text(f"{pathway.label}, {pathway.residency_label.lower()}: ", style=HEADING)
        line.append(
            f"{money_range(pathway.total_min, pathway.total_max, pathway.currency)} "
            f"over {years_range(pathway.years_min, pathway.years_max)} (computed)"
        )
        parts.append(line)
    if report.costs or report.pathways:
        parts.append(Text(report.total_assumption, style=DIM))
    if report.steps:
        steps = Text("Steps to the job:\n", style=HEADING)
        for number, step in enumerate(report.steps, start=1):
            steps.append(f"  {number}. {step['title']}\n", style="")
        parts.append(steps)
    if report.entry_roles:
        roles = Text("Entry-level roles that lead to it: ", style=HEADING)
        roles.append(", ".join(report.entry_roles))
        parts.append(roles)
    if report.online:
        online = Text("Online education? ", style=HEADING)
        online.append(report.online["text"])
        online.append(f" {citations.cite(report.online['source'])}", style=DIM)
        parts.append(online)
    parts.append(citations.key())
    return Group(*parts)


def resources_view(report: ResourcesReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    rows = [
        [Text(r.name), Text(r.offers), Text(r.url or "not given"), Text(citations.cite(r.source))]
        for r in report.resources
    ]
    columns = [Column("Resource", no_wrap=True), Column("What it offers", ratio=3), Column("Address", ratio=2), Column("Src")]
    table = grid(columns, rows, width)
    parts: list[RenderableType] = [_title(f"Where to learn: {career.career.title}"), table]
    if any(resource.url for resource in report.resources):
        parts.append(Text(report.address_note, style=DIM))
    parts.append(citations.key())
    return Group(*parts)


_VIEWS: dict[type, Callable[[Any, CareerData, int], RenderableType]] = {
    SalaryReport: salary_view,
    PathReport: path_view,
    SkillsReport: skills_view,
    EducationReport: education_view,
    ResourcesReport: resources_view,
}


def render(report: Any, career: CareerData, width: int) -> RenderableType:
    """The view for any report at `width` columns: one renderable, printed once by the caller."""
    return _VIEWS[type(report)](report, career, width)
