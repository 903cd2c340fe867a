"""Matching what people type to the names in the data, with suggestions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TypeVar

from ml_career.dataset.symbols import spelled_out
from ml_career.errors import UsageError

T = TypeVar("T")

_SEPARATORS = re.compile(r"[\s_/-]+")


# The word that answers "no degree yet" or "not yet working": one spelling, one test.
NONE_CHOICE = "none"


def is_none_choice(typed: str) -> bool:
    return normalise(typed) == NONE_CHOICE


def normalise(name: str) -> str:
    """Fold case, spaces, underscores and punctuation: "Entry Level" == "entry-level".

    Letters, marks and digits of every script are kept (after NFKC, so a fullwidth
    or compatibility form is the plain one), so "Инженер" and "Менеджер" stay two
    names; + and # are spelled out (symbols.py), so C, C++ and C# stay three.
    Everything else goes, invisible characters too, so names that differ only in
    them are one name. A name with none of them normalises to "", which matches nothing.
    """
    folded = _SEPARATORS.sub("-", spelled_out(unicodedata.normalize("NFKC", name).casefold()))
    kept = "".join(c for c in folded if c == "-" or unicodedata.category(c)[0] in "LMN")
    return re.sub("-{2,}", "-", kept).strip("-")


def pick(kind: str, typed: str, choices: Iterable[tuple[Iterable[str], T]]) -> T:
    """The choice one of whose names matches `typed`, or a UsageError with suggestions.

    `choices` pairs each value with the names it answers to; the first name is the
    one shown to the user when listing or suggesting.
    """
    by_name: dict[str, T] = {}
    shown: dict[str, str] = {}
    for names, value in choices:
        names = list(names)
        for name in names:
            if name_key := normalise(name):
                by_name.setdefault(name_key, value)
                shown.setdefault(name_key, names[0])
    key = normalise(typed)
    if key and key in by_name:
        return by_name[key]
    # A prefix that names one thing only is as good as its full name ("employer").
    prefixed = {id(value): value for name, value in by_name.items() if key and name.startswith(key)}
    if len(prefixed) == 1:
        return next(iter(prefixed.values()))
    raise UsageError(unknown_message(kind, typed, by_name, shown))


def unknown_message(kind: str, typed: str, known: Iterable[str], shown: dict[str, str]) -> str:
    """`unknown level 'snior'. Did you mean 'senior'?` plus what is valid."""
    import difflib  # only a mistake pays for it

    wanted = normalise(typed)
    close = difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.6)
    # Offer only the names nearly as close as the best one: "senor" is "senior", not "junior".
    ratios = {name: difflib.SequenceMatcher(None, wanted, name).ratio() for name in close}
    best = max(ratios.values(), default=0.0)
    suggestions = list(dict.fromkeys(shown[name] for name in close if ratios[name] >= best - 0.1))
    valid = ", ".join(dict.fromkeys(shown.values()))
    message = f"unknown {kind} {typed if len(typed) <= 60 else typed[:57] + '...'!r}."
    if suggestions:
        message += " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
    return f"{message}\nValid {plural(kind)}: {valid}"


def plural(noun: str) -> str:
    if noun.endswith("y"):
        return noun[:-1] + "ies"
    return noun + "es" if noun.endswith(("s", "x", "ch", "sh")) else noun + "s"


def names_in(words: str, names: list[str]) -> list[str]:
    """The names that `words` holds as whole words, written as they are: "Python, R, or Julia" holds R."""
    return [name for name in names if re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", words)]
