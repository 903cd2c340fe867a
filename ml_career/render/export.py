"""The plan and the progress as a document to share: Markdown, HTML or SVG."""

from __future__ import annotations

import html
import io
import re
from typing import TYPE_CHECKING

from ml_career.dataset.names import pick
from ml_career.queries.wording import money_range, years_range

if TYPE_CHECKING:
    from ml_career.advisor.plan import PlanReport, PlanStep
    from ml_career.advisor.progress import ProgressReport

FORMATS = ("markdown", "html", "svg")
# The names each format answers to, its own first.
FORMAT_NAMES: dict[str, list[str]] = {
    "markdown": ["markdown", "md"],
    "html": ["html", "htm"],
    "svg": ["svg"],
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def resolve_format(typed: str) -> str:
    """The export format that `typed` names, with suggestions when none does."""
    return pick("format", typed, [(names, name) for name, names in FORMAT_NAMES.items()])


def format_for(typed: str | None, output: str | None) -> str:
    """--format when given; else the one the output file's extension names (.md, .html, .svg...);
    else Markdown."""
    if typed is not None:
        return resolve_format(typed)
    if output is not None:
        extension = output.rpartition(".")[2].casefold() if "." in output else ""
        for name, names in FORMAT_NAMES.items():
            if extension in names:
                return name
    return "markdown"


def home_relative(path: str) -> str:
    """`path` with the user's home folder written as ~, so a shared picture names no one's folders."""
    from pathlib import Path

    try:
        return str(Path("~") / Path(path).relative_to(Path.home()))
    except (ValueError, RuntimeError):
        return Path(path).name


def export_document(plan: PlanReport, progress: ProgressReport, fmt: str, on: str) -> str:
    if fmt == "markdown":
        return markdown_document(plan, progress, on)
    if fmt == "html":
        return html_document(plan, progress, on)
    return svg_document(plan, progress)


def md(text: str) -> str:
    """Data text made safe for Markdown: it shows as typed, never as formatting."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def step_summary(step: PlanStep) -> str:
    parts = []
    if step.years_min is not None and step.years_max is not None:
        parts.append(years_range(step.years_min, step.years_max))
    else:
        parts.append("duration not given in the sources")
    if step.cost_min is not None and step.cost_max is not None and step.currency:
        parts.append(f"tuition {money_range(step.cost_min, step.cost_max, step.currency)} (computed)")
    return "; ".join(parts)


def totals_line(plan: PlanReport) -> str:
    line = f"{years_range(plan.years_min, plan.years_max)} for the steps with a duration"
    if plan.tuition_min is not None and plan.tuition_max is not None and plan.currency:
        line += f"; tuition {money_range(plan.tuition_min, plan.tuition_max, plan.currency)} (computed)"
    return line


def markdown_document(plan: PlanReport, progress: ProgressReport, on: str) -> str:
    lines = [f"# {md(plan.career)}: my plan", "", f"Made with mlcareer on {on}.", "", "## Starting point", ""]
    lines += [f"- {md(i.name.capitalize())}: {md(i.label)} ({i.chosen})" for i in plan.inputs]
    lines += ["", "## Steps", ""]
    lines += [f"{n}. **{md(step.title)}** ({md(step_summary(step))})" for n, step in enumerate(plan.steps, start=1)]
    lines += ["", f"**Total:** {md(totals_line(plan))}.", ""]
    if plan.years_note:
        lines += [f"_{md(plan.years_note)}_", ""]
    if plan.tuition_assumption:
        lines += [f"_{md(plan.tuition_assumption)}_", ""]
    lines += ["## Salary", ""]
    for label, salary in (("Entry point", plan.entry_salary), ("Target", plan.target_salary)):
        lines.append(f"- {label}, {md(salary.rung)}: {md(', '.join(salary.figures) or salary.missing or '')}")
    lines += ["", f"## Skills: {progress.percent:g}% done", ""]
    resources = {skill.id: skill for skill in plan.skills_to_learn}
    for row in progress.skills:
        box = "x" if row.finished else " "
        line = f"- [{box}] {md(row.name)}"
        if row.status != "pending":
            line += f" ({row.status})"
        skill = resources.get(row.id)
        if skill is not None and skill.resource:
            line += f": learn with {md(skill.resource)}" + (f" <{skill.resource_url}>" if skill.resource_url else "")
        lines.append(line)
    return "\n".join(lines) + "\n"


def html_document(plan: PlanReport, progress: ProgressReport, on: str) -> str:
    e = html.escape
    title = f"{plan.career}: my plan"
    inputs = "".join(
        f"<li>{e(i.name.capitalize())}: {e(i.label)} <small>({e(i.chosen)})</small></li>" for i in plan.inputs
    )
    steps = "".join(f"<li><strong>{e(s.title)}</strong> <small>{e(step_summary(s))}</small></li>" for s in plan.steps)
    salaries = "".join(
        f"<li>{label}, {e(s.rung)}: {e(', '.join(s.figures) or s.missing or '')}</li>"
        for label, s in (("Entry point", plan.entry_salary), ("Target", plan.target_salary))
    )
    resources = {skill.id: skill for skill in plan.skills_to_learn}

    def learn_with(row_id: str) -> str:
        skill = resources.get(row_id)
        if skill is None or not skill.resource:
            return ""
        where = e(skill.resource)
        if skill.resource_url:
            where = f'<a href="{e(skill.resource_url)}">{where}</a> &lt;{e(skill.resource_url)}&gt;'
        return f": learn with {where}"

    skills = "".join(
        f'<li><input type="checkbox" disabled{" checked" if r.finished else ""}> '
        f"{e(r.name)} <small>{e(r.status)}</small>{learn_with(r.id)}</li>"
        for r in progress.skills
    )
    notes = "".join(f"<p><em>{e(note)}</em></p>" for note in (plan.years_note, plan.tuition_assumption) if note)
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
<h2>Salary</h2>
<ul>{salaries}</ul>
<h2>Skills: {progress.percent:g}% done</h2>
<ul class="skills">{skills}</ul>
</body>
</html>
"""


def svg_document(plan: PlanReport, progress: ProgressReport) -> str:
    """The terminal views of the plan and the progress, recorded as an SVG picture."""
    from rich.console import Console, Group

    from ml_career.render.registry import render

    width = 100
    console = Console(record=True, width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    # The picture is for sharing: it names the saved file from ~, never the user's own folders.
    shared = progress._replace(state_file=home_relative(progress.state_file))
    console.print(Group(render(plan, width), render(shared, width)))
    return console.export_svg(title=f"mlcareer: {plan.career} plan")
