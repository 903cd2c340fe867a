"""Views of the user's own path: plan, progress, fit."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from ml_career.advisor.fit import FitReport
from ml_career.advisor.plan import PlanReport, PlanStep
from ml_career.advisor.progress import ProgressReport
from ml_career.advisor.timeline import Timeline, months_range_text
from ml_career.queries.wording import money_range, years_range
from ml_career.render.marks import legend, mark, note_text
from ml_career.render.registry import view
from ml_career.render.timeline import timeline_rows
from ml_career.render.widgets import (
    DIM,
    HEADING,
    WARNING,
    Citations,
    Column,
    bar,
    bar_width,
    bullets,
    grid,
    title,
)


@view(PlanReport)
def plan_view(report: PlanReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    target = next(i.label for i in report.inputs if i.name == "target")
    parts: list[RenderableType] = [title(f"Your plan: {target}")]
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
        tuition = (
            money_range(step.cost_min, step.cost_max, step.currency)
            if step.cost_max and step.currency and step.cost_min is not None
            else "-"
        )
        step_text = Text(step.title)
        step_text.append(f"\n{step.detail}", style=DIM)
        duration = Text(step_duration(step, last=number == len(report.steps)))
        cells = [Text(str(number)), step_text, duration, Text(tuition), Text(citations.cite(step.source))]
        if bars:
            cells.append(Text(bar(step.cost_max or 0, largest, bars) if step.cost_max else "", style="cyan"))
        rows.append(cells)
    parts.append(grid(columns, rows, width))
    parts.append(total_line(report))
    for note in (report.years_note, report.tuition_assumption, *report.notes):
        if note:
            parts.append(Text(note, style=DIM))
    if report.timeline is not None:
        parts.extend(timeline_parts(report.timeline, width))
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
    parts.extend(skills_left_parts(report, width))
    marks = ["article", "computed"] if report.timeline is not None else []
    if report.timeline is not None or any(skill.notes for skill in report.skills_to_learn):
        parts.append(legend(*marks, "you"))
    parts.append(citations.key())
    return Group(*parts)


def step_duration(step: PlanStep, last: bool) -> str:
    if step.months_min is not None and step.months_max is not None and step.duration_provenance:
        return f"{months_range_text(step.months_min, step.months_max)} {mark(step.duration_provenance)}"
    if step.years_min is not None and step.years_max is not None:
        return years_range(step.years_min, step.years_max)
    return "the target" if last else "not given"


def total_line(report: PlanReport) -> Text:
    total = Text("Total: ", style=HEADING)
    timeline = report.timeline
    if timeline is not None and timeline.total_months_min is not None and timeline.total_months_max is not None:
        total.append(f"{months_range_text(timeline.total_months_min, timeline.total_months_max)} {mark('computed')}")
        total.append(f", the sum of every step's duration: {timeline.formula}", style=DIM)
    elif timeline is not None:
        total.append(f"not known until every step has a duration (none for {', '.join(timeline.missing)}); ")
        known = months_range_text(timeline.known_months_min, timeline.known_months_max)
        total.append(f"the steps with one add up to {known} {mark('computed')}")
        total.append(f" ({timeline.formula})", style=DIM)
    else:
        total.append(years_range(report.years_min, report.years_max) + " for the steps with a duration")
    if report.tuition_min is not None and report.tuition_max is not None and report.currency:
        total.append(f"; tuition {money_range(report.tuition_min, report.tuition_max, report.currency)} (computed)")
    return total


def timeline_parts(timeline: Timeline, width: int) -> list[RenderableType]:
    parts: list[RenderableType] = [Text("Your timeline", style=HEADING)]
    given = []
    if timeline.start:
        given.append(f"start {timeline.start.value} {mark(timeline.start.provenance)}")
    given += [f"{a.step}={a.typed} {mark(a.provenance)}" for a in timeline.assumptions]
    if given:
        parts.append(Text("Your inputs: " + ", ".join(given)))
    rows = []
    for row in timeline_rows(timeline):
        rows.append([Text(row.step), Text(row.title), Text(row.spent), Text(row.begins)])
    parts.append(
        grid(
            [
                Column("Step", ratio=1),
                Column("Milestone", ratio=3),
                Column("Time spent", ratio=2),
                Column("Begins" if timeline.start else "After", ratio=2),
            ],
            rows,
            width,
        )
    )
    return parts


def skills_left_parts(report: PlanReport, width: int) -> list[RenderableType]:
    if not report.skills_to_learn:
        return [Text("Every skill is done or skipped.", style=HEADING)]
    parts: list[RenderableType] = [
        Text(f"Skills still to learn ({len(report.skills_to_learn)} of {report.skills_total}):", style=HEADING)
    ]
    rows = []
    for skill in report.skills_to_learn:
        name = Text(skill.name)
        name.append(f"\n{skill.group}", style=DIM)
        for note in skill.notes:
            name.append("\n" + note_text(note.text, None if note.id == skill.id else note.name), style="italic")
        tools = Text(", ".join(skill.tools_to_learn) or "-")
        if skill.tools_total:
            tools.append(f"\n{len(skill.tools_to_learn)} of {skill.tools_total} left", style=DIM)
        where = Text(" ".join(filter(None, [skill.resource, skill.resource_url])) or "-")
        rows.append([name, Text(skill.status), tools, where])
    parts.append(
        grid(
            [
                Column("Skill", ratio=2),
                Column("Status", no_wrap=True),
                Column("Tools still to learn", ratio=2),
                Column("Where to learn", ratio=2),
            ],
            rows,
            width,
        )
    )
    return parts


@view(ProgressReport)
def progress_view(report: ProgressReport, width: int) -> RenderableType:
    parts: list[RenderableType] = []
    if report.changed == "rung":
        parts.append(Text(f"Your rung: {report.rung or 'not set'}.", style=HEADING))
    elif report.changed:
        changed = next(row for row in report.items if row.id == report.changed)
        said = [f"marked as {changed.status}"] if report.status_changed else []
        said += [f"note {report.note_changed}"] if report.note_changed else []
        parts.append(Text(f"{changed.name!r} ({changed.id}): {', '.join(said)}.", style=HEADING))
    if report.rung and report.changed != "rung":
        parts.append(Text(f"Your rung: {report.rung} (path and plan start from it)", style=DIM))
    finished = sum(1 for row in report.items if row.finished)
    skills = sum(1 for row in report.items if row.kind == "skill")
    heading = Text(f"Progress: {report.percent:g}% ", style=HEADING)
    heading.append(
        f"({finished} of {len(report.items)} items done or skipped: "
        f"{skills} skills and {len(report.items) - skills} tools)"
    )
    parts.append(heading)
    meter = max(10, min(40, width - 10))
    filled = round(meter * report.percent / 100)
    parts.append(Text("[" + "#" * filled + "." * (meter - filled) + "]", style="green"))
    rows = []
    for row in report.items:
        name = Text(row.name if row.kind == "skill" else f"  tool: {row.name}")
        if row.tools_total:
            name.append(f"\n{row.tools_done}/{row.tools_total} tools done or skipped", style=DIM)
        if row.note:
            name.append("\n" + note_text(row.note.text), style="italic")
        group = Text(row.group if row.kind == "skill" else "")
        status = Text(row.status, style=STATUS_STYLES.get(row.status, ""))
        rows.append([name, Text(row.id, style=DIM), group, status])
    parts.append(
        grid(
            [
                Column("Skill or tool", ratio=3),
                Column("Id", ratio=2),
                Column("Group", ratio=2),
                Column("Status", no_wrap=True),
            ],
            rows,
            width,
        )
    )
    parts.append(Text(f"Saved in {report.state_file}", style=DIM))
    if any(row.note for row in report.items):
        parts.append(legend("you"))
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
    for heading, items, style in groups:
        parts.append(Text(f"{heading} ({len(items)})", style=f"bold {style}"))
        if not items:
            parts.append(Text("  none", style=DIM))
        for item in items:
            line = Text(f"  {item.statement} ", style="")
            line.append(f"(you: {item.answer_label})", style=DIM)
            parts.append(line)
            basis = Text(f"    Source: {item.basis} ", style=DIM)
            basis.append(citations.cite(item.source), style=DIM)
            parts.append(basis)

    parts.append(Text(f"Average answer: {report.average:g} of 5", style=DIM))
    parts.append(Text("Next steps", style=HEADING))
    parts.append(bullets(report.next_steps))
    parts.append(citations.key())
    return Group(*parts)
