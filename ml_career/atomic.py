"""Writing files so that a reader sees the old content or the new, never half."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

# A short name of fixed length: one derived from the target's name would be too
# long for the file system when the target's own name is near the limit.
TEMPORARY_PREFIX = ".mlc-"
TEMPORARY_SUFFIX = ".tmp"
_CLEANUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
# Held while a temporary file comes into being or goes away: Ctrl-C as well, whose handler also unwinds.
_HELD_SIGNALS = frozenset((*_CLEANUP_SIGNALS, signal.SIGINT))
PRIVATE_MODE = 0o600


class ReadOnlyFile(PermissionError):
    """The file to replace has no write permission for its owner: someone made it read-only on purpose."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "is read-only, so it was left as it is", str(path))


def resolve_links(path: Path) -> Path:
    """The file a path names once every symbolic link is followed (it may not exist yet).

    Writing there, rather than renaming over the link, keeps a link (a state file
    kept in a dotfiles repository) a link. A loop of links is an OSError (ELOOP).
    """
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        # A dangling link names the file to create; a missing folder is reported later.
        return Path(os.path.realpath(path))


def write_atomically(path: Path, text: str | bytes, durable: bool = True, private: bool = False) -> None:
    """Write `text` (UTF-8, or bytes as they are) to a temporary file beside `path`, flush it to disk, then swap it in.

    A symbolic link is followed: the file it points to is replaced, the link stays.
    A file whose owner may not write it is refused (ReadOnlyFile): a read-only mark
    is the user's way of saying "keep this", and a rename would ignore it.
    `private` files (the user's notes) are readable by their owner alone, whatever
    the umask. `durable=False` is for what mlcareer keeps for itself in the cache
    folder: no flushes to disk, since a lost copy is made again, and a link in its
    place is replaced, not followed, since nobody keeps a link there on purpose and
    one planted there must not make mlcareer overwrite whatever it points to.
    """
    if durable:
        path = resolve_links(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = PRIVATE_MODE if private else _permissions_for(path, follow_links=durable)
    if durable:
        _refuse_read_only(path)
    with _signals_end_the_write():
        descriptor: int | None = None
        temporary: str | None = None
        try:
            # The clean-up is armed before the file exists: while mkstemp creates it and
            # its name is kept, no signal is delivered, so no handler can unwind in between
            # and leave a file nobody knows the name of. A signal held meanwhile arrives
            # when the hold ends, inside this `try`, with the name known.
            with hold_signals():
                descriptor, temporary = tempfile.mkstemp(
                    prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=path.parent
                )
            os.chmod(temporary, mode)
            with os.fdopen(descriptor, "wb") as stream:
                descriptor = None  # the stream closes it from here on
                stream.write(text if isinstance(text, bytes) else text.encode("utf-8"))
                stream.flush()
                if durable:
                    os.fsync(stream.fileno())
            os.replace(temporary, path)
            temporary = None
        except BaseException:
            with hold_signals():  # a second signal must not interrupt the clean-up itself
                if descriptor is not None:
                    with contextlib.suppress(OSError):
                        os.close(descriptor)
                if temporary is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(temporary)
            raise
    if durable:
        _sync_directory(path.parent)


def write_new(path: Path, data: bytes) -> None:
    """Create `path` holding `data`, readable by its owner alone, unless it exists (FileExistsError).

    Never shows a half-written file: the data is written beside it, then linked
    into place, which fails if another run made one first. As in write_atomically,
    the temporary file is removed whatever signal ends the run meanwhile.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with _signals_end_the_write():
        temporary: str | None = None
        try:
            with hold_signals():  # the clean-up is armed before the file exists (see write_atomically)
                descriptor, temporary = tempfile.mkstemp(
                    prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=path.parent
                )
            with os.fdopen(descriptor, "wb") as stream:  # mkstemp's mode: 0600
                stream.write(data)
            os.link(temporary, path)
        finally:
            with hold_signals():
                if temporary is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(temporary)


@contextlib.contextmanager
def hold_signals() -> Iterator[None]:
    """Keep SIGTERM, SIGHUP and SIGINT from being delivered until the block ends (where the system can)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows has no signal masks
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        # Unblocking delivers what arrived meanwhile; its handler runs as this call returns.
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _refuse_read_only(path: Path) -> None:
    try:
        status = path.stat()
    except OSError:
        return  # nothing there yet, or nothing that can be told: the write says what is wrong
    # The owner's write bit, not os.access: an administrator may write anything, and
    # would still replace the file behind its owner's back.
    if stat.S_ISREG(status.st_mode) and not status.st_mode & stat.S_IWUSR:
        raise ReadOnlyFile(path)


class Terminated(SystemExit):
    """SIGTERM or SIGHUP arrived during a write: the temporary file is removed, then the run ends."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(128 + signum)


@contextlib.contextmanager
def _signals_end_the_write() -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP unwind like Ctrl-C does, so the temporary file is removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for signum in _CLEANUP_SIGNALS:
        handler = signal.getsignal(signum)
        if handler is signal.SIG_DFL:  # a handler someone installed on purpose is left alone
            previous[signum] = signal.signal(signum, _terminate)
    try:
        yield
    finally:
        # Held while the handlers go back: a signal that lands meanwhile is then met by the
        # handler it finds (the default: the run ends), never dropped between the two.
        with hold_signals():
            for signum, handler in previous.items():
                signal.signal(signum, handler)


def _permissions_for(path: Path, follow_links: bool) -> int:
    """The permissions of the regular file being replaced, or those the umask gives a new file.

    mkstemp makes its file readable by its owner alone; swapped in as it is, an
    exported plan would lose the permissions the user expects. A link that is to be
    replaced, not followed, lends nothing: what it names (/dev/zero is 0666) is not
    the file being replaced.
    """
    with contextlib.suppress(OSError):
        status = path.stat() if follow_links else path.lstat()
        if stat.S_ISREG(status.st_mode):
            return stat.S_IMODE(status.st_mode)
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
