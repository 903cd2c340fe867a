"""Writing a document to the place the user named, whatever is there.

`export --output` may name a regular file, a symbolic link, a FIFO, a device
such as /dev/null, standard output, a stream of this process (/dev/stderr,
/dev/fd/N), or a file mlcareer itself depends on. Only a regular file (new or
old) is replaced, atomically; anything else is written into, and the state and
data files in use are never overwritten. A document is UTF-8 wherever it goes,
whatever the terminal's encoding: the formats say so themselves.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

from ml_career.atomic import ReadOnlyFile, resolve_links, write_atomically
from ml_career.errors import MlCareerError
from ml_career.reading import kind_of
from ml_career.streams import descriptor_named, write_all
from ml_career.streams import reason as write_failure
from ml_career.text_safety import printable, shell_word

STANDARD_OUTPUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


def is_standard_output(target: Path | str) -> bool:
    return str(target) in STANDARD_OUTPUT_NAMES


def write_output(target: Path | None, text: str, *, protected: Iterable[Path] = ()) -> None:
    """Write `text` as UTF-8 to `target` (None: standard output), or raise an MlCareerError that says plainly why not.

    `-` and /dev/stdout are standard output; /dev/stderr and /dev/fd/N are the
    streams the shell gave this process, written into as they are. A symbolic link
    is written through to its target. A FIFO or a device is opened and written
    into, never replaced; a FIFO nobody reads is an error at once, not a hang. A
    regular file is replaced atomically, unless it is one of the `protected` files
    (the state or data in use) or its owner made it read-only.
    """
    data = text.encode("utf-8")
    descriptor = 1 if target is None or is_standard_output(target) else descriptor_named(str(target))
    if descriptor == 1:
        # Through the guarded writer, as every byte for stdout: its errors are the run's own.
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    assert target is not None
    shown = printable(str(target), single_line=True)
    try:
        if descriptor is not None:
            # `-o /dev/fd/3 3>>state.json` would append the plan to the state: a stream may not be one either.
            _refuse_protected(Path(f"/dev/fd/{descriptor}"), protected, shown)
            sys.stderr.flush()  # what mlcareer said on stderr so far comes before the document, not after
            write_all(descriptor, data)
            return
        try:
            status = os.stat(target)  # through every link
        except FileNotFoundError:
            status = None
        if status is not None and stat.S_ISDIR(status.st_mode):
            raise MlCareerError(f"{shown}: is a directory; name a file to write")
        if status is not None and not stat.S_ISREG(status.st_mode):
            _write_into(target, data, status.st_mode, shown)
            return
        resolved = resolve_links(target)
        _refuse_protected(resolved, protected, shown)
        write_atomically(resolved, data)
    except ReadOnlyFile:
        raise MlCareerError(
            f"{shown}: is read-only, so it was left as it is.\n"
            f"Choose another file, or make it writable first: chmod u+w {shell_word(str(target))}"
        ) from None
    except OSError as error:
        raise MlCareerError(f"{shown}: cannot write: {_reason(error)}") from None


def _refuse_protected(resolved: Path, protected: Iterable[Path], shown: str) -> None:
    for path in protected:
        try:
            same = os.path.samefile(resolved, path)  # through /dev/fd/N too: the file the descriptor holds
        except OSError:
            same = resolved == resolve_links(path)
        if same:
            raise MlCareerError(
                f"{shown}: is {path}, a file mlcareer reads; it is left as it is. Choose another file to write"
            )


def _write_into(path: Path, data: bytes, mode: int, shown: str) -> None:
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
    try:
        write_all(descriptor, data)
    finally:
        os.close(descriptor)


def _reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long for the file system"
    return printable(write_failure(error), single_line=True)
