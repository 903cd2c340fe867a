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
from ml_career.queries.wording import money_range
from ml_career.render.registry import view
from ml_career.render.timeline import step_duration, total_text
from ml_career.render.widgets import (
    CHOSEN_WORDS,
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
    role_pay_line,
    salary_line,
    statement,
    title,
)
from ml_career.render.your_plan import STATUS_STYLES, progress_table, skills_left_parts, timeline_parts


@view(PlanReport)
def plan_view(report: PlanReport, width: int) -> RenderableType:
    return plan_parts(report, width, Citations(report.sources), keyed=True)


def plan_parts(report: PlanReport, width: int, citations: Citations, keyed: bool) -> RenderableType:
    """The plan's view with `citations`, which a picture of several views shares so each mark means one thing."""
    target = next((i.label for i in report.inputs if i.name == "target"), None)
    parts: list[RenderableType] = [title(f"Your plan: {target or (report.at_top.title if report.at_top else '')}")]
    start = Text()
    for index, given in enumerate(report.inputs):
        start.append("; " if index else "")
        start.append(f"{given.name} {given.label} ({CHOSEN_WORDS.get(given.chosen, given.chosen)})")
        start.append(f" {citations.mark(given)}", style=DIM)
    parts.append(statement("Starting from: ", start))
    if report.at_top is not None:
        top = report.at_top
        parts.append(citations.marked(Text(top.message.text, style=HEADING), top.message))
        parts.append(citations.marked(Text(f"{top.title}: {top.description}"), top))
    else:
        parts.append(_steps_table(report, citations, width))
        parts.append(citations.marked(Text(report.order.text, style=DIM), report.order))
        parts.append(statement("Total: ", _total(report, citations)))
    for note in (report.years_note, *report.notes):
        if note:
            parts.append(Text(note, style=DIM))
    if report.timeline is not None and (report.timeline.start or report.timeline.assumptions):
        parts.extend(timeline_parts(report.timeline, citations, width))
    salaries = [("Salary at the entry point", report.entry_salary), ("Salary at the target", report.target_salary)]
    for label, salary in salaries[1:] if report.at_top else salaries:
        parts.append(salary_line(f"{label} ({salary.rung}): ", salary, citations))
    if (role := role_pay_line(report.role_pay, citations)) is not None:
        parts.append(role)
    parts.extend(skills_left_parts(report, citations, width))
    if keyed:
        parts.append(citations.key())
    return Group(*parts)


def _total(report: PlanReport, citations: Citations) -> Text:
    total = Text(total_text(report.total, citations) if report.total is not None else "")
    if report.tuition_min is not None and report.tuition_max is not None and report.currency:
        total.append(f"; tuition {money_range(report.tuition_min, report.tuition_max, report.currency)}")
        if report.tuition_assumption:
            total.append(f" {citations.computed(report.tuition_assumption)}", style=DIM)
    return total


def _steps_table(report: PlanReport, citations: Citations, width: int) -> RenderableType:
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
            "the target" if number == len(report.steps) else "not given"
        )
        tuition = (
            money_range(step.cost_min, step.cost_max, step.currency)
            if step.cost_max and step.currency and step.cost_min is not None
            else "-"
        )
        step_text = citations.marked(Text(step.title), step)
        if step.detail.text:
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
    return grid(columns, rows, width)


@view(ProgressReport)
def progress_view(report: ProgressReport, width: int) -> RenderableType:
    return progress_parts(report, width, Citations([]), keyed=True)


def progress_parts(report: ProgressReport, width: int, marks: Citations, keyed: bool) -> RenderableType:
    """The progress view with `marks`, shared as plan_parts's are."""
    parts: list[RenderableType] = []
    if report.changed == "rung":
        parts.append(Text(f"Your rung: {report.rung or 'not set'}.", style=HEADING))
    elif report.changed == "education":
        parts.append(Text(f"Your education: {report.education or 'not set'}.", style=HEADING))
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
    if report.education and report.changed != "education":
        parts.append(Text(f"Your education: {report.education} (plan starts from it)", style=DIM))
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
    if report.items:
        parts.append(progress_table(report, marks, width))
    else:
        parts.append(Text("The data set names no skills or tools to track.", style=DIM))
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
            line.append(f"(you: {item.answer_label}) {citations.mark(item)}", style=DIM)
            parts.append(indented(line))
            said = "The article says" if item.basis.provenance == Kind.ARTICLE else "Resting on"
            basis = Text(f"{said}: {item.basis.text} ", style=DIM)
            basis.append(citations.mark(item.basis), style=DIM)
            parts.append(indented(basis, 4))

    parts.append(Text(f"Average answer: {report.average:g} of 5", style=DIM))
    parts.append(Text("Next steps", style=HEADING))
    parts.append(bullets(report.next_steps))
    parts.append(citations.key())
    return Group(*parts)
