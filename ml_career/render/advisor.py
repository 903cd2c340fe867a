"""Views of the user's own path: plan, progress, fit."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from ml_career.advisor.fit import FitReport
from ml_career.advisor.plan import PlanReport
from ml_career.advisor.progress import STATUSES, ProgressReport, ProgressWriteReport
from ml_career.provenance import Article
from ml_career.render.disclosure import Disclosure
from ml_career.render.plan_facts import (
    Item,
    note_text,
    order_and_notes,
    salary_items,
    starting_items,
    step_items,
    top_items,
    total_item,
)
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    HEADING,
    WARNING,
    Citations,
    bullets,
    hanging,
    heading,
    indented,
    meter,
    statement,
    title,
)
from ml_career.render.your_plan import (
    STATUS_STYLES,
    progress_table,
    skills_left_names,
    skills_left_parts,
    timeline_parts,
)


@view(PlanReport)
def plan_view(report: PlanReport, width: int) -> Disclosure:
    return plan_disclosure(report, width, Citations(report.sources))


def plan_parts(report: PlanReport, width: int, citations: Citations, keyed: bool) -> RenderableType:
    """The plan's answer with `citations`, which a picture of several views shares so each mark means one thing."""
    shown = plan_disclosure(report, width, citations)
    return Group(*shown.answer, *([citations.key()] if keyed else []))


def plan_disclosure(report: PlanReport, width: int, citations: Citations) -> Disclosure:
    """The plan as the export reads: the total first, then one line a step, each fact as every export
    formats it (render/plan_facts.py)."""
    target = next((i.label for i in report.inputs if i.name == "target"), None)
    # Formatted in the exports' order, so that a mark has the same number in the view and in each
    # export; shown with the total first.
    inputs, steps = starting_items(report, citations), step_items(report, citations)
    total = total_item(report, citations)
    at_top = report.at_top.title if report.at_top else ""
    answer: list[RenderableType] = [title(f"Your plan: {target or at_top}")]
    # At the top rung, that you are there and what the article says of the role, in place of a total.
    answer.extend(item_line(said, HEADING if n == 0 else "") for n, said in enumerate(top_items(report, citations)))
    if total is not None:
        answer.append(item_line(total))
    starting = Text()
    for index, given in enumerate(inputs):
        starting.append("; " if index else "")
        starting.append_text(item_line(given))
    answer.append(statement("Starting from: ", starting))
    if steps:
        answer.append(title("Steps"))
    for number, line in enumerate(steps, start=1):
        answer.append(hanging(f"{number}. ", item_line(line)))
    for said in order_and_notes(report, citations):
        answer.append(item_line(said, DIM))
    if report.timeline is not None and (report.timeline.start or report.timeline.assumptions):
        answer.extend(timeline_parts(report.timeline, citations, width))
    for salary in salary_items(report, citations):
        answer.append(statement("", item_line(salary)))
    if report.skills_to_learn:
        names = skills_left_names(report.skills_to_learn, citations)
        left = f"Skills still to learn ({len(report.skills_to_learn)} of {report.skills_total}): "
        answer.append(statement(left, names))
        for left_skill in report.skills_to_learn:
            for note in left_skill.notes:
                on = None if note.id == left_skill.id else note.name
                answer.append(indented(Text(note_text(citations, note.text, on), style="italic")))
    else:
        answer.append(Text("Every skill is done or skipped.", style=HEADING))
    answered = citations.used()
    detail: list[RenderableType] = [title("What each step involves")]
    for number, step in enumerate(report.steps, start=1):
        detail.append(hanging(f"{number}. ", citations.marked(Text(step.title), step)))
        about = Text(f"{step.detail.text} {citations.mark(step.detail)}", style=DIM)
        if step.leads_from is not None:
            about.append(f"\n{step.leads_from.text} {citations.mark(step.leads_from)}", style=DIM)
        detail.append(indented(about, 3))
    if report.skills_to_learn:
        detail.extend(skills_left_parts(report, citations, width))
    return Disclosure(answer, detail, citations, answered)


def item_line(item: Item, style: str = "") -> Text:
    """A plan fact as one line: its bold label, its text, its dim mark."""
    line = heading(f"{item.label} ") if item.label else Text()
    line.append(item.text, style=style)
    if item.mark:
        line.append(f" {item.mark}", style=DIM)
    return line


@view(ProgressReport)
def progress_view(report: ProgressReport, width: int) -> RenderableType:
    return progress_parts(report, width, Citations([]), keyed=True)


