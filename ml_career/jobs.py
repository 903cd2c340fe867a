"""Who hires: industries, types of company, paths after graduating, related careers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ml_career.role import Listing, listing

if TYPE_CHECKING:
    from ml_career.models import CareerData


@dataclass(frozen=True)
class Employer:
    name: str
    work: str
    examples: list[str]
    source: str


@dataclass(frozen=True)
class CareerPathRow:
    name: str
    description: str
    source: str


@dataclass(frozen=True)
class JobsReport:
    industries: list[Employer]
    employer_types: list[Employer]
    career_paths: list[CareerPathRow]
    entry_roles: Listing | None
    related_careers: Listing | None


def jobs_report(career: CareerData) -> JobsReport:
    return JobsReport(
        industries=[Employer(i.name, i.work, [], i.source) for i in career.industries],
        employer_types=[Employer(e.name, e.work, list(e.examples), e.source) for e in career.employer_types],
        career_paths=[CareerPathRow(p.name, p.description, p.source) for p in career.career_paths],
        entry_roles=listing(career.education.entry_roles),
        related_careers=listing(career.related_careers),
    )
