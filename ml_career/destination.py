"""Writing a document to the place the user named, whatever is there.

`export --output` may name a regular file, a symbolic link, a FIFO, a device
such as /dev/null, standard output, or a file mlcareer itself depends on. Only a
regular file (new or old) is replaced, atomically; anything else is written
into, and the state and data files in use are never overwritten.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from ml_career.atomic import resolve_links, write_atomically
from ml_career.errors import MlCareerError
from ml_career.reading import kind_of
from ml_career.text_safety import printable

STANDARD_OUTPUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


def is_standard_output(target: Path | str) -> bool:
    return str(target) in STANDARD_OUTPUT_NAMES


def write_output(target: Path, text: str, *, protected: Iterable[Path] = ()) -> None:
    """Write `text` to `target`, or raise an MlCareerError that says plainly why not.

    `-` and /dev/stdout are standard output. A symbolic link is written through to
    its target. A FIFO or a device is opened and written into, never replaced; a
    FIFO nobody reads is an error at once, not a hang. A regular file is replaced
    atomically, unless it is one of the `protected` files (the state or data in use).
    """
    if is_standard_output(target):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    shown = printable(str(target), single_line=True)
    try:
        try:
            status = os.stat(target)  # through every link, /dev/stderr and /dev/fd/N included
        except FileNotFoundError:
            status = None
        if status is not None and stat.S_ISDIR(status.st_mode):
            raise MlCareerError(f"{shown}: is a directory; name a file to write")
        if status is not None and not stat.S_ISREG(status.st_mode):
            # Opened by the name given: /dev/fd/2 names a pipe that has no path of its own.
            _write_into(target, text, status.st_mode, shown)
            return
        resolved = resolve_links(target)
        _refuse_protected(resolved, protected, shown)
        write_atomically(resolved, text)
    except OSError as error:
        raise MlCareerError(f"{shown}: cannot write: {_reason(error)}") from None


def _refuse_protected(resolved: Path, protected: Iterable[Path], shown: str) -> None:
    for path in protected:
        try:
            same = os.path.samefile(resolved, path)
        except OSError:
            same = resolved == resolve_links(path)
        if same:
            raise MlCareerError(
                f"{shown}: is {path}, a file mlcareer reads; it is left as it is. Choose another file to write"
            )


def _write_into(path: Path, text: str, mode: int, shown: str) -> None:
    """Write into a FIFO, a terminal or a device such as /dev/null, without replacing it."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    if stat.S_ISFIFO(mode):
        # Without O_NONBLOCK, opening a FIFO nobody reads waits for a reader forever.
        try:
            descriptor = os.open(path, flags | os.O_NONBLOCK)
        except OSError as error:
            if error.errno == errno.ENXIO:
                raise MlCareerError(f"{shown}: is a FIFO that nobody is reading; start its reader first") from None
            raise
        os.set_blocking(descriptor, True)
    elif stat.S_ISSOCK(mode):
        raise MlCareerError(f"{shown}: is {kind_of(mode)}; name a file to write")
    else:
        descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def _reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long for the file system"
    if error.errno == errno.ENOSPC:
        return "no space left on the device"
    return printable(error.strerror or str(error), single_line=True)
