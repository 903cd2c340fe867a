"""Rich views of each report, for people.

Every string that comes from the data is wrapped in `Text`, and consoles are
made with markup off, so text such as "[bold]" or "Array[int]" prints as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ml_career.queries.freshness import STALE_AFTER_MONTHS
from ml_career.queries.wording import money, money_range, publisher_label, years_range

if TYPE_CHECKING:
    # Only for the type checker: each run renders one report, and importing every
    # report module here would cost every command the start-up of all of them.
    from ml_career.advisor.fit import FitReport
    from ml_career.advisor.plan import PlanReport
    from ml_career.advisor.progress import ProgressReport
    from ml_career.dataset.models import CareerData
    from ml_career.queries.education import EducationReport
    from ml_career.queries.freshness import Freshness
    from ml_career.queries.internships import InternshipsReport
    from ml_career.queries.jobs import JobsReport
    from ml_career.queries.ladder import PathReport
    from ml_career.queries.outlook import OutlookReport
    from ml_career.queries.resources import ResourcesReport
    from ml_career.queries.role import RoleReport
    from ml_career.queries.salary import SalaryReport
    from ml_career.queries.search import SearchReport
    from ml_career.queries.skills import SkillsReport
    from ml_career.queries.sources import SourcesReport

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


class Column(NamedTuple):
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


def short_age(months: int) -> str:
    years, rest = divmod(months, 12)
    return f"{years}y {rest}m" if years else f"{rest}m"


def age_cell(fresh: Freshness) -> Text:
    """`4y 5m !` for a figure that may be out of date, `unknown` for an undated one."""
    if fresh.age_months is None:
        return Text("unknown", style=DIM)
    if fresh.stale:
        return Text(f"{short_age(fresh.age_months)} !", style=WARNING)
    return Text(short_age(fresh.age_months))


def stale_note() -> Text:
    return Text(f"! more than {STALE_AFTER_MONTHS} months old today: may be out of date.", style=WARNING)


def bullets(items: list[str]) -> Text:
    text = Text()
    for item in items:
        text.append("  - ")
        text.append(item)
        text.append("\n")
    return text


def cited_heading(title: str, source: str | None, citations: Citations) -> Text:
    return citations.after(Text(title, style=HEADING), source)


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

    def after(self, text: Text, source: str | None) -> Text:
        """`text` followed by its dim citation number, `[n]`."""
        if source:
            text.append(f" {self.cite(source)}", style=DIM)
        return text

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
    table = grid(columns, rows, width)
    parts.append(table)
    for line in report.disagreements:
        parts.append(Text(line, style=WARNING))
    if any(row.freshness.stale for row in report.rows):
        parts.append(stale_note())
    if report.national_average is not None:
        parts.append(Text(report.multiple_assumption, style=DIM))
    parts.append(citations.key())
    return Group(*parts)


def path_view(report: PathReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    current = report.current.id if report.current else None
    following = report.next_rung.id if report.next_rung else None
    parts: list[RenderableType] = [_title(f"{career.career.title} career path")]
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
    shown = [rung for rung in report.rungs if current is None or rung.id in (current, following)]
    for rung in shown:
        parts.append(cited_heading(f"{rung.position}. {rung.title}", rung.source, citations))
        parts.append(Padding(_paragraph(rung.description), (0, 0, 0, 3)))
        pay = ", ".join(rung.salaries) if rung.salaries else "no figure in the sources"
        parts.append(Padding(Text(f"Salary: {pay}", style=DIM), (0, 0, 0, 3)))
    if report.current is not None and report.next_rung is not None:
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
        citations.after(answer, report.degree_needed["source"])
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
    if len(parts) == 1:
        parts.append(Text("The data set has no education information.", style=DIM))
    if report.online:
        online = Text("Online education? ", style=HEADING)
        online.append(report.online["text"])
        citations.after(online, report.online["source"])
        parts.append(online)
    parts.append(citations.key())
    return Group(*parts)


def resources_view(report: ResourcesReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    rows = [
        [Text(r.name), Text(r.offers), Text(r.url or "not given"), Text(citations.cite(r.source))]
        for r in report.resources
    ]
    columns = [
        Column("Resource", no_wrap=True),
        Column("What it offers", ratio=3),
        Column("Address", ratio=2),
        Column("Src"),
    ]
    table = grid(columns, rows, width) if rows else Text("The data set lists no resources.", style=DIM)
    parts: list[RenderableType] = [_title(f"Where to learn: {career.career.title}"), table]
    if any(resource.url for resource in report.resources):
        parts.append(Text(report.address_note, style=DIM))
    parts.append(citations.key())
    return Group(*parts)


def role_view(report: RoleReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    parts: list[RenderableType] = [_title(f"What a {report.title} is and does"), Text(report.summary)]
    for passage in report.passages:
        parts.append(cited_heading(passage.title or "", passage.source, citations))
        parts.append(Padding(_paragraph(passage.text), (0, 0, 0, 2)))
    for listing in report.responsibilities:
        parts.append(cited_heading(listing.title, listing.source, citations))
        parts.append(bullets(listing.items))
    for aspects in (report.best_aspects, report.worst_aspects):
        if aspects is not None:
            parts.append(cited_heading(aspects.title, aspects.source, citations))
            parts.append(bullets(aspects.items))
    if report.work_life_balance is not None:
        balance = report.work_life_balance
        parts.append(cited_heading(balance.title or "Work-life balance", balance.source, citations))
        parts.append(Padding(_paragraph(balance.text), (0, 0, 0, 2)))
    parts.append(citations.key())
    return Group(*parts)


def outlook_view(report: OutlookReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    parts: list[RenderableType] = [_title(f"Outlook for a {career.career.title}")]
    if report.summary:
        summary = Text(report.summary)
        citations.after(summary, report.source)
        parts.append(summary)
    columns = [
        Column("Figure", justify="right", no_wrap=True),
        Column("What it measures", ratio=3),
        Column("Period", ratio=1),
        Column("Publisher", ratio=1),
        Column("As of", no_wrap=True),
        Column("Age", no_wrap=True),
        Column("Src", no_wrap=True),
    ]
    rows = [
        [
            Text(row.shown),
            Text(row.measure),
            Text(row.period or "-"),
            Text(publisher_label(row.publisher)),
            Text(row.freshness.as_of or "undated"),
            age_cell(row.freshness),
            Text(citations.cite(row.source)),
        ]
        for row in report.figures
    ]
    if rows:
        parts.append(grid(columns, rows, width))
    if any(row.freshness.stale for row in report.figures):
        parts.append(stale_note())
    if report.drivers:
        parts.append(_title("What drives demand"))
        parts.append(bullets(report.drivers))
    for statement in report.statements:
        line = Text("- ")
        line.append(statement.text)
        citations.after(line, statement.source)
        parts.append(line)
    if not rows and not report.statements and not report.summary:
        parts.append(Text("The data set has no outlook figures.", style=DIM))
    parts.append(citations.key())
    return Group(*parts)


def jobs_view(report: JobsReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    parts: list[RenderableType] = [_title(f"Who hires a {career.career.title}")]
    if report.industries:
        rows = [[Text(i.name), Text(i.work), Text(citations.cite(i.source))] for i in report.industries]
        parts.append(Text("Industries", style=HEADING))
        parts.append(grid([Column("Industry", ratio=1), Column("The work", ratio=3), Column("Src")], rows, width))
    if report.employer_types:
        rows = [
            [Text(e.name), Text(e.work), Text(", ".join(e.examples) or "-"), Text(citations.cite(e.source))]
            for e in report.employer_types
        ]
        columns = [
            Column("Type of company", ratio=2),
            Column("The work", ratio=4),
            Column("Examples", ratio=2),
            Column("Src"),
        ]
        parts.append(Text("Companies that hire", style=HEADING))
        parts.append(grid(columns, rows, width))
    if report.career_paths:
        parts.append(Text("Career paths after graduating", style=HEADING))
        for path in report.career_paths:
            line = Text(f"  {path.name}: ", style=HEADING)
            line.append(path.description)
            citations.after(line, path.source)
            parts.append(line)
    if report.entry_roles is not None:
        parts.append(cited_heading(report.entry_roles.title, report.entry_roles.source, citations))
        parts.append(bullets(report.entry_roles.items))
    if report.related_careers is not None:
        related = report.related_careers
        parts.append(cited_heading(related.title, related.source, citations))
        parts.append(
            bullets(related.items) if related.items else Text(f"  {related.note or 'None listed.'}", style=DIM)
        )
    if len(parts) == 1:
        parts.append(Text("The data set says nothing about who hires.", style=DIM))
    parts.append(citations.key())
    return Group(*parts)


def internships_view(report: InternshipsReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    rows = [
        [Text(i.name), Text(i.description), Text(", ".join(i.examples) or "-"), Text(citations.cite(i.source))]
        for i in report.internships
    ]
    columns = [Column("Kind", ratio=1), Column("What it involves", ratio=4), Column("Examples", ratio=1), Column("Src")]
    parts: list[RenderableType] = [_title(f"Internships for a future {career.career.title}")]
    parts.append(grid(columns, rows, width) if rows else Text("The data set lists no internships.", style=DIM))
    parts.append(citations.key())
    return Group(*parts)


def sources_view(report: SourcesReport, career: CareerData, width: int) -> RenderableType:
    parts: list[RenderableType] = [_title("Publishers cited")]
    for publisher in report.publishers:
        heading = Text(publisher.publisher, style=HEADING)
        heading.append(f"  ({len(publisher.figures)} figure{'s' if len(publisher.figures) != 1 else ''})", style=DIM)
        parts.append(heading)
        rows = [
            [Text(f.value), Text(f.measure), Text(f.freshness.as_of or "undated"), Text(f.shown_by), Text(f.source)]
            for f in publisher.figures
        ]
        columns = [
            Column("Figure", justify="right", no_wrap=True),
            Column("What it measures", ratio=3),
            Column("As of", no_wrap=True),
            Column("Shown by", no_wrap=True),
            Column("Article", ratio=1),
        ]
        parts.append(Padding(grid(columns, rows, width - 2), (0, 0, 0, 2)))
    parts.append(_title("Articles"))
    for article in report.articles:
        line = Text(article.id, style=HEADING)
        line.append(f"  {article.title}\n")
        line.append(f"  {article.figures} figures", style=DIM)
        if article.publishers:
            line.append(f"; cites {', '.join(article.publishers)}", style=DIM)
        if article.note:
            line.append(f"\n  {article.note}", style=DIM)
        parts.append(line)
    return Group(*parts)


def search_view(report: SearchReport, career: CareerData, width: int) -> RenderableType:
    if not report.hits:
        message = Text(f"No match for {report.query!r}.", style=WARNING)
        if report.suggestions:
            message.append(" Did you mean " + " or ".join(repr(s) for s in report.suggestions) + "?")
        else:
            message.append(" Try a shorter or more general word, such as 'salary', 'skills' or 'degree'.")
        return message
    parts: list[RenderableType] = [
        Text(f"{len(report.hits)} match{'es' if len(report.hits) != 1 else ''} for {report.query!r}", style=HEADING)
    ]
    for hit in report.hits:
        line = highlighted(hit.title, hit.title_matches)
        line.stylize(HEADING)
        line.append(f"  {hit.section}, shown by: mlcareer {hit.command}", style=DIM)
        parts.append(line)
        parts.append(
            Padding(highlighted(snippet(hit.text, hit.text_matches), _shift(hit.text, hit.text_matches)), (0, 0, 0, 2))
        )
    return Group(*parts)


SNIPPET_CHARS = 240


def snippet(text: str, spans: list[tuple[int, int]]) -> str:
    """The text around the first match, at most SNIPPET_CHARS long."""
    if len(text) <= SNIPPET_CHARS:
        return text
    start = max(0, (spans[0][0] if spans else 0) - SNIPPET_CHARS // 3)
    cut = text[start : start + SNIPPET_CHARS]
    return ("..." if start else "") + cut + ("..." if start + SNIPPET_CHARS < len(text) else "")


def _shift(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Match spans moved to their place in the snippet of `text`."""
    if len(text) <= SNIPPET_CHARS:
        return spans
    start = max(0, (spans[0][0] if spans else 0) - SNIPPET_CHARS // 3)
    offset = (3 if start else 0) - start
    return [(a + offset, b + offset) for a, b in spans if a >= start and b <= start + SNIPPET_CHARS]


def highlighted(text: str, spans: list[tuple[int, int]]) -> Text:
    shown = Text(text)
    for start, end in spans:
        shown.stylize("bold reverse", start, end)
    return shown


def plan_view(report: PlanReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    target = next(i.label for i in report.inputs if i.name == "target")
    parts: list[RenderableType] = [_title(f"Your plan: {target}")]
    start = Text("Starting from: ", style=HEADING)
    start.append("; ".join(f"{i.name} {i.label} ({i.chosen})" for i in report.inputs))
    parts.append(start)
    largest = max((step.cost_max or 0 for step in report.steps), default=0)
    bars = bar_width(width, needed=84) if largest else 0
    columns = [
        Column("#", justify="right", no_wrap=True),
        Column("Step", ratio=3),
        Column("Duration", no_wrap=True),
        Column("Tuition (computed)", justify="right", no_wrap=True),
        Column("Src", no_wrap=True),
    ]
    if bars:
        columns.append(Column("", no_wrap=True))
    rows = []
    for number, step in enumerate(report.steps, start=1):
        duration = (
            years_range(step.years_min, step.years_max)
            if step.years_min is not None and step.years_max is not None
            else "not given"
        )
        tuition = (
            money_range(step.cost_min, step.cost_max, step.currency)
            if step.cost_max and step.currency and step.cost_min is not None
            else "-"
        )
        cells = [Text(str(number)), Text(step.title), Text(duration), Text(tuition), Text(citations.cite(step.source))]
        if bars:
            cells.append(Text(bar(step.cost_max or 0, largest, bars) if step.cost_max else "", style="cyan"))
        rows.append(cells)
    parts.append(grid(columns, rows, width))
    total = Text("Total: ", style=HEADING)
    total.append(years_range(report.years_min, report.years_max) + " for the steps with a duration")
    if report.tuition_min is not None and report.tuition_max is not None and report.currency:
        total.append(f"; tuition {money_range(report.tuition_min, report.tuition_max, report.currency)} (computed)")
    parts.append(total)
    for note in (report.years_note, report.tuition_assumption, *report.notes):
        if note:
            parts.append(Text(note, style=DIM))
    for label, salary in (
        ("Salary at the entry point", report.entry_salary),
        ("Salary at the target", report.target_salary),
    ):
        line = Text(f"{label} ({salary.rung}): ", style=HEADING)
        line.append(
            ", ".join(salary.figures) if salary.figures else (salary.missing or ""),
            style="" if salary.figures else WARNING,
        )
        parts.append(line)
    if report.skills_to_learn:
        parts.append(
            Text(f"Skills still to learn ({len(report.skills_to_learn)} of {report.skills_total}):", style=HEADING)
        )
        skill_rows = [
            [
                Text(skill.name),
                Text(skill.status),
                Text(" ".join(filter(None, [skill.resource, skill.resource_url])) or "-"),
            ]
            for skill in report.skills_to_learn
        ]
        parts.append(
            grid(
                [Column("Skill", ratio=2), Column("Status", no_wrap=True), Column("Where to learn", ratio=3)],
                skill_rows,
                width,
            )
        )
    else:
        parts.append(Text("Every tracked skill is done or skipped.", style=HEADING))
    parts.append(citations.key())
    return Group(*parts)


def progress_view(report: ProgressReport, career: CareerData, width: int) -> RenderableType:
    parts: list[RenderableType] = []
    if report.changed == "rung":
        parts.append(Text(f"Your rung: {report.rung or 'not set'}.", style=HEADING))
    elif report.changed:
        changed = next(row for row in report.skills if row.id == report.changed)
        parts.append(Text(f"Marked {changed.name!r} as {changed.status}.", style=HEADING))
    if report.rung and report.changed != "rung":
        parts.append(Text(f"Your rung: {report.rung} (path and plan start from it)", style=DIM))
    finished = report.counts["done"] + report.counts["skipped"]
    heading = Text(f"Progress: {report.percent:g}% ", style=HEADING)
    heading.append(f"({finished} of {len(report.skills)} skills done or skipped)")
    parts.append(heading)
    meter = max(10, min(40, width - 10))
    filled = round(meter * report.percent / 100)
    parts.append(Text("[" + "#" * filled + "." * (meter - filled) + "]", style="green"))
    rows = [
        [Text(row.name), Text(row.group), Text(row.status, style=STATUS_STYLES.get(row.status, ""))]
        for row in report.skills
    ]
    parts.append(
        grid([Column("Skill", ratio=2), Column("Group", ratio=1), Column("Status", no_wrap=True)], rows, width)
    )
    parts.append(Text(f"Saved in {report.state_file}", style=DIM))
    return Group(*parts)


STATUS_STYLES = {"done": "green", "learning": "yellow", "skipped": DIM, "pending": ""}


def fit_view(report: FitReport, career: CareerData, width: int) -> RenderableType:
    citations = Citations(career)
    parts: list[RenderableType] = [
        _title(f"Is {career.career.title} a fit for you?"),
        Panel(Text(report.disclaimer), box=box.ROUNDED, border_style=WARNING),
    ]
    for title, items, style in (("Strengths", report.strengths, "green"), ("Concerns", report.concerns, WARNING)):
        parts.append(Text(f"{title} ({len(items)})", style=f"bold {style}"))
        if not items:
            parts.append(Text("  none", style=DIM))
        for item in items:
            line = Text(f"  {item.statement} ", style="")
            line.append(f"(you: {item.answer_label})", style=DIM)
            parts.append(line)
            basis = Text(f"    Source: {item.basis} ", style=DIM)
            basis.append(citations.cite(item.source), style=DIM)
            parts.append(basis)
    if report.neutral:
        parts.append(
            Text(f"Undecided ({len(report.neutral)}): " + "; ".join(n.statement for n in report.neutral), style=DIM)
        )
    parts.append(Text(f"Average answer: {report.average:g} of 5", style=DIM))
    parts.append(Text("Next steps", style=HEADING))
    parts.append(bullets(report.next_steps))
    parts.append(citations.key())
    return Group(*parts)


_VIEWS: dict[str, Callable[[Any, CareerData, int], RenderableType]] = {
    "SalaryReport": salary_view,
    "PathReport": path_view,
    "SkillsReport": skills_view,
    "EducationReport": education_view,
    "ResourcesReport": resources_view,
    "RoleReport": role_view,
    "OutlookReport": outlook_view,
    "JobsReport": jobs_view,
    "InternshipsReport": internships_view,
    "SourcesReport": sources_view,
    "SearchReport": search_view,
    "PlanReport": plan_view,
    "ProgressReport": progress_view,
    "FitReport": fit_view,
}


def render(report: Any, career: CareerData, width: int) -> RenderableType:
    """The view for any report at `width` columns: one renderable, printed once by the caller."""
    return _VIEWS[type(report).__name__](report, career, width)
