"""The plan and the progress as a document to share: Markdown, HTML or SVG (and iCalendar, in `calendar`).

Markdown and HTML are written from one document model (`plan_document`), so
they carry the same facts, each with the same provenance mark, and the same
key of articles and marks at the end. SVG records the terminal views.
"""

import html
import io
import re
from typing import TYPE_CHECKING, NamedTuple

from ml_career.dataset.names import pick
from ml_career.queries.wording import money, money_range, publisher_label, years_range
from ml_career.render.timeline import step_duration, timeline_inputs, timeline_rows, total_text
from ml_career.render.widgets import CHOSEN_WORDS, ROLE_PAY_LABEL, Citations
from ml_career.text_safety import printable

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ml_career.advisor.plan import PlanReport, PlanStep
    from ml_career.advisor.progress import ProgressReport
    from ml_career.queries.salary import RungPay, RungSalary

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
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&~])")
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


class Item(NamedTuple):
    """One line of a section: its text, its provenance mark, and a checkbox where it has one."""

    text: str
    mark: str = ""
    label: str = ""  # a bold lead-in, such as "Total:"
    checked: bool | None = None


class Part(NamedTuple):
    heading: str
    items: list[Item]
    ordered: bool = False


class Document(NamedTuple):
    title: str
    made: str
    parts: list[Part]
    key: list[str]  # what each mark means: the articles, formulas, mlcareer's reasons, yours


def format_choices() -> list[tuple[list[str], str]]:
    return [(names, name) for name, names in FORMAT_NAMES.items()]


def resolve_format(typed: str) -> str:
    """The export format that `typed` names, with suggestions when none does."""
    return pick("format", typed, format_choices())


def home_relative(path: str) -> str:
    """`path` with the user's home folder written as ~, so a shared picture names no one's folders."""
    from pathlib import Path

    try:
        return str(Path("~") / Path(path).relative_to(Path.home()))
    except (ValueError, RuntimeError, KeyError):
        return Path(path).name


def export_document(plan: "PlanReport", progress: "ProgressReport", fmt: str, on: str) -> str:
    if fmt == "markdown":
        return markdown(plan_document(plan, progress, on))
    if fmt == "html":
        return html_page(plan_document(plan, progress, on))
    if fmt == "ics":
        from ml_career.render.calendar import ics_document

        return ics_document(plan, on)
    return svg_document(plan, progress)


def step_summary(step: "PlanStep", marks: Citations, last: bool = False) -> str:
    parts = []
    if yours := step_duration(step.months_min, step.months_max, step.duration_provenance, marks):
        parts.append(yours)
    elif step.years_min is not None and step.years_max is not None:
        cited = f" {marks.cite(step.figures_source)}" if step.figures_source else ""
        parts.append(years_range(step.years_min, step.years_max) + cited)
    elif last:
        parts.append("the target")
    elif step.kind == "current":
        parts.append("time here not given")
    else:
        parts.append("duration not given in the articles")
    if step.cost_min is not None and step.cost_max is not None and step.currency:
        formula = f" {marks.cite(step.figures_source)}{marks.mark(step.tuition_how)}" if step.tuition_how else ""
        parts.append(f"tuition {money_range(step.cost_min, step.cost_max, step.currency)}{formula}")
    return "; ".join(parts)


def figures_text(figures: "Sequence[RungPay]", marks: Citations) -> str:
    return "; ".join(
        f"{money(f.amount, f.currency)} ({publisher_label(f.publisher)}, {f.as_of or 'undated'}) {marks.cite(f.source)}"
        + (f", {f.match.text} {marks.mark(f.match)}" if f.match else "")
        for f in figures
    )


def salary_text(salary: "RungSalary", marks: Citations) -> str:
    """A rung's own figures, or "no figure": the role's figures for all levels are shown apart, once."""
    if salary.missing is None:
        return figures_text(salary.figures, marks)
    return f"{salary.missing.text} {marks.mark(salary.missing)}"


