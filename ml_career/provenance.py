"""Whose word a fact is: the one place the four kinds of provenance are written.

Every fact a report carries says whose word it is:

- `Article(source, quote)`: an article's own words, verbatim (`[...]` marks left-out words);
- `Computed(formula, assumptions)`: a value mlcareer worked out;
- `Mlcareer(reason, source)`: mlcareer's own reading, heading, match, suggestion, order or
  default, with the reason (and the article it reads, if any);
- `Yours(input)`: what you typed or saved, and nothing else (a default is mlcareer's).

The JSON shape of each comes from `json_fields`, and nowhere else: `"provenance"` holds the
kind's word and the details sit beside it in the fact's own object. This module sits below
every layer so that the data file's models, the queries, the advisor and the views share it.
"""

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, ClassVar, Protocol


class Kind(StrEnum):
    """The four words `"provenance"` can hold in every output."""

    ARTICLE = "article"
    COMPUTED = "computed"
    MLCAREER = "mlcareer"
    YOU = "you"


@dataclass(frozen=True, slots=True)
class Article:
    """The cited article's words, verbatim."""

    kind: ClassVar[Kind] = Kind.ARTICLE
    source: str
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Computed:
    """A value mlcareer worked out: the formula, and every assumption behind it."""

    kind: ClassVar[Kind] = Kind.COMPUTED
    formula: str
    assumptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mlcareer:
    """mlcareer's own reading (of `source`, where it reads an article), with the reason."""

    kind: ClassVar[Kind] = Kind.MLCAREER
    reason: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Yours:
    """What you typed or saved: `input` says where (an option, an answer, the state file)."""

    kind: ClassVar[Kind] = Kind.YOU
    input: str


Provenance = Article | Computed | Mlcareer | Yours
KINDS: tuple[type[Provenance], ...] = (Article, Computed, Mlcareer, Yours)


@dataclass(frozen=True, slots=True)
class Words:
    """A text and whose words it is: a heading, a label or a name beside an article's facts.

    In JSON: `{"text": ..., "provenance": ..., details}`, so a title mlcareer wrote is never
    inside an object that says "article".
    """

    text: str
    whose: Provenance


def article_words(text: str, source: str) -> Words:
    return Words(text, Article(source))


def mlcareer_words(text: str, reason: str, source: str | None = None) -> Words:
    return Words(text, Mlcareer(reason, source))


# The kinds a data file may give its records: its words are an article's or mlcareer's.
DATA_KINDS = (Kind.ARTICLE, Kind.MLCAREER)


def jsonable(value: Words | Provenance) -> dict[str, Any]:
    """A `Words` or a provenance of its own, as its JSON object."""
    if isinstance(value, Words):
        return {"text": value.text, **json_fields(value.whose)}
    return json_fields(value)


def json_fields(provenance: Provenance) -> dict[str, Any]:
    """`{"provenance": kind, ...details}`: how every output writes a provenance."""
    shown: dict[str, Any] = {"provenance": provenance.kind.value}
    for field in fields(provenance):
        value = getattr(provenance, field.name)
        shown[field.name] = list(value) if isinstance(value, tuple) else value
    return shown


def data_kind(value: object) -> Kind:
    """A data file's `provenance`, read strictly: a clear message for any other word."""
    allowed = " or ".join(f"'{kind}'" for kind in DATA_KINDS)
    if isinstance(value, str) and value in DATA_KINDS:
        return Kind(value)
    raise ValueError(f"unknown provenance {value!r}: a data file's words are {allowed}")


class HasProvenance(Protocol):
    """A fact of a report: it holds its provenance, an object with its details."""

    @property
    def provenance(self) -> Provenance: ...


# What a view can mark: a text with its owner, a provenance itself, or a fact that holds one.
Marked = Words | Provenance | HasProvenance


def provenance_of(fact: Marked) -> Provenance:
    """The provenance of a report's fact: a `Words`' owner, a provenance itself, or the one it holds.

    Anything else is a bug (a fact built without its provenance), never silently an article's.
    """
    if isinstance(fact, Words):
        return fact.whose
    if isinstance(fact, KINDS):
        return fact
    held = getattr(fact, "provenance", None)
    if isinstance(held, KINDS):
        return held
    raise TypeError(f"{type(fact).__name__} holds no provenance: every fact a report carries holds one")
