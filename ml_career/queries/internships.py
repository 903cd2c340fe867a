"""The kinds of internship and what each involves."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.provenance import Article, Mlcareer
from ml_career.queries.provenance import SourceRef, source_refs, whose

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class InternshipRow(NamedTuple):
    id: str
    name: str
    description: str
    examples: list[str]
    provenance: Article | Mlcareer


class InternshipsReport(NamedTuple):
    internships: list[InternshipRow]
    career: str
    sources: list[SourceRef]


def internships_report(career: "CareerData") -> InternshipsReport:
    rows = [InternshipRow(i.id, i.name, i.description, list(i.examples), whose(i)) for i in career.internships]
    return InternshipsReport(rows, career.career.title, source_refs(career))
