"""What the job is and does, what is good and hard about it, and its balance."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.queries.provenance import ARTICLE, Kind, SourceRef, source_refs, words_of

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, ItemList, Passage


class Listing(NamedTuple):
    title: str
    items: list[str]
    source: str
    note: str | None = None
    provenance: Kind = ARTICLE
    reason: str | None = None


class Section(NamedTuple):
    title: str | None
    text: str
    source: str
    provenance: Kind = ARTICLE
    reason: str | None = None


class RoleReport(NamedTuple):
    title: str
    summary: str
    passages: list[Section]
    responsibilities: list[Listing]
    best_aspects: Listing | None
    worst_aspects: Listing | None
    work_life_balance: Section | None
    sources: list[SourceRef]


def listing(items: "ItemList | None") -> Listing | None:
    return None if items is None else listing_of(items)


def listing_of(items: "ItemList") -> Listing:
    return Listing(items.title, list(items.items), items.source, items.note, *words_of(items))


def section(passage: "Passage | None") -> Section | None:
    if passage is None:
        return None
    return Section(passage.title, passage.text, passage.source, *words_of(passage))


def role_report(career: "CareerData") -> RoleReport:
    role = career.role
    return RoleReport(
        title=career.career.title,
        summary=career.career.summary,
        passages=[Section(p.title, p.text, p.source, *words_of(p)) for p in role.passages],
        responsibilities=[listing_of(r) for r in role.responsibilities],
        best_aspects=listing(role.best_aspects),
        worst_aspects=listing(role.worst_aspects),
        work_life_balance=section(role.work_life_balance),
        sources=source_refs(career),
    )
