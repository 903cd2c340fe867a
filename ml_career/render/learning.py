"""Views of what to learn and where: skills, education, resources."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from ml_career.provenance import Kind
from ml_career.queries.education import EducationReport
from ml_career.queries.provenance import LABEL_REASON, MEASURE_REASON, NAME_REASON, NOTE_WORDS_REASON
from ml_career.queries.resources import ResourcesReport
from ml_career.queries.skills import SkillsReport
from ml_career.queries.wording import money, money_range, years_range
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    Bar,
    Citations,
    Column,
    grid,
    hanging,
    indented,
    paragraph,
    statement,
    title,
)


@view(SkillsReport)
def skills_view(report: SkillsReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = []
    for group in report.groups:
        has_status = any(skill.status for skill in group.skills)
        columns = [Column("Skill", ratio=2), Column("Tools and frameworks named", ratio=3)]
        if has_status:
            columns.append(Column("Status", no_wrap=True))
        rows = []
        for skill in group.skills:
            name = Text(skill.name)
            if skill.description:
                name.append(f"\n{skill.description}", style=DIM)
                if skill.provenance != Kind.ARTICLE:
                    name.append(f" {citations.mark(skill)}", style=DIM)
            for note in skill.notes:
                on = "" if note.id == skill.id else f" on {note.name}"
                name.append(f"\n{citations.mark(note)} your note{on}: {note.text}", style="italic")
            tools = Text(", ".join(skill.tools) or "-")
            if skill.tools_done is not None:
                tools.append(f"\n{skill.tools_done}/{len(skill.tools)} tools done or skipped", style=DIM)
            if skill.suggestion:
                tools.append(f"\n{skill.suggestion.text} {citations.mark(skill.suggestion)}", style=DIM)
            cells = [name, tools]
            if has_status:
                cells.append(Text(f"{skill.status} {citations.mark(skill.status_provenance)}"))
            rows.append(cells)
        table = grid(columns, rows, width - 4)  # inside the panel's border and padding
        title = Text(f"{group.title.text} {citations.mark(group.title)}")
        subtitle = Text(group.description or "", style=DIM) if group.description else None
        body: list[RenderableType] = [subtitle, table] if subtitle else [table]
        parts.append(Panel(Group(*body), title=title, title_align="left", box=box.ROUNDED))
    parts.append(citations.key())
    return Group(*parts)


@view(EducationReport)
def education_view(report: EducationReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = [title(f"Education for a {report.career}")]
    if report.degree_needed:
        needed = report.degree_needed
        parts.append(statement("Do I need a degree? ", citations.marked(Text(needed.answer), needed)))
        parts.append(indented(paragraph(needed.text)))
    if report.why_degree:
        why = report.why_degree
        parts.append(statement("Why a computer science degree? ", citations.marked(Text(why.text), why)))
    if report.degrees:
        degree_rows = [
            [
                Text(degree.title.text),
                citations.marked(Text(years_range(degree.years_min, degree.years_max)), degree),
                Text(degree.note.text if degree.note else ""),
            ]
            for degree in report.degrees
        ]
        # One reason covers a whole column of mlcareer's names or notes: the mark sits on its header.
        columns = [
            Column(f"Degree {citations.reading(NAME_REASON)}", ratio=2),
            Column("Duration", no_wrap=True),
            Column(f"Note {citations.reading(NOTE_WORDS_REASON)}", ratio=2),
        ]
        parts.append(grid(columns, degree_rows, width))
    if report.costs:
        largest = max(row.total_max for row in report.costs)
        cost_columns = [
            Column(f"Degree {citations.reading(NAME_REASON)}", ratio=2),
            Column(f"Student {citations.reading(LABEL_REASON)}", ratio=1),
            Column("Average", justify="right", no_wrap=True),
            Column(f"Total {citations.computed(report.total_assumption)}", justify="right", no_wrap=True),
            Column("", no_wrap=True),
        ]
        cost_rows: list[list[Text | Bar]] = [
            [
                Text(row.degree_title.text),
                Text(row.residency_label.text),
                citations.marked(Text(money(row.amount, row.currency)), row),
                Text(money_range(row.total_min, row.total_max, row.currency)),
                Bar(row.total_max, largest),
            ]
            for row in report.costs
        ]
        parts.append(grid(cost_columns, cost_rows, width))
        parts.append(Text(f"What each figure measures {citations.reading(MEASURE_REASON)}:", style=DIM))
        for row in report.costs:
            label = Text(f"{row.degree_title.text}, {row.residency_label.text.lower()}: ", style=DIM)
            parts.append(hanging(label, Text(row.measure.text, style=DIM), align=False))
    for pathway in report.pathways:
        parts.append(
            statement(
                f"{pathway.label}, {pathway.residency_label.lower()}: ",
                f"{money_range(pathway.total_min, pathway.total_max, pathway.currency)} "
                f"over {years_range(pathway.years_min, pathway.years_max)} {citations.mark(pathway)}",
            )
        )
    if report.cost_basis and report.costs:
        parts.append(citations.marked(Text(report.cost_basis.text, style=DIM), report.cost_basis))
    if report.costs or report.pathways:
        citations.computed(report.total_assumption)
    if report.steps:
        parts.append(title("Steps to the job"))
        for number, step in enumerate(report.steps, start=1):
            parts.append(hanging(f"{number}. ", citations.marked(Text(step.title), step)))
            parts.append(indented(paragraph(step.text), 5))
    if report.entry_roles:
        roles = report.entry_roles
        parts.append(
            statement(
                f"{roles.title.text}: ",
                # The heading's mark names the list's article, and mlcareer's reason where the heading is its own.
                citations.marked(Text(", ".join(roles.items)), roles.title),
            )
        )
    if len(parts) == 1:
        parts.append(Text("The data set has no education information.", style=DIM))
    if report.online:
        online = report.online
        parts.append(statement("Online education? ", citations.marked(Text(online.answer), online)))
        parts.append(indented(paragraph(online.text)))
    parts.append(citations.key())
    return Group(*parts)


@view(ResourcesReport)
def resources_view(report: ResourcesReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    # The address is the answer, so it is never cut: the mark follows the name, and below
    # 100 columns each resource is a record, its address whole on a line of its own.
    rows: list[list[Text | Bar]] = [
        [
            citations.marked(Text(r.name), r),
            citations.marked(Text(r.address.text), r.address) if r.address else Text("not given", style=DIM),
            Text(r.offers),
        ]
        for r in report.resources
    ]
    columns = [Column("Resource", no_wrap=True), Column("Address", no_wrap=True), Column("What it offers", ratio=3)]
    table = grid(columns, rows, width, stack_below=100) if rows else Text("The data set lists no resources.", style=DIM)
    parts: list[RenderableType] = [title(f"Where to learn: {report.career}"), table]
    parts.append(citations.key())
    return Group(*parts)
