"""Completion answered from the completion index, before Typer is imported.

The shell asks for candidates on every TAB. Typer answers by importing itself,
building the command line and reading the data: several times the cost of
starting Python at all. The candidates change only with the data file or with
mlcareer itself, so cli/completion_index.py lists them once per data file, beside
the validated cache, and this module answers from that list. It imports nothing
beyond os, sys and the interpreter's BLAKE2.

It answers only what it knows exactly: the default data file (no --data), words
of plain ASCII, and command lines whose every word it can place. Anything else,
and an index that is missing, damaged or made from other data or other code, is
left to Typer (`UNKNOWN` or `STALE`); after a `STALE` answer the index is made
anew. Typer's protocol and Click's rules are cli/typer_compat.py's;
tests/test_instant_completion.py holds the answers to Typer's own.
"""

import os
import sys

# No `from __future__ import annotations`: it is one more module to import on every keystroke.
from ml_career import places
from ml_career.cli.commands import COMPLETE_VAR
from ml_career.cli.typer_compat import ClickRules, Param, completion_request
from ml_career.dataset import location
from ml_career.dataset.location import blake2b
from ml_career.dataset.symbols import spelled_out
from ml_career.reading import MAX_FILE_BYTES, read_limited

INDEX_FORMAT = "mlcareer completion index 2b"
INDEX_SUFFIX = ".completion"
MAX_INDEX_BYTES = 4 * 1024 * 1024

ANSWERED = "answered"
STALE = "stale"  # the index is missing or out of date: Typer answers, then the index is made anew
UNKNOWN = "unknown"  # a request the index cannot answer exactly: Typer answers

_SEPARATORS = "-_/"


def answer() -> str:
    """Answer the shell's completion request on stdout, if the index can; say whether it did."""
    outcome, text = answer_for(os.environ)
    return _write(text) if outcome == ANSWERED else outcome


def answer_for(environ: os._Environ[str] | dict[str, str]) -> tuple[str, str]:
    """(ANSWERED and the answer Typer would print) for the request in `environ`, or (STALE or UNKNOWN, "")."""
    request = completion_request(environ, COMPLETE_VAR)
    if request is None:
        return UNKNOWN, ""
    fish, args, incomplete = request
    if any(word == "--data" or word.startswith("--data=") for word in args):
        return UNKNOWN, ""  # another data file: Typer reads it
    index = read_index(location.default_data_file())
    if index is None:
        return STALE, ""
    lines = index.resolve(args, incomplete)
    if lines is None:
        return UNKNOWN, ""
    if not fish:
        lines = [line.partition("\t")[0] for line in lines]
    return ANSWERED, "\n".join(lines) + "\n"


def plain_normalised(typed: str) -> str | None:
    """dataset.names.normalise for printable ASCII (None for anything else), without importing re or unicodedata:
    case folded, separators to one dash, other punctuation dropped."""
    if not all(" " < character < "\x7f" for character in typed):
        return None
    kept = "".join(
        "-" if character in _SEPARATORS else character
        for character in spelled_out(typed.lower())
        if character.isalnum() or character in _SEPARATORS
    )
    return "-".join(part for part in kept.split("-") if part)


def index_key(data: bytes) -> str:
    """What an index answers for: the data file's bytes, and the code that read them.

    The code is every module of mlcareer and Typer's, whose rules the answers
    follow: each module's name, size and modification time, which a new version
    changes, and the interpreter's version.
    """
    digest = blake2b(INDEX_FORMAT.encode(), digest_size=20)
    digest.update(sys.version.encode())
    for folder in sys.path:  # where `import typer` finds it
        try:
            typer = os.stat(os.path.join(folder or ".", "typer", "__init__.py"))
        except OSError:
            continue
        digest.update(f"\ntyper\t{folder}\t{typer.st_size}\t{typer.st_mtime_ns}".encode("utf-8", "surrogateescape"))
        break
    pending = [location.PACKAGE_FOLDER]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                if entry.name.endswith(".py"):
                    stamp = entry.stat()
                    line = f"\n{entry.path}\t{stamp.st_size}\t{stamp.st_mtime_ns}"
                    digest.update(line.encode("utf-8", "surrogateescape"))
                elif entry.is_dir() and entry.name != "__pycache__":
                    pending.append(entry.path)
    digest.update(b"\n")
    digest.update(data)
    return str(digest.hexdigest())


