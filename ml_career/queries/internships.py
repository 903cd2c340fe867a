"""The kinds of internship and what each involves."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.queries.provenance import ARTICLE, Kind, SourceRef, source_refs, words_of

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class InternshipRow(NamedTuple):
    id: str
    name: str
    description: str
    examples: list[str]
    source: str
    provenance: Kind = ARTICLE
    reason: str | None = None


class InternshipsReport(NamedTuple):
    internships: list[InternshipRow]
    career: str
    sources: list[SourceRef]


def internships_report(career: "CareerData") -> InternshipsReport:
    rows = [
        InternshipRow(i.id, i.name, i.description, list(i.examples), i.source, *words_of(i)) for i in career.internships
    ]
    return InternshipsReport(rows, career.career.title, source_refs(career))
