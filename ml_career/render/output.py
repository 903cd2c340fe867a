"""Where output goes: JSON straight to stdout, everything for people through Rich."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


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
    text = json.dumps(to_jsonable(value), indent=2, ensure_ascii=not stream_is_utf8(sys.stdout))
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def console(*, stderr: bool = False) -> Console:
    """A Console that honours NO_COLOR, TERM=dumb and non-terminal output (Rich's own rules)."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, highlight=False, emoji=False, markup=False, stderr=stderr)


def print_view(report: object) -> None:
    """Render `report` for the terminal it is going to, and print it once."""
    from rich.text import Text

    from ml_career.render.registry import render

    out = console()
    shown = render(report, out.width)
    # A Text marked no_wrap holds lines that scripts read: printed as they are, never wrapped.
    out.print(shown, soft_wrap=isinstance(shown, Text) and bool(shown.no_wrap))


def show(report: object, as_json: bool) -> None:
    """The one place a report leaves: as JSON for programs, or as the view built for people."""
    if as_json:
        write_json(report)
    else:
        print_view(report)
