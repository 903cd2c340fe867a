"""What the job is and does, what is good and hard about it, and its balance."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.provenance import Article, Kind, Mlcareer, Words
from ml_career.queries.provenance import (
    NOTE_WORDS_REASON,
    SourceRef,
    heading_of,
    mlcareer_words,
    source_refs,
    whose,
)

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, ItemList, Passage


class Listing(NamedTuple):
    title: Words
    items: list[str]
    note: Words | None  # mlcareer's note on the list
    provenance: Article | Mlcareer


class Section(NamedTuple):
    title: Words | None
    text: str
    provenance: Article | Mlcareer


class RoleReport(NamedTuple):
    title: str
    summary: Words  # the article's first line
    passages: list[Section]
    responsibilities: list[Listing]
    best_aspects: Listing | None
    worst_aspects: Listing | None
    work_life_balance: Section | None
    sources: list[SourceRef]


def listing(items: "ItemList | None") -> Listing | None:
    return None if items is None else listing_of(items)


def listing_of(items: "ItemList") -> Listing:
    note = mlcareer_words(items.note, NOTE_WORDS_REASON, items.source) if items.note else None
    return Listing(heading_of(items), list(items.items), note, whose(items))


def section(passage: "Passage | None") -> Section | None:
    if passage is None:
        return None
    return passage_section(passage)


def passage_section(passage: "Passage") -> Section:
    title = heading_of(passage) if passage.title is not None else None
    return Section(title, passage.text, whose(passage))


def career_summary(career: "CareerData") -> Words:
    """The career's one-line summary, the article's words (a summary without a source is mlcareer's)."""
    summary = career.career
    if summary.source is None or summary.provenance == Kind.MLCAREER:
        return mlcareer_words(summary.summary, summary.reason or "mlcareer's summary of the career")
    return Words(summary.summary, Article(summary.source))


def role_report(career: "CareerData") -> RoleReport:
    role = career.role
    return RoleReport(
        title=career.career.title,
        summary=career_summary(career),
        passages=[passage_section(p) for p in role.passages],
        responsibilities=[listing_of(r) for r in role.responsibilities],
        best_aspects=listing(role.best_aspects),
        worst_aspects=listing(role.worst_aspects),
        work_life_balance=section(role.work_life_balance),
        sources=source_refs(career),
    )
