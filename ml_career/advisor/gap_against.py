"""A gap between a resume and a job posting: what the posting asks that the resume shows, misses, or adds.

Both are read the way `gap` reads one file: mlcareer's reading of which of the
data set's skills and tools each names. Your saved progress counts as well: an
item you marked done (or whose tools say it is done) is shown, not missing, even
where the resume does not name it.
"""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.gap import DISCLAIMER, GapReport, GapTerm, Marking
from ml_career.provenance import Mlcareer
from ml_career.queries.items import tracked_items

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

SHOWN_REASON = "the posting names it, and the resume names it too"
DONE_REASON = "the posting names it; the resume does not, but your progress says it is done"
MISSING_REASON = "the posting names it; the resume does not, and your progress does not say it is done"
EXTRA_REASON = "the resume names it; the posting does not ask for it"


class Compared(NamedTuple):
    """An item named by the resume, the posting or both, with where each names it."""

    id: str
    name: str
    kind: str  # skill or tool
    resume: list[str]  # where the resume names it: JSON paths or lines
    posting: list[str]  # where the posting names it
    status: str | None  # yours, where your progress says done and the resume is silent
    provenance: Mlcareer  # why it is in its list


class GapComparison(NamedTuple):
    resume_file: str
    posting_file: str
    resume_read_as: str
    shown: list[Compared]  # the posting asks, and the resume (or your progress) shows it
    missing: list[Compared]  # the posting asks, and neither the resume nor your progress shows it
    extra: list[Compared]  # the resume shows it, the posting does not ask
    unknown_terms: list[GapTerm]  # what the posting names that the data set does not have
    unknown_heuristic: str | None
    disclaimer: str
    provenance: Mlcareer  # the comparison is mlcareer's reading: the disclaimer
    marking: Marking | None = None  # with --mark: what the resume had marked done


def compare(career: "CareerData", resume: GapReport, posting: GapReport) -> GapComparison:
    """The three lists, in the data set's order of items."""
    from ml_career.advisor.progress import statuses
    from ml_career.advisor.still_to_learn import effective_done

    done = effective_done(career, statuses(career))
    in_resume = {item.id: item for item in resume.mentioned}
    in_posting = {item.id: item for item in posting.mentioned}
    shown, missing, extra = [], [], []
    for item in tracked_items(career):
        identifier = item.id
        there, asked = in_resume.get(identifier), in_posting.get(identifier)
        found = there.where if there else []
        if asked is not None and there is not None:
            shown.append(Compared(item.id, item.name, item.kind, found, asked.where, None, Mlcareer(SHOWN_REASON)))
        elif asked is not None and identifier in done:
            shown.append(Compared(item.id, item.name, item.kind, [], asked.where, "done", Mlcareer(DONE_REASON)))
        elif asked is not None:
            missing.append(Compared(item.id, item.name, item.kind, [], asked.where, None, Mlcareer(MISSING_REASON)))
        elif there is not None:
            extra.append(Compared(item.id, item.name, item.kind, found, [], None, Mlcareer(EXTRA_REASON)))
    return GapComparison(
        resume_file=resume.file,
        posting_file=posting.file,
        resume_read_as=resume.read_as,
        shown=shown,
        missing=missing,
        extra=extra,
        unknown_terms=posting.unknown_terms,
        unknown_heuristic=posting.unknown_heuristic,
        disclaimer=DISCLAIMER,
        provenance=Mlcareer(DISCLAIMER),
        marking=resume.marking,
    )
