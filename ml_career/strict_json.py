"""JSON as the user's files must be read: a key given twice in one object is refused, at any depth.

json.loads keeps the last of two values for one key and drops the first without
a word, so a file edited by hand can say two things and mean one. TOML refuses
that; this does the same for every JSON file mlcareer reads (the data file, the
state file, an answers file), naming where the key is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any


class RepeatedKey(ValueError):
    """A JSON object gave a key more than once. `places` are the dotted paths of every such key."""

    def __init__(self, places: list[str]) -> None:
        self.places = places
        super().__init__(f"the key {places[0]!r} is given more than once")


def loads(text: str, **options: Any) -> Any:
    """json.loads(text, **options), raising RepeatedKey where an object gives a key twice.

    Like json.loads, it raises ValueError for text that is not JSON and RecursionError
    for nesting too deep.
    """
    import json  # here: importing json compiles its regular expressions

    repeated: list[_RepeatedKeys] = []
    document = json.loads(text, object_pairs_hook=_objects(repeated), **options)
    if repeated:
        try:
            places = list(repeated_keys(document, ""))
        except RecursionError:  # as deep as json allows: name the key, not its path
            places = [repeated[0].repeated[0]]
        raise RepeatedKey(places)
    return document


class _RepeatedKeys(dict[str, Any]):
    """A JSON object that gave some keys more than once, as json.loads would silently keep the last."""

    repeated: list[str]


def _objects(repeated: list[_RepeatedKeys]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """json's object hook: a dict as usual, and each object that repeats a key kept in `repeated`."""

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) == len(pairs):
            return found
        counted = Counter(key for key, _ in pairs)
        flagged = _RepeatedKeys(found)
        flagged.repeated = [key for key, count in counted.items() if count > 1]
        repeated.append(flagged)
        return flagged

    return build


def repeated_keys(value: Any, where: str) -> Iterator[str]:
    """The dotted path of each key given twice in one object, at any depth, outermost first."""
    if isinstance(value, _RepeatedKeys):
        for key in value.repeated:
            yield f"{where}{key}"
    if isinstance(value, dict):
        for key, item in value.items():
            yield from repeated_keys(item, f"{where}{key}.")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from repeated_keys(item, f"{where}{index}.")


def toml_repeated_key(text: str, message: str) -> str | None:
    """The key on the line tomllib names in `message`, when that message is its refusal of a repeated key."""
    import re

    found = re.search(r"^Cannot (?:overwrite a value|declare .*? twice) \(at (?:line (\d+),|end of document)", message)
    if found is None:
        return None
    lines = text.splitlines()
    number = int(found.group(1)) if found.group(1) else len(lines)
    if not 0 < number <= len(lines):
        return None
    line = lines[number - 1].strip()
    key = line.strip("[]").strip() if line.startswith("[") else line.partition("=")[0].strip()
    return f"{key!r} (line {number})" if key else None
