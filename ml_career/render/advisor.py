"""Views of the user's own path: plan, progress, fit."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from ml_career.advisor.fit import FitReport
from ml_career.advisor.plan import PlanReport
from ml_career.advisor.progress import STATUSES, ProgressReport
from ml_career.queries.wording import money_range, years_range
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    HEADING,
    WARNING,
    Bar,
    Citations,
    Column,
    bullets,
    grid,
    indented,
    meter,
    statement,
    title,
)


@view(PlanReport)
def plan_view(report: PlanReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    target = next(i.label for i in report.inputs if i.name == "target")
    parts: list[RenderableType] = [title(f"Your plan: {target}")]
    parts.append(statement("Starting from: ", "; ".join(f"{i.name} {i.label} ({i.chosen})" for i in report.inputs)))
    largest = max((step.cost_max or 0 for step in report.steps), default=0)
    columns = [
        Column("#", justify="right", no_wrap=True),
        Column("Step", ratio=3),
        Column("Duration", no_wrap=True),
        Column("Tuition (computed)", justify="right", no_wrap=True),
    ]
    if largest:
        columns.append(Column("", no_wrap=True))
    rows: list[list[Text | Bar]] = []
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
        step_text = citations.after(Text(step.title), step.source)
        step_text.append(f"\n{step.detail}", style=DIM)
        cells: list[Text | Bar] = [Text(str(number)), step_text, Text(duration), Text(tuition)]
        if largest:
            cells.append(Bar(step.cost_max or 0, largest))
        rows.append(cells)
    parts.append(grid(columns, rows, width))
    total = Text(years_range(report.years_min, report.years_max) + " for the steps with a duration")
    if report.tuition_min is not None and report.tuition_max is not None and report.currency:
        total.append(f"; tuition {money_range(report.tuition_min, report.tuition_max, report.currency)} (computed)")
    parts.append(statement("Total: ", total))
    for note in (report.years_note, report.tuition_assumption, *report.notes):
        if note:
            parts.append(Text(note, style=DIM))
    for label, salary in (
        ("Salary at the entry point", report.entry_salary),
        ("Salary at the target", report.target_salary),
    ):
        figures = Text(
            ", ".join(salary.figures) if salary.figures else (salary.missing or ""),
            style="" if salary.figures else WARNING,
        )
        parts.append(statement(f"{label} ({salary.rung}): ", figures))
    if report.skills_to_learn:
        parts.append(title(f"Skills still to learn ({len(report.skills_to_learn)} of {report.skills_total}):"))
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
        parts.append(title("Every tracked skill is done or skipped."))
    parts.append(citations.key())
    return Group(*parts)


@view(ProgressReport)
def progress_view(report: ProgressReport, width: int) -> RenderableType:
    parts: list[RenderableType] = []
    if report.changed == "rung":
        parts.append(Text(f"Your rung: {report.rung or 'not set'}.", style=HEADING))
    elif report.changed:
        changed = next(row for row in report.skills if row.id == report.changed)
        parts.append(Text(f"Marked {changed.name!r} as {changed.status}.", style=HEADING))
    if report.asked:
        asked = next(row for row in report.skills if row.id == report.asked)
        line = statement(f"{asked.name}: ", Text(asked.status, style=STATUS_STYLES.get(asked.status, "")))
        parts.append(line)
        parts.append(Text(f"Change it with: mlcareer progress {asked.id} {'|'.join(STATUSES)}", style=DIM))
    if report.rung and report.changed != "rung":
        parts.append(Text(f"Your rung: {report.rung} (path and plan start from it)", style=DIM))
    finished = sum(1 for row in report.skills if row.finished)
    parts.append(
        statement(f"Progress: {report.percent:g}% ", f"({finished} of {len(report.skills)} skills done or skipped)")
    )
    parts.append(meter(report.percent / 100, max(10, min(40, width))))
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


@view(FitReport)
def fit_view(report: FitReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = [
        title(f"Is {report.career} a fit for you?"),
        Panel(Text(report.disclaimer), box=box.ROUNDED, border_style=WARNING),
    ]
    groups = [("Strengths", report.strengths, "green"), ("Concerns", report.concerns, WARNING)]
    if report.neutral:
        groups.append(("Undecided", report.neutral, DIM))
    for name, items, style in groups:
        parts.append(Text(f"{name} ({len(items)})", style=f"bold {style}"))
        if not items:
            parts.append(indented(Text("none", style=DIM)))
        for item in items:
            line = Text(f"{item.statement} ")
            line.append(f"(you: {item.answer_label})", style=DIM)
            parts.append(indented(line))
            basis = Text(f"Source: {item.basis} ", style=DIM)
            basis.append(citations.cite(item.source), style=DIM)
            parts.append(indented(basis, 4))

    parts.append(Text(f"Average answer: {report.average:g} of 5", style=DIM))
    parts.append(Text("Next steps", style=HEADING))
    parts.append(bullets(report.next_steps))
    parts.append(citations.key())
    return Group(*parts)
