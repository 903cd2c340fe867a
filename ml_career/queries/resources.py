"""Where to learn: the web resources the sources recommend."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.provenance import Article, Mlcareer
from ml_career.queries.provenance import Reading, SourceRef, reading, source_refs, whose

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class ResourceRow(NamedTuple):
    id: str
    name: str
    offers: str
    address: Reading | None  # the articles name sites, never addresses: each is mlcareer's addition
    provenance: Article | Mlcareer


class ResourcesReport(NamedTuple):
    resources: list[ResourceRow]
    career: str
    sources: list[SourceRef]


def _address(url: str | None, reason: str | None) -> Reading | None:
    return reading(url, reason or "mlcareer's addition") if url else None


def resources_report(career: "CareerData") -> ResourcesReport:
    rows = [ResourceRow(r.id, r.name, r.offers, _address(r.url, r.url_reason), whose(r)) for r in career.resources]
    return ResourcesReport(rows, career.career.title, source_refs(career))
