"""Reading what `gap` is given: a JSON Resume or plain text, as pieces of text with where each is.

A JSON Resume (the open schema at jsonresume.org) gives every text field as a
piece with its JSON path (`skills[0].keywords[2]`, `education[0].courses[1]`);
plain text, a resume or a job posting, gives its lines (`line 12`). Whatever
cannot be read is refused in one line that names the file and says what to give.
"""

import codecs
import json
import re
from pathlib import Path
from typing import IO, Any, NamedTuple

from ml_career.errors import MlCareerError, UsageError

MAX_BYTES = 5 * 1024 * 1024
STDIN = "-"
# Every text field of a JSON Resume is read (the schema at jsonresume.org), but those that
# say who and where you are, or when, rather than what you did: a name of a person or a
# place, an address, a date. "Julia" in basics.name is a person, not the language.
RESUME_SECTIONS = (
    "basics", "work", "volunteer", "education", "awards", "certificates", "publications", "skills", "languages",
    "interests", "references", "projects",
)  # fmt: skip
NOT_READ = {
    "url", "email", "phone", "image", "picture", "location", "profiles", "startDate", "endDate", "date",
    "releaseDate", "$schema", "meta", "countryCode", "postalCode", "username", "network",
}  # fmt: skip
NOT_READ_IN = {"basics": {"name"}, "references": {"name"}}


class Piece(NamedTuple):
    where: str  # a JSON path, or "line N"
    text: str


class Document(NamedTuple):
    name: str  # the file as the user gave it, or "stdin"
    kind: str  # "json-resume" or "text"
    pieces: list[Piece]


class GapInputError(MlCareerError):
    """A file `gap` cannot read as a resume or a posting."""


RESUME_WANTED = "a JSON Resume or a plain text file"
POSTING_WANTED = "a job posting as plain text"


def read_input(typed: str, stdin: IO[bytes], posting: bool = False) -> Document:
    """The document in `typed` (a path, or - for `stdin`); a posting (`--against`) is always read as text."""
    name = "stdin" if typed == STDIN else _shown(typed)
    wanted = POSTING_WANTED if posting else RESUME_WANTED
    raw = stdin.read(MAX_BYTES + 1) if typed == STDIN else _read_file(Path(typed), wanted)
    if len(raw) > MAX_BYTES:
        raise GapInputError(f"{name}: over 5 MB; give {'a job posting' if posting else 'a resume or a job posting'}")
    text = _decoded(name, raw, wanted)
    if not text.strip():
        raise GapInputError(f"{name}: empty; give {wanted if posting else 'a JSON Resume, or a resume or job posting'}")
    if not posting and (name.casefold().endswith(".json") or text.lstrip().startswith(("{", "["))):
        return Document(name, "json-resume", resume_pieces(name, _parse_json(name, text)))
    return Document(name, "text", [Piece(f"line {n}", line) for n, line in enumerate(text.splitlines(), 1)])


# A byte order mark names its encoding: Windows saves "Unicode" text as UTF-16.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Terminal escape sequences (a resume copied from a terminal) and other control characters
# would join the words on either side ("ESC[31mPyTorch"); each becomes a space.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC: titles, links
    r"|\x1b.?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


def _decoded(name: str, raw: bytes, wanted: str) -> str:
    """The text of `raw`: UTF-8, or the encoding its byte order mark names; control characters as spaces."""
    encoding = next((encoding for bom, encoding in _BOMS if raw.startswith(bom)), None)
    if encoding is None and b"\x00" in raw:
        raise GapInputError(f"{name}: a binary file, not text; give {wanted}")
    try:
        text = raw.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        raise GapInputError(f"{name}: not UTF-8 text; save it as UTF-8, or give {wanted}") from None
    if "\x00" in text:
        raise GapInputError(f"{name}: a binary file, not text; give {wanted}")
    return _CONTROLS.sub(" ", text)


def _shown(name: str) -> str:
    from ml_career.text_safety import printable

    return printable(name, single_line=True)


def _read_file(path: Path, wanted: str) -> bytes:
    """The file's bytes; a FIFO, a device or a huge file is refused before it is read."""
    from ml_career.reading import read_limited
    from ml_career.text_safety import printable

    shown = printable(str(path), single_line=True)
    try:
        return read_limited(path)
    except FileNotFoundError:
        raise UsageError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{shown}: a folder, not a file; give {wanted}") from None
    except OSError as error:
        raise GapInputError(f"{shown}: cannot be read: {error.strerror or error}") from None


def _parse_json(name: str, text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise GapInputError(f"{name}: JSON nested too deeply to be a resume; give a JSON Resume") from None
    except ValueError as error:
        detail = f"line {error.lineno}: {error.msg}" if isinstance(error, json.JSONDecodeError) else str(error)
        raise GapInputError(f"{name}: not valid JSON ({detail}); give a JSON Resume or a plain text file") from None


def resume_pieces(name: str, resume: Any) -> list[Piece]:
    """The text of every field of a JSON Resume that can name a skill, each with its JSON path, in order."""
    if not isinstance(resume, dict) or not any(section in resume for section in RESUME_SECTIONS):
        raise GapInputError(
            f"{name}: JSON, but not a JSON Resume: it has none of {', '.join(RESUME_SECTIONS[:6])}, ... "
            "(see the schema at jsonresume.org)"
        )
    for section in RESUME_SECTIONS[1:]:
        value = resume.get(section)
        if value is not None and not isinstance(value, list):
            raise GapInputError(f"{name}: not a JSON Resume: {section} should be a list")
        for index, entry in enumerate(value or []):
            if not isinstance(entry, dict):
                raise GapInputError(f"{name}: not a JSON Resume: {section}[{index}] should be an object")
    pieces: list[Piece] = []
    # Depth first and in the file's order, with a stack rather than recursion: JSON nests as deep as it likes.
    stack: list[tuple[str, str, Any]] = [(key, key, value) for key, value in reversed(resume.items())]
    while stack:
        path, section, value = stack.pop()
        if isinstance(value, str):
            pieces.append(Piece(path, _CONTROLS.sub(" ", value)))
        elif isinstance(value, list):
            stack += [(f"{path}[{index}]", section, item) for index, item in reversed(list(enumerate(value)))]
        elif isinstance(value, dict):
            skipped = NOT_READ | NOT_READ_IN.get(section, set()) if "." not in path else NOT_READ
            stack += [(f"{path}.{key}", section, item) for key, item in reversed(value.items()) if key not in skipped]
    return pieces
