"""The plan and the progress as a document to share: Markdown, HTML or SVG."""

from __future__ import annotations

import html
import io
import re
from typing import TYPE_CHECKING

from ml_career.advisor.timeline import months_range_text
from ml_career.dataset.names import pick
from ml_career.queries.wording import money_range, years_range
from ml_career.render.marks import MARKS, MEANINGS, mark, note_text
from ml_career.render.timeline import timeline_rows

if TYPE_CHECKING:
    from ml_career.advisor.plan import PlanReport, PlanStep
    from ml_career.advisor.progress import ProgressReport
    from ml_career.advisor.timeline import Timeline

FORMATS = ("markdown", "html", "svg", "ics")
# The names each format answers to, its own first.
FORMAT_NAMES: dict[str, list[str]] = {
    "markdown": ["markdown", "md"],
    "html": ["html", "htm"],
    "svg": ["svg"],
    "ics": ["ics", "ical", "icalendar", "calendar"],
}
# A file name's suffix -> the format it asks for, when --format is not given.
SUFFIX_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".svg": "svg",
    ".ics": "ics",
}
LEGEND = "Marks: " + "; ".join(f"{MARKS[p]} {MEANINGS[p]}" for p in ("article", "computed", "you"))
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def resolve_format(typed: str) -> str:
    """The export format that `typed` names, with suggestions when none does."""
    return pick("format", typed, [(names, name) for name, names in FORMAT_NAMES.items()])


def export_document(plan: PlanReport, progress: ProgressReport, fmt: str, on: str) -> str:
    if fmt == "markdown":
        return markdown_document(plan, progress, on)
    if fmt == "html":
        return html_document(plan, progress, on)
    if fmt == "ics":
        from ml_career.render.calendar import ics_document

        return ics_document(plan, on)
    return svg_document(plan, progress)


