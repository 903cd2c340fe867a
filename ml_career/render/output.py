"""Where output goes: JSON straight to stdout, everything for people through Rich."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ml_career.provenance import KINDS, Provenance, Words, json_fields, jsonable
from ml_career.render.messages import sized_environ
from ml_career.run_options import current_run
from ml_career.text_safety import MAYBE_INVISIBLE, is_invisible, printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment

# json.dumps escapes C0 itself; with ensure_ascii off it leaves DEL, C1 and the invisible
# characters (U+202E, U+200B...) raw. Compiled by `re` on first use: a view never needs it.
_JSON_RAW_CONTROL = f"[\x7f-\x9f{MAYBE_INVISIBLE}]"


def stream_is_utf8(stream: Any) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf")


def to_jsonable(value: Any) -> Any:
    """Reports (named tuples) as plain JSON-ready values: objects, not arrays.

    A provenance is written by ml_career.provenance alone: a `provenance` field holding one
    is spread into its fact's object (`"provenance": kind` and its details beside the fact).
    A fact's own field keeps its name (the timeline's `assumptions` are yours): a detail of
    the same name must then be empty, or the fact could not say it, and that is a bug.
    """
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        shown = {}
        for name in value._fields:
            item = getattr(value, name)
            if name == "provenance" and isinstance(item, KINDS):
                for key, detail in json_fields(item).items():
                    if key == "provenance" or key not in value._fields:
                        shown[key] = to_jsonable(detail)
                    elif detail:
                        raise ValueError(f"{type(value).__name__}.{key} hides its provenance's {key}")
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
    if not text.isascii():
        text = re.sub(_JSON_RAW_CONTROL, _json_escaped, text)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _json_escaped(found: re.Match[str]) -> str:
    """A character as JSON's \\u escape (a pair of them beyond U+FFFF), or as it is when it is visible."""
    char = found.group()
    if char > "\x9f" and not is_invisible(char):
        return char
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


# Narrower, and a table has no room for a single word; wider, and each line is mostly padding.
def console(*, stderr: bool = False) -> Console:
    """A Console that honours NO_COLOR, TERM=dumb and non-terminal output (Rich's own rules)."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, highlight=False, emoji=False, markup=False, stderr=stderr, _environ=sized_environ())


PAGER_ENV_VARS = ("MLCAREER_PAGER", "PAGER")
DEFAULT_PAGER = "less -FRX"


class UnusablePager(Exception):
    """The configured pager cannot be started or shows nothing; the message says why, for one line."""


def pager_command() -> list[str]:
    """MLCAREER_PAGER, then PAGER, else less -FRX; an empty or `cat` pager means none.

    A setting that is no command line (an unclosed quote) raises UnusablePager.
    """
    import shlex

    for name in PAGER_ENV_VARS:
        if (configured := os.environ.get(name)) is not None:
            try:
                words = shlex.split(configured)
            except ValueError as error:
                raise UnusablePager(f"{name}={configured!r} cannot be read as a command ({error})") from None
            return [] if words in ([], ["cat"]) else words
    return shlex.split(DEFAULT_PAGER)


def print_view(report: object, sources: bool = False) -> None:
    """Render `report` for the terminal it is going to, and print it once: through the pager
    when it is taller than the terminal. With `sources`, the view's full detail too."""
    from rich.segment import Segments
    from rich.text import Text

    from ml_career.render.registry import render

    out = console()
    shown = render(report, out.width, sources)
    # A Text marked no_wrap holds lines that scripts read: in a pipe or a file printed as they are,
    # never wrapped; on a terminal, where a person reads them, wrapped at words as messages are.
    soft_wrap = isinstance(shown, Text) and bool(shown.no_wrap)
    if soft_wrap and out.is_terminal and isinstance(shown, Text):
        from ml_career.render.messages import wrapped

        lines = shown.plain.split("\n")
        shown = Text("\n".join(part for line in lines for part in wrapped(line, out.width, "", "  ")), no_wrap=True)
    # Every view leaves through here: whatever text it holds, no control character in
    # it reaches the terminal. Rich's own styling is kept, as control segments are.
    options = out.options.update_width(1_000_000) if soft_wrap else None
    segments = list(_unpadded(_printable(out.render(shown, options))))
    if not soft_wrap and not current_run().no_pager and out.is_terminal and _stdout_is_terminal():
        height = sum(segment.text.count("\n") for segment in segments if not segment.control)
        try:
            command = pager_command() if height > out.height else []
            if command:
                with out.capture() as captured:
                    out.print(Segments(segments))
                _page(command, captured.get())
                return
        except UnusablePager as problem:
            # Shown all the same, straight to the terminal, and the line says why (after the
            # view, where it is still on the screen).
            out.print(Segments(segments), soft_wrap=soft_wrap)
            from ml_career.render.messages import say

            say([f"{problem}; printed directly instead"])
            return
    out.print(Segments(segments), soft_wrap=soft_wrap)


def _printable(segments: Iterable[Segment]) -> Iterator[Segment]:
    from rich.segment import Segment

    for segment in segments:
        if segment.control:
            yield segment
        else:
            yield Segment(printable(segment.text), segment.style)


def _unpadded(segments: Iterable[Segment]) -> Iterator[Segment]:
    """Every line without the spaces Rich pads it with: plain text in a pipe or a file, and
    nothing for a terminal to show either."""
    from rich.segment import Segment

    line: list[Segment] = []
    for segment in segments:
        if segment.control or "\n" not in segment.text:
            line.append(segment)
            continue
        *ends, rest = segment.text.split("\n")
        for end in ends:
            line.append(Segment(end, segment.style))
            yield from _trimmed(line)
            yield Segment.line()
            line = []
        line.append(Segment(rest, segment.style))
    yield from _trimmed(line)


def _trimmed(line: list[Segment]) -> list[Segment]:
    """`line` without its trailing spaces, whichever segments hold them."""
    from rich.segment import Segment

    kept = list(line)
    while kept:
        last = kept[-1]
        if last.control:
            break
        text = last.text.rstrip(" ")
        if text:
            kept[-1] = Segment(text, last.style)
            break
        kept.pop()
    # A control segment (a cursor move, a link's end) keeps its place after the text.
    return kept + [segment for segment in line[len(kept) :] if segment.control]


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _page(command: list[str], text: str) -> None:
    """Show `text` through the pager, or raise UnusablePager when it cannot start or fails.

    A pager that ends with an error status (`false`, a pager given a bad option)
    has shown nothing anyone could read; one ended by a signal was stopped on
    purpose, and its view is not printed again.
    """
    import subprocess

    shown = " ".join(command)
    try:
        finished = subprocess.run(
            command, input=text, text=True, encoding=sys.stdout.encoding, errors="replace", check=False
        )
    except OSError as error:
        raise UnusablePager(f"the pager {shown!r} cannot be started ({error.strerror or error})") from None
    if finished.returncode > 0:
        raise UnusablePager(f"the pager {shown!r} ended with status {finished.returncode}")


def show(report: object, as_json: bool, sources: bool = False) -> None:
    """The one place a report leaves: as JSON for programs, or as the view built for people
    (with its full detail if `sources`)."""
    if as_json:
        write_json(report)
    else:
        print_view(report, sources)
