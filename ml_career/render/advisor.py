"""Views of the user's own path: plan, progress, fit."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from ml_career.advisor.fit import FitReport
from ml_career.advisor.plan import PlanReport
from ml_career.advisor.progress import STATUSES, ProgressReport
from ml_career.provenance import Kind
from ml_career.queries.wording import money_range, years_range
from ml_career.render.registry import view
from ml_career.render.timeline import step_duration, total_text
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
    salary_line,
    statement,
    title,
)
from ml_career.render.your_plan import STATUS_STYLES, own_words, progress_table, skills_left_parts, timeline_parts


@view(PlanReport)
def plan_view(report: PlanReport, width: int) -> RenderableType:
    return plan_parts(report, width, Citations(report.sources), keyed=True)


def plan_parts(report: PlanReport, width: int, citations: Citations, keyed: bool) -> RenderableType:
    """The plan's view with `citations`, which a picture of several views shares so each mark means one thing."""
    target = next(i.label for i in report.inputs if i.name == "target")
    parts: list[RenderableType] = [title(f"Your plan: {target}")]
    start = Text()
    for index, given in enumerate(report.inputs):
        start.append("; " if index else "")
        start.append(f"{given.name} ")
        start.append(own_words(Text(given.label), given.label_provenance, citations))
        start.append(f" ({given.chosen})")
        start.append(f" {citations.mark(given)}", style=DIM)
    parts.append(statement("Starting from: ", start))
    largest = max((step.cost_max or 0 for step in report.steps), default=0)
    columns = [
        Column("#", justify="right", no_wrap=True),
        Column("Step", ratio=3),
        Column("Duration", no_wrap=True),
        Column("Tuition", justify="right", no_wrap=True),
    ]
    if largest:
        columns.append(Column("", no_wrap=True))
    rows: list[list[Text | Bar]] = []
    for number, step in enumerate(report.steps, start=1):
        duration = step_duration(step.months_min, step.months_max, step.duration_provenance, citations) or (
            years_range(step.years_min, step.years_max)
            if step.years_min is not None and step.years_max is not None
            else "the target"
            if number == len(report.steps)
            else "not given"
        )
        tuition = (
            money_range(step.cost_min, step.cost_max, step.currency)
            if step.cost_max and step.currency and step.cost_min is not None
            else "-"
        )
        step_text = citations.marked(Text(step.title), step)
        step_text.append(f"\n{step.detail.text} {citations.mark(step.detail)}", style=DIM)
        if step.leads_from is not None:
            step_text.append(f"\n{step.leads_from.text} {citations.mark(step.leads_from)}", style=DIM)
        tuition_cell = Text(tuition)
        if step.tuition_how and step.cost_max:
            tuition_cell.append(f" {citations.cite(step.figures_source)}{citations.mark(step.tuition_how)}", style=DIM)
        if step.figures_source and step.years_min is not None:
            duration += f" {citations.cite(step.figures_source)}"  # the duration's article, not the step's
        cells: list[Text | Bar] = [Text(str(number)), step_text, Text(duration), tuition_cell]
        if largest:
            cells.append(Bar(step.cost_max or 0, largest))
        rows.append(cells)
    parts.append(grid(columns, rows, width))
    parts.append(citations.marked(Text(report.order.text, style=DIM), report.order))
    total = Text()
    if report.timeline is not None:
        total.append(total_text(report.timeline, citations) or "")
    else:
        total.append(years_range(report.years_min, report.years_max) + " for the steps with a duration")
        total.append(f" {citations.computed(report.total_formula)}", style=DIM)
    if report.tuition_min is not None and report.tuition_max is not None and report.currency:
        total.append(f"; tuition {money_range(report.tuition_min, report.tuition_max, report.currency)}")
        if report.tuition_assumption:
            total.append(f" {citations.computed(report.tuition_assumption)}", style=DIM)
    parts.append(statement("Total: ", total))
    for note in (report.years_note, *report.notes):
        if note:
            parts.append(Text(note, style=DIM))
    if report.timeline is not None:
        parts.extend(timeline_parts(report.timeline, citations, width))
    for label, salary in (
        ("Salary at the entry point", report.entry_salary),
        ("Salary at the target", report.target_salary),
    ):
        parts.append(salary_line(f"{label} ({salary.rung}): ", salary, citations))
    parts.extend(skills_left_parts(report, citations, width))
    if keyed:
        parts.append(citations.key())
    return Group(*parts)