def body_check(body: str) -> str:
    """A digest of the index's records: one cut short, repeated or edited by hand is made again."""
    return str(blake2b(body.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest())


def index_file(data_file: str) -> str:
    """Where the index for `data_file` is kept: beside its validated copy."""
    return os.path.join(places.cache_folder(), location.entry_name(data_file) + INDEX_SUFFIX)


def read_bounded(path: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """A regular file's bytes, or None: see reading.read_limited (no FIFO waited on, no device read)."""
    try:
        return read_limited(path, limit)
    except OSError:
        return None


def read_index(data_file: str) -> "CompletionIndex | None":
    """The index made from `data_file` as it is now, by this code; None if there is none such."""
    try:
        where = index_file(data_file)
    except places.NoHome:
        return None
    stored = read_bounded(where, MAX_INDEX_BYTES)
    data = read_bounded(data_file)
    if stored is None or data is None:
        return None
    try:
        text = stored.decode("utf-8")
        header, key, check, body = text.split("\n", 3)
        if header != INDEX_FORMAT or key != index_key(data) or check != body_check(body):
            return None
        return CompletionIndex.parse(body)
    except (ValueError, LookupError, OSError):  # a damaged index; OSError from reading the package's folders
        return None


class CompletionIndex(ClickRules):
    """Commands, their parameters and every value's candidates, read from an index's lines.

    Each line is a record: fields separated by tabs, the last one the answer line
    (value, then a tab and its description, if it has one).
    """

    def __init__(self) -> None:
        super().__init__()
        self.candidates: dict[str, list[tuple[tuple[str, ...] | None, str]]] = {}  # source -> (keys, answer line)

    @classmethod
    def parse(cls, body: str) -> "CompletionIndex":
        index = cls()
        for line in body.split("\n"):
            if not line:
                continue
            if not line.replace("\t", " ").isprintable():
                raise ValueError("a control character in the index")
            kind, _, rest = line.partition("\t")
            if kind == "C":
                name, offered, answer_line = rest.split("\t", 2)
                index.commands[name] = (offered == "1", answer_line)
                index.params.setdefault(name, [])
                index.options.setdefault(name, {})
            elif kind == "P":
                scope, param_kind, exact, multiple, hidden, source = rest.split("\t")
                index.params[scope].append(Param(param_kind, exact == "1", multiple == "1", hidden == "1", source))
            elif kind == "N":
                scope, position, answer_line = rest.split("\t", 2)
                param = index.params[scope][int(position)]
                name = answer_line.partition("\t")[0]
                param.names.append((name, answer_line))
                index.options[scope][name] = param
            elif kind == "V":
                source, keys, answer_line = rest.split("\t", 2)
                index.candidates.setdefault(source, []).append(
                    (None if keys == "*" else tuple(keys.split()), answer_line)
                )
            else:
                raise ValueError(f"an unknown record: {kind}")
        return index

    def values(self, source: str, incomplete: str) -> list[str] | None:
        if source == "":
            return []
        wanted = plain_normalised(incomplete)
        if source == "?" or source not in self.candidates or wanted is None:
            return None
        return [
            line
            for keys, line in self.candidates[source]
            if keys is None or any(key.startswith(wanted) for key in keys)
        ]


def _write(text: str) -> str:
    """Write the answer as Typer would (the stdout encoding, strictly); UNKNOWN leaves anything else to Typer."""
    stream = sys.stdout
    if stream is None:
        return UNKNOWN
    try:
        data = text.encode(stream.encoding or "utf-8")
        descriptor = stream.fileno()
        while data:
            data = data[os.write(descriptor, data) :]
    except BrokenPipeError:
        return ANSWERED  # the shell stopped listening: nothing more to say, as on Typer's path
    except (OSError, ValueError, LookupError):  # UnicodeEncodeError is a ValueError
        return UNKNOWN
    return ANSWERED
