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
    prefixed: dict[int, str] = {}
    for name, value in by_name.items():
        if key and name.startswith(key):
            prefixed.setdefault(id(value), shown[name])
    if len(prefixed) == 1:
        return by_name[normalise(next(iter(prefixed.values())))]
    if prefixed:
        candidates = " or ".join(repr(name) for name in prefixed.values())
        raise UsageError(f"{kind} {_echo(typed)} could be {candidates}: type more of it.")
    raise UsageError(unknown_message(kind, typed, by_name, shown))


def _echo(typed: str) -> str:
    return repr(typed if len(typed) <= 60 else typed[:57] + "...")


def unknown_message(kind: str, typed: str, known: Iterable[str], shown: dict[str, str]) -> str:
    """`unknown level 'snior'. Did you mean 'senior'?` plus what is valid."""
    suggestions = list(dict.fromkeys(shown[name] for name in close_names(normalise(typed), known)))
    valid = ", ".join(dict.fromkeys(shown.values()))
    message = f"unknown {kind} {_echo(typed)}."
    if suggestions:
        message += " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
    return f"{message}\nValid {plural(kind)}: {valid}"


# Every "did you mean" offers the names at least this alike (difflib's ratio, 0 to 1) to what was typed...
SIMILAR = 0.6
# ...and nearly as alike as the best one: "senor" is "senior", not "junior" as well.
NEARLY = 0.1
# At most this many names are compared by spelling, so that a suggestion costs the same on any data set.
MAX_COMPARED = 2000


def close_names(typed: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """The names in `known` that `typed` most likely meant, best first, ignoring case.

    The one "did you mean" of mlcareer: the name typed in another case, else the
    names it begins, else the names spelt most alike. Its work is bounded: names
    are read once, and only MAX_COMPARED of those whose length could be alike
    enough are compared by spelling.
    """
    import difflib  # only a mistake pays for it

    wanted = typed.casefold()
    if not wanted:
        return []
    # A ratio of 2*matches/(len(a)+len(b)) reaches SIMILAR only between these lengths.
    shortest, longest = len(wanted) * SIMILAR / (2 - SIMILAR), len(wanted) * (2 - SIMILAR) / SIMILAR
    matcher = difflib.SequenceMatcher(b=wanted, autojunk=False)
    prefixed: list[str] = []
    alike: list[tuple[float, str]] = []
    compared: set[str] = set()
    for name in known:
        folded = name.casefold()
        if folded == wanted:
            return [name]
        if folded.startswith(wanted):
            prefixed += [name] if len(prefixed) < limit and name not in prefixed else []
        elif len(compared) < MAX_COMPARED and shortest <= len(folded) <= longest and folded not in compared:
            compared.add(folded)
            matcher.set_seq1(folded)
            # The two quick bounds first: most names fail them, in time linear in their length.
            quick = matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR
            if quick and (ratio := matcher.ratio()) >= SIMILAR:
                alike.append((ratio, name))
    if prefixed:
        return prefixed[:limit]
    alike.sort(key=lambda pair: -pair[0])
    return [name for ratio, name in alike if ratio >= alike[0][0] - NEARLY][:limit]


def plural(noun: str) -> str:
    if noun.endswith("y"):
        return noun[:-1] + "ies"
    return noun + "es" if noun.endswith(("s", "x", "ch", "sh")) else noun + "s"


def names_in(words: str, names: list[str]) -> list[str]:
    """The names that `words` holds as whole words, written as they are: "Python, R, or Julia" holds R."""
    return [name for name in names if re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", words)]
