"""Reading a file whose name someone else chose, with bounded work.

The data file, the state file, an answers file and a cache entry are read only
when they are regular files of at most MAX_FILE_BYTES. A FIFO is opened without
blocking, so one with no writer gets a message at once instead of a hang, and
/dev/zero or a device is refused before a single byte is read.

It imports nothing beyond errno, os and stat: the completion fast path reads
with it before anything else is imported.
"""

import errno
import os
import stat

MAX_FILE_BYTES = 64 * 1024 * 1024
_LIMIT_TEXT = "64 MiB"


class FileRefused(OSError):
    """A path that is not a regular file of a sensible size; `strerror` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(errno.EINVAL, reason)


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _check(status: os.stat_result, limit: int) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise FileRefused(f"is {kind_of(status.st_mode)}, not a regular file; save it to a file and use that")
    if status.st_size > limit:
        raise FileRefused(f"is larger than {_LIMIT_TEXT}, the most mlcareer reads")


def read_limited(path: "str | os.PathLike[str]", limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at `path`, or an OSError whose strerror says why not."""
    _check(os.stat(path), limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        # The name may have been swapped for something else since the stat.
        _check(os.fstat(descriptor), limit)
        chunks = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(descriptor)
    if remaining <= 0:  # it grew past the limit while being read
        raise FileRefused(f"is larger than {_LIMIT_TEXT}, the most mlcareer reads")
    return b"".join(chunks)