@view(ProgressReport)
def progress_view(report: ProgressReport, width: int) -> RenderableType:
    return progress_parts(report, width, Citations([]), keyed=True)


def progress_parts(report: ProgressReport, width: int, marks: Citations, keyed: bool) -> RenderableType:
    """The progress view with `marks`, shared as plan_parts's are."""
    parts: list[RenderableType] = []
    if report.changed == "rung":
        parts.append(Text(f"Your rung: {report.rung or 'not set'}.", style=HEADING))
    elif report.changed:
        changed = next(row for row in report.items if row.id == report.changed)
        said = [f"marked as {changed.status}"] if report.status_changed else []
        said += [f"note {report.note_changed}"] if report.note_changed else []
        parts.append(Text(f"{changed.name!r} ({changed.id}): {', '.join(said)}.", style=HEADING))
    if report.asked:
        asked = next(row for row in report.items if row.id == report.asked)
        parts.append(statement(f"{asked.name}: ", Text(asked.status, style=STATUS_STYLES.get(asked.status, ""))))
        parts.append(Text(f"Change it with: mlcareer progress {asked.id} {'|'.join(STATUSES)}", style=DIM))
    if report.rung and report.changed != "rung":
        parts.append(Text(f"Your rung: {report.rung} (path and plan start from it)", style=DIM))
    finished = sum(1 for row in report.items if row.finished)
    skills = sum(1 for row in report.items if row.kind == "skill")
    done = Text(
        f"({finished} of {len(report.items)} items done or skipped: "
        f"{skills} skills and {len(report.items) - skills} tools) "
    )
    done.append(marks.mark(report.counts), style=DIM)
    parts.append(statement(f"Progress: {report.percent:g}% ", done))
    counts = report.counts
    parts.append(
        Text(f"{counts.done} done, {counts.learning} learning, {counts.skipped} skipped, {counts.pending} pending")
    )
    parts.append(meter(report.percent / 100, max(10, min(40, width))))
    parts.append(progress_table(report, marks, width))
    if keyed:
        # Only the view of the state says where it is saved: an export of it saves nothing.
        parts.append(Text(f"Saved in {report.state_file}", style=DIM))
        parts.append(marks.key())
    return Group(*parts)


@view(FitReport)
def fit_view(report: FitReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = [
        title(f"Is {report.career} a fit for you?"),
        Panel(Text(report.disclaimer), box=box.ROUNDED, border_style=WARNING),
        citations.marked(Text(report.statements.text, style=DIM), report.statements),
    ]
    groups = [("Strengths", report.strengths, "green"), ("Concerns", report.concerns, WARNING)]
    if report.neutral:
        groups.append(("Undecided", report.neutral, DIM))
    for name, items, style in groups:
        parts.append(Text(f"{name} ({len(items)})", style=f"bold {style}"))
        if not items:
            parts.append(indented(Text("none", style=DIM)))
        for item in items:
            line = Text(f"{item.statement} {citations.mark(report.statements)} ")
            line.append(f"(you: {item.answer_label}) {citations.mark(item.answer)}", style=DIM)
            parts.append(indented(line))
            said = "The article says" if item.basis.provenance == Kind.ARTICLE else "Resting on"
            basis = Text(f"{said}: {item.basis.text} ", style=DIM)
            basis.append(citations.mark(item.basis), style=DIM)
            parts.append(indented(basis, 4))

    average = Text(f"Average answer: {report.average.value:g} of 5", style=DIM)
    parts.append(citations.marked(average, report.average))
    parts.append(Text("Next steps", style=HEADING))
    parts.append(bullets([f"{step.text} {citations.mark(step)}" for step in report.next_steps]))
    parts.append(citations.key())
    return Group(*parts)
