"""Who the figures cite: every publisher and article, and what cites each."""

from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from ml_career.dataset.sections import SECTIONS, FigureKind
from ml_career.provenance import Article, Mlcareer, Words, mlcareer_words
from ml_career.queries.freshness import Freshness, freshness
from ml_career.queries.outlook import shown_value
from ml_career.queries.provenance import (
    MEASURE_REASON,
    SHOWN_REASON,
    Reading,
    SourceRef,
    reading,
    source_refs,
)
from ml_career.queries.wording import money, publisher_label

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


PUBLISHERS = Mlcareer("mlcareer groups the figures by the publisher each article names for them")
NOTE_REASON = "mlcareer's note on how the article presents itself: its date, its publisher, what it promotes"


class CitedFigure(NamedTuple):
    id: str
    kind: str
    value: Words  # the figure as mlcareer writes it
    measure: Words  # mlcareer's words for what it measures
    publisher: str | None
    shown_by: str
    freshness: Freshness
    provenance: Article


class PublisherRow(NamedTuple):
    publisher: str
    figures: list[CitedFigure]
    articles: list[str]
    provenance: Mlcareer  # the grouping is mlcareer's: PUBLISHERS_REASON


class ArticleRow(NamedTuple):
    id: str
    title: str | None  # its own title; None for an untitled article
    description: Words | None  # mlcareer's short description of an untitled article
    reading: Words | None  # mlcareer's reading of what the article is, with the reason
    note: Reading | None  # mlcareer's note on the article itself
    figures: int
    publishers: list[str]
    provenance: Article  # the article itself: its id and its own title


class SourcesReport(NamedTuple):
    publishers: list[PublisherRow]
    articles: list[ArticleRow]
    sources: list[SourceRef]


def cited_figures(career: "CareerData", on: date) -> list[CitedFigure]:
    """Every figure in the data set, whatever section holds it."""
    return [
        CitedFigure(
            f.id, section.search_label, mlcareer_words(_shown(section.figure, f), SHOWN_REASON, f.source),
            mlcareer_words(f.measure, MEASURE_REASON, f.source), f.publisher,
            section.shown_by, freshness(f.as_of, on), Article(f.source),
        )
        for section in SECTIONS
        if section.figure is not None
        for f in section.records(career)
    ]  # fmt: skip


def _shown(kind: FigureKind, figure: Any) -> str:
    return money(figure.amount, figure.currency) if kind == "money" else shown_value(figure.value, figure.unit)


def sources_report(career: "CareerData", on: date) -> SourcesReport:
    figures = cited_figures(career, on)
    publishers: dict[str, list[CitedFigure]] = {}
    for figure in figures:
        publishers.setdefault(publisher_label(figure.publisher), []).append(figure)
    publisher_rows = [
        PublisherRow(name, cited, list(dict.fromkeys(f.provenance.source for f in cited)), PUBLISHERS)
        for name, cited in sorted(publishers.items(), key=lambda item: (item[0] == publisher_label(None), item[0]))
    ]
    refs = source_refs(career)
    articles = [
        ArticleRow(
            id=source.id,
            title=source.title,
            description=ref.description,
            reading=mlcareer_words(source.reading, source.reading_reason or "", source.id) if source.reading else None,
            note=reading(source.note, NOTE_REASON) if source.note else None,
            figures=sum(1 for f in figures if f.provenance.source == source.id),
            publishers=sorted({f.publisher for f in figures if f.provenance.source == source.id and f.publisher}),
            provenance=Article(source.id),
        )
        for source, ref in zip(career.sources, refs, strict=True)
    ]
    return SourcesReport(publishers=publisher_rows, articles=articles, sources=refs)
