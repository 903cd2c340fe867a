"""A skills gap from a resume or a job posting: which skills and tools it mentions, and where.

This is mlcareer's reading, not a score: a name found in the text is
"mentioned", nothing more. Names match whatever their case, plural or
punctuation (PyTorch and pytorch, scikit-learn and scikit learn), and only as
whole words: the language R is never found in "Paris" or "R&D", and a
one-letter name must be written as the data set writes it.
"""

import bisect
import re
from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.matching import Match, Matcher, tokens
from ml_career.advisor.resume import Document, Piece
from ml_career.dataset.names import normalise
from ml_career.provenance import Mlcareer, Yours
from ml_career.queries.items import STATUS_INPUT, Item, spoken_names, tracked_items
from ml_career.queries.provenance import Reading, reading

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

_LIST_SPLIT = re.compile(r"[,;/|•·()]| and | or ")
DISCLAIMER = (
    "mlcareer's reading: the data set's skills and tools whose names the file mentions. "
    "Mentioned is not mastered: this is a reading aid, not a score."
)
UNKNOWN_HEURISTIC = (
    "mlcareer's reading of the posting: words that look like technology names (MixedCase like MLflow, "
    "capitals like SQL, a digit or a dot inside like S3 or Node.js, a capitalised word after 'with' or "
    "'using', or a capitalised entry in a list that also names a known skill), and that the data set "
    "does not have. A guide, not a complete list."
)
POSTING_CUES = (
    "responsibilities",
    "requirements",
    "qualifications",
    "we are looking",
    "we're looking",
    "you will",
    "you'll",
    "nice to have",
    "must have",
    "what we offer",
    "benefits",
    "about the role",
    "job description",
    "apply",
    "equal opportunity",
    "the ideal candidate",
)
# Words after which a capitalised word is most likely a tool: "with Airflow", "using Terraform".
INTRODUCERS = {"with", "using", "like", "including", "via"}
# Capitals that name no technology: places, degrees, titles, the field itself.
NOT_TECHNOLOGY = {
    "ai", "ml", "us", "usa", "uk", "eu", "hr", "ceo", "cto", "cfo", "vp", "phd", "bsc", "msc", "bs", "ms", "ba",
    "ma", "cv", "ok", "faq", "asap", "eoe", "pto", "llc", "inc", "ltd", "gmbh", "nyc", "sf", "la", "remote",
    "i", "a", "we", "you", "our", "the", "and", "or", "r&d", "q1", "q2", "q3", "q4", "etc", "e.g", "i.e", "u.s", "ph.d",
}  # fmt: skip


MENTIONED_REASON = (
    "mlcareer matched the item's name in the file: any case, plural or punctuation, whole words only, "
    "a version, module or possessive joined to it; mentioned is not mastered"
)
NOT_MENTIONED_REASON = "mlcareer found the item's name nowhere in the file; it may be there in other words"
# A match --mark does not take as a claim of the skill: "the data science team" names a team.
_GROUP_AFTER = re.compile(
    "(?:['\u2019]s)?[\\s-]+(?:team|teams|department|group|groups|org|organi[sz]ation|community)\\b", re.IGNORECASE
)
TEAM_REASON = 'it names a team or a group ("the data science team"), not what you can do'
PROSE_REASON = "a skill's name in running text is a topic, not a claim; list it among your skills to have it marked"
UNKNOWN_TERM = Mlcareer("it looks like a technology name and the data set does not have it")
MARKED = Mlcareer("never set by you, and mentioned as a claim (a list entry, a tool's name) in the file")
LISTED = re.compile(r"(?:^|\.)(?:keywords|courses|roles|highlights)\[\d+\]$|^skills\[\d+\]\.name$")


class GapItem(NamedTuple):
    id: str
    name: str
    kind: str  # skill or tool
    where: list[str]  # JSON paths or "line N"; empty when not mentioned
    provenance: Mlcareer  # MENTIONED_REASON, or NOT_MENTIONED_REASON
    spellings: list[Reading] = []  # noqa: RUF012 - other ways the file writes its name, and why they are it
    weak: str | None = None  # why no mention is a claim --mark would take (a team, a topic); None if one is


class GapTerm(NamedTuple):
    """A term the posting names that the data set does not have."""

    term: str
    where: list[str]
    provenance: Mlcareer  # UNKNOWN_TERM


