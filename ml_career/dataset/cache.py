"""A copy of each data file as it was when the models last validated it.

Validating with pydantic costs more than everything else a query does, so each
validated data set is kept as JSON, keyed by a hash of the data file's bytes and
of the schema's source. A later run whose data file hashes the same reads that
JSON without importing pydantic. Anything that does not match exactly - other
bytes, another schema, a damaged entry - is ignored, and the data file is
validated again.

Each entry carries a keyed BLAKE2 digest whose key is random, made once per user
and kept in the user's data folder, outside the cache folder. An entry edited by
hand (say, to show a salary no data file holds) cannot carry a matching digest
without that key, so it is rejected. Only the key's owner can forge one, and
they can as well edit the data file itself. Only the newest entries are kept.

Each top-level section is kept in the interpreter's own serialisation (marshal)
and decoded only when a command first reads it, so that a query costs about the
same however large the sections it does not read have grown. marshal, not JSON:
importing json compiles its regular expressions, which cost a table query more
than reading the cache does, and marshal decodes several times as fast. Its
format belongs to one Python version, which is part of the key; and only a copy
whose signature checks out is ever decoded.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ml_career import places
from ml_career.dataset import location
from ml_career.dataset.digest import blake2b
from ml_career.reading import read_limited

_CACHE_FORMAT = b"mlcareer-validated-cache-5"
# Every module whose rules decide what is valid, so that a change to any of them validates again.
_SCHEMA_MODULES = (
    "dataset/models.py",
    "dataset/fields.py",
    "dataset/integrity.py",
    "dataset/sections.py",
    "dataset/names.py",
    "dataset/symbols.py",
    "dataset/loading.py",
    "text_safety.py",
    "provenance.py",
)
KEY_FILE_NAME = "cache.key"
KEPT_ENTRIES = 16
_KEY_BYTES = 32


def cache_dir() -> Path:
    """Where validated copies live: MLCAREER_CACHE_DIR, else the platform's cache folder."""
    return Path(places.cache_folder())


def cache_key(raw: bytes) -> str:
    """A hash of the data bytes and of the code that decides what is valid."""
    digest = blake2b(_CACHE_FORMAT, digest_size=32)
    digest.update(f" {sys.implementation.cache_tag} marshal {marshal.version}\n".encode())
    package = Path(__file__).parent.parent
    for module in _SCHEMA_MODULES:
        digest.update((package / module).read_bytes())
    digest.update(raw)
    return str(digest.hexdigest())


def _cache_file(data_file: Path) -> Path:
    return cache_dir() / f"{location.entry_name(data_file)}.cache"


class Sections:
    """A validated data set whose sections are decoded on first use.

    Reading `career.pay` decodes the pay section into attribute records shaped
    like the models (`career.pay.figures[0].amount`) and keeps the result.
    """

    def __init__(self, sections: dict[str, bytes]) -> None:
        self._undecoded = sections

    def __getattr__(self, name: str) -> Any:
        # Only called for names not yet set: after this, the decoded section is.
        try:
            encoded = self._undecoded.pop(name)
        except KeyError:
            raise AttributeError(name) from None
        value = _records(marshal.loads(encoded))
        setattr(self, name, value)
        return value


def _records(value: Any) -> Any:
    """Mappings as attribute records, all the way down."""
    if isinstance(value, dict):
        return SimpleNamespace(**{name: _records(item) for name, item in value.items()})
    if isinstance(value, list):
        return [_records(item) for item in value]
    return value


def encode_sections(document: dict[str, Any]) -> bytes:
    """A validated document (JSON-shaped, as the models dump it) with each section encoded on its own."""
    return marshal.dumps({name: marshal.dumps(value) for name, value in document.items()})


def as_records(payload: bytes) -> Sections:
    """Encoded sections (see encode_sections) as records, each section decoded when first read."""
    sections = marshal.loads(payload)
    if not isinstance(sections, dict) or not all(
        isinstance(name, str) and isinstance(encoded, bytes) for name, encoded in sections.items()
    ):
        raise ValueError("not a set of encoded sections")
    return Sections(sections)


def _signature(secret: bytes, key: str, payload: bytes) -> str:
    digest = blake2b(key.encode("ascii", "replace"), key=secret, digest_size=32)
    digest.update(b"\n")
    digest.update(payload)
    return str(digest.hexdigest())


