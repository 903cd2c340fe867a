"""The articles a report cites, carried by the report so that its view can number them."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class SourceRef(NamedTuple):
    id: str
    title: str


def source_refs(career: CareerData) -> list[SourceRef]:
    """Every article of the data set, in the data file's order."""
    return [SourceRef(source.id, source.title) for source in career.sources]
