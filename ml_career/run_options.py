"""What the whole run was asked by the global options, wherever on the command line they stood.

The command line builds one `RunOptions` (cli/context.py) and every layer reads
that one: the loader its data file, the prompts whether to ask, the output
whether to page. Each run starts from the defaults again (`fresh_run`), so a
test runner or a library caller running mlcareer twice never sees the first
run's choices.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import NamedTuple


class RunOptions(NamedTuple):
    """Each field is named as the global option's parameter is (cli/app.py), and only there declared."""

    data: Path | None = None  # --data: the career data file in place of the bundled one
    no_pager: bool = False  # --no-pager: print straight out (output that is not a terminal never pages)
    no_input: bool = False  # --no-input: ask nothing, the defaults fill what is left out


_current: ContextVar[RunOptions] = ContextVar("run_options", default=RunOptions())  # noqa: B039 (immutable)


def current_run() -> RunOptions:
    """The options of the run in progress (the defaults outside one)."""
    return _current.get()


def use(options: RunOptions) -> None:
    """Make `options` those of the run in progress, until it ends."""
    _current.set(options)


@contextmanager
def fresh_run() -> Iterator[None]:
    """A run that starts from the defaults, and leaves the defaults behind when it ends."""
    token = _current.set(RunOptions())
    try:
        yield
    finally:
        _current.reset(token)
