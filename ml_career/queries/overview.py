"""Quick facts for bare `mlcareer`, in the manner of an occupational handbook's box: pay at entry
and at senior level, the typical education with its length and cost, the outlook, and whether the
job is entry-level - each fact as the query that answers it in full reports it."""

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ml_career.provenance import Article, Mlcareer
from ml_career.queries.education import CostRow, DegreeRow, education_report
from ml_career.queries.outlook import OutlookRow, outlook_report
from ml_career.queries.provenance import SourceRef, source_refs
from ml_career.queries.role import role_report
from ml_career.queries.salary import SalaryRow, salary_report

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

ENTRY_LEVEL, SENIOR = "entry-level", "senior"
# The articles' own words for "not entry-level": the sentence saying so is quoted as it stands.
NOT_ENTRY_LEVEL = "isn't entry-level"
OUTLOOK_FIGURES = 2  # the box shows the first figures; `mlcareer outlook` shows them all


class Quote(NamedTuple):
    """One sentence of an article, verbatim, and the article it is from."""

    text: str
    provenance: Article | Mlcareer  # the passage's


class OverviewReport(NamedTuple):
    career: str
    summary: str
    entry_pay: SalaryRow | None
    senior_pay: SalaryRow | None
    degree: DegreeRow | None  # the first degree on the way: the one the others follow
    degree_costs: list[CostRow]
    total_assumption: str
    outlook: list[OutlookRow]
    not_entry_level: Quote | None  # None where the articles do not say
    sources: list[SourceRef]


def overview_report(career: "CareerData", on: date) -> OverviewReport:
    pay = {row.level_id: row for row in salary_report(career, on=on).rows}
    education = education_report(career)
    degree = next((row for row in education.degrees if row.requires is None), None)
    costs = [row for row in education.costs if degree is not None and row.degree == degree.id]
    return OverviewReport(
        career=career.career.title,
        summary=career.career.summary,
        entry_pay=pay.get(ENTRY_LEVEL),
        senior_pay=pay.get(SENIOR),
        degree=degree,
        degree_costs=costs,
        total_assumption=education.total_assumption,
        outlook=outlook_report(career, on).figures[:OUTLOOK_FIGURES],
        not_entry_level=_not_entry_level(career),
        sources=source_refs(career),
    )


def _not_entry_level(career: "CareerData") -> Quote | None:
    """The sentence of a role passage saying the job is not entry-level, as the article words it."""
    for passage in role_report(career).passages:
        for sentence in passage.text.replace("[...]", ".").split(". "):
            if NOT_ENTRY_LEVEL in sentence:
                return Quote(sentence.strip().rstrip(".") + ".", passage.provenance)
    return None
