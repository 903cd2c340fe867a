"""Asking the user for what they left out, when there is a terminal to ask at."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import typer

from ml_career.errors import UsageError

if TYPE_CHECKING:
    from ml_career.advisor.asking import Ask

T = TypeVar("T")


def ask(question: str, default: str, parse: Callable[[str], T]) -> T:
    """Prompt on stderr (stdout may be JSON) until `parse` accepts the answer."""
    while True:
        answer = typer.prompt(question, default=default, err=True)
        try:
            return parse(answer)
        except UsageError as error:
            typer.echo(str(error).splitlines()[0], err=True)


def stdin_is_terminal() -> bool:
    """True where someone can answer a prompt and see it: both stdin and stdout are terminals,
    and --no-input was not given (`mlcareer plan | less` must not prompt blind)."""
    from typer._click.globals import get_current_context  # Typer 0.28 vendors Click

    context = get_current_context(silent=True)
    if context is not None and context.find_root().params.get("no_input"):
        return False
    return _is_terminal(sys.stdin) and _is_terminal(sys.stdout)


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def prompt_if_terminal() -> Ask | None:
    """The prompt, or None where nobody can answer (input or output is not a terminal)."""
    return ask if stdin_is_terminal() else None


def fit_prompt_if_terminal() -> Ask | None:
    """Like prompt_if_terminal, saying how the statements are answered before the first one."""
    if not stdin_is_terminal():
        return None
    asked: list[str] = []

    def ask_statement(question: str, default: str, parse: Callable[[str], T]) -> T:
        if not asked:
            typer.echo("Answer each statement from 1 (strongly disagree) to 5 (strongly agree).", err=True)
        asked.append(question)
        return ask(question, default, parse)

    return ask_statement
