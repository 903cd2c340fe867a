"""Who hires: industries, types of company, paths after graduating, related careers."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.provenance import Article, Mlcareer
from ml_career.queries.provenance import SourceRef, source_refs, whose
from ml_career.queries.role import Listing, listing

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class Employer(NamedTuple):
    name: str
    work: str
    examples: list[str]
    provenance: Article | Mlcareer


class CareerPathRow(NamedTuple):
    name: str
    description: str
    provenance: Article | Mlcareer


class JobsReport(NamedTuple):
    industries: list[Employer]
    employer_types: list[Employer]
    career_paths: list[CareerPathRow]
    entry_roles: Listing | None
    related_careers: Listing | None
    career: str
    sources: list[SourceRef]


def jobs_report(career: "CareerData") -> JobsReport:
    return JobsReport(
        industries=[Employer(i.name, i.work, [], whose(i)) for i in career.industries],
        employer_types=[Employer(e.name, e.work, list(e.examples), whose(e)) for e in career.employer_types],
        career_paths=[CareerPathRow(p.name, p.description, whose(p)) for p in career.career_paths],
        entry_roles=listing(career.education.entry_roles),
        related_careers=listing(career.related_careers),
        career=career.career.title,
        sources=source_refs(career),
    )
