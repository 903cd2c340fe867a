"""The streams of this process: finding one by the name it goes by, and writing every byte into one.

`/dev/stderr`, `/dev/fd/3` and `/proc/self/fd/3` name a descriptor this process
already holds: what the shell opened for it (`2>>build.log`, `3>plan.md`). Such
a name is written into, through the descriptor, with the shell's own mode
(appending stays appending), and never replaced: renaming a new file over the
file behind it would lose the log it holds.

A write that the system accepts only in part (a `ulimit -f`, a disk filling up)
is an error here, never a document cut short with exit 0.
"""

from __future__ import annotations

import errno
import os
import re

_STREAM_NAMES = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
# Compiled on first use, by `re`'s own cache: every write to stdout imports this module, few name a stream.
_DESCRIPTOR_NAME = r"^/(?:dev/fd|proc/(?:self|thread-self|(?P<pid>[0-9]+))/fd)/(?P<number>[0-9]{1,9})$"
_MOST_LINKS = 40  # as the system itself: more links in a chain than this is a loop


class ShortWrite(OSError):
    """The system took fewer bytes than were given, and then none."""


def descriptor_named(name: str) -> int | None:
    """The descriptor of this process that `name` stands for, or None when it names a file of its own.

    Symbolic links are followed one at a time, so that a link to /dev/stderr is
    seen as the stream too; /dev/fd itself is a link into /proc on Linux.
    """
    current = os.path.abspath(name)
    for _ in range(_MOST_LINKS):
        if current in _STREAM_NAMES:
            return _STREAM_NAMES[current]
        matched = re.match(_DESCRIPTOR_NAME, current)
        if matched and (matched["pid"] is None or int(matched["pid"]) == os.getpid()):
            return int(matched["number"])
        try:
            target = os.readlink(current)
        except OSError:  # not a link (or nothing there): a file of its own
            return None
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))
    return None


def write_all(descriptor: int, data: bytes) -> None:
    """Write every byte of `data` to `descriptor`, or raise an OSError that says why not.

    A short write is tried again with the rest, as the system intends; one that
    then takes nothing raises ShortWrite (one that fails, such as EFBIG past a
    `ulimit -f`, raises as it is). A descriptor left non-blocking by whoever opened
    it is waited on rather than reported as an error; EINTR Python retries itself.
    """
    view = memoryview(data)
    while view:
        try:
            written = os.write(descriptor, view)
        except BlockingIOError:
            _wait_until_writable(descriptor)
            continue
        if written <= 0:
            raise ShortWrite(errno.EIO, f"only part of the output could be written ({len(data) - len(view)} bytes)")
        view = view[written:]


def _wait_until_writable(descriptor: int) -> None:
    import select

    select.select([], [descriptor], [])


def reason(error: OSError) -> str:
    """Why a write failed, in words a person can act on."""
    if error.errno == errno.EFBIG:
        return "the file has reached the size limit for this process (ulimit -f)"
    if error.errno == errno.ENOSPC:
        return "no space left on the device"
    if error.errno == errno.EBADF:
        return "it is not open for writing"
    return error.strerror or str(error)