def _secret(create: bool) -> bytes | None:
    """The per-user key that signs cache entries, kept outside the cache folder; None if unusable."""
    try:
        path = Path(places.user_data_folder()) / KEY_FILE_NAME
    except places.NoHome:
        return None
    try:
        text = read_limited(path, limit=1024).decode("ascii").strip()
        secret = bytes.fromhex(text)
    except FileNotFoundError:
        return _new_secret(path, replace=False) if create else None
    except (OSError, ValueError):
        secret = b""
    if len(secret) == _KEY_BYTES:
        return secret
    # Damaged (overwritten, cut short, unreadable): what it signed is lost either way, so a
    # new key replaces it, rather than no cache run after run.
    return _new_secret(path, replace=True) if create else None


def _new_secret(path: Path, *, replace: bool) -> bytes | None:
    """Write a new key file, readable by its owner alone, never showing a half-written one."""
    from ml_career.atomic import write_atomically, write_new

    secret = os.urandom(_KEY_BYTES)
    try:
        if replace:
            write_atomically(path, secret.hex() + "\n", private=True)
        else:
            write_new(path, (secret.hex() + "\n").encode("ascii"))  # fails if another run made one first
    except FileExistsError:
        return _secret(create=False)
    except OSError:
        return None
    return secret


def read_validated(data_file: Path, key: str) -> Any | None:
    """The validated records for `key`, or None when no trustworthy copy exists.

    Whatever is found instead (garbage, a FIFO, an entry edited by hand or cut
    short) counts as no copy: the data is validated again and the entry replaced.
    The payload is decoded only once its signature is known to be the user's own.
    """
    try:
        header, _, payload = read_limited(_cache_file(data_file)).partition(b"\n")
        stamp = header.decode("ascii").split(" ")
        if len(stamp) != 3 or stamp[0] != _CACHE_FORMAT.decode() or stamp[1] != key:
            return None
        secret = _secret(create=False)
        if secret is None or stamp[2] != _signature(secret, key, payload):
            return None
        return as_records(payload)
    except (OSError, ValueError, EOFError, TypeError, places.NoHome):  # UnicodeDecodeError is a ValueError
        return None


def store_validated(data_file: Path, key: str, payload: bytes) -> None:
    """Keep `payload` for later runs; a cache that cannot be written is no error."""
    from ml_career.atomic import write_atomically

    secret = _secret(create=True)
    if secret is None:
        return
    header = f"{_CACHE_FORMAT.decode()} {key} {_signature(secret, key, payload)}\n".encode("ascii")
    with contextlib.suppress(OSError, places.NoHome):
        # Not durable: a cache lost in a crash is rebuilt, and a torn one fails its signature.
        target = _cache_file(data_file)
        write_atomically(target, header + payload, durable=False)
        _prune(target.parent)


# What the first line of every format's entries starts with, this one's and older ones'.
_ENTRY_HEADER = _CACHE_FORMAT.rstrip(b"0123456789")


def _is_our_entry(entry: os.DirEntry[str]) -> bool:
    """An entry mlcareer wrote: its name is a digest (see location.entry_name) and it starts with our header.

    The cache folder may be shared (MLCAREER_CACHE_DIR=~/.cache): another program's
    `*.cache` files there are not ours to delete, whatever their age.
    """
    stem = entry.name.removesuffix(".cache")
    if len(stem) != 32 or stem.strip("0123456789abcdef") or not entry.is_file(follow_symlinks=False):
        return False
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(entry.path, flags)
    try:
        return os.read(descriptor, len(_ENTRY_HEADER)) == _ENTRY_HEADER
    finally:
        os.close(descriptor)


def _prune(folder: Path) -> None:
    """Keep the KEPT_ENTRIES newest entries (each `--data <(...)` run would otherwise add one)."""
    import time

    from ml_career.atomic import TEMPORARY_PREFIX, TEMPORARY_SUFFIX

    entries = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            with contextlib.suppress(OSError):
                if entry.name.endswith(".cache") and _is_our_entry(entry):
                    entries.append((entry.stat(follow_symlinks=False).st_mtime, entry.path))
                elif (
                    entry.name.startswith(TEMPORARY_PREFIX)
                    and entry.name.endswith(TEMPORARY_SUFFIX)
                    # Left by a run killed mid-write; an hour is far longer than any write takes.
                    and entry.stat(follow_symlinks=False).st_mtime < time.time() - 3600
                ):
                    os.unlink(entry.path)
    entries.sort(reverse=True)
    for _, path in entries[KEPT_ENTRIES:]:
        with contextlib.suppress(OSError):
            os.unlink(path)
