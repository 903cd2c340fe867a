"""Completion answered from the completion index, before Typer is imported.

The shell asks for candidates on every TAB. Typer answers by importing itself,
building the command line and reading the data: several times the cost of
starting Python at all. The candidates change only with the data file or with
mlcareer itself, so cli/completion_index.py lists them once per data file, beside
the validated cache, and this module answers from that list. It imports nothing
beyond os and sys, and marshal's sibling int arithmetic for its checks.

An index is fresh when every file it was made from is as it was: the data file,
Typer's module and each of mlcareer's modules and folders. As git's index does,
it records each file's stat facts (device, inode, size, modification and change
times, which no `touch -d` can set back) and trusts them while they match; where
they differ, or were too recent to trust when the index was made (a change in
the same clock tick would leave them as they were), the file's content is hashed
and compared with the digest the index recorded. So a TAB costs some stat calls,
and it reads and checks only the blocks of the index it needs: the commands, the
one command typed and the one list of values asked for.

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
from ml_career.dataset.symbols import spelled_out
from ml_career.reading import MAX_FILE_BYTES, read_limited

INDEX_FORMAT = "mlcareer completion index 3"
INDEX_SUFFIX = ".completion"
MAX_INDEX_BYTES = 4 * 1024 * 1024
# Stat facts younger than this when the index is made are not trusted: a change made in the same
# tick of the file system's clock (10 ms on Linux, 2 s on FAT) would leave them as they were.
RACY_NS = 3_000_000_000
UNTRUSTED = "-"  # the facts recorded for such a file: its content is always compared

ANSWERED = "answered"
STALE = "stale"  # the index is missing or out of date: Typer answers, then the index is made anew
UNKNOWN = "unknown"  # a request the index cannot answer exactly: Typer answers
FAILED = "failed"  # part of the answer was written, the rest could not be: give up

# Tracked files, by kind: the data file, Typer's module, each of mlcareer's modules and folders.
DATA, TYPER, MODULE, FOLDER = "data", "typer", "module", "folder"
ROOT_BLOCK = ""  # the block of the commands and the root's options; "@name" is a command's, "$name" a source's

_SEPARATORS = "-_/"
# The largest prime below 2**64: a block's check is its bytes as one number, modulo this prime.
_CHECK_PRIME = 18446744073709551557


def answer() -> str:
    """Answer the shell's completion request on stdout, if the index can; say whether it did."""
    outcome, text, renewed = _answer(os.environ)
    if outcome != ANSWERED:
        return outcome
    written = _write(text)
    if written == ANSWERED and renewed is not None:
        _replace_index(*renewed)  # so that the next request need not compare any content
    return written


def answer_for(environ: "os._Environ[str] | dict[str, str]") -> tuple[str, str]:
    """(ANSWERED and the answer Typer would print) for the request in `environ`, or (STALE or UNKNOWN, "")."""
    outcome, text, _ = _answer(environ)
    return outcome, text


def _answer(environ: "os._Environ[str] | dict[str, str]") -> tuple[str, str, tuple[str, bytes] | None]:
    request = completion_request(environ, COMPLETE_VAR)
    if request is None:
        return UNKNOWN, "", None
    fish, args, incomplete = request
    if any(word == "--data" or word.startswith("--data=") for word in args):
        return UNKNOWN, "", None  # another data file: Typer reads it
    index = read_index(location.default_data_file())
    if index is None:
        return STALE, "", None
    try:
        lines = index.resolve(args, incomplete)
    except (ValueError, LookupError):  # a block that does not parse: the index is damaged
        return STALE, "", None
    if lines is None:
        return UNKNOWN, "", None
    if not fish:
        lines = [line.partition("\t")[0] for line in lines]
    return ANSWERED, "\n".join(lines) + "\n", index.renewed


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


def checksum(data: bytes) -> str:
    """A check that a block is as it was written: a torn or edited block fails it.

    Not a hash module: loading one costs a TAB more than the rest of its work.
    """
    return f"{len(data)}:{int.from_bytes(data, 'little') % _CHECK_PRIME:x}"


def facts(status: os.stat_result) -> str:
    """What a file's stat says of its identity and its last change."""
    return f"{status.st_dev}:{status.st_ino}:{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}"


def typer_module() -> str:
    """The Typer module that `import typer` finds on this path, whose rules the answers follow; "" for none."""
    for folder in sys.path:
        where = os.path.join(folder or ".", "typer", "__init__.py")
        try:
            os.stat(where)
        except (OSError, ValueError):
            continue
        return where
    return ""


