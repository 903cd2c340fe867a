"""The pieces every view is built from: tables that fit the terminal, bars, ages, citations.

Every string that comes from the data is wrapped in `Text`, and consoles are
made with markup off, so text such as "[bold]" or "Array[int]" prints as typed.

Layout rules every view gets from here:
- nothing a view shows is cut with "...": table cells fold, and `grid` lays a
  table out only when every column gets its readable width; otherwise it drops
  the columns a view marked as droppable (saying so), and then stacks records;
- wrapped lines keep their indentation (`indented`, `hanging`, `bullets`);
- bars are drawn with block characters when the output's encoding has them,
  with `#` otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from rich import box
from rich.console import Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ml_career.queries.freshness import STALE_AFTER_MONTHS
from ml_career.render.drawing import BAR_MIN, BAR_WIDTH, Bar, bar, meter

__all__ = ["BAR_MIN", "BAR_WIDTH", "Bar", "bar", "meter"]  # the drawing, for views to find here

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

    from ml_career.queries.citing import SourceRef
    from ml_career.queries.freshness import Freshness

NARROW = 60  # below this many columns a table is always a list of records
DIM = "dim"
HEADING = "bold"
WARNING = "yellow"
GAP = 2  # the space between two table columns
READABLE = 12  # a wrapping column narrower than this reads as a word per line


Rows = Sequence[Sequence[Text | Bar]]


class Column(NamedTuple):
    header: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False
    ratio: int | None = None
    # 0: always shown. 1, 2...: when the table does not fit, dropped in this order (the view says so).
    drop: int = 0


def grid(columns: list[Column], rows: Rows, width: int, stack_below: int = NARROW) -> RenderableType:
    """A table when every column fits readably in `width`, otherwise one stacked record per row.

    A view whose table only reads well wide asks for records below `stack_below` columns.
    A column of `Bar` cells takes the room the others leave (up to BAR_WIDTH), and
    is left out when there is too little: it draws figures the table shows anyway.
    """
    bar_columns = [i for i, cells in enumerate(zip(*rows, strict=True)) if any(isinstance(c, Bar) for c in cells)]
    needs = {
        i: _column_needs(column, [_cell_text(row[i]) for row in rows])
        for i, column in enumerate(columns)
        if i not in bar_columns
    }
    shown = list(needs)

    def needed() -> int:
        return sum(needs[i][0] for i in shown) + GAP * (len(shown) - 1)

    if width < max(NARROW, stack_below):
        return _records(columns, rows, width)
    dropped: list[int] = []
    droppable = sorted((c.drop, i) for i, c in enumerate(columns) if c.drop and i in shown)
    while needed() > width and droppable:
        index = droppable.pop(0)[1]
        shown.remove(index)
        dropped.append(index)
    if needed() > width:
        return _records(columns, rows, width)
    natural = sum(needs[i][1] for i in shown) + GAP * (len(shown) - 1)
    bars = 0
    if bar_columns:
        bars = min(BAR_WIDTH, width - natural - GAP)
        if bars < BAR_MIN:  # share what the readable widths leave between the bars and the text
            bars = min(BAR_WIDTH, (width - needed() - GAP) // 2)
        if bars < BAR_MIN:
            bars = 0
    room = width - needed() - (GAP + bars) * bool(bars) * len(bar_columns)
    widths = _widen({i: needs[i] for i in shown}, {i: columns[i].ratio or 1 for i in shown}, room)
    table = _table(columns, rows, widths, bar_columns if bars else [], bars)
    if not dropped:
        return table
    names = ", ".join(columns[i].header for i in sorted(dropped))
    return Group(table, Text(f"Not shown at {width} columns: {names} (see a wider terminal, or --json).", style=DIM))


def _widen(needs: dict[int, tuple[int, int]], weights: dict[int, int], room: int) -> dict[int, int]:
    """Each column's width: its readable width, then `room` more shared out by weight (a column's
    ratio) towards its natural width."""
    widths = {i: readable for i, (readable, _) in needs.items()}
    while room > 0:
        short = [i for i, (_, natural) in needs.items() if widths[i] < natural]
        if not short:
            break
        total = sum(weights[i] for i in short)
        given = 0
        for i in short:
            more = min(max(1, room * weights[i] // total), needs[i][1] - widths[i], room - given)
            widths[i] += more
            given += more
        room -= given
        if not given:
            break
    return widths


def _cell_text(cell: Text | Bar) -> str:
    return cell.plain if isinstance(cell, Text) else ""


def _widest_line(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.splitlines()), default=0)


def _widest_word(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for word in text.split()), default=0)


def _column_needs(column: Column, cells: list[str]) -> tuple[int, int]:
    """(narrowest readable width, natural width) of one column."""
    texts = [column.header, *cells]
    natural = max(_widest_line(text) for text in texts)
    if column.no_wrap:
        return natural, natural
    return max(max(_widest_word(text) for text in texts), min(READABLE, natural)), natural


def _table(columns: list[Column], rows: Rows, widths: dict[int, int], bar_columns: list[int], bars: int) -> Table:
    """A table whose column widths are set here: Rich, left to fit it, would squeeze columns past their words."""
    table = _RuledTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, GAP - 1, 0, 0))
    kept = sorted([*widths, *bar_columns])
    for i in kept:
        column = columns[i]
        table.add_column(
            column.header,
            justify=column.justify,
            no_wrap=column.no_wrap or i in bar_columns,
            overflow="fold",
            width=bars if i in bar_columns else widths[i],
        )
    for row in rows:
        table.add_row(*(_cell(row[i], bars) for i in kept))
    return table


# The rule under the header in plain ASCII: Rich's own fallback would draw a box of | and +.
_ASCII_RULE = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


class _RuledTable(Table):
    """A table with one rule under its header: a line of ─, or of - where the encoding is ASCII."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.ascii_only:
            self.box = _ASCII_RULE
        yield from super().__rich_console__(console, options)


