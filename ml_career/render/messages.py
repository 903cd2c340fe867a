"""Messages to people on stderr: wrapped at the terminal's width, one line each in a pipe or a file;
and the terminal's size as the views read it (`sized_environ`).

Errors, notes (the pager could not start, a file was written) and prompts all pass
through here, so that none runs past the edge of a 40-column terminal, and none is
broken in a log that a script greps.
"""

from __future__ import annotations

import os
import sys
from typing import Any

PROG_NAME = "mlcareer"

MIN_COLUMNS, MAX_COLUMNS = 20, 1000
MAX_LINES = 10_000


def sized_environ() -> dict[str, str]:
    """The environment as Rich should see it: COLUMNS and LINES only as whole numbers in range.

    Rich takes any value str.isdigit accepts, then int() fails on COLUMNS=² ; COLUMNS=0
    leaves nothing to print in, and COLUMNS=100000 pads every line to that width.
    A value out of range is clamped; one that is no positive number is left out, so
    Rich measures the terminal instead.
    """
    environ = dict(os.environ)
    for name, low, high in (("COLUMNS", MIN_COLUMNS, MAX_COLUMNS), ("LINES", 1, MAX_LINES)):
        value = environ.pop(name, None)
        if value is not None and value.isascii() and value.isdigit() and int(value) > 0:
            environ[name] = str(min(max(int(value), low), high))
    return environ


def say(lines: list[str]) -> None:
    """Write a message to stderr, `mlcareer: ` before its first line; what it quotes (a key, a file
    name) cannot drive the terminal."""
    from ml_career.text_safety import printable

    width = terminal_width(sys.stderr)
    try:
        for index, line in enumerate(lines):
            shown = printable(line, single_line=True)
            first = f"{PROG_NAME}: " if index == 0 else "  "
            sys.stderr.write("\n".join(wrapped(shown, width, first, "  ")) + "\n")
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass


def note(text: str) -> None:
    """One line of news on stderr ("Wrote plan.md (Markdown)."), wrapped as a message is, without the name."""
    from ml_career.text_safety import printable

    try:
        shown = printable(text, single_line=True)
        sys.stderr.write("\n".join(wrapped(shown, terminal_width(sys.stderr), "", "  ")) + "\n")
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass


def terminal_width(stream: Any) -> int | None:
    """The columns of the terminal `stream` shows in (COLUMNS, when set, as Rich reads it); None for a
    file or a pipe, whose reader gets each message on one line, for grep."""
    try:
        if not stream.isatty():
            return None
        columns = sized_environ().get("COLUMNS")
        width = int(columns) if columns else os.get_terminal_size(stream.fileno()).columns
        return width or None  # a terminal that gives no size (0 columns): as a pipe, one line each
    except (AttributeError, OSError, ValueError):
        return None


def wrapped(text: str, width: int | None, first: str, rest: str) -> list[str]:
    """`text` after `first`, in lines of at most `width` columns, each further one after `rest`.

    Words are never broken, nor ids at their hyphens: a word longer than a line has a line of its own,
    without the indent that would push it past the edge (where the terminal would break it).
    """
    if width is None or len(first) + len(text) <= width:
        return [first + text]
    import textwrap

    lines = textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line[len(rest) :] if len(line) > width and line.startswith(rest) else line for line in lines] or [first]
