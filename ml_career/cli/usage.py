"""Usage errors (unknown commands and options, bad values, stray words) as two short lines.

Suggestions come from the error's own fields - the option or command name typed,
the names Click found close, the words left over - never from Click's wording,
which may change. Click compares names case-sensitively, so `SALARY` or
`--LEVEL` would get no suggestion; these lines add one, ignoring case.
"""

from __future__ import annotations

from typing import Any

from typer._click.exceptions import UsageError as ClickUsageError  # Typer 0.28 vendors Click


class UnknownCommand(ClickUsageError):
    """A command name the group does not have, kept as typed."""

    def __init__(self, name: str, ctx: Any) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.command_name = name


class ExtraArguments(ClickUsageError):
    """Words a command takes no argument for, kept as typed."""

    def __init__(self, words: list[str], ctx: Any) -> None:
        super().__init__(f"Got unexpected extra argument{'s' if len(words) > 1 else ''} ({' '.join(words)}).", ctx)
        self.words = words


def usage_lines(error: Any, prog_name: str) -> list[str]:
    """The message, with a "did you mean" where one fits, and where to find help."""
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    ctx = getattr(error, "ctx", None)
    suggestion = _suggestion(error, ctx)
    if suggestion:
        message = f"{getattr(error, 'message', message).rstrip('.')}. Did you mean {suggestion}?"
    help_path = ctx.command_path if ctx is not None else prog_name
    return [message, f"Try '{help_path} --help' for help."]


def _suggestion(error: Any, ctx: Any) -> str | None:
    possibilities = [p for p in getattr(error, "possibilities", None) or [] if p not in ("--help", "-h")]
    if possibilities:
        return " or ".join(repr(p) for p in sorted(possibilities))
    if ctx is None:
        return None
    if option_name := getattr(error, "option_name", None):
        options = [opt for param in ctx.command.params for opt in (*param.opts, *param.secondary_opts)]
        return _closest(option_name, options)
    if command_name := getattr(error, "command_name", None):
        list_commands = getattr(ctx.command, "list_commands", None)
        return _closest(command_name, list(list_commands(ctx)) if list_commands else [])
    if words := getattr(error, "words", None):
        return _option_for(words[0], ctx)
    return None


def _option_for(word: str, ctx: Any) -> str | None:
    """`salary senior` -> '--level senior': the option one of whose values the stray word is."""
    from ml_career.dataset.names import normalise

    for param in ctx.command.params:
        if not param.opts or not param.opts[0].startswith("--") or param.is_flag:
            continue
        try:
            offered = param.shell_complete(ctx, word)
        except Exception:  # a completion that cannot run suggests nothing
            continue
        if any(normalise(item.value) == normalise(word) for item in offered):
            return repr(f"{param.opts[0]} {word}")
    return None


def _closest(typed: str, known: list[str]) -> str | None:
    """The names `typed` may mean; all of those it begins, when it begins several."""
    from ml_career.dataset.names import close_names

    return " or ".join(repr(name) for name in close_names(typed, known, limit=len(known))) or None
