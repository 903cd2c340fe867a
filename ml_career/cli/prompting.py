"""Asking the user for what they left out, when there is a terminal to ask at."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import typer

from ml_career.errors import MlCareerError, UsageError
from ml_career.text_safety import printable

if TYPE_CHECKING:
    from ml_career.advisor.asking import Ask, AskOrDefault

T = TypeVar("T")


class InputEnded(MlCareerError):
    """Ctrl-D, or the end of piped input, before every question was answered."""


def stdin_is_terminal() -> bool:
    """True where someone can answer a prompt and see it: both stdin and stdout are terminals,
    and --no-input was not given (`mlcareer plan | less` must not prompt blind)."""
    from ml_career.run_options import current_run

    if current_run().no_input:
        return False
    return _is_terminal(sys.stdin) and _is_terminal(sys.stdout)


def _is_terminal(stream: object) -> bool:
    try:
        return stream is not None and bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):  # a stream closed under us
        return False


def ask(question: str, default: str, parse: Callable[[str], T]) -> T:
    """Prompt on stderr (stdout may be JSON) until `parse` accepts the answer.

    Ctrl-C ends the run as interrupted (exit 130), Ctrl-D as input that ended
    (exit 1); either way the message starts on a line of its own, not after the prompt.
    """
    while True:
        try:
            shown_default = printable(default)
            # Typer writes " [default]: " (or ": " with no default) after the question: the question's
            # last line leaves room for it.
            room = len(shown_default) + 5 if default else 2
            question_lines = _fitted(printable(question, single_line=True), room=room)
            answer = typer.prompt(question_lines, default=shown_default, show_default=bool(default), err=True)
        except typer.Abort as abort:
            _end_the_prompt_line()
            if isinstance(abort.__context__, KeyboardInterrupt):
                raise KeyboardInterrupt from None
            raise InputEnded("input ended before every answer was given") from None
        try:
            return parse(answer)
        except UsageError as error:
            typer.echo(_fitted(printable(str(error).splitlines()[0], single_line=True)), err=True)


def ask_or_default(question: str, default: str, parse: Callable[[str], T]) -> T | None:
    """Like `ask`, but Enter alone answers None: mlcareer's default, which the plan labels as mlcareer's."""
    shown = f"{question} [{default}]" if default else question
    return ask(shown, "", lambda typed: parse(typed) if typed.strip() else None)


def prompt_if_terminal() -> AskOrDefault | None:
    """The prompt, or None where nobody can answer (input or output is not a terminal)."""
    return ask_or_default if stdin_is_terminal() else None


def fit_prompt_if_terminal() -> Ask | None:
    """Like prompt_if_terminal, saying how the statements are answered before the first one."""
    if not stdin_is_terminal():
        return None
    asked: list[str] = []

    def ask_statement(question: str, default: str, parse: Callable[[str], T]) -> T:
        if not asked:
            typer.echo(_fitted("Answer each statement from 1 (strongly disagree) to 5 (strongly agree)."), err=True)
        asked.append(question)
        return ask(question, default, parse)

    return ask_statement


def _fitted(text: str, room: int = 0) -> str:
    """`text` wrapped at the width of the terminal the prompts are shown in, `room` columns left at the end."""
    from ml_career.render.messages import terminal_width, wrapped

    width = terminal_width(sys.stderr)
    return "\n".join(wrapped(text, max(20, width - room) if width else None, "", ""))


def _end_the_prompt_line() -> None:
    try:
        sys.stderr.write("\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
