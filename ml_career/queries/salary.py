"""What the career pays, level by level, with each figure's source."""

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ml_career.dataset.names import pick
from ml_career.provenance import Article, Mlcareer, Provenance, Yours
from ml_career.queries.freshness import Freshness, freshness, today
from ml_career.queries.provenance import (
    ALL_LEVELS_REASON,
    LABEL_REASON,
    MEASURE_REASON,
    ComputedValue,
    Reading,
    SourceRef,
    Words,
    computed_value,
    heading_of,
    mlcareer_words,
    reading,
    source_refs,
    whose,
)
from ml_career.queries.wording import money, publisher_label

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, PayFigure, PayLevel

MULTIPLE_FORMULA = "multiple = amount / the national average amount"
MULTIPLE_ASSUMPTIONS = ["both are annual pay, in the same currency"]


class LevelChoice(NamedTuple):
    """What a --level value names: a ladder rung, a reported pay level, or both."""

    rung_id: str | None
    rung_title: str | None
    level_id: str | None
    level_label: str | None
    match: Reading | None  # a reported level taken for a rung: mlcareer's reading
    # The choice (the ids) is yours; the rung's title is its article's, the level's label mlcareer's.
    rung_title_provenance: Provenance | None  # None where the choice names no rung
    level_label_provenance: Provenance | None  # None where it names no pay level
    provenance: Yours

    @property
    def label(self) -> str:
        return self.rung_title or self.level_label or "?"


class SalaryRow(NamedTuple):
    figure_id: str
    level_id: str
    level: Words  # mlcareer's label
    amount: int
    currency: str
    measure: Words  # mlcareer's words for what it measures
    publisher: str | None
    as_of: str | None
    multiple_of_national_average: ComputedValue | None
    is_national_average: bool
    all_levels: bool  # a figure for the career as a whole, not for one level
    rung_match: Reading | None  # the rung mlcareer matches this level to, and why
    freshness: Freshness
    publisher_reading: Reading | None  # where naming the publisher is mlcareer's reading
    scope: Reading | None  # a figure for the role as a whole: mlcareer's reading, and why
    provenance: Article  # the article's figure: its id and its sentence


class PayNote(NamedTuple):
    text: str
    provenance: Article | Mlcareer


class SalaryReport(NamedTuple):
    choice: LevelChoice | None
    rows: list[SalaryRow]  # the figures for levels (empty when the level asked about has none)
    missing: Reading | None  # the articles give no figure for the level asked about
    disagreements: list[Reading]
    national_average: SalaryRow | None
    all_levels: list[SalaryRow]  # the figures for the role as a whole, apart from the levels
    notes: list[PayNote]
    career: str
    sources: list[SourceRef]


class RungPay(NamedTuple):
    """An article's figure shown for a rung: matched to it by mlcareer, or one for all levels."""

    amount: int
    currency: str
    publisher: str | None
    as_of: str | None
    all_levels: bool
    match: Reading | None
    scope: Reading | None  # a figure for the role as a whole: mlcareer's reading, and why
    provenance: Article


class RungSalary(NamedTuple):
    rung: str
    figures: list[RungPay]  # the figures for this rung only; the role's, for all levels, are apart (role_pay)
    missing: Reading | None  # no figure for this rung itself: "no figure", as levels.fyi leaves a blank
    provenance: Article  # the article that describes the rung


def _match(level: "PayLevel", rung_title: str) -> Reading:
    return reading(f"{level.label}, taken as the {rung_title} rung", level.rung_reason or "")


LEVEL_INPUT = "--level"
NO_RUNG_FIGURE = reading("no figure", "the articles give no pay figure for this rung; mlcareer leaves it blank")


def _pay(row: SalaryRow) -> RungPay:
    return RungPay(
        row.amount, row.currency, row.publisher, row.as_of, row.all_levels, row.rung_match, row.scope,
        Article(row.provenance.source),
    )  # fmt: skip


def rung_salary(career: "CareerData", rung_id: str) -> RungSalary:
    """What the articles say a rung pays: its matched figures, or "no figure" (never the role's figures)."""
    report = salary_report(career, rung_id)
    title = report.choice.label if report.choice else rung_id
    figures = [_pay(row) for row in report.rows if not row.is_national_average]
    missing = NO_RUNG_FIGURE if not figures else None
    source = next((rung.source for rung in career.ladder if rung.id == rung_id), "")
    return RungSalary(title, figures, missing, Article(source))


def role_pay(career: "CareerData") -> list[RungPay]:
    """The figures for the role as a whole, all levels: shown once, apart from the rungs."""
    return [_pay(row) for row in salary_report(career).all_levels]


