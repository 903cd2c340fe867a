"""Views of what to learn and where: skills, education, resources."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from ml_career.provenance import Article, Mlcareer, Yours
from ml_career.queries.education import EducationReport
from ml_career.queries.items import DEFAULT_STATUS_REASON
from ml_career.queries.provenance import LABEL_REASON, MEASURE_REASON, NAME_REASON, NOTE_WORDS_REASON
from ml_career.queries.resources import ResourcesReport
from ml_career.queries.skills import SkillGroupRow, SkillsReport
from ml_career.queries.wording import money, money_range, years_range
from ml_career.render.disclosure import Disclosure, column_mark
from ml_career.render.plan_facts import tools_done_text
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    Bar,
    Citations,
    Column,
    grid,
    hanging,
    heading,
    indented,
    paragraph,
    statement,
    title,
)


@view(SkillsReport)
def skills_view(report: SkillsReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    answer: list[RenderableType] = []
    skills = [skill for group in report.groups for skill in group.skills]
    # Your status is a column only where one differs from pending: otherwise one line says it.
    shown_status = any(skill.status not in (None, "pending") for skill in skills)
    if not shown_status and any(skill.status for skill in skills):
        whose = " ".join(
            dict.fromkeys(citations.mark(skill.status_provenance) for skill in skills if skill.status_provenance)
        )
        answer.append(Text(f"Your progress: every skill pending {whose}.", style=DIM))
    elif shown_status and any(len(_status_marks(group, citations)) > 1 for group in report.groups):
        # A column of both: only what you saved is marked; the default is keyed once, here.
        default = Mlcareer(DEFAULT_STATUS_REASON)
        answer.append(
            Text(f"A status without {citations.yours()} is mlcareer's default {citations.mark(default)}.", style=DIM)
        )
    for group in report.groups:
        answer.append(citations.marked(title(group.title.text), group.title))
        answer.append(_skills_of(group, citations, width, shown_status))
    answered = citations.used()
    detail: list[RenderableType] = []
    for group in report.groups:
        if group.description or any(skill.description for skill in group.skills):
            detail.append(citations.marked(title(group.title.text), group.title))
        if group.description:
            detail.append(indented(Text(group.description, style=DIM)))
        for skill in group.skills:
            if skill.description:
                described = Text(skill.description)
                if not isinstance(skill.provenance, Article):
                    citations.marked(described, skill)
                detail.append(indented(statement(f"{skill.name}: ", described)))
    return Disclosure(answer, detail, citations, answered)


def _status_marks(group: SkillGroupRow, citations: Citations) -> set[str]:
    """The distinct marks of whose each status in `group` is: yours where saved, else mlcareer's default."""
    return {
        citations.mark(skill.status_provenance) for skill in group.skills if skill.status and skill.status_provenance
    }


def _skills_of(group: SkillGroupRow, citations: Citations, width: int, shown_status: bool) -> RenderableType:
    """One row a skill: its tools, where to learn it and your status; a group naming no tools,
    no suggestion and no note is one wrapped line of names."""
    has_status = shown_status and any(skill.status for skill in group.skills)
    if not any(skill.tools or skill.suggestion or skill.notes for skill in group.skills) and not has_status:
        return indented(Text("; ".join(skill.name for skill in group.skills)))
    columns = [Column("Skill", ratio=2), Column("Tools and frameworks named", ratio=3)]
    if any(skill.suggestion for skill in group.skills):
        columns.append(Column("Where to learn", ratio=2))
    # One owner for the whole column: its header carries the mark; else each status you saved does.
    status_mark = column_mark(citations, [skill.status_provenance for skill in group.skills if skill.status])
    if has_status:
        columns.append(Column(f"Status {status_mark}".rstrip(), no_wrap=True))
    rows: list[list[Text | Bar]] = []
    for skill in group.skills:
        name = Text(skill.name)
        for note in skill.notes:
            on = "" if note.id == skill.id else f" on {note.name}"
            name.append(f"\n{citations.mark(note)} your note{on}: {note.text}", style="italic")
        tools = Text(", ".join(skill.tools) or "-")
        if skill.tools_done:
            tools.append(f"\n{tools_done_text(skill.tools_done, len(skill.tools))}", style=DIM)
        cells: list[Text | Bar] = [name, tools]
        if len(columns) > 2 + has_status:
            suggestion = skill.suggestion
            cells.append(citations.marked(Text(suggestion.text), suggestion) if suggestion else Text("-"))
        if has_status:
            status = Text(skill.status or "pending")
            if not status_mark and isinstance(skill.status_provenance, Yours):
                status.append(f" {citations.yours()}", style=DIM)
            cells.append(status)
        rows.append(cells)
    return indented(grid(columns, rows, width - 2))


