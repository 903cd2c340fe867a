"""Writing files so that a reader sees the old content or the new, never half."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str, durable: bool = True) -> None:
    """Write `text` to a temporary file beside `path`, flush it to disk, then swap it in.

    `durable=False` skips the flushes to disk, for files that may be lost but
    must never be read half-written (a cache that can be rebuilt).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _permissions_for(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temporary, mode)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
        _sync_directory(path.parent)


def _permissions_for(path: Path) -> int:
    """The permissions of the file being replaced, or those the umask gives a new file.

    mkstemp makes its file readable by its owner alone; swapped in as it is, an
    exported plan would lose the permissions the user expects.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    # The rename itself lives in the directory entry; without this a power cut
    # can bring back the old file even though the write "succeeded".
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