def content_digest(kind: str, path: str) -> str | None:
    """The digest of a tracked file's content (a folder's: its modules' and subfolders' names); None if unreadable."""
    from ml_career.dataset.digest import blake2b

    try:
        if kind == FOLDER:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries if tracked_entry(entry) is not None)
            data = "\n".join(names).encode("utf-8", "surrogateescape")
        else:
            found = read_bounded(path)
            if found is None:
                return None
            data = found
    except OSError:
        return None
    return str(blake2b(data, digest_size=20).hexdigest())


def tracked_entry(entry: "os.DirEntry[str]") -> str | None:
    """The kind of a package folder's entry that the index depends on, or None."""
    if entry.name.endswith(".py"):
        return MODULE
    if entry.name != "__pycache__" and entry.is_dir(follow_symlinks=False):
        return FOLDER
    return None


def index_file(data_file: str) -> str:
    """Where the index for `data_file` is kept: in the cache folder, named by a check of the file's name."""
    where = os.path.abspath(data_file).encode("utf-8", "surrogateescape")
    return os.path.join(places.cache_folder(), "index-" + checksum(where).replace(":", "-") + INDEX_SUFFIX)


def read_bounded(path: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """A regular file's bytes, or None: see reading.read_limited (no FIFO waited on, no device read)."""
    try:
        return read_limited(path, limit)
    except OSError:
        return None


def read_index(data_file: str) -> "CompletionIndex | None":
    """The index made from `data_file` as it is now, by this code; None if there is none such.

    Its head: the format, the interpreter, a check of the lines below; the kinds,
    names, stat facts and digests of the files it was made from, a line each, a
    field a file; then a line for each block (name, place, check).
    """
    try:
        where = index_file(data_file)
    except places.NoHome:
        return None
    stored = read_bounded(where, MAX_INDEX_BYTES)
    if stored is None:
        return None
    try:
        head, separator, body = stored.partition(b"\n\n")
        lines = head.decode("utf-8", "surrogateescape").split("\n")
        if not separator or lines[0] != INDEX_FORMAT or lines[1] != sys.version.replace("\n", " "):
            return None
        if lines[2] != checksum(head[len(lines[0]) + len(lines[1]) + len(lines[2]) + 3 :]):
            return None  # lines lost or edited: a file no longer checked
        kinds, paths, recorded, digests = (line.split("\t") for line in lines[3:7])
        # The files it must have been made from come first: another data file whose name has the
        # same check, another Typer first on the path or another copy of mlcareer is stale.
        typer = typer_module()
        expected = [os.path.abspath(data_file), *([typer] if typer else []), location.PACKAGE_FOLDER]
        if paths[: len(expected)] != expected or kinds[1] != (TYPER if typer else FOLDER):
            return None
        index = CompletionIndex(body)
        try:
            unchanged = "\t".join(map(facts, map(os.stat, paths))) == lines[5]
        except OSError:
            unchanged = False
        if not unchanged:  # some file's facts differ: compare the content of each such file
            now = [_facts_to_record(*fields) for fields in zip(kinds, paths, recorded, digests, strict=True)]
            if None in now:
                return None
            rest = "\n".join([lines[3], lines[4], "\t".join(map(str, now)), *lines[6:]]).encode(
                "utf-8", "surrogateescape"
            )
            first = f"{lines[0]}\n{lines[1]}\n{checksum(rest)}\n".encode()
            index.renewed = (where, first + rest + b"\n\n" + body)
        for line in lines[7:]:
            name, place, check = line.split("\t")
            start, length = (int(number) for number in place.split(":"))
            index.blocks[name] = (start, length, check)
        if sum(length for _, length, _ in index.blocks.values()) != len(body):
            return None  # records added
        index.head()
        return index
    except (ValueError, LookupError, OSError):  # a damaged index; OSError from the package's folders
        return None


def _facts_to_record(kind: str, path: str, recorded: str, digest: str) -> str | None:
    """The stat facts to record for a file whose content is as recorded; None if it changed (or is gone).

    Facts too recent to tell a later change apart are recorded as UNTRUSTED.
    """
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    now = facts(status)
    if now == recorded:
        return now
    if content_digest(kind, path) != digest:
        return None
    import time  # a builtin module: nothing to load

    recent = time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) < RACY_NS
    return UNTRUSTED if recent else now


