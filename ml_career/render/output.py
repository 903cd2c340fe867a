"""Where output goes: JSON straight to stdout, everything for people through Rich."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ml_career.provenance import KINDS, Provenance, Words, json_fields, jsonable
from ml_career.run_options import current_run
from ml_career.text_safety import printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment

# json.dumps escapes C0 itself; with ensure_ascii off it leaves DEL and C1 raw.
_JSON_RAW_CONTROL = "[\x7f-\x9f]"  # compiled by `re` on first use: a view never needs it


def stream_is_utf8(stream: Any) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf")


def to_jsonable(value: Any) -> Any:
    """Reports (named tuples) as plain JSON-ready values: objects, not arrays.

    A provenance is written by ml_career.provenance alone: a `provenance` field holding one
    is spread into its fact's object (`"provenance": kind` and its details beside the fact).
    """
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        shown = {}
        for name in value._fields:
            item = getattr(value, name)
            if name == "provenance" and isinstance(item, KINDS):
                shown.update({key: to_jsonable(detail) for key, detail in json_fields(item).items()})
            else:
                shown[name] = to_jsonable(item)
        return shown
    if isinstance(value, Words | Provenance):
        return to_jsonable(jsonable(value))
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    return value


def write_json(value: Any) -> None:
    """Pure JSON on stdout: no Rich, so no wrapping, colour or markup whatever the terminal."""
    # Imported here: importing json compiles its regular expressions, a cost no view has to pay.
    import json

    # allow_nan=False: NaN and Infinity are not JSON, and no reader should have to guess.
    text = json.dumps(to_jsonable(value), indent=2, ensure_ascii=not stream_is_utf8(sys.stdout), allow_nan=False)
    # Outside strings JSON is ASCII, so these can only be inside one, where \u escapes mean the same.
    text = re.sub(_JSON_RAW_CONTROL, lambda found: f"\\u{ord(found.group()):04x}", text)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


# Narrower, and a table has no room for a single word; wider, and each line is mostly padding.
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


def console(*, stderr: bool = False) -> Console:
    """A Console that honours NO_COLOR, TERM=dumb and non-terminal output (Rich's own rules)."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, highlight=False, emoji=False, markup=False, stderr=stderr, _environ=sized_environ())


PAGER_ENV_VARS = ("MLCAREER_PAGER", "PAGER")
DEFAULT_PAGER = "less -FRX"


def pager_command() -> list[str]:
    """MLCAREER_PAGER, then PAGER, else less -FRX; an empty or `cat` pager means none."""
    import shlex

    for name in PAGER_ENV_VARS:
        if (configured := os.environ.get(name)) is not None:
            words = shlex.split(configured)
            return [] if words in ([], ["cat"]) else words
    return shlex.split(DEFAULT_PAGER)


def print_view(report: object) -> None:
    """Render `report` for the terminal it is going to, and print it once: through the pager
    when it is taller than the terminal."""
    from rich.segment import Segments
    from rich.text import Text

    from ml_career.render.registry import render

    out = console()
    shown = render(report, out.width)
    # A Text marked no_wrap holds lines that scripts read: printed as they are, never wrapped.
    soft_wrap = isinstance(shown, Text) and bool(shown.no_wrap)
    # Every view leaves through here: whatever text it holds, no control character in
    # it reaches the terminal. Rich's own styling is kept, as control segments are.
    options = out.options.update_width(1_000_000) if soft_wrap else None
    segments = list(_printable(out.render(shown, options)))
    if not soft_wrap and not current_run().no_pager and out.is_terminal and _stdout_is_terminal():
        command = pager_command()
        height = sum(segment.text.count("\n") for segment in segments if not segment.control)
        if command and height > out.height:
            with out.capture() as captured:
                out.print(Segments(segments))
            if _page(command, captured.get()):
                return
    out.print(Segments(segments), soft_wrap=soft_wrap)


def _printable(segments: Iterable[Segment]) -> Iterator[Segment]:
    from rich.segment import Segment

    for segment in segments:
        if segment.control:
            yield segment
        else:
            yield Segment(printable(segment.text), segment.style)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _page(command: list[str], text: str) -> bool:
    """Show `text` through the pager; False when the pager cannot be started."""
    import subprocess

    try:
        subprocess.run(command, input=text, text=True, encoding=sys.stdout.encoding, errors="replace", check=False)
    except OSError:
        return False
    return True


def show(report: object, as_json: bool) -> None:
    """The one place a report leaves: as JSON for programs, or as the view built for people."""
    if as_json:
        write_json(report)
    else:
        print_view(report)
