"""Growth and demand: every figure with its publisher, period, date and age."""

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ml_career.queries.freshness import Freshness, freshness
from ml_career.queries.provenance import ARTICLE, Kind, SourceRef, source_refs, words_of

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class OutlookRow(NamedTuple):
    id: str
    value: int | float
    unit: str
    shown: str
    measure: str
    period: str | None
    publisher: str | None
    source: str
    quote: str
    freshness: Freshness
    provenance: Kind = ARTICLE


class Statement(NamedTuple):
    text: str
    source: str
    provenance: Kind = ARTICLE
    reason: str | None = None


class OutlookReport(NamedTuple):
    summary: str | None
    source: str | None
    drivers: list[str]
    figures: list[OutlookRow]
    statements: list[Statement]
    career: str
    sources: list[SourceRef]


def shown_value(value: int | float, unit: str) -> str:
    if unit == "percent":
        return f"{value:g}%"
    if unit == "rank":
        return f"#{value:g}"
    return f"{value:,}"


def outlook_report(career: "CareerData", on: date) -> OutlookReport:
    outlook = career.outlook
    figures = [
        OutlookRow(
            id=f.id,
            value=f.value,
            unit=f.unit,
            shown=shown_value(f.value, f.unit),
            measure=f.measure,
            period=f.period,
            publisher=f.publisher,
            source=f.source,
            quote=f.quote,
            freshness=freshness(f.as_of, on),
        )
        for f in outlook.figures
    ]
    return OutlookReport(
        summary=outlook.summary,
        source=outlook.source,
        drivers=list(outlook.drivers),
        figures=figures,
        statements=[Statement(s.text, s.source, *words_of(s)) for s in outlook.statements],
        career=career.career.title,
        sources=source_refs(career),
    )
