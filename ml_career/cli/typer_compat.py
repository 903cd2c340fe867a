"""What completion relies on of Typer and Click, in one place.

A completion request is answered in one of two ways: by Typer, through Click,
or before Typer is imported, from the completion index (cli/instant_completion.py).
The two must give the same bytes (tests/test_instant_completion.py), so what they
share lives here: the environment a request comes in (Typer's protocol), how Click
places the words typed (its resolution rules), and the private parts of Typer that
completion reads or replaces. A new Typer is met in this module and no other.

Only os is imported at the top: the fast path imports this module on every TAB.
Typer is imported inside the functions that need it, which only Typer's path calls.
"""

import os

# No `from __future__ import annotations` and no typing at run time: each is one more import per TAB.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

# Typer's request: the instruction in the program's completion variable, and the words typed.
BASH_INSTRUCTION = "complete_bash"  # words in COMP_WORDS, the one being completed in COMP_CWORD
FISH_INSTRUCTION = "complete_fish"  # the command line so far in FISH_ARGS_VAR
FISH_ACTION_VAR = "_TYPER_COMPLETE_FISH_ACTION"
FISH_GET_ARGS = "get-args"
FISH_ARGS_VAR = "_TYPER_COMPLETE_ARGS"

# Words the fast path reads: printable ASCII without quotes or backslashes, for which
# shlex (Typer's splitter) and str.split() agree.
_PLAIN = frozenset(chr(code) for code in range(0x21, 0x7F)) - set("\"'\\") | set(" \t\r\n")


def completion_request(
    environ: "os._Environ[str] | dict[str, str]", complete_var: str
) -> tuple[bool, list[str], str] | None:
    """(fish protocol?, the words before the one being completed, that word), as Typer reads them.

    None for a request in another form, or one whose words Typer would split otherwise.
    """
    instruction = environ.get(complete_var)
    if instruction == BASH_INSTRUCTION:
        words, position = environ.get("COMP_WORDS"), environ.get("COMP_CWORD", "")
        # Typer fails on a missing COMP_WORDS, and on a number too long to convert: its errors, its words.
        if words is None or not (_plain(words) and 0 < len(position) <= 6 and position.isascii()):
            return None
        if not position.isdigit() or int(position) < 1:
            return None
        split = words.split()
        cword = int(position)
        return False, split[1:cword], split[cword] if cword < len(split) else ""
    if instruction == FISH_INSTRUCTION and environ.get(FISH_ACTION_VAR) == FISH_GET_ARGS:
        typed = environ.get(FISH_ARGS_VAR, "")
        if not _plain(typed):
            return None
        args = typed.split()[1:]
        if args and not typed.endswith(" "):
            return True, args[:-1], args[-1]
        return True, args, ""
    return None


def _plain(text: str) -> bool:
    return all(character in _PLAIN for character in text)


class Param:
    """A parameter of one command, as the completion index lists it."""

    __slots__ = ("exact", "hidden", "kind", "multiple", "names", "source")

    def __init__(self, kind: str, exact: bool, multiple: bool, hidden: bool, source: str) -> None:
        self.kind = kind  # "value" (an option that takes one), "flag" or "argument"
        self.exact = exact  # False: its parsing is Typer's business (a callback, several values)
        self.multiple = multiple  # an option given more than once, or a last argument of any number of words
        self.hidden = hidden
        self.source = source  # the name of its candidates, "" for none, "?" for Typer's own
        self.names: list[tuple[str, str]] = []  # (option name, its answer line)


