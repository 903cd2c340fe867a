"""How much a data set holds, section by section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ml_career.dataset.sections import SECTIONS

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


def data_summary(career: CareerData) -> dict[str, int]:
    """Counts of what the data set holds, for `validate` to report."""
    return {section.counted_as: len(section.records(career)) for section in SECTIONS if section.counted_as}
