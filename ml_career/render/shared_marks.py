"""A reading shared by many rows of a table is marked once.

- A mark of mlcareer's (a reading, `[m2]`, or a computation, `[c1]`) that every written cell
  of a column carries moves to the column's header, which covers the whole column.
- A mark of mlcareer's that several cells of a column carry is one reading shared by their rows
  (one reason, one mark): it stays on the first of them, and the later ones keep their words.
  The same goes for a mark a cell carries twice (two figures of one reading).

An article's mark (`[1]`) stays on every row: it says whose words each row is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from ml_career.render.drawing import Bar

# mlcareer's mark, with the space before it when it follows a word.
_MARK = re.compile(r" ?\[[mc]\d+\]")


def _marks(cell: Text | Bar) -> list[str]:
    return [found.strip() for found in _MARK.findall(cell.plain)] if isinstance(cell, Text) else []


def _without(cell: Text, marks: set[str], keep_first: bool = False) -> Text:
    """`cell` with each of `marks` taken out (all but its first, with `keep_first`), styles kept."""
    kept = Text()
    start = 0
    seen: set[str] = set()
    for found in _MARK.finditer(cell.plain):
        mark = found.group().strip()
        if mark in marks and not (keep_first and mark not in seen):
            kept.append_text(cell[start : found.start()])
            start = found.end()
        seen.add(mark)
    kept.append_text(cell[start:])
    return kept


def _written(cell: Text | Bar) -> bool:
    return isinstance(cell, Text) and bool(cell.plain.strip())


def marked_once(
    headers: list[str], rows: Sequence[Sequence[Text | Bar]], keep: set[int] | None = None
) -> tuple[list[str], list[list[Text | Bar]]]:
    """The headers and rows with each shared reading's mark shown once (see the module's doc);
    the columns in `keep` (names, each marked on its own row) are left as they are."""
    shown = [list(row) for row in rows]
    headed = list(headers)
    for index, header in enumerate(headers):
        if index in (keep or set()):
            continue
        written = [set(_marks(row[index])) for row in shown if _written(row[index])]
        common = set.intersection(*written) if len(written) > 1 else set()
        if common:
            headed[index] = " ".join([header, *sorted(common, key=lambda mark: (mark[1], int(mark[2:-1])))]).strip()
        given: set[str] = set()
        for row in shown:
            cell = row[index]
            if not isinstance(cell, Text) or not (marks := set(_marks(cell))):
                continue
            cell = _without(cell, common | (marks & given))
            row[index] = _without(cell, marks, keep_first=True)
            given |= marks
    return headed, shown
