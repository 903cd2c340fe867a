"""What the career pays, level by level, with each figure's source."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ml_career.dataset.names import pick
from ml_career.queries.citing import SourceRef, source_refs
from ml_career.queries.freshness import Freshness, freshness, today
from ml_career.queries.wording import money, publisher_label

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, PayFigure

MULTIPLE_ASSUMPTION = (
    "Computed: each amount divided by the national average figure; both are taken as annual pay in the same currency."
)


class LevelChoice(NamedTuple):
    """What a --level value names: a ladder rung, a reported pay level, or both."""

    rung_id: str | None
    rung_title: str | None
    level_id: str | None
    level_label: str | None

    @property
    def label(self) -> str:
        return self.rung_title or self.level_label or "?"


class SalaryRow(NamedTuple):
    figure_id: str
    level_id: str
    level: str
    amount: int
    currency: str
    measure: str
    publisher: str | None
    as_of: str | None
    source: str
    quote: str
    multiple_of_national_average: float | None
    is_national_average: bool
    freshness: Freshness


class SalaryReport(NamedTuple):
    choice: LevelChoice | None
    rows: list[SalaryRow]
    missing: str | None
    disagreements: list[str]
    national_average: SalaryRow | None
    multiple_assumption: str
    notes: list[str]
    career: str
    sources: list[SourceRef]


def level_choices(career: CareerData) -> list[tuple[list[str], LevelChoice]]:
    """Every rung and pay level with the names it answers to, rungs first."""
    levels = {level.id: level for level in career.pay.levels}
    linked = {level.rung: level for level in career.pay.levels if level.rung}
    choices = []
    for rung in career.ladder:
        level = linked.get(rung.id)
        choice = LevelChoice(rung.id, rung.title, level.id if level else None, level.label if level else None)
        choices.append(([rung.id, rung.title, *rung.aliases], choice))
    rung_titles = {rung.id: rung.title for rung in career.ladder}
    for level in levels.values():
        rung_title = rung_titles.get(level.rung) if level.rung else None
        choice = LevelChoice(level.rung, rung_title, level.id, level.label)
        choices.append(([level.id, level.label, *level.aliases], choice))
    return choices


def resolve_level(career: CareerData, typed: str) -> LevelChoice:
    """The rung or pay level that `typed` names; a UsageError suggests close names."""
    return pick("level", typed, level_choices(career))


def salary_report(career: CareerData, level: str | None = None, on: date | None = None) -> SalaryReport:
    """The figures for `level` (every figure when None), with the national average beside them."""
    national = _national_average(career)
    on = on or today()
    all_rows = [_row(career, figure, national, on) for figure in career.pay.figures]
    national_row = next((row for row in all_rows if row.is_national_average), None)
    choice = resolve_level(career, level) if level is not None else None
    missing = None
    rows = all_rows
    if choice is not None:
        chosen = [row for row in all_rows if choice.level_id is not None and row.level_id == choice.level_id]
        if chosen:
            rows = chosen
            if national_row is not None and national_row not in rows:
                rows = [*rows, national_row]
        else:
            missing = f"No salary figure for {choice.label}: the sources give none, so none is shown."
    return SalaryReport(
        choice=choice,
        rows=rows,
        missing=missing,
        disagreements=_disagreements(rows),
        national_average=national_row,
        multiple_assumption=MULTIPLE_ASSUMPTION,
        notes=[note.text for note in career.pay.notes],
        career=career.career.title,
        sources=source_refs(career),
    )


def _national_average(career: CareerData) -> PayFigure | None:
    wanted = career.pay.national_average
    return next((figure for figure in career.pay.figures if figure.id == wanted), None)


def _row(career: CareerData, figure: PayFigure, national: PayFigure | None, on: date) -> SalaryRow:
    labels = {level.id: level.label for level in career.pay.levels}
    multiple = None
    if national is not None and national.currency == figure.currency:
        multiple = round(figure.amount / national.amount, 2)
    return SalaryRow(
        figure_id=figure.id,
        level_id=figure.level,
        level=labels[figure.level],
        amount=figure.amount,
        currency=figure.currency,
        measure=figure.measure,
        publisher=figure.publisher,
        as_of=figure.as_of,
        source=figure.source,
        quote=figure.quote,
        multiple_of_national_average=multiple,
        is_national_average=national is not None and figure.id == national.id,
        freshness=freshness(figure.as_of, on),
    )


def _disagreements(rows: list[SalaryRow]) -> list[str]:
    """One line for each level that several sources report with different amounts."""
    by_level: dict[str, list[SalaryRow]] = {}
    for row in rows:
        by_level.setdefault(row.level_id, []).append(row)
    lines = []
    for same_level in by_level.values():
        amounts = {row.amount for row in same_level}
        if len(amounts) > 1:
            cited = "; ".join(
                f"{publisher_label(row.publisher)}: {money(row.amount, row.currency)}" for row in same_level
            )
            lines.append(f"Sources disagree on {same_level[0].level}: {cited}.")
    return lines
