"""The pieces every view is built from: tables that stack when narrow, bars, ages, citations.

Every string that comes from the data is wrapped in `Text`, and consoles are
made with markup off, so text such as "[bold]" or "Array[int]" prints as typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ml_career.queries.freshness import STALE_AFTER_MONTHS

if TYPE_CHECKING:
    from ml_career.queries.citing import SourceRef
    from ml_career.queries.freshness import Freshness

NARROW = 60  # below this many columns a table becomes a list of records
DIM = "dim"
HEADING = "bold"
WARNING = "yellow"
BAR_WIDTH = 24


def bar(value: float, largest: float, width: int) -> str:
    """A horizontal bar, `width` cells for the largest value: to scale, in plain ASCII."""
    if largest <= 0 or width <= 0:
        return ""
    return "#" * max(1, round(width * value / largest))


class Column(NamedTuple):
    header: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False
    ratio: int | None = None


def grid(columns: list[Column], rows: list[list[Text]], width: int) -> RenderableType:
    """A table when the terminal is wide enough, otherwise one stacked record per row."""
    if width < NARROW:
        records = Text()
        for row in rows:
            first, *rest = row
            heading = first.copy()
            heading.stylize(HEADING)
            records.append_text(heading)
            records.append("\n")
            for column, cell in zip(columns[1:], rest, strict=True):
                if cell.plain:
                    records.append(f"  {column.header}: " if column.header else "  ", style=DIM)
                    records.append_text(cell)
                    records.append("\n")
        return records
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column.header, justify=column.justify, no_wrap=column.no_wrap, ratio=column.ratio)
    for row in rows:
        table.add_row(*row)
    return table


def bar_width(width: int, needed: int) -> int:
    """Cells left for bars once `needed` columns of text are laid out; 0 hides them."""
    spare = min(BAR_WIDTH, width - needed)
    return spare if spare >= 8 else 0


def short_age(months: int) -> str:
    years, rest = divmod(months, 12)
    return f"{years}y {rest}m" if years else f"{rest}m"


def age_cell(fresh: Freshness) -> Text:
    """`4y 5m !` for a figure that may be out of date, `unknown` for an undated one."""
    if fresh.age_months is None:
        return Text("unknown", style=DIM)
    if fresh.stale:
        return Text(f"{short_age(fresh.age_months)} !", style=WARNING)
    return Text(short_age(fresh.age_months))


def stale_note() -> Text:
    return Text(f"! more than {STALE_AFTER_MONTHS} months old today: may be out of date.", style=WARNING)


def bullets(items: list[str]) -> Text:
    text = Text()
    for item in items:
        text.append("  - ")
        text.append(item)
        text.append("\n")
    return text


def cited_heading(title: str, source: str | None, citations: Citations) -> Text:
    return citations.after(Text(title, style=HEADING), source)


class Citations:
    """Numbers sources [1], [2]... in order of first use and prints the key."""

    def __init__(self, sources: list[SourceRef]) -> None:
        self._titles = {source.id: source.title for source in sources}
        self._order: list[str] = []

    def cite(self, source: str | None) -> str:
        if source is None:
            return ""
        if source not in self._order:
            self._order.append(source)
        return f"[{self._order.index(source) + 1}]"

    def after(self, text: Text, source: str | None) -> Text:
        """`text` followed by its dim citation number, `[n]`."""
        if source:
            text.append(f" {self.cite(source)}", style=DIM)
        return text

    def key(self) -> Text:
        lines = Text(style=DIM)
        for number, source in enumerate(self._order, start=1):
            lines.append(f"[{number}] {source}: {self._titles.get(source, '')}\n")
        return lines


def labelled(label: str, text: str) -> Text:
    """A bold label followed by plain text: only the label is bold."""
    line = Text(label, style=HEADING)
    line.append(text, style="")
    return line


def title(text: str) -> Text:
    return Text(text, style=HEADING)


def paragraph(text: str | None) -> Text:
    return Text(text or "")


def highlighted(text: str, spans: list[tuple[int, int]]) -> Text:
    shown = Text(text)
    for start, end in spans:
        shown.stylize("bold reverse", start, end)
    return shown