class GapReport(NamedTuple):
    file: str
    read_as: str  # "JSON Resume", "resume" or "job posting"
    read_as_reason: str
    read_as_provenance: Mlcareer | Yours  # mlcareer's guess (with the reason), or yours (--as)
    mentioned: list[GapItem]
    not_mentioned: list[GapItem]
    unknown_terms: list[GapTerm]
    unknown_heuristic: str | None
    disclaimer: str
    provenance: Mlcareer  # the reading is mlcareer's: the disclaimer says so, and why
    marking: "Marking | None" = None  # with --mark: what is marked done, what is left as you set it, and why


def gap_report(career: "CareerData", document: Document, read_as: str | None = None) -> GapReport:
    """What `document` mentions of the data set's skills and tools, where, and (a posting) what else it names."""
    items = tracked_items(career)
    matcher = Matcher(items, spellings_of(career, items))
    places: dict[str, dict[str, None]] = {}  # an ordered set: a long file has thousands of places
    spelled: dict[str, dict[tuple[str, str], None]] = {}
    claimed: set[str] = set()
    weak: dict[str, str] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for piece in document.pieces:
        for match in matcher.find(piece.text):
            identifier = match.item.id
            places.setdefault(identifier, {})[piece.where] = None
            spans.setdefault(piece.where, []).append((match.start, match.end))
            if match.spelled is not None and match.reason is not None:
                spelled.setdefault(identifier, {})[(match.spelled, match.reason)] = None
            if (why := weak_reason(match, piece)) is None:
                claimed.add(identifier)
            else:
                weak.setdefault(identifier, why)
    kind, reason, read_by = _read_as(document, read_as)
    mentioned = [
        GapItem(
            i.id,
            i.name,
            i.kind,
            list(places[i.id]),
            Mlcareer(MENTIONED_REASON),
            spellings=[reading(text, why) for text, why in spelled.get(i.id, {})],
            weak=None if i.id in claimed else weak.get(i.id),
        )
        for i in items
        if i.id in places
    ]
    not_mentioned = [
        GapItem(i.id, i.name, i.kind, [], Mlcareer(NOT_MENTIONED_REASON)) for i in items if i.id not in places
    ]
    posting = kind == "job posting"
    return GapReport(
        file=document.name,
        read_as=kind,
        read_as_reason=reason,
        read_as_provenance=read_by,
        mentioned=mentioned,
        not_mentioned=not_mentioned,
        unknown_terms=unknown_terms(document, spans) if posting else [],
        unknown_heuristic=UNKNOWN_HEURISTIC if posting else None,
        disclaimer=DISCLAIMER,
        provenance=Mlcareer(DISCLAIMER),
    )


def spellings_of(career: "CareerData", items: list[Item]) -> dict[str, list[tuple[str, str]]]:
    """Each item's other spellings from the data file, with the data file's reason for each."""
    by_name = {normalise(name): item.id for item in items for name in spoken_names(item)}
    found: dict[str, list[tuple[str, str]]] = {}
    for spelling in career.spellings:
        if (identifier := by_name.get(normalise(spelling.name))) is not None:
            found.setdefault(identifier, []).extend((other, spelling.reason) for other in spelling.spellings)
    return found


def weak_reason(match: Match, piece: Piece) -> str | None:
    """Why this mention is no claim that --mark would take, or None if it is one."""
    if _GROUP_AFTER.match(piece.text, match.end):
        return TEAM_REASON
    if match.item.kind == "skill" and not (LISTED.search(piece.where) or _whole_entry(piece.text, match)):
        return PROSE_REASON
    return None


def _whole_entry(text: str, match: Match) -> bool:
    """The name is a whole entry of a list ("Skills: NLP, Computer Vision"), not words of a sentence."""
    before = text[: match.start].rstrip()
    after = text[match.end :].lstrip()
    opens = not before or before.endswith((",", ";", "|", "•", "·", "(", "/", ":", "-", "*", " and", " or"))
    closes = not after or after[0] in ",;|)/." or after.startswith(("and ", "or "))
    return opens and closes


def _read_as(document: Document, typed: str | None) -> tuple[str, str, Mlcareer | Yours]:
    """What the document is read as, why, and whose word that is."""
    if document.kind == "json-resume":
        return _guessed("JSON Resume", "the file is JSON with a JSON Resume's sections")
    if typed is not None:
        return typed, "as you said with --as", Yours("--as")
    text = " ".join(piece.text for piece in document.pieces).casefold()
    cues = [cue for cue in POSTING_CUES if re.search(rf"(?<![a-z]){re.escape(cue)}(?![a-z])", text)]
    if len(cues) >= 2:
        return _guessed("job posting", f"the text says {', '.join(repr(c) for c in cues[:4])}")
    return _guessed("resume", "plain text with too few of a posting's words; give --as posting if it is one")


