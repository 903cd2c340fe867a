"""Whose the label of each plan input is: the article's title of a rung, or mlcareer's words."""

from typing import TYPE_CHECKING

from ml_career.provenance import Mlcareer, Provenance
from ml_career.queries.provenance import LABEL_REASON, NAME_REASON, heading_of, whose

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

NONE_LABEL_REASON = "mlcareer's words for having no degree or no rung yet"
NO_ROLE_LABEL_REASON = "mlcareer's words for working in none of the entry-level roles the article lists"


def label_words(
    career: "CareerData", education: str, level: str | None, target: str, degree: str, from_role: str | None
) -> dict[str, Provenance]:
    """Each plan input's label provenance (by the ids chosen): what you give is yours, the words naming it are not."""
    rungs = {rung.id: heading_of(rung).whose for rung in career.ladder}
    degrees: dict[str, Provenance] = {d.id: Mlcareer(NAME_REASON, d.source) for d in career.education.degrees}
    none = Mlcareer(NONE_LABEL_REASON)
    roles = career.education.entry_roles
    # A role is named in the article's own words (its list item); working in none of them is mlcareer's.
    role: Provenance = whose(roles) if from_role and roles is not None else Mlcareer(NO_ROLE_LABEL_REASON)
    return {
        "education": degrees.get(education, none),
        "residency": Mlcareer(LABEL_REASON),
        "level": rungs[level] if level else none,
        "target": rungs[target],
        "degree": degrees.get(degree, none),
        "from": role,
    }