def _replace_index(where: str, data: bytes) -> None:
    """Put an index whose facts were brought up to date in place of the old one; silently, whatever happens.

    Written beside it, then renamed over it. The temporary file's name is one the
    cache's pruning removes if a run is killed meanwhile (dataset/cache.py).
    """
    temporary = os.path.join(os.path.dirname(where), f".mlc-{os.getpid()}-index.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return
    try:
        try:
            view = memoryview(data)
            while view:
                count = os.write(descriptor, view)
                if count <= 0:
                    raise OSError("the file system took nothing")
                view = view[count:]
        finally:
            os.close(descriptor)
        os.replace(temporary, where)
    except OSError:
        try:  # noqa: SIM105 - contextlib costs a TAB more than answering does
            os.unlink(temporary)
        except OSError:
            pass


class CompletionIndex(ClickRules):
    """Commands, their parameters and every value's candidates, read from an index's blocks as they are needed.

    Each line of a block is a record: fields separated by tabs, the last one the
    answer line (value, then a tab and its description, if it has one). The root
    block lists the commands and the root's parameters; a command's block its
    parameters; a source's block its candidates.
    """

    def __init__(self, body: bytes) -> None:
        super().__init__()
        self.params, self.options = {}, {}  # read by scope(), a block at a time
        self.body = body
        self.blocks: dict[str, tuple[int, int, str]] = {}  # name -> (start, length, check)
        # Where the index is and its bytes with the facts as they are now, when some file's facts
        # differ from the index's while its content does not (a `touch`, a reinstall of the same files).
        self.renewed: tuple[str, bytes] | None = None
        self.candidates: dict[str, list[tuple[tuple[str, ...] | None, str]]] = {}  # source -> (keys, answer line)

    def _lines(self, name: str) -> list[str]:
        start, length, check = self.blocks[name]
        block = self.body[start : start + length]
        if checksum(block) != check:
            raise ValueError(f"the block {name!r} fails its check")
        lines = block.decode("utf-8").split("\n")
        if lines.pop() != "" or not all(line.replace("\t", " ").isprintable() for line in lines):
            raise ValueError(f"the block {name!r} is not printable records")
        return lines

    def head(self) -> None:
        """Read the root block: the commands, and the root's parameters. Every request starts there."""
        self.scope("")

    def scope(self, name: str) -> tuple[list[Param], dict[str, Param]]:
        if name not in self.params:
            self.params[name], self.options[name] = self._read_scope(name)
        return self.params[name], self.options[name]

    def _read_scope(self, scope: str) -> tuple[list[Param], dict[str, Param]]:
        """A command's parameters (the root's, for ""), from its block."""
        params: list[Param] = []
        options: dict[str, Param] = {}
        name = ROOT_BLOCK if scope == "" else "@" + scope
        if scope and scope not in self.commands:
            raise LookupError(scope)
        for line in self._lines(name):
            kind, _, rest = line.partition("\t")
            if kind == "P":
                param_kind, exact, multiple, hidden, source = rest.split("\t")
                params.append(Param(param_kind, exact == "1", multiple == "1", hidden == "1", source))
            elif kind == "N":
                position, answer_line = rest.split("\t", 1)
                param = params[int(position)]
                option = answer_line.partition("\t")[0]
                param.names.append((option, answer_line))
                options[option] = param
            elif kind == "C" and not scope:
                command, offered, answer_line = rest.split("\t", 2)
                self.commands[command] = (offered == "1", answer_line)
            else:
                raise ValueError(f"an unknown record: {kind}")
        return params, options

    def values(self, source: str, incomplete: str) -> list[str] | None:
        if source == "":
            return []
        wanted = plain_normalised(incomplete)
        if source == "?" or wanted is None or "$" + source not in self.blocks:
            return None
        if source not in self.candidates:
            found = []
            for line in self._lines("$" + source):
                kind, keys, answer_line = line.split("\t", 2)
                if kind != "V":
                    raise ValueError(f"an unknown record: {kind}")
                found.append((None if keys == "*" else tuple(keys.split()), answer_line))
            self.candidates[source] = found
        return [
            line
            for keys, line in self.candidates[source]
            if keys is None or any(key.startswith(wanted) for key in keys)
        ]


def _write(text: str) -> str:
    """Write the answer as Typer would (the stdout encoding, strictly).

    UNKNOWN, if nothing could be written, leaves it to Typer; FAILED, once part of
    it was, gives up: Typer would write the whole answer after the part. A write
    that takes nothing (a full device) is a failure, not a reason to try forever.
    """
    stream = sys.stdout
    if stream is None:
        return UNKNOWN
    written = 0
    data = memoryview(b"")
    try:
        data = memoryview(text.encode(stream.encoding or "utf-8"))
        descriptor = stream.fileno()
        while written < len(data):
            count = os.write(descriptor, data[written:])
            if count <= 0:
                break
            written += count
    except BrokenPipeError:
        return ANSWERED  # the shell stopped listening: nothing more to say, as on Typer's path
    except (OSError, ValueError, LookupError):  # UnicodeEncodeError is a ValueError
        pass
    if written and written == len(data):
        return ANSWERED
    return UNKNOWN if written == 0 else FAILED