def progress_parts(report: ProgressReport, width: int, marks: Citations, keyed: bool) -> RenderableType:
    """The progress view with `marks`, shared as plan_parts's are."""
    parts: list[RenderableType] = []
    if report.asked:
        asked = next(row for row in report.items if row.id == report.asked)
        parts.append(statement(f"{asked.name}: ", Text(asked.status, style=STATUS_STYLES.get(asked.status, ""))))
        parts.append(Text(f"Change it with: mlcareer progress {asked.id} {'|'.join(STATUSES)}", style=DIM))
    if report.rung:
        parts.append(Text(f"Your rung: {report.rung} (path and plan start from it)", style=DIM))
    if report.education:
        parts.append(Text(f"Your education: {report.education} (plan starts from it)", style=DIM))
    counts = report.counts
    finished, total = counts.done + counts.skipped, counts.done + counts.learning + counts.skipped + counts.pending
    skills = sum(1 for row in report.items if row.kind == "skill")
    kinds = "" if report.shown else f": {skills} skills and {total - skills} tools"
    done = Text(f"({finished} of {total} items done or skipped{kinds}) ")
    done.append(marks.mark(report.counts), style=DIM)
    parts.append(statement(f"Progress: {report.percent:g}% ", done))
    parts.append(
        Text(f"{counts.done} done, {counts.learning} learning, {counts.skipped} skipped, {counts.pending} pending")
    )
    parts.append(meter(report.percent / 100, max(10, min(40, width))))
    if report.shown:
        parts.append(Text(f"{len(report.items)} of {total} shown: {', '.join(report.shown)}", style=DIM))
    if report.items:
        parts.append(progress_table(report, marks, width))
    else:
        parts.append(Text("The data set names no skills or tools to track.", style=DIM))
    if keyed:
        # Only the view of the state says where it is saved: an export of it saves nothing.
        parts.append(Text(f"Saved in {report.state_file}", style=DIM))
        parts.append(marks.key())
    return Group(*parts)


@view(ProgressWriteReport)
def progress_write_view(report: ProgressWriteReport, width: int) -> RenderableType:
    """A write confirms in a line: what changed, and the percentage now."""
    said = []
    if report.rung_changed:
        said.append(
            f"Your rung: {report.rung} (path and plan start from it)." if report.rung else "Your rung: not set."
        )
    if report.education_changed:
        said.append(
            f"Your education: {report.education} (plan starts from it)."
            if report.education
            else "Your education: not set."
        )
    if report.changes:
        note = report.changes[0].note
        if report.status_changed:
            marked = ", ".join(
                f"{change.name} ({change.id}"
                + (f"; was {change.was})" if change.was != change.status else "; unchanged)")
                for change in report.changes
            )
            said.append(f"Marked {report.changes[0].status}: {marked}.")
            said += [f"Note {note}."] if note else []
        elif note:
            named = ", ".join(f"{change.name} ({change.id})" for change in report.changes)
            said.append(f"Note {note} {'on' if note == 'kept' else 'from'} {named}.")
        said.append(f"Progress: {report.percent:g}% done or skipped ({report.finished} of {report.total}).")
    return Text(" ".join(said))


@view(FitReport)
def fit_view(report: FitReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    answer: list[RenderableType] = [
        title(f"Is {report.career} a fit for you?"),
        Panel(Text(report.disclaimer), box=box.ROUNDED, border_style=WARNING),
        citations.marked(Text(report.statements.text, style=DIM), report.statements),
    ]
    groups = [("Strengths", report.strengths, "green"), ("Concerns", report.concerns, WARNING)]
    if report.neutral:
        groups.append(("Undecided", report.neutral, DIM))
    for name, items, style in groups:
        answer.append(Text(f"{name} ({len(items)})", style=f"bold {style}"))
        if not items:
            answer.append(indented(Text("none", style=DIM)))
        for item in items:
            line = Text(f"{item.statement} {citations.mark(report.statements)} ")
            line.append(f"(you: {item.answer_label}) {citations.mark(item.answer)}", style=DIM)
            answer.append(indented(line))
    average = Text(f"Average answer: {report.average.value:g} of 5", style=DIM)
    answer.append(citations.marked(average, report.average))
    answer.append(Text("Next steps", style=HEADING))
    answer.append(bullets([f"{step.text} {citations.mark(step)}" for step in report.next_steps]))
    answered = citations.used()
    detail: list[RenderableType] = [title("What each statement rests on")]
    for _, items, _ in groups:
        for item in items:
            detail.append(indented(Text(item.statement)))
            said = "The article says" if isinstance(item.basis.provenance, Article) else "Resting on"
            basis = Text(f"{said}: {item.basis.text} ", style=DIM)
            basis.append(citations.mark(item.basis), style=DIM)
            detail.append(indented(basis, 4))
    return Disclosure(answer, detail, citations, answered)