@view(EducationReport)
def education_view(report: EducationReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    answer: list[RenderableType] = [title(f"Education for a {report.career}")]
    if report.degree_needed:
        needed = report.degree_needed
        answer.append(statement("Do I need a degree? ", citations.marked(Text(needed.answer), needed)))
    if report.costs:
        answer.append(grid(*_cost_table(report, citations), width))
    elif report.degrees:
        answer.append(grid(*_degree_table(report, citations), width))
    with citations.once():  # the pathways share one formula: its mark on the first
        for pathway in report.pathways:
            answer.append(
                statement(
                    f"{pathway.label}, {pathway.residency_label.lower()}: ",
                    f"{money_range(pathway.total_min, pathway.total_max, pathway.currency)} "
                    f"over {years_range(pathway.years_min, pathway.years_max)} {citations.mark(pathway)}".rstrip(),
                )
            )
    if report.costs or report.pathways:
        citations.computed(report.total_assumption)
    if report.steps:
        shared = column_mark(citations, report.steps)
        answer.append(title(f"Steps to the job {shared}".strip()))
        for number, step in enumerate(report.steps, start=1):
            shown = Text(step.title)
            answer.append(hanging(f"{number}. ", shown if shared else citations.marked(shown, step)))
    if report.entry_roles:
        roles = report.entry_roles
        answer.append(
            statement(
                f"{roles.title.text}: ",
                # The heading's mark names the list's article, and mlcareer's reason where the heading is its own.
                citations.marked(Text(", ".join(roles.items)), roles.title),
            )
        )
    if report.online:
        online = report.online
        answer.append(statement("Online education? ", citations.marked(Text(online.answer), online)))
    if len(answer) == 1:
        answer.append(Text("The data set has no education information.", style=DIM))
    answered = citations.used()
    return Disclosure(answer, _education_detail(report, citations, width), citations, answered)


def _cost_table(report: EducationReport, citations: Citations) -> tuple[list[Column], list[list[Text | Bar]]]:
    """Each degree's cost for each kind of student, with its length: the costs first."""
    years = {degree.id: years_range(degree.years_min, degree.years_max) for degree in report.degrees}
    # One reason covers a whole column of mlcareer's names or labels: the mark sits on its header.
    shared = column_mark(citations, report.costs)
    columns = [
        Column(f"Degree {citations.reading(NAME_REASON)}", ratio=3),
        # The degrees' lengths are their article's: its mark on the header, as the averages'.
        Column(f"Length {column_mark(citations, report.degrees)}".strip(), no_wrap=True),
        Column(f"Student {citations.reading(LABEL_REASON)}", ratio=1),
        Column(f"Average {shared}".strip(), justify="right", no_wrap=True),
        Column(f"Total {citations.computed(report.total_assumption)}", justify="right", no_wrap=True),
    ]
    rows: list[list[Text | Bar]] = [
        [
            Text(row.degree_title.text),
            Text(years.get(row.degree, "-")),
            Text(row.residency_label.text),
            Text(money(row.amount, row.currency))
            if shared
            else citations.marked(Text(money(row.amount, row.currency)), row),
            Text(money_range(row.total_min, row.total_max, row.currency)),
        ]
        for row in report.costs
    ]
    return columns, rows


def _degree_table(report: EducationReport, citations: Citations) -> tuple[list[Column], list[list[Text | Bar]]]:
    columns = [
        Column(f"Degree {citations.reading(NAME_REASON)}", ratio=2),
        Column("Duration", no_wrap=True),
        Column(f"Note {citations.reading(NOTE_WORDS_REASON)}", ratio=2),
    ]
    rows: list[list[Text | Bar]] = [
        [
            Text(degree.title.text),
            citations.marked(Text(years_range(degree.years_min, degree.years_max)), degree),
            Text(degree.note.text if degree.note else ""),
        ]
        for degree in report.degrees
    ]
    return columns, rows


def _education_detail(report: EducationReport, citations: Citations, width: int) -> list[RenderableType]:
    """The articles' full answers and passages, the degrees' notes and what each cost measures."""
    detail: list[RenderableType] = []
    if report.degree_needed:
        detail.append(citations.marked(heading("Do I need a degree?"), report.degree_needed))
        detail.append(indented(paragraph(report.degree_needed.text)))
    if report.why_degree:
        detail.append(citations.marked(heading("Why a computer science degree?"), report.why_degree))
        detail.append(indented(paragraph(report.why_degree.text)))
    if report.degrees and report.costs:
        detail.append(grid(*_degree_table(report, citations), width))
    if report.costs:
        detail.append(Text(f"What each figure measures {citations.reading(MEASURE_REASON)}:", style=DIM))
        for row in report.costs:
            label = Text(f"{row.degree_title.text}, {row.residency_label.text.lower()}: ", style=DIM)
            detail.append(hanging(label, Text(row.measure.text, style=DIM), align=False))
        if report.cost_basis:
            detail.append(citations.marked(Text(report.cost_basis.text, style=DIM), report.cost_basis))
    for number, step in enumerate(report.steps, start=1):
        detail.append(hanging(f"{number}. ", citations.marked(Text(step.title), step)))
        detail.append(indented(paragraph(step.text), 5))
    if report.online:
        detail.append(citations.marked(heading("Online education?"), report.online))
        detail.append(indented(paragraph(report.online.text)))
    return detail


@view(ResourcesReport)
def resources_view(report: ResourcesReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    # The address is the answer, so it is never cut: below the table's width each resource
    # is a record, its address whole on a line of its own.
    shared = column_mark(citations, report.resources)
    rows: list[list[Text | Bar]] = [
        [
            Text(r.name) if shared else citations.marked(Text(r.name), r),
            citations.marked(Text(r.address.text), r.address) if r.address else Text("not given", style=DIM),
        ]
        for r in report.resources
    ]
    columns = [Column(f"Resource {shared}".strip(), no_wrap=True), Column("Address", no_wrap=True)]
    table = grid(columns, rows, width) if rows else Text("The data set lists no resources.", style=DIM)
    answer: list[RenderableType] = [title(f"Where to learn: {report.career}"), table]
    answered = citations.used()
    detail: list[RenderableType] = [
        statement(f"{r.name}: ", citations.marked(Text(r.offers), r)) for r in report.resources
    ]
    return Disclosure(answer, detail, citations, answered)