def _cell(cell: Text | Bar, bars: int) -> RenderableType:
    if isinstance(cell, Bar):
        return bar(cell.value, cell.largest, bars, cell.style)
    return cell


def _records(columns: list[Column], rows: Rows, width: int) -> RenderableType:
    """One record per row: the first cell as a heading, then each other cell under its column's name."""
    records: list[RenderableType] = []
    for row in rows:
        first, *rest = row
        heading = first.copy() if isinstance(first, Text) else Text()
        heading.stylize(HEADING, 0, len(heading.plain.split("\n")[0]))  # the name, not a description under it
        records.append(heading)
        fields = Table.grid(padding=(0, 1, 0, 0))
        fields.add_column(no_wrap=True, style=DIM)
        fields.add_column(overflow="fold")
        labels = [f"{c.header}:" if c.header else "" for c in columns[1:]]
        side_by_side = max(map(len, labels), default=0) <= (width - 2) // 3
        drawn: list[RenderableType] = []
        for label, cell in zip(labels, rest, strict=True):
            if isinstance(cell, Bar):
                drawn.append(indented(bar(cell.value, cell.largest, min(BAR_WIDTH, width - 2), cell.style)))
            elif not cell.plain:
                continue
            elif side_by_side:
                fields.add_row(label, cell)
            else:
                drawn.append(indented(Text(label, style=DIM)))
                # An address too long for the deeper indent keeps the shallower one rather than break.
                drawn.append(indented(cell, 4 if _widest_word(cell.plain) <= width - 4 else 2))
        if fields.row_count:
            records.append(indented(fields))
        records.extend(drawn)
    return Group(*records)


def indented(renderable: RenderableType, by: int = 2) -> Padding:
    """`renderable` moved right by `by` cells, every wrapped line with it."""
    return Padding(renderable, (0, 0, 0, by))


def hanging(lead: str | Text, body: Text, indent: int = 2, align: bool = True) -> Hanging:
    """`lead` (a bullet, a number, a label) then `body`; wrapped lines align after the lead
    (`align`), or flow under it two cells further in."""
    return Hanging(lead if isinstance(lead, Text) else Text(lead), body, indent, align)


class Hanging:
    """A hanging indent laid out at the width it is printed. An aligned lead longer than a
    third of the line flows instead, so that the body is never squeezed into a sliver."""

    def __init__(self, lead: Text, body: Text, indent: int, align: bool) -> None:
        self.lead = lead
        self.body = body
        self.indent = indent
        self.align = align

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        measured = Measurement.get(console, options, self.lead + self.body)
        return Measurement(measured.minimum + self.indent, measured.maximum + self.indent).clamp(
            max_width=options.max_width
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = options.max_width - self.indent
        whole = self.lead + self.body
        if (self.align and self.lead.cell_len <= room // 3) or "\n" in whole.plain or room < 8:
            line = Table.grid()
            line.add_column(no_wrap=True)
            line.add_column(overflow="fold")
            line.add_row(self.lead, self.body)
            yield indented(line, self.indent) if self.indent else line
            return
        from rich._wrap import divide_line

        breaks = divide_line(whole.plain, room, fold=True)
        if not breaks:
            yield indented(whole, self.indent)
            return
        first, rest = whole[: breaks[0]], whole[breaks[0] :]
        first.rstrip()
        yield indented(first, self.indent)
        yield indented(rest, self.indent + 2)


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


def dated(fresh: Freshness) -> Text:
    """The date a figure is as of, and its age on the line below: `2022-06` / `4y 5m !`."""
    shown = Text(fresh.as_of or "undated")
    shown.append("\n")
    shown.append_text(age_cell(fresh))
    return shown


def stale_note() -> Text:
    return Text(f"! more than {STALE_AFTER_MONTHS} months old today: may be out of date.", style=WARNING)


def bullets(items: list[str]) -> RenderableType:
    return Group(*(hanging("- ", Text(item)) for item in items))


def cited_heading(title: str, source: str | None, citations: Citations) -> Text:
    return citations.after(heading(title), source)


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

    def key(self) -> RenderableType:
        return Group(
            *(
                hanging(
                    Text(f"[{number}] ", style=DIM), Text(f"{source}: {self._titles.get(source, '')}", style=DIM), 0
                )
                for number, source in enumerate(self._order, start=1)
            )
        )


def heading(text: str) -> Text:
    """Bold text that more text can follow without turning bold: the style is on the span."""
    shown = Text()
    shown.append(text, style=HEADING)
    return shown


def labelled(label: str, text: str) -> Text:
    """A bold label followed by plain text: only the label is bold."""
    line = heading(label)
    line.append(text)
    return line


def statement(label: str, text: Text | str) -> Hanging:
    """A bold label and its plain text, wrapped lines indented under the label."""
    return hanging(heading(label), text if isinstance(text, Text) else Text(text), 0, align=False)


def title(text: str) -> Text:
    return heading(text)


def paragraph(text: str | None) -> Text:
    return Text(text or "")


def highlighted(text: str, spans: list[tuple[int, int]]) -> Text:
    shown = Text(text)
    for start, end in spans:
        shown.stylize("bold reverse", start, end)
    return shown
