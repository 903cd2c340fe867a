"""Whose word each fact is: an article's, mlcareer's computation or reading, or yours.

Every fact a report carries says so in a `provenance` field holding one of the
four kinds below, next to its details: an article's id and quote, a formula and
its assumptions, mlcareer's reason, or what you gave.
"""

from typing import TYPE_CHECKING, Any, NamedTuple

from ml_career.provenance import Article, Kind, Words, mlcareer_words

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

__all__ = [
    "ALL_LEVELS_REASON",
    "ARTICLE",
    "COMPUTED",
    "LABEL_REASON",
    "MEASURE_REASON",
    "MLCAREER",
    "NAME_REASON",
    "NOTE_WORDS_REASON",
    "SHOWN_REASON",
    "YOU",
    "Computed",
    "Formula",
    "Kind",
    "Reading",
    "SourceRef",
    "Words",
    "heading_of",
    "mlcareer_words",
    "source_refs",
    "words_of",
]

# The kinds, by the names the queries use; ml_career.provenance defines them.
ARTICLE, COMPUTED, MLCAREER, YOU = Kind.ARTICLE, Kind.COMPUTED, Kind.MLCAREER, Kind.YOU


# mlcareer's wording around the articles' figures and lists, each with the one reason it is there.
ALL_LEVELS_REASON = "mlcareer's reading: the article gives this figure for the role as a whole, at no one level"
LABEL_REASON = "mlcareer's label for the level or scope a figure is reported for; the article's words are its quote"
MEASURE_REASON = "mlcareer's words for what the figure measures; the article's own sentence is its quote"
NAME_REASON = "mlcareer's name for the record; the article's words are its quote or text"
NOTE_WORDS_REASON = "mlcareer's note on the article's figure or list"
SHOWN_REASON = "the article's figure as mlcareer writes it (a percent sign, a rank), beside the article's sentence"
UNTITLED_REASON = "the article has no title of its own: mlcareer describes it in a few words"


class SourceRef(NamedTuple):
    """An article the report cites: its id, its own title, and `source`, its id again.

    An untitled article has `title` None and mlcareer's short `description` instead.
    """

    id: str
    title: str | None
    description: Words | None
    source: str
    provenance: Kind = ARTICLE

    @property
    def named(self) -> str:
        """The article's title, or mlcareer's description of an untitled one, saying so."""
        if self.title is not None:
            return self.title
        return f"untitled; mlcareer describes it as: {self.description.text if self.description else self.id}"


class Computed(NamedTuple):
    """A value mlcareer worked out: the formula, and every assumption behind it."""

    value: int | float
    formula: str
    assumptions: list[str]
    provenance: Kind = COMPUTED


class Formula(NamedTuple):
    """How mlcareer works out the values beside it: the formula, and its assumptions."""

    formula: str
    assumptions: list[str] = []  # noqa: RUF012 - a named tuple's default, never changed in place
    provenance: Kind = COMPUTED


class Reading(NamedTuple):
    """Something mlcareer adds of its own (a match, a suggestion, an order), with the reason."""

    text: str
    reason: str
    provenance: Kind = MLCAREER


def source_refs(career: "CareerData") -> list[SourceRef]:
    """Every article of the data set, in the data file's order."""
    return [
        SourceRef(
            source.id,
            source.title,
            mlcareer_words(source.description, UNTITLED_REASON) if source.description else None,
            source.id,
        )
        for source in career.sources
    ]


def heading_of(record: Any, source: str | None = None) -> Words:
    """A record's title and whose words it is: the article's heading, or mlcareer's with its reason.

    A record that is mlcareer's own (its provenance) has mlcareer's title too.
    """
    cited = source or getattr(record, "source", None)
    kind, reason = words_of(record)
    why = getattr(record, "title_reason", None) or (reason if kind == MLCAREER else None)
    if why is not None:
        return mlcareer_words(record.title, why, cited)
    return Words(record.title, Article(cited or ""))


def words_of(record: Any) -> tuple[Kind, str | None]:
    """(provenance, reason) of a data record: the article's words unless it says they are mlcareer's."""
    kind: Kind = MLCAREER if getattr(record, "provenance", ARTICLE) == MLCAREER else ARTICLE
    return kind, getattr(record, "reason", None)
