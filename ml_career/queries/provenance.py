"""Whose word each fact is: an article's, mlcareer's computation or reading, or yours.

Every fact a report carries holds one in a required `provenance` field: an
`Article` (its id and quote), a `Computed` (a formula and its assumptions), an
`Mlcareer` reading (the reason) or `Yours` (what you gave), defined in
ml_career.provenance; a row has no flat copy of those details.
"""

from typing import TYPE_CHECKING, Any, NamedTuple

from ml_career.provenance import Article, Computed, Kind, Mlcareer, Words, mlcareer_words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ml_career.dataset.models import CareerData

__all__ = [
    "ALL_LEVELS_REASON",
    "LABEL_REASON",
    "MEASURE_REASON",
    "NAME_REASON",
    "NOTE_WORDS_REASON",
    "SHOWN_REASON",
    "ComputedValue",
    "Kind",
    "Reading",
    "SourceRef",
    "Words",
    "computed_value",
    "heading_of",
    "mlcareer_words",
    "reading",
    "source_refs",
    "whose",
]

# mlcareer's wording around the articles' figures and lists, each with the one reason it is there.
ALL_LEVELS_REASON = "mlcareer's reading: the article gives this figure for the role as a whole, at no one level"
LABEL_REASON = "mlcareer's label for the level or scope a figure is reported for; the article's words are its quote"
MEASURE_REASON = "mlcareer's words for what the figure measures; the article's own sentence is its quote"
NAME_REASON = "mlcareer's name for the record; the article's words are its quote or text"
NOTE_WORDS_REASON = "mlcareer's note on the article's figure or list"
SHOWN_REASON = "the article's figure as mlcareer writes it (a percent sign, a rank), beside the article's sentence"
UNTITLED_REASON = "the article has no title of its own: mlcareer describes it in a few words"


class SourceRef(NamedTuple):
    """An article the report cites: its id, its own title, and the article itself as its provenance.

    An untitled article has `title` None and mlcareer's short `description` instead.
    """

    id: str
    title: str | None
    description: Words | None
    provenance: Article

    @property
    def named(self) -> str:
        """The article's title, or mlcareer's description of an untitled one, saying so."""
        if self.title is not None:
            return self.title
        return f"untitled; mlcareer describes it as: {self.description.text if self.description else self.id}"


class ComputedValue(NamedTuple):
    """A value mlcareer worked out, with its formula and every assumption behind it."""

    value: int | float
    provenance: Computed


class Reading(NamedTuple):
    """Something mlcareer adds of its own (a match, a suggestion, an order), with the reason."""

    text: str
    provenance: Mlcareer

    @property
    def reason(self) -> str:
        return self.provenance.reason


def reading(text: str, reason: str, source: str | None = None) -> Reading:
    """mlcareer's `text`, with the reason (and the article it reads, if any)."""
    return Reading(text, Mlcareer(reason, source))


def computed_value(value: int | float, formula: str, assumptions: "Iterable[str]" = ()) -> ComputedValue:
    return ComputedValue(value, Computed(formula, tuple(assumptions)))


def source_refs(career: "CareerData") -> list[SourceRef]:
    """Every article of the data set, in the data file's order."""
    return [
        SourceRef(
            source.id,
            source.title,
            mlcareer_words(source.description, UNTITLED_REASON) if source.description else None,
            Article(source.id),
        )
        for source in career.sources
    ]


def heading_of(record: Any, source: str | None = None) -> Words:
    """A record's title and whose words it is: the article's heading, or mlcareer's with its reason.

    A record that is mlcareer's own (its provenance) has mlcareer's title too.
    """
    cited = source or getattr(record, "source", None)
    owner = whose(record)
    why = getattr(record, "title_reason", None) or (owner.reason if isinstance(owner, Mlcareer) else None)
    if why is not None:
        return mlcareer_words(record.title, why, cited)
    return Words(record.title, Article(cited or ""))


def whose(record: Any, source: str | None = None) -> Article | Mlcareer:
    """A data record's provenance: the article's words, unless the record says they are mlcareer's.

    `source` is the article of a record that names none of its own (a skill: its group's).
    """
    cited = source or getattr(record, "source", None)
    if getattr(record, "provenance", Kind.ARTICLE) == Kind.MLCAREER:
        return Mlcareer(getattr(record, "reason", None) or "", cited)
    return Article(cited or "")