def level_choices(career: "CareerData") -> list[tuple[list[str], LevelChoice]]:
    """Every rung and pay level with the names it answers to, rungs first."""
    linked = {level.rung: level for level in career.pay.levels if level.rung}
    rung_titles = {rung.id: rung.title for rung in career.ladder}
    rung_words = {rung.id: heading_of(rung).whose for rung in career.ladder}
    label_words = Mlcareer(LABEL_REASON)
    choices = []
    for rung in career.ladder:
        level = linked.get(rung.id)
        match = _match(level, rung.title) if level else None
        choice = LevelChoice(
            rung.id, rung.title, level.id if level else None, level.label if level else None, match,
            rung_words[rung.id], label_words if level else None, Yours(LEVEL_INPUT),
        )  # fmt: skip
        choices.append(([rung.id, rung.title, *rung.aliases], choice))
    for level in career.pay.levels:
        rung_title = rung_titles.get(level.rung) if level.rung else None
        match = _match(level, rung_title) if rung_title else None
        whose_title = rung_words[level.rung] if level.rung and rung_title else None
        choice = LevelChoice(
            level.rung, rung_title, level.id, level.label, match, whose_title, label_words, Yours(LEVEL_INPUT)
        )
        choices.append(([level.id, level.label, *level.aliases], choice))
    return choices


def resolve_level(career: "CareerData", typed: str) -> LevelChoice:
    """The rung or pay level that `typed` names; a UsageError suggests close names."""
    return pick("level", typed, level_choices(career))


def salary_report(career: "CareerData", level: str | None = None, on: date | None = None) -> SalaryReport:
    """The figures for `level` (every figure when None), with the national average beside them."""
    national = _national_average(career)
    on = on or today()
    all_rows = [_row(career, figure, national, on) for figure in career.pay.figures]
    national_row = next((row for row in all_rows if row.is_national_average), None)
    choice = resolve_level(career, level) if level is not None else None
    missing = None
    whole = [row for row in all_rows if row.all_levels]
    rows = [row for row in all_rows if not row.all_levels]
    if choice is not None:
        rows = [row for row in all_rows if choice.level_id is not None and row.level_id == choice.level_id]
        if rows and national_row is not None and national_row not in rows:
            rows = [*rows, national_row]
        if not rows:
            missing = reading(
                f"No figure for {choice.label}: the articles give none for this level."
                + (" The role as a whole, all levels, is shown apart." if whole else ""),
                "no pay figure in the data set is reported for this level",
            )
    # With a level that has figures of its own, the role's are not its answer.
    all_levels = [row for row in whole if row not in rows] if choice is None or not rows else []
    return SalaryReport(
        choice=choice,
        rows=rows,
        missing=missing,
        disagreements=_disagreements(rows) + _disagreements(all_levels),
        national_average=national_row,
        all_levels=all_levels,
        notes=[PayNote(note.text, whose(note)) for note in career.pay.notes],
        career=career.career.title,
        sources=source_refs(career),
    )


def _national_average(career: "CareerData") -> "PayFigure | None":
    wanted = career.pay.national_average
    return next((figure for figure in career.pay.figures if figure.id == wanted), None)


def _row(career: "CareerData", figure: "PayFigure", national: "PayFigure | None", on: date) -> SalaryRow:
    levels = {level.id: level for level in career.pay.levels}
    rung_titles = {rung.id: rung.title for rung in career.ladder}
    level = levels[figure.level]
    multiple = None
    if national is not None and national.currency == figure.currency:
        multiple = computed_value(round(figure.amount / national.amount, 2), MULTIPLE_FORMULA, MULTIPLE_ASSUMPTIONS)
    rung_title = rung_titles.get(level.rung) if level.rung else None
    return SalaryRow(
        figure_id=figure.id,
        level_id=figure.level,
        level=mlcareer_words(level.label, LABEL_REASON, figure.source),
        amount=figure.amount,
        currency=figure.currency,
        measure=mlcareer_words(figure.measure, MEASURE_REASON, figure.source),
        publisher=figure.publisher,
        as_of=figure.as_of,
        multiple_of_national_average=multiple,
        is_national_average=national is not None and figure.id == national.id,
        all_levels=level.all_levels,
        rung_match=_match(level, rung_title) if rung_title else None,
        freshness=freshness(figure.as_of, on),
        publisher_reading=reading(figure.publisher, figure.publisher_reason)
        if figure.publisher and figure.publisher_reason
        else None,
        scope=reading("all levels", level.all_levels_reason or ALL_LEVELS_REASON) if level.all_levels else None,
        provenance=Article(figure.source, figure.quote),
    )


def _disagreements(rows: list[SalaryRow]) -> list[Reading]:
    """One line for each level that several articles report with different amounts: both shown."""
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
            lines.append(
                reading(
                    f"The articles disagree on {same_level[0].level.text}: {cited}.",
                    "two articles report different amounts for the same level; mlcareer shows both",
                )
            )
    return lines