def plan_document(plan: "PlanReport", progress: "ProgressReport", on: str) -> Document:
    """Everything the export shows, each fact with its mark, in the order it is shown."""
    marks = Citations(plan.sources)
    starting = [
        Item(
            f"{given.label} ({CHOSEN_WORDS.get(given.chosen, given.chosen)})",
            marks.mark(given),
            label=f"{given.name.capitalize()}:",
        )
        for given in plan.inputs
    ]
    count = len(plan.steps)
    steps = [
        Item(f"{step.title} ({step_summary(step, marks, n == count)})", marks.mark(step))
        for n, step in enumerate(plan.steps, start=1)
    ]
    if plan.at_top is not None:
        steps.append(Item(plan.at_top.message.text, marks.mark(plan.at_top.message)))
        steps.append(Item(f"{plan.at_top.title}: {plan.at_top.description}", marks.mark(plan.at_top)))
    else:
        totals = total_text(plan.total, marks) if plan.total is not None else ""
        if plan.tuition_min is not None and plan.tuition_max is not None and plan.currency:
            totals += f"; tuition {money_range(plan.tuition_min, plan.tuition_max, plan.currency)}"
            if plan.tuition_assumption:
                totals += f" {marks.computed(plan.tuition_assumption)}"
        steps.append(Item(totals, label="Total:"))
        steps.append(Item(plan.order.text, marks.mark(plan.order)))
    steps += [Item(note) for note in (plan.years_note, *plan.notes) if note]
    wanted = (("Entry point", plan.entry_salary), ("Target", plan.target_salary))
    salaries = [
        Item(salary_text(salary, marks), label=f"{label}, {salary.rung}:")
        for label, salary in (wanted[1:] if plan.at_top else wanted)
    ]
    if plan.role_pay:
        salaries.append(Item(figures_text(plan.role_pay, marks), label=ROLE_PAY_LABEL.strip()))
    timeline = []
    if plan.timeline is not None and (plan.timeline.start or plan.timeline.assumptions):
        timeline += [Item(given, label="Yours:") for given in timeline_inputs(plan.timeline, marks)]
        timeline += [
            Item(f"{row.title}: {row.spent}; begins {row.begins}", label=f"{row.step}:")
            for row in timeline_rows(plan.timeline, marks)
        ]
    suggestions = {skill.id: skill.suggestion for skill in plan.skills_to_learn}
    skills = []
    for row in progress.items:
        text = row.name if row.kind == "skill" else f"tool: {row.name}"
        text += f" ({row.status})" if row.status != "pending" else ""
        if row.tools_total:
            text += f", {row.tools_done}/{row.tools_total} tools"
        suggestion = suggestions.get(row.id)
        if suggestion is not None:
            text += f": learn with {suggestion.text} {marks.mark(suggestion)}"
        if row.note:
            text += f"; {marks.yours()} your note: {row.note.text}"
        skills.append(Item(text, marks.yours() if row.status != "pending" else "", checked=row.finished))
    finished = sum(1 for row in progress.items if row.finished)
    return Document(
        title=f"{plan.career}: my plan",
        made=f"Made with mlcareer on {on}.",
        parts=[
            Part("Starting point", starting),
            Part("Steps", steps, ordered=False),
            *([Part("Your timeline", timeline)] if timeline else []),
            Part("Salary", salaries),
            Part(
                f"Skills and tools: {progress.percent:g}% done or skipped ({finished} of {len(progress.items)})", skills
            ),
        ],
        key=marks.lines(),
    )


def md(text: str) -> str:
    """Data text made safe for Markdown: it shows as typed, never as formatting.

    Each piece of data sits inside one line of the document, so a line break in it
    becomes a space: it can never start a heading, a rule or a list item. A web
    address stays plain text with its `<` and `>` escaped, so it cannot close a tag.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", printable(_LINE_BREAKS.sub(" ", text)))


def h(text: str) -> str:
    """Data text for HTML or XML: markup escaped, and no control character (XML forbids them)."""
    return html.escape(printable(text))


def markdown(document: Document) -> str:
    lines = [f"# {md(document.title)}", "", md(document.made), ""]
    for part in document.parts:
        lines += [f"## {md(part.heading)}", ""]
        for item in part.items:
            box = "" if item.checked is None else ("[x] " if item.checked else "[ ] ")
            label = f"**{md(item.label)}** " if item.label else ""
            mark = f" {md(item.mark)}" if item.mark else ""
            lines.append(f"- {box}{label}{md(item.text)}{mark}")
        lines.append("")
    lines += ["## Sources and marks", ""]
    lines += [f"- {md(line)}" for line in document.key]
    return "\n".join(lines) + "\n"


def html_page(document: Document) -> str:
    e = h
    body = []
    for part in document.parts:
        checklist = any(item.checked is not None for item in part.items)
        body.append(f"<h2>{e(part.heading)}</h2>")
        body.append('<ul class="skills">' if checklist else "<ul>")
        for item in part.items:
            box = ""
            if item.checked is not None:
                box = f'<input type="checkbox" disabled{" checked" if item.checked else ""}> '
            label = f"<strong>{e(item.label)}</strong> " if item.label else ""
            mark = f" <small>{e(item.mark)}</small>" if item.mark else ""
            body.append(f"<li>{box}{label}{e(item.text)}{mark}</li>")
        body.append("</ul>")
    key = "".join(f"<li>{e(line)}</li>" for line in document.key)
    parts = "\n".join(body)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(document.title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #222; }}
h1 {{ font-size: 1.6rem; }} small {{ color: #666; }} ul.skills {{ list-style: none; padding-left: 0; }}
</style>
</head>
<body>
<h1>{e(document.title)}</h1>
<p>{e(document.made)}</p>
{parts}
<h2>Sources and marks</h2>
<ul>{key}</ul>
</body>
</html>
"""


def svg_document(plan: "PlanReport", progress: "ProgressReport") -> str:
    """The terminal views of the plan and the progress, recorded as an SVG picture."""
    from rich.console import Console, Group

    from ml_career.render.advisor import plan_parts, progress_parts
    from ml_career.render.output import sized_environ

    width = 100
    console = Console(
        record=True,
        width=width,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        _environ=sized_environ(),
    )
    # The picture is for sharing: it names the saved file from ~, never the user's own folders.
    shared = progress._replace(state_file=home_relative(progress.state_file))
    # One set of marks for both views, and one key: a mark means the same thing across the picture.
    marks = Citations(plan.sources)
    views = [plan_parts(plan, width, marks, keyed=False), progress_parts(shared, width, marks, keyed=False)]
    console.print(Group(*views, marks.key()))
    # Rich escapes markup in the picture but not control characters, which make it invalid XML.
    return printable(console.export_svg(title=f"mlcareer: {plan.career} plan"))
