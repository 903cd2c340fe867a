"""Views of what to learn and where: skills, education, resources."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from ml_career.queries.education import EducationReport
from ml_career.queries.resources import ResourcesReport
from ml_career.queries.skills import SkillsReport
from ml_career.queries.wording import money, money_range, years_range
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    HEADING,
    Citations,
    Column,
    bar,
    bar_width,
    grid,
    labelled,
    paragraph,
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
            columns.append(Column(f"Status {citations.yours()}", no_wrap=True))
        rows = []
        for skill in group.skills:
            name = Text(skill.name)
            if skill.description:
                name.append(f"\n{skill.description}", style=DIM)
                if skill.provenance != "article":
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
                cells.append(Text(skill.status or "pending"))
            rows.append(cells)
        table = grid(columns, rows, width)
        title = Text(f"{group.title} {citations.mark(group)}")
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
        parts.append(citations.marked(labelled("Do I need a degree? ", needed.answer), needed))
        parts.append(Padding(paragraph(needed.text), (0, 0, 0, 2)))
    if report.why_degree:
        why = report.why_degree
        parts.append(citations.marked(labelled("Why a computer science degree? ", why.text), why))
    if report.degrees:
        degree_rows = [
            [
                Text(degree.title),
                Text(years_range(degree.years_min, degree.years_max)),
                Text(degree.note or ""),
                Text(citations.mark(degree)),
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
            Column(f"Total {citations.computed(report.total_assumption)}", justify="right", no_wrap=True),
            Column("Src", no_wrap=True),
        ]
        if bars:
            cost_columns.append(Column("", no_wrap=True))
        cost_rows = []
        for row in report.costs:
            degree = Text(row.degree_title)
            degree.append(f"\n{row.measure}", style=DIM)
            cells = [
                degree,
                Text(row.residency_label),
                Text(money(row.amount, row.currency)),
                Text(money_range(row.total_min, row.total_max, row.currency)),
                Text(citations.mark(row)),
            ]
            if bars:
                cells.append(Text(bar(row.total_max, largest, bars), style="cyan"))
            cost_rows.append(cells)
        parts.append(grid(cost_columns, cost_rows, width))
    for pathway in report.pathways:
        line = labelled(
            f"{pathway.label}, {pathway.residency_label.lower()}: ",
            f"{money_range(pathway.total_min, pathway.total_max, pathway.currency)} "
            f"over {years_range(pathway.years_min, pathway.years_max)} {citations.mark(pathway)}",
        )
        parts.append(line)
    if report.cost_basis and report.costs:
        parts.append(Text(report.cost_basis, style=DIM))
    if report.costs or report.pathways:
        citations.computed(report.total_assumption)
    if report.steps:
        parts.append(Text("Steps to the job", style=HEADING))
        for number, step in enumerate(report.steps, start=1):
            parts.append(citations.marked(Text(f"  {number}. {step.title}"), step))
            parts.append(Padding(paragraph(step.text), (0, 0, 0, 5)))
    if report.entry_roles:
        roles = report.entry_roles
        parts.append(citations.marked(labelled(f"{roles.title}: ", ", ".join(roles.items)), roles))
    if len(parts) == 1:
        parts.append(Text("The data set has no education information.", style=DIM))
    if report.online:
        online = report.online
        parts.append(citations.marked(labelled("Online education? ", online.answer), online))
        parts.append(Padding(paragraph(online.text), (0, 0, 0, 2)))
    parts.append(citations.key())
    return Group(*parts)


@view(ResourcesReport)
def resources_view(report: ResourcesReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    rows = [
        [
            Text(r.name),
            Text(r.offers),
            citations.marked(Text(r.address.text), r.address) if r.address else Text("not given", style=DIM),
            Text(citations.mark(r)),
        ]
        for r in report.resources
    ]
    columns = [
        Column("Resource", no_wrap=True),
        Column("What it offers", ratio=3),
        Column("Address", ratio=2),
        Column("Src"),
    ]
    table = grid(columns, rows, width) if rows else Text("The data set lists no resources.", style=DIM)
    parts: list[RenderableType] = [title(f"Where to learn: {report.career}"), table]
    parts.append(citations.key())
    return Group(*parts)
