"""Asking the user for what they left out, when there is a terminal to ask at."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

import typer

from ml_career.errors import UsageError
from ml_career.text_safety import printable

T = TypeVar("T")


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def ask(question: str, default: str, parse: Callable[[str], T]) -> T:
    """Prompt on stderr (stdout may be JSON) until `parse` accepts the answer."""
    while True:
        answer = typer.prompt(printable(question, single_line=True), default=printable(default), err=True)
        try:
            return parse(answer)
        except UsageError as error:
            typer.echo(printable(str(error).splitlines()[0], single_line=True), err=True)