def md(text: str) -> str:
    """Data text made safe for Markdown: it shows as typed, never as formatting."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def step_summary(step: PlanStep, last: bool = False) -> str:
    parts = []
    if step.months_min is not None and step.months_max is not None and step.duration_provenance:
        parts.append(f"{months_range_text(step.months_min, step.months_max)} {mark(step.duration_provenance)}")
    elif step.years_min is not None and step.years_max is not None:
        parts.append(years_range(step.years_min, step.years_max))
    elif last:
        parts.append("the target")
    else:
        parts.append("duration not given in the sources")
    if step.cost_min is not None and step.cost_max is not None and step.currency:
        parts.append(f"tuition {money_range(step.cost_min, step.cost_max, step.currency)} (computed)")
    return "; ".join(parts)


def totals_line(plan: PlanReport) -> str:
    timeline = plan.timeline
    if timeline is not None and timeline.total_months_min is not None and timeline.total_months_max is not None:
        line = f"{months_range_text(timeline.total_months_min, timeline.total_months_max)} {mark('computed')}, "
        line += f"the sum of every step's duration: {timeline.formula}"
    elif timeline is not None:
        known = months_range_text(timeline.known_months_min, timeline.known_months_max)
        line = (
            f"not known until every step has a duration (none for {', '.join(timeline.missing)}); "
            f"the steps with one add up to {known} {mark('computed')} ({timeline.formula})"
        )
    else:
        line = f"{years_range(plan.years_min, plan.years_max)} for the steps with a duration"
    if plan.tuition_min is not None and plan.tuition_max is not None and plan.currency:
        line += f"; tuition {money_range(plan.tuition_min, plan.tuition_max, plan.currency)} (computed)"
    return line


def markdown_document(plan: PlanReport, progress: ProgressReport, on: str) -> str:
    lines = [f"# {md(plan.career)}: my plan", "", f"Made with mlcareer on {on}.", "", "## Starting point", ""]
    lines += [f"- {md(i.name.capitalize())}: {md(i.label)} ({i.chosen})" for i in plan.inputs]
    lines += ["", "## Steps", ""]
    count = len(plan.steps)
    lines += [
        f"{n}. **{md(step.title)}** ({md(step_summary(step, n == count))})"
        for n, step in enumerate(plan.steps, start=1)
    ]
    lines += ["", f"**Total:** {md(totals_line(plan))}.", ""]
    for note in (plan.years_note, plan.tuition_assumption, *plan.notes):
        if note:
            lines += [f"_{md(note)}_", ""]
    if plan.timeline is not None:
        lines += ["## Your timeline", ""]
        lines += [md(line) for line in timeline_inputs(plan.timeline)] + [""]
        lines += ["| Step | Milestone | Time spent | Begins |", "| --- | --- | --- | --- |"]
        lines += [
            f"| {md(row.step)} | {md(row.title)} | {md(row.spent)} | {md(row.begins)} |"
            for row in timeline_rows(plan.timeline)
        ]
        lines += ["", f"_{md(LEGEND)}_", ""]
    lines += ["## Salary", ""]
    for label, salary in (("Entry point", plan.entry_salary), ("Target", plan.target_salary)):
        lines.append(f"- {label}, {md(salary.rung)}: {md(', '.join(salary.figures) or salary.missing or '')}")
    lines += ["", f"## Skills: {progress.percent:g}% done", ""]
    resources = {skill.id: skill for skill in plan.skills_to_learn}
    for row in progress.items:
        box = "x" if row.finished else " "
        line = f"- [{box}] {md(row.name)}" if row.kind == "skill" else f"  - [{box}] tool: {md(row.name)}"
        if row.status != "pending":
            line += f" ({row.status})"
        if row.tools_total:
            line += f", {row.tools_done}/{row.tools_total} tools"
        skill = resources.get(row.id)
        if skill is not None and skill.resource:
            line += f": learn with {md(skill.resource)}" + (f" <{skill.resource_url}>" if skill.resource_url else "")
        if row.note:
            line += f"; {md(note_text(row.note.text))}"
        lines.append(line)
    if any(row.note for row in progress.items):
        lines += ["", f"_{md(LEGEND)}_"]
    return "\n".join(lines) + "\n"


def timeline_inputs(timeline: Timeline) -> list[str]:
    given = [f"Start: {timeline.start.value} {mark(timeline.start.provenance)}"] if timeline.start else []
    given += [f"Assumed: {a.step}={a.typed} {mark(a.provenance)}" for a in timeline.assumptions if a.used]
    return [f"- {line}" for line in given]


def html_document(plan: PlanReport, progress: ProgressReport, on: str) -> str:
    e = html.escape
    title = f"{plan.career}: my plan"
    inputs = "".join(
        f"<li>{e(i.name.capitalize())}: {e(i.label)} <small>({e(i.chosen)})</small></li>" for i in plan.inputs
    )
    steps = "".join(
        f"<li><strong>{e(s.title)}</strong> <small>{e(step_summary(s, n == len(plan.steps)))}</small></li>"
        for n, s in enumerate(plan.steps, start=1)
    )
    salaries = "".join(
        f"<li>{label}, {e(s.rung)}: {e(', '.join(s.figures) or s.missing or '')}</li>"
        for label, s in (("Entry point", plan.entry_salary), ("Target", plan.target_salary))
    )
    skills = "".join(
        f'<li class="{r.kind}"><input type="checkbox" disabled{" checked" if r.finished else ""}> '
        f"{'tool: ' if r.kind == 'tool' else ''}{e(r.name)} <small>{e(r.status)}"
        f"{f', {r.tools_done}/{r.tools_total} tools' if r.tools_total else ''}</small>"
        f"{f' <em>{e(note_text(r.note.text))}</em>' if r.note else ''}</li>"
        for r in progress.items
    )
    notes = "".join(
        f"<p><em>{e(note)}</em></p>" for note in (plan.years_note, plan.tuition_assumption, *plan.notes) if note
    )
    timeline = html_timeline(plan.timeline) if plan.timeline is not None else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #222; }}
h1 {{ font-size: 1.6rem; }} small {{ color: #666; }} ul.skills {{ list-style: none; padding-left: 0; }}
li.tool {{ margin-left: 1.5rem; }} table {{ border-collapse: collapse; }}
td, th {{ padding: 0 .6rem; text-align: left; }}
</style>
</head>
<body>
<h1>{e(title)}</h1>
<p>Made with mlcareer on {e(on)}.</p>
<h2>Starting point</h2>
<ul>{inputs}</ul>
<h2>Steps</h2>
<ol>{steps}</ol>
<p><strong>Total:</strong> {e(totals_line(plan))}.</p>
{notes}
{timeline}
<h2>Salary</h2>
<ul>{salaries}</ul>
<h2>Skills: {progress.percent:g}% done</h2>
<ul class="skills">{skills}</ul>
<p><small>{e(LEGEND)}</small></p>
</body>
</html>
"""


def html_timeline(timeline: Timeline) -> str:
    e = html.escape
    given = "".join(f"<li>{e(line[2:])}</li>" for line in timeline_inputs(timeline))
    rows = "".join(
        f"<tr><td>{e(r.step)}</td><td>{e(r.title)}</td><td>{e(r.spent)}</td><td>{e(r.begins)}</td></tr>"
        for r in timeline_rows(timeline)
    )
    return (
        f"<h2>Your timeline</h2>\n<ul>{given}</ul>\n<table><tr><th>Step</th><th>Milestone</th>"
        f"<th>Time spent</th><th>Begins</th></tr>{rows}</table>"
    )


def svg_document(plan: PlanReport, progress: ProgressReport) -> str:
    """The terminal views of the plan and the progress, recorded as an SVG picture."""
    from rich.console import Console, Group

    from ml_career.render.registry import render

    width = 100
    console = Console(record=True, width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    console.print(Group(render(plan, width), render(progress, width)))
    return console.export_svg(title=f"mlcareer: {plan.career} plan")
