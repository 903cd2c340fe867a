"""Asking the user for what they left out, when there is a terminal to ask at."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

import typer

from ml_career.errors import UsageError

T = TypeVar("T")


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def ask(question: str, default: str, parse: Callable[[str], T]) -> T:
    """Prompt on stderr (stdout may be JSON) until `parse` accepts the answer."""
    while True:
        answer = typer.prompt(question, default=default, err=True)
        try:
            return parse(answer)
        except UsageError as error:
            typer.echo(str(error).splitlines()[0], err=True)
