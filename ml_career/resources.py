"""Where to learn: the web resources the sources recommend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ml_career.models import CareerData

ADDRESS_NOTE = "Addresses are the sites' home pages: the articles name the sites but give no addresses."


@dataclass(frozen=True)
class ResourceRow:
    id: str
    name: str
    offers: str
    url: str | None
    source: str


@dataclass(frozen=True)
class ResourcesReport:
    resources: list[ResourceRow]
    address_note: str


def resources_report(career: CareerData) -> ResourcesReport:
    rows = [ResourceRow(r.id, r.name, r.offers, r.url, r.source) for r in career.resources]
    return ResourcesReport(resources=rows, address_note=ADDRESS_NOTE)
