"""Degrees, how long they take, what they cost, and the totals that follow."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.dataset.names import pick
from ml_career.provenance import Article, Computed, Mlcareer, Words
from ml_career.queries.provenance import (
    LABEL_REASON,
    MEASURE_REASON,
    NAME_REASON,
    NOTE_WORDS_REASON,
    SourceRef,
    mlcareer_words,
    source_refs,
    whose,
)
from ml_career.queries.role import Listing, listing

if TYPE_CHECKING:
    from ml_career.dataset.models import Answer, CareerData, Degree, Passage

PATHWAY_FORMULA = "total = the sum of the totals of each degree on the way, and of their years"
TOTAL_ASSUMPTION = (
    "total = average x years of study, taking each average as a per-year figure "
    "(the source does not say); a range where the duration is a range."
)


COST_BASIS_REASON = "mlcareer's reading of what the article's costs cover and over what period"


class DegreeRow(NamedTuple):
    id: str
    title: Words  # mlcareer's name for the degree
    years_min: int
    years_max: int
    note: Words | None  # mlcareer's note
    requires: str | None
    provenance: Article


class CostRow(NamedTuple):
    degree: str
    degree_title: Words  # mlcareer's name for the degree
    residency: str
    residency_label: Words  # mlcareer's label
    amount: int
    currency: str
    measure: Words  # mlcareer's words for what it measures
    publisher: str | None
    total_min: int  # computed: see total_how
    total_max: int
    total_how: Computed
    provenance: Article  # the average is the article's; the totals are computed


class PathwayTotal(NamedTuple):
    """The cost of a degree together with the degrees it requires first."""

    degrees: list[str]
    label: str
    residency: str
    residency_label: str
    currency: str
    total_min: int
    total_max: int
    years_min: int
    years_max: int
    provenance: Computed


class AnswerRow(NamedTuple):
    """A question an article answers: its short answer, its reasoning, and whose word it is."""

    answer: str
    text: str
    provenance: Article | Mlcareer


class PassageRow(NamedTuple):
    text: str
    provenance: Article | Mlcareer


class StepRow(NamedTuple):
    id: str
    title: str
    text: str
    degree: str | None
    provenance: Article | Mlcareer


class EducationReport(NamedTuple):
    degree_needed: AnswerRow | None
    why_degree: PassageRow | None
    online: AnswerRow | None
    degrees: list[DegreeRow]
    costs: list[CostRow]
    pathways: list[PathwayTotal]
    steps: list[StepRow]
    entry_roles: Listing | None
    cost_basis: Words | None  # mlcareer's reading of what the costs cover
    total_assumption: str
    career: str
    sources: list[SourceRef]


def degree_choices(career: "CareerData") -> list[tuple[list[str], str]]:
    return [([degree.id, degree.title, *degree.aliases], degree.id) for degree in career.education.degrees]


def resolve_degree(career: "CareerData", typed: str) -> str:
    return pick("degree", typed, degree_choices(career))


def residency_choices(career: "CareerData") -> list[tuple[list[str], str]]:
    return [
        ([residency.id, residency.label, *residency.aliases], residency.id)
        for residency in career.education.residencies
    ]


def resolve_residency(career: "CareerData", typed: str) -> str:
    return pick("residency", typed, residency_choices(career))


def degree_chain(career: "CareerData", degree_id: str) -> list["Degree"]:
    """The degree and those it requires, first earned first (bachelor, then master)."""
    degrees = {degree.id: degree for degree in career.education.degrees}
    chain: list[Degree] = []
    current: str | None = degree_id
    while current is not None and current not in {d.id for d in chain}:
        chain.insert(0, degrees[current])
        current = degrees[current].requires
    return chain


def cost_rows(career: "CareerData") -> list[CostRow]:
    degrees = {degree.id: degree for degree in career.education.degrees}
    residencies = {residency.id: residency.label for residency in career.education.residencies}
    return [
        CostRow(
            degree=cost.degree,
            degree_title=mlcareer_words(degrees[cost.degree].title, NAME_REASON, cost.source),
            residency=cost.residency,
            residency_label=mlcareer_words(residencies[cost.residency], LABEL_REASON, cost.source),
            amount=cost.amount,
            currency=cost.currency,
            measure=mlcareer_words(cost.measure, MEASURE_REASON, cost.source),
            publisher=cost.publisher,
            total_min=cost.amount * degrees[cost.degree].years_min,
            total_max=cost.amount * degrees[cost.degree].years_max,
            total_how=Computed(TOTAL_ASSUMPTION),
            provenance=Article(cost.source, cost.quote),
        )
        for cost in career.education.costs
    ]


def pathway_total(career: "CareerData", degrees: list["Degree"], residency: str) -> PathwayTotal | None:
    """The summed cost of earning `degrees` at `residency`, or None when a cost is missing."""
    costs = {(row.degree, row.residency): row for row in cost_rows(career)}
    rows = [costs.get((degree.id, residency)) for degree in degrees]
    present = [row for row in rows if row is not None]
    if not degrees or len(present) != len(rows) or len({row.currency for row in present}) != 1:
        return None
    return PathwayTotal(
        degrees=[degree.id for degree in degrees],
        label=" then ".join(degree.title for degree in degrees),
        residency=residency,
        residency_label=present[0].residency_label.text,
        currency=present[0].currency,
        total_min=sum(row.total_min for row in present),
        total_max=sum(row.total_max for row in present),
        years_min=sum(degree.years_min for degree in degrees),
        years_max=sum(degree.years_max for degree in degrees),
        provenance=Computed(PATHWAY_FORMULA),
    )


def education_report(career: "CareerData", residency: str | None = None, degree: str | None = None) -> EducationReport:
    """Durations, averages and computed totals, narrowed to `residency` and `degree` if given."""
    education = career.education
    wanted_residency = resolve_residency(career, residency) if residency is not None else None
    wanted_degree = resolve_degree(career, degree) if degree is not None else None
    degrees = [
        DegreeRow(
            d.id,
            mlcareer_words(d.title, NAME_REASON, d.source),
            d.years_min,
            d.years_max,
            mlcareer_words(d.note, NOTE_WORDS_REASON, d.source) if d.note else None,
            d.requires,
            Article(d.source, d.quote),
        )
        for d in education.degrees
        if wanted_degree in (None, d.id)
    ]
    costs = [
        row
        for row in cost_rows(career)
        if wanted_residency in (None, row.residency) and wanted_degree in (None, row.degree)
    ]
    pathways = []
    for shown in degrees:
        chain = degree_chain(career, shown.id)
        if len(chain) < 2:
            continue
        for known in education.residencies:
            if wanted_residency in (None, known.id) and (total := pathway_total(career, chain, known.id)):
                pathways.append(total)
    return EducationReport(
        degree_needed=_answer(education.degree_needed),
        why_degree=_passage(education.why_degree),
        online=_answer(education.online),
        degrees=degrees,
        costs=costs,
        pathways=pathways,
        steps=[StepRow(s.id, s.title, s.text, s.degree, whose(s)) for s in education.steps],
        entry_roles=listing(education.entry_roles),
        cost_basis=mlcareer_words(education.cost_basis, COST_BASIS_REASON) if education.cost_basis else None,
        total_assumption=TOTAL_ASSUMPTION,
        career=career.career.title,
        sources=source_refs(career),
    )


def _answer(answer: "Answer | None") -> AnswerRow | None:
    return None if answer is None else AnswerRow(answer.answer, answer.text, whose(answer))


def _passage(passage: "Passage | None") -> PassageRow | None:
    return None if passage is None else PassageRow(passage.text, whose(passage))
