"""Usage errors (unknown commands and options, bad values) as two short lines.

Click suggests close names but compares them case-sensitively, so `SALARY` or
`--LEVEL` would get no suggestion; these lines add one, ignoring case.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

_UNKNOWN_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'")


def usage_lines(error: Any, prog_name: str) -> list[str]:
    """The message, with a "did you mean" where one fits, and where to find help."""
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    possibilities = [p for p in getattr(error, "possibilities", None) or [] if p not in ("--help", "-h")]
    if possibilities:
        # Click says "(Possible options: --help, --level)"; say it the way every other suggestion is said.
        message = f"{error.message}. Did you mean {' or '.join(repr(p) for p in sorted(possibilities))}?"
    ctx = getattr(error, "ctx", None)
    if ctx is not None and "Did you mean" not in message and "Possible options" not in message:
        typed, known = _typed_and_known(error, ctx, message)
        if typed and (match := _closest(typed, known)):
            message = f"{message.rstrip('.')}. Did you mean {match!r}?"
    help_path = ctx.command_path if ctx is not None else prog_name
    return [message, f"Try '{help_path} --help' for help."]


def _typed_and_known(error: Any, ctx: Any, message: str) -> tuple[str | None, list[str]]:
    option_name = getattr(error, "option_name", None)
    if option_name:
        options = [opt for param in ctx.command.params for opt in (*param.opts, *param.secondary_opts)]
        return option_name, options
    if found := _UNKNOWN_COMMAND.search(message):
        list_commands = getattr(ctx.command, "list_commands", None)
        return found.group("name"), list(list_commands(ctx)) if list_commands else []
    return None, []


def _closest(typed: str, known: list[str]) -> str | None:
    by_folded = {name.casefold(): name for name in known}
    matches = difflib.get_close_matches(typed.casefold(), list(by_folded), n=1, cutoff=0.6)
    return by_folded[matches[0]] if matches else None
