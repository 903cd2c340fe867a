"""How the advisor asks for what the user left out, without knowing about terminals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

T = TypeVar("T")


class Ask(Protocol):
    """Asks one question until `parse` accepts the answer; the command line passes a prompt."""

    def __call__(self, question: str, default: str, parse: Callable[[str], T]) -> T: ...


class AskOrDefault(Protocol):
    """Asks one question until `parse` accepts the answer; None when Enter takes mlcareer's `default`."""

    def __call__(self, question: str, default: str, parse: Callable[[str], T]) -> T | None: ...
