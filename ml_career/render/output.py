"""Where output goes: JSON straight to stdout, everything for people through Rich."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ml_career.text_safety import printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment

# json.dumps escapes C0 itself; with ensure_ascii off it leaves DEL and C1 raw.
_JSON_RAW_CONTROL = re.compile("[\x7f-\x9f]")


def stream_is_utf8(stream: Any) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf")


def to_jsonable(value: Any) -> Any:
    """Reports (named tuples) as plain JSON-ready values: objects, not arrays."""
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: to_jsonable(getattr(value, name)) for name in value._fields}
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    return value


def write_json(value: Any) -> None:
    """Pure JSON on stdout: no Rich, so no wrapping, colour or markup whatever the terminal."""
    # allow_nan=False: NaN and Infinity are not JSON, and no reader should have to guess.
    text = json.dumps(to_jsonable(value), indent=2, ensure_ascii=not stream_is_utf8(sys.stdout), allow_nan=False)
    # Outside strings JSON is ASCII, so these can only be inside one, where \u escapes mean the same.
    text = _JSON_RAW_CONTROL.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def console(*, stderr: bool = False) -> Console:
    """A Console that honours NO_COLOR, TERM=dumb and non-terminal output (Rich's own rules)."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, highlight=False, emoji=False, markup=False, stderr=stderr)


def print_view(report: object) -> None:
    """Render `report` for the terminal it is going to, and print it once."""
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
    out.print(Segments(_printable(out.render(shown, options))), soft_wrap=soft_wrap)


def _printable(segments: Iterable[Segment]) -> Iterator[Segment]:
    from rich.segment import Segment

    for segment in segments:
        if segment.control:
            yield segment
        else:
            yield Segment(printable(segment.text), segment.style)


def show(report: object, as_json: bool) -> None:
    """The one place a report leaves: as JSON for programs, or as the view built for people."""
    if as_json:
        write_json(report)
    else:
        print_view(report)