class ClickRules:
    """Click's placing of the words typed (click.shell_completion._resolve_context and
    _resolve_incomplete), over commands and parameters as the completion index lists them."""

    def __init__(self) -> None:
        self.commands: dict[str, tuple[bool, str]] = {}  # name -> (offered, answer line), in order
        self.params: dict[str, list[Param]] = {"": []}  # command ("" for the root) -> its parameters, in order
        self.options: dict[str, dict[str, Param]] = {"": {}}  # command -> option name -> parameter

    def values(self, source: str, incomplete: str) -> list[str] | None:
        """The answer lines of the candidates `source` names that match `incomplete`; None where unsure."""
        raise NotImplementedError

    def scope(self, name: str) -> tuple[list[Param], dict[str, Param]]:
        """A command's parameters ("" for the root's), and its options by name."""
        return self.params[name], self.options[name]

    def resolve(self, args: list[str], incomplete: str) -> list[str] | None:
        """The answer lines Typer would give for `args` and `incomplete`, or None where unsure.

        Only command lines it can place word by word; anything else is Typer's.
        """
        if "=" in incomplete:
            return None  # Click splits `--option=value` itself
        scope = ""
        given: set[int] = set()
        positional = 0
        index = 0
        while index < len(args):
            word = args[index]
            if word.startswith("-"):
                param = self.scope(scope)[1].get(word)
                if param is None or not param.exact:
                    return None  # unknown, `--`, `--opt=value`, or an option Typer must parse
                if param.kind == "flag":
                    given.add(id(param))
                elif index + 1 < len(args):
                    if args[index + 1].startswith("-"):
                        return None
                    given.add(id(param))
                    index += 1
                # else: the option waits for its value. Click counts it as given only once it has one.
            elif scope == "":
                if word not in self.commands:
                    return None
                scope, given, positional = word, set(), 0
            else:
                positional += 1
            index += 1
        params, options = self.scope(scope)
        arguments = [param for param in params if param.kind == "argument"]
        if not all(param.exact for param in arguments):
            return None
        if arguments and arguments[-1].multiple:  # the last takes every word beyond the others: never complete
            positional = min(positional, len(arguments) - 1)
        elif positional > len(arguments):
            return None
        if incomplete.startswith("-"):
            return [
                answer_line
                for param in params
                if param.kind != "argument" and not param.hidden and (param.multiple or id(param) not in given)
                for name, answer_line in param.names
                if name.startswith(incomplete)
            ]
        last = options.get(args[-1]) if args else None
        if last is not None and last.kind == "value":
            return self.values(last.source, incomplete)
        if scope and positional < len(arguments):
            return self.values(arguments[positional].source, incomplete)
        if scope:
            return []
        return [line for name, (offered, line) in self.commands.items() if offered and name.startswith(incomplete)]


# --- Typer's side: imported only when Typer answers ----------------------------------------------


def use_answer_format(format_line: "Callable[[str, str | None], str]") -> None:
    """Make Typer answer fish's protocol one candidate a line, as `format_line` writes it.

    Typer's own renders each description through Rich, which imports Rich on every
    keystroke and wraps a long description into a second line that the shell would
    take for a candidate of its own. The zsh and fish scripts read this format.
    """
    from typer._click.shell_completion import CompletionItem, add_completion_class  # Typer 0.28 vendors Click
    from typer._completion_classes import FishComplete, completion_init

    class FishLines(FishComplete):
        def format_completion(self, item: CompletionItem) -> str:
            return format_line(str(item.value), item.help)

    completion_init()
    add_completion_class(FishLines, "fish")


def is_argument(param: "Any") -> bool:
    from typer.core import TyperArgument

    return isinstance(param, TyperArgument)


def completes_itself(param: "Any") -> bool:
    """Whether Click would offer candidates of its own for `param` (a choice, a path, a custom function)."""
    from typer._click.types import ParamType

    return param._custom_shell_complete is not None or type(param.type).shell_complete is not ParamType.shell_complete


def _typers_wrapper(param: "Any") -> "Any":
    """The wrapper Typer made of a parameter's completion function, from the closure Click calls, if any."""
    compat = param._custom_shell_complete
    if compat is None or compat.__closure__ is None:
        return None
    cells = dict(zip(compat.__code__.co_freevars, compat.__closure__, strict=True))
    # Typer's own closure names it `autocompletion`; `unfiltered`'s, once it has replaced Typer's, `source`.
    found = cells.get("autocompletion") or cells.get("source")
    return found.cell_contents if found else None


def autocompletion_of(param: "Any") -> "Callable[..., Any] | None":
    """The completion function a Typer parameter was declared with, if any.

    Typer wraps it twice: for its own signature rules (functools.update_wrapper,
    so `__wrapped__` names it), then for Click.
    """
    return getattr(_typers_wrapper(param), "__wrapped__", None)


def unfiltered(command: "Any") -> None:
    """Offer what the completion functions return, as they return it.

    Typer keeps only candidates that begin with the typed text, case and all, so
    `Deep` would lose deep-learning and a file name would lose the files marker.
    mlcareer's completion functions match for themselves (ignoring case, against names too).
    """
    for param in command.params:
        wrapper = _typers_wrapper(param)
        if wrapper is not None:
            param._custom_shell_complete = _as_given(wrapper)


def _as_given(source: "Callable[..., Any]") -> "Callable[..., list[Any]]":
    from typer._click.shell_completion import CompletionItem

    def complete(ctx: "Any", param: "Any", incomplete: str) -> "list[Any]":
        return [
            CompletionItem(item[0], help=item[1] or None) if isinstance(item, tuple) else CompletionItem(item)
            for item in source(ctx, [], incomplete)
        ]

    return complete
