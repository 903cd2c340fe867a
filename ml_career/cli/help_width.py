"""Help that fits a narrow terminal: laid out at its width, and no kept line past its edge.

Click lays help out at the terminal's width less 2, but never narrower than 50
columns, and keeps the lines of a `\\b` block (the examples, the closing notes) as
they are: at 40 columns both run past the edge, where the terminal breaks them
mid-word. Here the help of every command is laid out at the terminal's own width
below 52 columns, and a line still wider than the terminal is wrapped at its
spaces, its further lines indented under it. Where the descriptions of options
would be left too narrow to read, each option is followed by its text, indented
below it, as the views stack a table's rows. At 52 columns and more the help is
what Click makes of it (docs/cli.md is generated from that).
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence

import typer
from typer._click.core import Command
from typer._click.formatting import HelpFormatter, measure_table, wrap_text
from typer._click.utils import make_default_short_help

CLICK_NARROWEST = 50  # Click's floor for the width of help, 2 columns in from the terminal's edge
INDENT_MORE = 4  # a wrapped example's further lines, under its first; a stacked option's text
READABLE = 20  # a description column narrower than this reads as a word a line: stack it instead


def _columns() -> int:
    return shutil.get_terminal_size().columns  # COLUMNS first, as Click reads it


class FittingFormatter(HelpFormatter):
    """Click's formatter, at the width of a narrow terminal, with no line past its edge."""

    def __init__(self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None) -> None:
        columns = _columns()
        if width is None and columns - 2 < CLICK_NARROWEST:
            width = max(columns - 2, 20)
        super().__init__(indent_increment, width, max_width)
        self.columns = columns

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(measure_table(rows)[0], col_max) + col_spacing
        if self.width - first_col - 2 >= READABLE:
            super().write_dl(rows, col_max, col_spacing)
            return
        under = self.current_indent + INDENT_MORE
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}\n")
            for line in wrap_text(second, max(self.width - under, 10), preserve_paragraphs=True).splitlines():
                self.write(f"{'':>{under}}{line}\n" if line else "\n")

    def getvalue(self) -> str:
        return "\n".join(_fitted(line, self.columns) for line in super().getvalue().split("\n"))


def _fitted(line: str, columns: int) -> str:
    if len(line) <= columns:
        return line
    lead = line[: len(line) - len(line.lstrip())]
    return "\n".join(
        textwrap.wrap(
            line.strip(),
            width=columns,
            initial_indent=lead,
            subsequent_indent=lead + " " * INDENT_MORE,
            break_long_words=False,
            break_on_hyphens=False,
        )
    )


class FittingContext(typer.Context):
    formatter_class = FittingFormatter


def keep_short_help_whole(command: Command) -> None:
    """Give `command` its first sentence, whole, as the short help the command list and completion show.

    Click otherwise cuts it to what fits beside the names (at 60 columns, most of them)
    or to 45 characters (the descriptions zsh and fish show), and ends it with "...".
    The formatter wraps it instead, and a shell fits it to its own width.
    """
    command.short_help = make_default_short_help(command.help or "", sys.maxsize)
