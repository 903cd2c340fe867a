"""Layout that fits the terminal: tables laid out to their readable widths or stacked as records,
and hanging indents that keep wrapped lines in place."""

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from rich.console import Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.text import Text

from ml_career.render.drawing import BAR_MIN, BAR_WIDTH, Bar, bar

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.table import Table

NARROW = 60  # below this many columns a table is always a list of records
DIM = "dim"
HEADING = "bold"
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
    # A column of names: each row's name says whose words it is on its own row, so its marks are
    # never moved to the header or given once (a name of mlcareer's must not read as an article's).
    names: bool = False


def grid(columns: list[Column], rows: Rows, width: int, stack_below: int = NARROW) -> RenderableType:
    """A table when every column fits readably in `width`, otherwise one stacked record per row.

    A view whose table only reads well wide asks for records below `stack_below` columns.
    A column of `Bar` cells takes the room the others leave (up to BAR_WIDTH), and
    is left out when there is too little: it draws figures the table shows anyway.
    A reading shared by many rows is marked once (`shared_marks`).
    """
    from ml_career.render.shared_marks import marked_once

    name_columns = {i for i, column in enumerate(columns) if column.names}
    headers, rows = marked_once([column.header for column in columns], rows, keep=name_columns)
    columns = [column._replace(header=header) for column, header in zip(columns, headers, strict=True)]
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
            spare = width - needed() - GAP
            bars = min(BAR_WIDTH, spare // 2) if spare // 2 >= BAR_MIN else (BAR_MIN if spare >= BAR_MIN else 0)
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
        # The cells keep their lines; a header wider than them wraps at its spaces instead.
        # A list, not *cells: a table with no rows would leave max() one number to iterate.
        return max([_widest_word(column.header), *(_widest_line(cell) for cell in cells)]), natural
    return max(max(_widest_word(text) for text in texts), min(READABLE, natural)), natural


def _table(columns: list[Column], rows: Rows, widths: dict[int, int], bar_columns: list[int], bars: int) -> "Table":
    """A table whose column widths are set here: Rich, left to fit it, would squeeze columns past their words."""
    from rich import box

    table = _ruled_table()(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, GAP - 1, 0, 0))
    kept = sorted([*widths, *bar_columns])
    for i in kept:
        column = columns[i]
        table.add_column(
            column.header,
            justify=column.justify,
            # A no_wrap column is as wide as its widest cell, so its cells never wrap; only a
            # longer header does, at its spaces.
            no_wrap=i in bar_columns,
            overflow="fold",
            width=bars if i in bar_columns else widths[i],
        )
    for row in rows:
        table.add_row(*(_cell(row[i], bars) for i in kept))
    return table


@cache
def _ruled_table() -> "type[Table]":
    """A table with one rule under its header: a line of ─, or of - where the encoding is ASCII.

    Made on first use: a view that draws no table (one salary figure, the quick facts) never
    imports Rich's tables.
    """
    from rich import box
    from rich.table import Table

    # The rule under the header in plain ASCII: Rich's own fallback would draw a box of | and +.
    ascii_rule = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)

    class RuledTable(Table):
        def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
            if options.ascii_only:
                self.box = ascii_rule
            yield from super().__rich_console__(console, options)

    return RuledTable


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
        from rich.table import Table

        fields = Table.grid(padding=(0, 1, 0, 0))
        fields.add_column(no_wrap=True, style=DIM)
        fields.add_column(overflow="fold")
        labels = [f"{c.header}:" if c.header else "" for c in columns[1:]]
        label_width = max(map(len, labels), default=0)
        # Beside its label only where every word of every cell fits whole: an address is never broken.
        side_by_side = label_width <= (width - 2) // 2 and all(
            _widest_word(cell.plain) <= width - 3 - label_width for cell in rest if isinstance(cell, Text)
        )
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


def hanging(lead: str | Text, body: Text, indent: int = 2, align: bool = True) -> "Hanging":
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

    def __rich_measure__(self, console: "Console", options: "ConsoleOptions") -> Measurement:
        measured = Measurement.get(console, options, self.lead + self.body)
        return Measurement(measured.minimum + self.indent, measured.maximum + self.indent).clamp(
            max_width=options.max_width
        )

    def _aligned(self, console: "Console", room: int) -> Group:
        """The body wrapped beside the lead, each line after the first under the body's start:
        as a grid of two columns lays it out, without building one."""
        lines = self.body.wrap(console, room - self.lead.cell_len, overflow="fold")
        under = Text(" " * self.lead.cell_len)
        shown = []
        for index, line in enumerate(lines):
            row = (self.lead if index == 0 else under).copy()
            row.append_text(line)
            row.no_wrap = True
            shown.append(row)
        return Group(*shown) if shown else Group(self.lead.copy())

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        room = options.max_width - self.indent
        whole = self.lead + self.body
        if (self.align and self.lead.cell_len <= room // 3) or "\n" in whole.plain or room < 8:
            if "\n" not in self.lead.plain and self.lead.cell_len < room:
                yield (
                    indented(self._aligned(console, room), self.indent) if self.indent else self._aligned(console, room)
                )
                return
            from rich.table import Table

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
