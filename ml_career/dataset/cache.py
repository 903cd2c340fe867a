"""A copy of each data file as it was when the models last validated it.

Validating with pydantic costs more than everything else a query does, so each
validated data set is kept as JSON, keyed by a hash of the data file's bytes and
of the schema's source. A later run whose data file hashes the same reads that
JSON without importing pydantic. Anything that does not match exactly - other
bytes, another schema, a cache edited after it was written - is ignored, and
the data file is validated again.

Each top-level section is kept as its own line of JSON and parsed only when a
command first reads it, so that a query costs about the same however large the
sections it does not read have grown.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zlib import crc32

try:
    # BLAKE2 from the interpreter's own module: importing hashlib loads OpenSSL,
    # which costs more start-up than hashing the data file does. BLAKE2 also hashes
    # about three times as fast as the interpreter's own SHA-256.
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

_CACHE_FORMAT = b"mlcareer-validated-cache-3"
CACHE_ENV_VAR = "MLCAREER_CACHE_DIR"
_SCHEMA_MODULES = ("models.py", "integrity.py")


def cache_dir() -> Path:
    """Where validated copies live: MLCAREER_CACHE_DIR, else the platform's cache folder."""
    if configured := os.environ.get(CACHE_ENV_VAR):
        return Path(configured)
    from platformdirs import user_cache_path

    return user_cache_path("mlcareer", appauthor=False)


def cache_key(raw: bytes) -> str:
    """A hash of the data bytes and of the code that decides what is valid."""
    digest = blake2b(_CACHE_FORMAT, digest_size=32)
    package = Path(__file__).parent
    for module in _SCHEMA_MODULES:
        digest.update((package / module).read_bytes())
    digest.update(raw)
    return str(digest.hexdigest())


def _cache_file(data_file: Path) -> Path:
    name = blake2b(str(data_file.resolve()).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return cache_dir() / f"{name}.cache"


class Sections:
    """A validated data set whose sections are parsed on first use.

    Reading `career.pay` parses the pay section's JSON into attribute records
    shaped like the models (`career.pay.figures[0].amount`) and keeps the result.
    """

    def __init__(self, sections: dict[str, str]) -> None:
        self._unparsed = sections

    def __getattr__(self, name: str) -> Any:
        # Only called for names not yet set: after this, the parsed section is.
        try:
            text = self._unparsed.pop(name)
        except KeyError:
            raise AttributeError(name) from None
        value = json.loads(text, object_hook=_record)
        setattr(self, name, value)
        return value


def _record(fields: dict[str, Any]) -> SimpleNamespace:
    return SimpleNamespace(**fields)


def section_lines(document: dict[str, Any]) -> str:
    """A validated document as one `name<TAB>json` line per section (JSON escapes its own newlines)."""
    return "\n".join(
        f"{name}\t{json.dumps(value, ensure_ascii=False, separators=(',', ':'))}" for name, value in document.items()
    )


def as_records(payload: str) -> Sections:
    """Section lines (see section_lines) as records, each section parsed when first read."""
    sections = {}
    for line in payload.split("\n"):
        name, tab, text = line.partition("\t")
        if not tab:
            raise ValueError("a section line without its name")
        sections[name] = text
    return Sections(sections)


def read_validated(data_file: Path, key: str) -> Any | None:
    """The validated records for `key`, or None when no trustworthy copy exists."""
    try:
        header, _, payload = _cache_file(data_file).read_bytes().partition(b"\n")
        stamp = json.loads(header)
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("key") != key:
        return None
    # A checksum, not a secret: it catches a copy damaged or edited by hand. The key
    # is what ties the copy to the data file's exact bytes.
    if stamp.get("checksum") != crc32(payload):
        return None
    try:
        return as_records(payload.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError too
        return None


def store_validated(data_file: Path, key: str, payload: str) -> None:
    """Keep `payload` for later runs; a cache that cannot be written is no error."""
    from ml_career.atomic import write_atomically

    checksum = crc32(payload.encode("utf-8"))
    header = json.dumps({"key": key, "checksum": checksum, "data_file": str(data_file)})
    with contextlib.suppress(OSError):
        # Not durable: a cache lost in a crash is rebuilt, and a torn one fails its checksum.
        write_atomically(_cache_file(data_file), f"{header}\n{payload}", durable=False)
