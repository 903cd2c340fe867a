"""Growth and demand: every figure with its publisher, period, date and age."""

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ml_career.provenance import Article, Mlcareer, Words
from ml_career.queries.freshness import Freshness, freshness
from ml_career.queries.provenance import (
    MEASURE_REASON,
    SHOWN_REASON,
    SourceRef,
    mlcareer_words,
    source_refs,
    whose,
)

DRIVERS_REASON = "mlcareer's heading for the reasons the article gives for the demand"

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class OutlookRow(NamedTuple):
    id: str
    value: int | float
    unit: str
    shown: Words  # the figure as mlcareer writes it
    measure: Words  # mlcareer's words for what it measures
    period: Words | None  # mlcareer's wording of the period
    publisher: str | None
    freshness: Freshness
    provenance: Article


class Statement(NamedTuple):
    text: str
    provenance: Article | Mlcareer


class OutlookReport(NamedTuple):
    summary: Words | None  # the article's words
    drivers: list[Words]  # the article's words, under mlcareer's heading `drivers_heading`
    drivers_heading: Words | None
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
            shown=mlcareer_words(shown_value(f.value, f.unit), SHOWN_REASON, f.source),
            measure=mlcareer_words(f.measure, MEASURE_REASON, f.source),
            period=mlcareer_words(f.period, MEASURE_REASON, f.source) if f.period else None,
            publisher=f.publisher,
            freshness=freshness(f.as_of, on),
            provenance=Article(f.source, f.quote),
        )
        for f in outlook.figures
    ]
    return OutlookReport(
        summary=Words(outlook.summary, Article(outlook.source or "")) if outlook.summary else None,
        drivers=[Words(driver, Article(outlook.source or "")) for driver in outlook.drivers],
        drivers_heading=mlcareer_words("What drives demand", DRIVERS_REASON, outlook.source)
        if outlook.drivers
        else None,
        figures=figures,
        statements=[Statement(s.text, whose(s)) for s in outlook.statements],
        career=career.career.title,
        sources=source_refs(career),
    )