def _guessed(kind: str, reason: str) -> tuple[str, str, Mlcareer]:
    return kind, reason, Mlcareer(reason)


def unknown_terms(document: Document, spans: dict[str, list[tuple[int, int]]]) -> list[GapTerm]:
    """Words of a posting that look like technology names and that the data set does not have."""
    found: dict[str, GapTerm] = {}
    seen: set[tuple[str, str]] = set()
    for piece in document.pieces:
        taken = _merged(spans.get(piece.where, []))
        starts = [start for start, _ in taken]
        listed = _listed_names(piece.text) if taken else set()
        words = tokens(piece.text)
        for index, token in enumerate(words):
            inside = bisect.bisect_right(starts, token.start) - 1
            if inside >= 0 and token.start < taken[inside][1]:
                continue
            introduced = index > 0 and words[index - 1].raw.casefold() in INTRODUCERS and token.raw[0].isupper()
            if token.raw.casefold() in NOT_TECHNOLOGY or not (
                _looks_technical(token.raw) or token.raw in listed or introduced
            ):
                continue
            term = found.setdefault(token.key, GapTerm(token.raw, [], UNKNOWN_TERM))
            if (token.key, piece.where) not in seen:
                seen.add((token.key, piece.where))
                term.where.append(piece.where)
    return sorted(found.values(), key=lambda term: term.term.casefold())


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` sorted, with overlapping ones joined, so a position is looked up by bisection."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _looks_technical(word: str) -> bool:
    mixed = bool(re.search(r"[a-z][A-Z]|[A-Z]{2,}[a-z]", word))
    capitals = word.isupper() and word.isalpha() and 2 <= len(word) <= 6
    inner = word[0].isalpha() and bool(re.search(r"[A-Za-z][0-9]|[0-9][A-Za-z]|[A-Za-z][.+#]", word))
    return mixed or capitals or inner


def _listed_names(line: str) -> set[str]:
    """Capitalised one-word entries of a list of three or more ("Python, Spark, Kubernetes").

    The first entry is left out: it is where a sentence starts with a capital ("Build ...").
    """
    entries = [entry.strip(" .:-") for entry in _LIST_SPLIT.split(line)]
    entries = [entry for entry in entries if entry]
    if len(entries) < 3:
        return set()
    return {entry for entry in entries[1:] if re.fullmatch(r"[A-Z][A-Za-z0-9]+", entry)}


# What --as takes: the names of each way of reading plain text, the first of them the one offered.
READ_AS_CHOICES = [(["posting", "job posting", "job", "ad"], "job posting"), (["resume", "cv"], "resume")]


def resolve_read_as(typed: str) -> str:
    from ml_career.dataset.names import pick

    return pick("reading", typed, READ_AS_CHOICES)


class MarkChange(NamedTuple):
    """An item --mark records as done: it was pending, never set by you, and the file claims it."""

    id: str
    name: str
    before: str
    after: str
    where: list[str]
    provenance: Mlcareer  # MARKED


class KeptStatus(NamedTuple):
    """A mentioned item --mark leaves as it is: you set its status, and --mark never overrides you."""

    id: str
    name: str
    status: str
    provenance: Yours  # the status you saved: STATUS_INPUT


class Unmarked(NamedTuple):
    """A mentioned item --mark does not mark: every mention of it is a weak match."""

    id: str
    name: str
    where: list[str]
    provenance: Mlcareer  # why the mention is weak


class Marking(NamedTuple):
    dry_run: bool  # True: nothing was changed, this is what --mark would do
    changes: list[MarkChange]
    kept: list[KeptStatus]
    weak: list[Unmarked]


def mark_mentioned(career: "CareerData", report: GapReport, dry_run: bool = False) -> GapReport:
    """Record as done each item the file claims and you never set, in one write (none with `dry_run`)."""
    from ml_career.advisor.progress import mark_done, statuses

    saved = statuses(career)
    changes, kept, weak = [], [], []
    for item in report.mentioned:
        if saved[item.id] != "pending":
            kept.append(KeptStatus(item.id, item.name, saved[item.id], Yours(STATUS_INPUT)))
        elif item.weak is not None:
            weak.append(Unmarked(item.id, item.name, item.where, Mlcareer(item.weak)))
        else:
            changes.append(MarkChange(item.id, item.name, "pending", "done", item.where, MARKED))
    if not dry_run:
        mark_done(career, [change.id for change in changes])
    return report._replace(marking=Marking(dry_run, changes, kept, weak))
