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

from ml_career.advisor.resume import Document
from ml_career.provenance import Kind
from ml_career.queries.items import Item, spoken_names, tracked_items

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.&+#'][A-Za-z0-9]+)*[+#]*")
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
    "mlcareer matched the item's name in the file: any case, plural or punctuation, whole words only; "
    "mentioned is not mastered"
)
NOT_MENTIONED_REASON = "mlcareer found the item's name nowhere in the file; it may be there in other words"


class GapItem(NamedTuple):
    id: str
    name: str
    kind: str  # skill or tool
    where: list[str]  # JSON paths or "line N"; empty when not mentioned
    provenance: Kind = Kind.MLCAREER
    reason: str = MENTIONED_REASON


class GapTerm(NamedTuple):
    """A term the posting names that the data set does not have."""

    term: str
    where: list[str]
    provenance: Kind = Kind.MLCAREER
    reason: str = "it looks like a technology name and the data set does not have it"


class GapReport(NamedTuple):
    file: str
    read_as: str  # "JSON Resume", "resume" or "job posting"
    read_as_reason: str
    read_as_provenance: Kind  # mlcareer (guessed) or you (--as)
    mentioned: list[GapItem]
    not_mentioned: list[GapItem]
    unknown_terms: list[GapTerm]
    unknown_heuristic: str | None
    marked: list[str]  # with --mark: the items recorded as done
    disclaimer: str
    provenance: Kind = Kind.MLCAREER


class Token(NamedTuple):
    raw: str
    key: str
    start: int
    end: int


def stem(word: str) -> str:
    """A word without its plural ending, the same way for the data and the text."""
    word = word.casefold().replace("'", "")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tokens(text: str) -> list[Token]:
    return [Token(m[0], stem(m[0]), m.start(), m.end()) for m in _TOKEN.finditer(text)]


class Matcher:
    """Every item's names as token sequences, looked up along a text."""

    def __init__(self, items: list[Item]) -> None:
        self.terms: dict[tuple[str, ...], list[tuple[Item, str]]] = {}
        for item in items:
            for name in dict.fromkeys(spoken_names(item)):
                keys = tuple(token.key for token in tokens(name))
                if keys:
                    self.terms.setdefault(keys, []).append((item, name))
                    if len(keys) > 1:  # "Google Cloud" is also "GoogleCloud"
                        self.terms.setdefault((stem("".join(keys)),), []).append((item, name))
        self.longest = max((len(key) for key in self.terms), default=1)

    def find(self, text: str) -> list[tuple[Item, int, int]]:
        """(item, start, end) for every name found in `text`."""
        found = []
        words = tokens(text)
        for index in range(len(words)):
            for size in range(1, min(self.longest, len(words) - index) + 1):
                span = words[index : index + size]
                keys = [tuple(word.key for word in span)]
                if 1 < size <= 3:  # "Tensor Flow" is also "TensorFlow"
                    keys.append((stem("".join(word.raw for word in span)),))
                for key in keys:
                    for item, name in self.terms.get(key, []):
                        if _one_letter(name) and not (size == 1 and _stands_alone(text, span[0], name)):
                            continue
                        found.append((item, span[0].start, span[-1].end))
        return found


def _one_letter(name: str) -> bool:
    return len(name.strip()) == 1


def _stands_alone(text: str, token: Token, name: str) -> bool:
    """A one-letter name counts only as written ("R", not "r") and not joined by a hyphen ("R-squared")."""
    before = text[token.start - 1] if token.start else " "
    after = text[token.end] if token.end < len(text) else " "
    return token.raw == name.strip() and before != "-" and after != "-"


def gap_report(career: "CareerData", document: Document, read_as: str | None = None) -> GapReport:
    """What `document` mentions of the data set's skills and tools, where, and (a posting) what else it names."""
    items = tracked_items(career)
    matcher = Matcher(items)
    places: dict[str, dict[str, None]] = {}  # an ordered set: a long file has thousands of places
    spans: dict[str, list[tuple[int, int]]] = {}
    for piece in document.pieces:
        for item, start, end in matcher.find(piece.text):
            places.setdefault(item.id, {})[piece.where] = None
            spans.setdefault(piece.where, []).append((start, end))
    kind, reason, whose = _read_as(document, read_as)
    mentioned = [GapItem(i.id, i.name, i.kind, list(places[i.id])) for i in items if i.id in places]
    not_mentioned = [
        GapItem(i.id, i.name, i.kind, [], reason=NOT_MENTIONED_REASON) for i in items if i.id not in places
    ]
    posting = kind == "job posting"
    return GapReport(
        file=document.name,
        read_as=kind,
        read_as_reason=reason,
        read_as_provenance=whose,
        mentioned=mentioned,
        not_mentioned=not_mentioned,
        unknown_terms=unknown_terms(document, matcher, spans) if posting else [],
        unknown_heuristic=UNKNOWN_HEURISTIC if posting else None,
        marked=[],
        disclaimer=DISCLAIMER,
    )


def _read_as(document: Document, typed: str | None) -> tuple[str, str, Kind]:
    """What the document is read as, why, and whose word that is."""
    if document.kind == "json-resume":
        return "JSON Resume", "the file is JSON with a JSON Resume's sections", Kind.MLCAREER
    if typed is not None:
        return typed, "as you said with --as", Kind.YOU
    text = " ".join(piece.text for piece in document.pieces).casefold()
    cues = [cue for cue in POSTING_CUES if re.search(rf"(?<![a-z]){re.escape(cue)}(?![a-z])", text)]
    if len(cues) >= 2:
        return "job posting", f"the text says {', '.join(repr(c) for c in cues[:4])}", Kind.MLCAREER
    return "resume", "plain text with too few of a posting's words; give --as posting if it is one", Kind.MLCAREER


def unknown_terms(document: Document, matcher: Matcher, spans: dict[str, list[tuple[int, int]]]) -> list[GapTerm]:
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
            term = found.setdefault(token.key, GapTerm(token.raw, []))
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


def mark_mentioned(career: "CareerData", report: GapReport) -> GapReport:
    """Record every mentioned item as done in progress, in one write; the report says which."""
    from ml_career.advisor.progress import mark_done

    marked = [item.id for item in report.mentioned]
    mark_done(career, marked)
    return report._replace(marked=marked)
