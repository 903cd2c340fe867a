"""Finding the data set's names in a text: whole words, any case, plural or punctuation, common spellings.

This is mlcareer's reading. A name matches as its words (PyTorch and pytorch,
scikit-learn and scikit learn, Tensor Flow and TensorFlow), and also as the
spellings the data file gives it with a reason (GCP for Google Cloud). A word
joined to a version or a module (Python3, TensorFlow2, matplotlib.pyplot) or a
possessive (R's) is read as the name. A lower-case word run into a capitalised
one ("deploymentsSoftware", from a PDF that lost its space) is read as two.

The work is linear in the text: the names are kept in a tree of their words, so
each word of the text walks only as far as some name goes, and a name of more
than MAX_NAME_WORDS words is never looked for.
"""

import re
from typing import TYPE_CHECKING, NamedTuple

from ml_career.queries.items import Item, spoken_names

if TYPE_CHECKING:
    from collections.abc import Iterator

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.&+#'\u2019][A-Za-z0-9]+)*[+#]*")
# "deploymentsSoftware", "usingPyTorch": a word of three or more lower-case letters run into a capitalised one.
_RUN_TOGETHER = re.compile(r"[a-z]{3,}(?=[A-Z][a-z])")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_VERSION = re.compile(r"([A-Za-z][A-Za-z+#]*?[A-Za-z+#])[-_]?[vV]?[0-9]+(?:\.[0-9]+)*")
MAX_NAME_WORDS = 12  # more than any name a skill or tool has; a longer one is not looked for
VERSION_REASON = "a version joined to a name (Python3, TensorFlow2) is the name itself"
MODULE_REASON = "a module written after a name with a dot (matplotlib.pyplot) is part of what the name names"


class Token(NamedTuple):
    raw: str
    key: str
    start: int
    end: int


class Match(NamedTuple):
    item: Item
    start: int
    end: int
    spelled: str | None  # what the text says, where it is a spelling of the name, not the name
    reason: str | None  # why that spelling is the name: the data file's reason, or a rule's


def stem(word: str) -> str:
    """A word without its plural ending, the same way for the data and the text."""
    word = word.casefold().replace("'", "").replace("\u2019", "")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tokens(text: str) -> "list[Token]":
    return list(_tokens(text))


def _tokens(text: str) -> "Iterator[Token]":
    for found in _TOKEN.finditer(text):
        raw, start = found[0], found.start()
        if possessive := _POSSESSIVE.search(raw):
            raw = raw[: possessive.start()]
        if joined := _RUN_TOGETHER.match(raw):
            cut = joined.end()
            yield Token(raw[:cut], stem(raw[:cut]), start, start + cut)
            raw, start = raw[cut:], start + cut
        yield Token(raw, stem(raw), start, start + len(raw))


class _Node:
    __slots__ = ("children", "names")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.names: list[tuple[Item, str, str | None]] = []  # (item, name as written, a spelling's reason)


class Matcher:
    """Every item's names and spellings as a tree of their words, walked along a text."""

    def __init__(self, items: list[Item], spellings: dict[str, list[tuple[str, str]]] | None = None) -> None:
        """`spellings`: an item's id -> (another way to write its name, why) pairs."""
        self.root = _Node()
        self.single: dict[str, list[tuple[Item, str, str | None]]] = {}  # one-word keys, joined forms included
        for item in items:
            names: list[tuple[str, str | None]] = [(name, None) for name in dict.fromkeys(spoken_names(item))]
            names += [(spelling, reason) for spelling, reason in (spellings or {}).get(item.id, [])]
            for name, reason in names:
                self._add(item, name, reason)

    def _add(self, item: Item, name: str, reason: str | None) -> None:
        keys = [token.key for token in tokens(name)]
        if not keys or len(keys) > MAX_NAME_WORDS:
            return
        paths = [keys] if len(keys) == 1 else [keys, [stem("".join(keys))]]  # "Google Cloud" is also "GoogleCloud"
        for path in paths:
            node = self.root
            for key in path:
                node = node.children.setdefault(key, _Node())
            node.names.append((item, name, reason))
        self.single.setdefault(paths[-1][0] if len(paths) > 1 else keys[0], []).append((item, name, reason))

    def find(self, text: str) -> list[Match]:
        """Every name found in `text`, with where it is and, for a spelling, why it is the name."""
        found: list[Match] = []
        words = tokens(text)
        for index, first in enumerate(words):
            node = self.root
            for last in words[index : index + MAX_NAME_WORDS]:
                child = node.children.get(last.key)
                if child is None:
                    break
                node = child
                for item, name, reason in node.names:
                    if _one_letter(name) and not (last is first and _stands_alone(text, first, name)):
                        continue
                    found.append(_match(item, name, reason, text, first.start, last.end))
            for size in (2, 3):  # "Tensor Flow" is also "TensorFlow"
                span = words[index : index + size]
                if len(span) == size:
                    for item, name, reason in self.single.get(stem("".join(w.raw for w in span)), []):
                        found.append(_match(item, name, reason, text, first.start, span[-1].end))
            found += self._joined(first, text)
        return found

    def _joined(self, word: Token, text: str) -> list[Match]:
        """A name with a version or a module joined to it: Python3, TensorFlow2, matplotlib.pyplot."""
        if word.key in self.single:
            return []
        for pattern, reason in ((_VERSION, VERSION_REASON), (re.compile(r"([A-Za-z][A-Za-z0-9]+)\..+"), MODULE_REASON)):
            if (base := pattern.fullmatch(word.raw)) is not None and len(base[1]) > 1:
                named = [(item, name) for item, name, _ in self.single.get(stem(base[1]), []) if not _one_letter(name)]
                return [Match(item, word.start, word.end, word.raw, reason) for item, _ in named]
        return []


def _match(item: Item, name: str, reason: str | None, text: str, start: int, end: int) -> Match:
    return Match(item, start, end, text[start:end] if reason else None, reason)


def _one_letter(name: str) -> bool:
    return len(name.strip()) == 1


def _stands_alone(text: str, token: Token, name: str) -> bool:
    """A one-letter name counts only as written ("R", not "r") and not joined by a hyphen ("R-squared")."""
    before = text[token.start - 1] if token.start else " "
    after = text[token.end] if token.end < len(text) else " "
    return token.raw == name.strip() and before != "-" and after != "-"
