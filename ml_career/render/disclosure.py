"""Say just enough: a view's answer, the detail it keeps behind --sources, and the key of each.

A view answers first: the figure, the table, one line per item, each fact with its
mark. The articles' full words, what each figure measures, mlcareer's reasons and
the formulas are the view's detail. By default the answer is followed by a short
key - a line per article cited and one line for computed, mlcareer's and yours -
and a pointer to --sources; with --sources, by the detail and the full key.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from rich.console import Group, RenderableType
from rich.text import Text

from ml_career.render.layout import hanging

if TYPE_CHECKING:
    from ml_career.render.widgets import Citations, UsedMarks

DIM = "dim"
SOURCES_FLAG = "--sources"
POINTER = f"{SOURCES_FLAG}: the articles' words, what each figure measures, formulas, reasons."


class Disclosure(NamedTuple):
    """A view in two parts: what it answers, and what --sources adds."""

    answer: list[RenderableType]
    detail: list[RenderableType]
    citations: Citations
    # The marks the answer itself uses: the short key lists these alone.
    answered: UsedMarks


def shown(disclosure: Disclosure, sources: bool) -> RenderableType:
    """The answer with its short key and the pointer, or (with --sources) everything and the full key."""
    if sources:
        return Group(*disclosure.answer, *disclosure.detail, disclosure.citations.key())
    return Group(*disclosure.answer, *short_key(disclosure.answered), Text(POINTER, style=DIM))


def column_mark(citations: Citations, facts: Iterable[Any]) -> str:
    """The one mark every fact of a column shares, for its header to carry; "" when they differ."""
    marks = {citations.mark(fact) for fact in facts}
    return marks.pop() if len(marks) == 1 else ""


def short_key(used: UsedMarks) -> list[RenderableType]:
    """One line per article (its mark and title), then one line for the other kinds of mark used."""
    lines: list[RenderableType] = [
        hanging(Text(f"{mark} ", style=DIM), Text(name, style=DIM), 0) for mark, name in used.articles
    ]
    kinds = []
    if used.computed:
        kinds.append(f"{_span('c', used.computed)} computed by mlcareer")
    if used.readings:
        kinds.append(f"{_span('m', used.readings)} mlcareer's reading")
    if used.yours:
        kinds.append("[y] yours")
    if kinds:
        lines.append(Text("; ".join(kinds), style=DIM))
    return lines


def _span(prefix: str, count: int) -> str:
    return f"[{prefix}1]" if count == 1 else f"[{prefix}1-{count}]"
