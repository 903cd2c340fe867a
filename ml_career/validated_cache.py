"""A copy of each data file as it was when the models last validated it.

Validating with pydantic costs more than everything else a query does, so each
validated data set is kept as JSON, keyed by a hash of the data file's bytes and
of the schema's source. A later run whose data file hashes the same reads that
JSON without importing pydantic. Anything that does not match exactly - other
bytes, another schema, a cache edited after it was written - is ignored, and
the data file is validated again.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

try:
    # The interpreter's own SHA-256: importing hashlib loads OpenSSL, which costs
    # more start-up than hashing the data file does.
    from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]  # Python 3.11
    except ImportError:  # pragma: no cover - an interpreter built without them
        from hashlib import sha256  # type: ignore[assignment,unused-ignore]

_CACHE_FORMAT = b"mlcareer-validated-cache-1"
_SCHEMA_MODULES = ("models.py", "integrity.py")


def cache_dir() -> Path:
    """Where validated copies live: MLCAREER_CACHE_DIR, else the platform's cache folder."""
    if configured := os.environ.get("MLCAREER_CACHE_DIR"):
        return Path(configured)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "mlcareer" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "mlcareer"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mlcareer"


def cache_key(raw: bytes) -> str:
    """A hash of the data bytes and of the code that decides what is valid."""
    digest = sha256(_CACHE_FORMAT)
    package = Path(__file__).parent
    for module in _SCHEMA_MODULES:
        digest.update((package / module).read_bytes())
    digest.update(raw)
    return str(digest.hexdigest())


def _cache_file(data_file: Path) -> Path:
    name = sha256(str(data_file.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / f"{name[:32]}.json"


def as_records(payload: str) -> Any:
    """Validated JSON as attribute-access records, shaped like the models."""
    return json.loads(payload, object_hook=lambda fields: SimpleNamespace(**fields))


def read_validated(data_file: Path, key: str) -> Any | None:
    """The validated records for `key`, or None when no trustworthy copy exists."""
    try:
        header, _, payload = _cache_file(data_file).read_bytes().partition(b"\n")
        stamp = json.loads(header)
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("key") != key:
        return None
    if stamp.get("digest") != sha256(payload).hexdigest():
        return None
    try:
        return as_records(payload.decode("utf-8"))
    except ValueError:
        return None


def store_validated(data_file: Path, key: str, payload: str) -> None:
    """Keep `payload` for later runs; a cache that cannot be written is no error."""
    from ml_career.atomic import write_atomically

    digest = sha256(payload.encode("utf-8")).hexdigest()
    header = json.dumps({"key": key, "digest": digest, "data_file": str(data_file)})
    with contextlib.suppress(OSError):
        # Not durable: a cache lost in a crash is rebuilt, and a torn one fails its digest.
        write_atomically(_cache_file(data_file), f"{header}\n{payload}", durable=False)
