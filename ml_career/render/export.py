"""The plan and the progress as a document to share: Markdown, HTML or SVG (and iCalendar, in `calendar`).

Markdown and HTML are written from one document model (`plan_document`), so
they carry the same facts, each with the same provenance mark, and the same
key of articles and marks at the end. SVG records the terminal views.
"""

import html
import io
import re
from typing import TYPE_CHECKING, NamedTuple

from ml_career.render.plan_facts import (
    Item,
    order_and_notes,
    salary_items,
    skill_items,
    starting_items,
    step_items,
    timeline_items,
    top_items,
    total_item,
)
from ml_career.render.widgets import Citations
from ml_career.text_safety import printable

if TYPE_CHECKING:
    from datetime import datetime

    from ml_career.advisor.plan import PlanReport
    from ml_career.advisor.progress import ProgressReport

__all__ = ["Item"]  # the export's line of text, defined with the facts it formats

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&~])")
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


class Part(NamedTuple):
    heading: str
    items: list[Item]


class Document(NamedTuple):
    title: str
    made: str
    parts: list[Part]
    key: list[str]  # what each mark means: the articles, formulas, mlcareer's reasons, yours


def home_relative(path: str) -> str:
    """`path` with the user's home folder written as ~, so a shared picture names no one's folders."""
    from pathlib import Path

    try:
        return str(Path("~") / Path(path).relative_to(Path.home()))
    except (ValueError, RuntimeError, KeyError):
        return Path(path).name


def plan_document(plan: "PlanReport", progress: "ProgressReport", on: str) -> Document:
    """Everything the export shows, each fact with its mark, in the order it is shown."""
    marks = Citations(plan.sources)
    starting = starting_items(plan, marks)
    steps = [*step_items(plan, marks), *top_items(plan, marks)]
    total = total_item(plan, marks)  # after the steps: its marks number as the view's do
    steps += [total] if total else []
    steps += order_and_notes(plan, marks)
    salaries = salary_items(plan, marks)
    timeline = timeline_items(plan, marks)
    skills = skill_items(plan, progress, marks)
    finished = sum(1 for row in progress.items if row.finished)
    return Document(
        title=f"{plan.career}: my plan",
        made=f"Made with mlcareer on {on}.",
        parts=[
            Part("Starting point", starting),
            Part("Steps", steps),
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
    from ml_career.render.messages import sized_environ

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


# The writers formats.FORMATS names, each taking (plan, progress, the day it names, the time it is made).
def markdown_export(plan: "PlanReport", progress: "ProgressReport", on: str, now: "datetime") -> str:
    return markdown(plan_document(plan, progress, on))


def html_export(plan: "PlanReport", progress: "ProgressReport", on: str, now: "datetime") -> str:
    return html_page(plan_document(plan, progress, on))


def svg_export(plan: "PlanReport", progress: "ProgressReport", on: str, now: "datetime") -> str:
    return svg_document(plan, progress)
