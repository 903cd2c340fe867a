"""The pieces every view is built from: tables that stack when narrow, bars, ages, citations.

Every string that comes from the data is wrapped in `Text`, and consoles are
made with markup off, so text such as "[bold]" or "Array[int]" prints as typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ml_career.queries.freshness import STALE_AFTER_MONTHS
from ml_career.queries.wording import money, publisher_label

if TYPE_CHECKING:
    from ml_career.queries.freshness import Freshness
    from ml_career.queries.provenance import SourceRef
    from ml_career.queries.salary import RungSalary

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


def cited_heading(title: str, fact: Any, citations: Citations) -> Text:
    """A heading followed by the mark of whose words follow it."""
    return citations.marked(Text(title, style=HEADING), fact)


class Citations:
    """Marks each fact with whose word it is, and prints the key of the marks used.

    [1], [2]... cite an article; [c1]... a computation (its formula and assumptions);
    [m1]... mlcareer's own reading (its reason); [y] what you gave or assumed.
    Marks are numbered in order of first use, and the same reason or formula keeps its mark.
    """

    def __init__(self, sources: list[SourceRef]) -> None:
        self._titles = {source.id: source.title for source in sources}
        self._order: list[str] = []
        self._computed: list[str] = []
        self._readings: list[str] = []
        self._yours = False

    def cite(self, source: str | None) -> str:
        if source is None:
            return ""
        if source not in self._order:
            self._order.append(source)
        return f"[{self._order.index(source) + 1}]"

    def computed(self, formula: str, assumptions: list[str] | tuple[str, ...] = ()) -> str:
        line = formula + "".join(f"; assuming {assumption}" for assumption in assumptions)
        if line not in self._computed:
            self._computed.append(line)
        return f"[c{self._computed.index(line) + 1}]"

    def reading(self, reason: str) -> str:
        if reason not in self._readings:
            self._readings.append(reason)
        return f"[m{self._readings.index(reason) + 1}]"

    def yours(self) -> str:
        self._yours = True
        return "[y]"

    def mark(self, fact: Any) -> str:
        """The mark for any fact that carries a provenance and its details."""
        kind = getattr(fact, "provenance", "article")
        if kind == "computed":
            return self.computed(fact.formula, getattr(fact, "assumptions", ()))
        if kind == "mlcareer":
            return self.reading(getattr(fact, "reason", None) or "mlcareer's own reading")
        if kind == "you":
            return self.yours()
        return self.cite(getattr(fact, "source", None))

    def after(self, text: Text, source: str | None) -> Text:
        """`text` followed by its dim citation number, `[n]`."""
        if source:
            text.append(f" {self.cite(source)}", style=DIM)
        return text

    def marked(self, text: Text, fact: Any) -> Text:
        """`text` followed by the dim mark of `fact`'s provenance."""
        if mark := self.mark(fact):
            text.append(f" {mark}", style=DIM)
        return text

    def key(self) -> Text:
        lines = Text(style=DIM)
        for number, source in enumerate(self._order, start=1):
            lines.append(f"[{number}] article {source}: {self._titles.get(source, '')}\n")
        for number, line in enumerate(self._computed, start=1):
            lines.append(f"[c{number}] computed by mlcareer: {line}\n")
        for number, reason in enumerate(self._readings, start=1):
            lines.append(f"[m{number}] mlcareer's reading, not the articles': {reason}\n")
        if self._yours:
            lines.append("[y] yours: what you gave, chose or assumed\n")
        return lines


def salary_line(label: str, salary: RungSalary, citations: Citations) -> Text:
    """What a rung pays: its own figures, or a plain "none" beside the figures for all levels."""
    line = Text(label, style=HEADING)
    if salary.missing is not None:
        line.append(salary.missing.text, style=WARNING)
        line.append(f" {citations.mark(salary.missing)}", style=DIM)
        if salary.figures:
            line.append("; for the role as a whole (all levels): ")
    for index, figure in enumerate(salary.figures):
        line.append(", " if index else "")
        line.append(f"{money(figure.amount, figure.currency)} ({publisher_label(figure.publisher)}")
        line.append(f", {figure.as_of or 'undated'}) {citations.cite(figure.source)}")
        if figure.match is not None:
            line.append(f" {figure.match.text} {citations.mark(figure.match)}", style=DIM)
    return line


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
