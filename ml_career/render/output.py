"""Where output goes: JSON straight to stdout, everything for people through Rich."""

from __future__ import annotations

import json
import os
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


PAGER_ENV_VARS = ("MLCAREER_PAGER", "PAGER")
DEFAULT_PAGER = "less -FRX"
# --no-pager sets this off for the run; output that is not a terminal is never paged anyway.
paging = {"allowed": True}


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
    from rich.text import Text

    from ml_career.render.registry import render

    out = console()
    shown = render(report, out.width)
    # A Text marked no_wrap holds lines that scripts read: printed as they are, never wrapped.
    soft_wrap = isinstance(shown, Text) and bool(shown.no_wrap)
    if not soft_wrap and paging["allowed"] and out.is_terminal and _stdout_is_terminal():
        command = pager_command()
        if command and len(out.render_lines(shown, pad=False, new_lines=False)) > out.height:
            with out.capture() as captured:
                out.print(shown)
            if _page(command, captured.get()):
                return
    out.print(shown, soft_wrap=soft_wrap)


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
