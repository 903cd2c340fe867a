"""How much a data set holds, section by section."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


def data_summary(career: CareerData) -> dict[str, int]:
    """Counts of what the data set holds, for `validate` to report."""
    return {
        "sources": len(career.sources),
        "pay figures": len(career.pay.figures),
        "rungs": len(career.ladder),
        "skills": sum(len(group.skills) for group in career.skill_groups),
        "degrees": len(career.education.degrees),
        "costs": len(career.education.costs),
        "resources": len(career.resources),
        "internships": len(career.internships),
        "outlook figures": len(career.outlook.figures),
        "industries": len(career.industries),
        "company types": len(career.employer_types),
        "self-assessment statements": len(career.fit),
    }
