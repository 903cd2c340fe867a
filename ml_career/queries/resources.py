"""Where to learn: the web resources the sources recommend."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ml_career.queries.citing import SourceRef, source_refs

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

ADDRESS_NOTE = "Addresses are the sites' home pages: the articles name the sites but give no addresses."


class ResourceRow(NamedTuple):
    id: str
    name: str
    offers: str
    url: str | None
    source: str


class ResourcesReport(NamedTuple):
    resources: list[ResourceRow]
    address_note: str
    career: str
    sources: list[SourceRef]


def resources_report(career: CareerData) -> ResourcesReport:
    rows = [ResourceRow(r.id, r.name, r.offers, r.url, r.source) for r in career.resources]
    return ResourcesReport(rows, ADDRESS_NOTE, career.career.title, source_refs(career))
