"""Full-text search over everything in the data set, forgiving of plurals and typos."""

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from ml_career.dataset.names import close_names
from ml_career.dataset.sections import QUOTED_FIELDS, SECTIONS
from ml_career.errors import UsageError
from ml_career.provenance import Article, Mlcareer, Words
from ml_career.queries.provenance import SourceRef, source_refs, whose

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

_WORD = re.compile(r"[0-9A-Za-z][0-9A-Za-z+#.'-]*[0-9A-Za-z+#]|[0-9A-Za-z]")
EXACT, STEM, FUZZY = 3.0, 2.0, 1.0
TITLE_WEIGHT = 2.0
# Each word of the data is compared with each term: the cost grows with both.
MAX_TERMS = 32


HIT_REASON = (
    "a search hit is mlcareer's: it titles the record as its view does and joins the record's texts, "
    "one a line; `parts` says whose words each text is"
)
ADDED_REASON = "mlcareer's addition to the record (an address, a list of its names, an amount, a note)"


class Entry(NamedTuple):
    """One searchable thing, where it lives and the command that shows it."""

    section: str
    title: str
    text: str
    command: str
    parts: list[Words]  # each line of `text`, with whose words it is
    provenance: Mlcareer  # the hit is mlcareer's match (HIT_REASON), of the article its record cites


class Hit(NamedTuple):
    section: str
    title: str
    text: str
    command: str
    parts: list[Words]
    provenance: Mlcareer
    score: float
    title_matches: list[tuple[int, int]]
    text_matches: list[tuple[int, int]]


class SearchReport(NamedTuple):
    query: str
    hits: list[Hit]
    suggestions: list[str]
    sources: list[SourceRef]


def stem(word: str) -> str:
    """A light stemmer: enough that "internships" finds "internship" and "skills" "skill"."""
    word = word.casefold().strip("'.-")
    for ending, replacement in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + replacement
    return word


def _within_one_edit(a: str, b: str) -> bool:
    """One letter changed, added or dropped, or two neighbours swapped; in time linear in the length."""
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        if a[start + 1 :] == b[start + 1 :]:  # equal, or one letter changed
            return True
        # a swap of neighbours counts as one slip
        return a[start : start + 2] == b[start : start + 2][::-1] and a[start + 2 :] == b[start + 2 :]
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return longer[start + 1 :] == shorter[start:]


def _word_score(term: str, term_stem: str, folded: str, folded_stem: str) -> float:
    if folded == term:
        return EXACT
    if folded_stem == term_stem:
        return STEM
    if len(term) >= 4 and _within_one_edit(term_stem, folded_stem):
        return FUZZY
    return 0.0


def _matches(terms: list[str], text: str) -> tuple[dict[str, float], list[tuple[int, int]]]:
    best: dict[str, float] = {}
    spans = []
    stems = [(term, stem(term)) for term in terms]
    for found in _WORD.finditer(text):
        folded = found.group().casefold()
        folded_stem = stem(folded)
        for term, term_stem in stems:
            score = _word_score(term, term_stem, folded, folded_stem)
            if score:
                best[term] = max(best.get(term, 0.0), score)
                spans.append(found.span())
    return best, spans


def entries(career: "CareerData") -> Iterator[Entry]:
    """Everything a person might search for, labelled with the command whose view shows it."""
    # Records that cite no article of their own take their owner's: a skill its group's, a driver the outlook's.
    owners: dict[int, str | None] = {id(s): g.source for g in career.skill_groups for s in g.skills}
    owners.update({id(driver): career.outlook.source for driver in career.outlook.drivers})
    for section in SECTIONS:
        if section.searchable is None:
            continue
        for record in section.records(career):
            title, texts = section.searchable(record)
            owner = whose(record)
            reason = owner.reason if isinstance(owner, Mlcareer) else None
            source = record.id if section.path == "sources" else getattr(record, "source", owners.get(id(record)))
            # One text per line, each as the view shows it.
            text = "\n".join(texts)
            quoted = _article_texts(record) if isinstance(owner, Article) else set()
            parts = [
                Words(part, Article(source))
                if source and part in quoted
                else Words(part, Mlcareer(reason or ADDED_REASON, source))
                for part in texts
            ]
            whose_hit = Mlcareer(HIT_REASON, source)
            yield Entry(section.search_label, title or section.search_label, text, section.shown_by, parts, whose_hit)


def _article_texts(record: object) -> set[str]:
    """The texts of a record that are its article's words: the fields it quotes, and its `quote`."""
    if isinstance(record, str):
        return {record}  # a list item of its own, such as an outlook driver
    found: set[str] = set()
    for name in QUOTED_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, list):
            found.update(value)
            found.add(", ".join(value))
        elif isinstance(value, str):
            found.add(value)
    return found


def search(career: "CareerData", query: str, limit: int = 20) -> SearchReport:
    """Hits ranked best first: every term matched beats some, exact beats stem beats typo."""
    terms = list(dict.fromkeys(word.casefold() for word in _WORD.findall(query)))
    if len(terms) > MAX_TERMS:
        raise UsageError(f"search takes at most {MAX_TERMS} different words; this query has {len(terms)}")
    if not terms:
        return SearchReport(query=query, hits=[], suggestions=[], sources=source_refs(career))
    hits = []
    for entry in entries(career):
        title_best, title_spans = _matches(terms, entry.title)
        text_best, text_spans = _matches(terms, entry.text)
        per_term = {term: max(title_best.get(term, 0.0) * TITLE_WEIGHT, text_best.get(term, 0.0)) for term in terms}
        matched = sum(1 for score in per_term.values() if score)
        if not matched:
            continue
        # Entries that match every term come first; within them, better matches rank higher.
        score = matched * 100 + sum(per_term.values())
        hits.append(Hit(*entry, score, title_spans, text_spans))
    hits.sort(key=lambda hit: -hit.score)
    suggestions = [] if hits else _suggest(career, terms)
    return SearchReport(query, hits[:limit], suggestions, source_refs(career))


def _suggest(career: "CareerData", terms: list[str]) -> list[str]:
    """Words of the data spelt like the terms: read once, compared within close_names' bound."""
    vocabulary = list(
        dict.fromkeys(
            word.casefold() for entry in entries(career) for word in _WORD.findall(f"{entry.title} {entry.text}")
        )
    )
    suggestions: list[str] = []
    for term in terms:
        suggestions += close_names(term, vocabulary)
    return list(dict.fromkeys(suggestions))
