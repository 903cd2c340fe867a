"""The export formats: one line each, and everything about a format is read from its line.

A format is a module with a function that turns the plan and the progress into
the document's text. `mlcareer export --format`, its
help, the --output suffixes, completion and the README's list all come from
FORMATS, so a new format is its module and one line here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from ml_career.advisor.plan import PlanReport
    from ml_career.advisor.progress import ProgressReport

    Writer = Callable[[PlanReport, ProgressReport, str, datetime], str]


class ExportFormat(NamedTuple):
    name: str  # what --format takes, and what is shown
    title: str  # what the document is called in help
    aliases: tuple[str, ...]  # other names --format takes
    suffixes: tuple[str, ...]  # the --output suffixes that choose it, without --format
    writer: str  # "module:function": (plan, progress, the day it names, the time it is made) -> the text


# The first is the default where neither --format nor a known suffix says.
FORMATS = (
    ExportFormat("markdown", "Markdown", ("md",), (".md", ".markdown"), "ml_career.render.export:markdown_export"),
    ExportFormat("html", "HTML", ("htm",), (".html", ".htm"), "ml_career.render.export:html_export"),
    ExportFormat("svg", "SVG", (), (".svg",), "ml_career.render.export:svg_export"),
    ExportFormat(
        "ics", "iCalendar", ("ical", "icalendar", "calendar"), (".ics",), "ml_career.render.calendar:ics_export"
    ),
)


def format_names() -> str:
    """`markdown, html, svg or ics (iCalendar)`: the formats as help lists them."""
    shown = [f.name if f.title.casefold() == f.name else f"{f.name} ({f.title})" for f in FORMATS]
    return ", ".join(shown[:-1]) + f" or {shown[-1]}" if len(shown) > 1 else shown[0]


def format_choices() -> list[tuple[list[str], ExportFormat]]:
    """Each format with the names --format takes for it, its own first (completion offers these)."""
    return [([f.name, *f.aliases], f) for f in FORMATS]


def resolve_format(typed: str | None, output_suffix: str = "") -> ExportFormat:
    """The format --format names (with suggestions when none does), else the output file's suffix's, else the first."""
    from ml_career.dataset.names import pick

    if typed is not None:
        return pick("format", typed, format_choices())
    return next((f for f in FORMATS if output_suffix.casefold() in f.suffixes), FORMATS[0])


def writer_of(export_format: ExportFormat) -> Writer:
    """The function that writes `export_format`, imported only when it is used."""
    module, _, function = export_format.writer.partition(":")
    found: Writer = getattr(importlib.import_module(module), function)
    return found


def export_document(
    plan: PlanReport, progress: ProgressReport, export_format: ExportFormat, on: str, now: datetime
) -> str:
    """The document in `export_format`, naming the day `on`, made at `now` (a calendar is stamped with it)."""
    return writer_of(export_format)(plan, progress, on, now)
