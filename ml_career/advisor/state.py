"""The user's saved state: where it lives, and reading and changing it safely.

Every change happens under an exclusive lock, re-reads the file, and writes
the result atomically, so concurrent commands keep every write and a crash
mid-write leaves the old file whole. A file that cannot be parsed is never
overwritten: the user is told how to recover it.

State version 2 added notes (`"notes": {career: {item: text}}`) and tools as
items of their own. A version 1 file (the first release) keeps every status
and rung: it is migrated in place, atomically, the first time it is read.
"""

from __future__ import annotations

import contextlib
import json
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ml_career import places, strict_json
from ml_career.errors import StateFileError
from ml_career.reading import kind_of, read_limited
from ml_career.text_safety import shell_word as _quoted

STATE_VERSION = 2
HOME_ENV_VAR = places.HOME_ENV_VAR
STATE_FILE_NAME = "state.json"


def user_data_dir() -> Path:
    """MLCAREER_HOME, else the platform's folder for user data (XDG_DATA_HOME on Linux)."""
    try:
        return Path(places.user_data_folder())
    except places.NoHome:
        raise StateFileError(
            f"cannot tell where to keep saved progress: HOME is not set. Set {HOME_ENV_VAR} to a folder"
        ) from None


def state_file() -> Path:
    return user_data_dir() / STATE_FILE_NAME


def read_state(path: Path | None = None) -> dict[str, Any]:
    """The saved state, or an empty one when nothing has been saved yet (or there is no home to save in)."""
    if path is None:
        try:
            path = state_file()
        except StateFileError:
            return _empty()
    state, old = _load(path)
    if old:
        # Saved by an older mlcareer: rewrite it once, under the lock, as this version.
        # A folder that cannot be written still gets the migrated state to read.
        with contextlib.suppress(OSError, StateFileError):
            return update_state(lambda _: None, path)
    return state


def _load(path: Path) -> tuple[dict[str, Any], bool]:
    """The saved state in this version's shape, and whether the file holds an older one."""
    try:
        text = read_limited(path).decode("utf-8")
    except (FileNotFoundError, NotADirectoryError):  # a file where a folder should be: nothing saved there
        return _empty(), False
    except UnicodeDecodeError:
        raise _unreadable(path, "not UTF-8 text") from None
    except OSError as error:
        raise _unreadable(path, error.strerror or str(error)) from None
    return _parse(path, text)


def update_state(change: Callable[[dict[str, Any]], None], path: Path | None = None) -> dict[str, Any]:
    """Apply `change` to the saved state under a lock and save it atomically; return the result.

    The state and its backups hold the user's notes: they are readable by their
    owner alone, whatever the umask.
    """
    path = path or state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _no_folder(path.parent, error) from None
    from ml_career.atomic import ReadOnlyFile, write_atomically

    with _locked(path):
        state, old = _load(path)
        change(state)
        try:
            if old:  # the file as the older version wrote it stays beside the new one
                old_text = read_limited(path).decode("utf-8")
                write_atomically(_backup_name(path, old_text), old_text, private=True)
            write_atomically(path, json.dumps(state, indent=2, sort_keys=True) + "\n", private=True)
        except ReadOnlyFile as error:
            kept = str(error.filename)
            raise StateFileError(
                f"{kept}: is read-only, so nothing was saved and it was left as it is.\n"
                f"To save progress again, make it writable: chmod u+w {_quoted(kept)}"
            ) from None
        except OSError as error:
            raise _not_saved(path, error) from None
    return state


def _not_saved(path: Path, error: OSError) -> StateFileError:
    """Why a save failed, with the fix for that cause; the file is as it was either way."""
    import errno

    from ml_career.atomic import resolve_links
    from ml_career.streams import reason

    # Where the file really is: a link's own folder may be writable while its target's is not.
    folder = _quoted(str(resolve_links(path).parent))
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        fix = f"Nothing was saved. Free some space on the disk that holds it: df -h {folder}"
    elif error.errno == errno.EROFS:
        fix = f"Nothing was saved: {folder} is on a file system mounted read-only"
    else:
        fix = f"Check that you own the folder and may write to it: ls -ld {folder}"
    return StateFileError(f"{path}: cannot save: {reason(error)}.\n{fix}")


def _no_folder(folder: Path, error: OSError) -> StateFileError:
    """The folder for saved progress cannot be made: name what is in the way, with a command that clears it."""
    blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocker is None:
        return StateFileError(f"{folder}: cannot create the folder for saved progress: {error.strerror or error}")
    where = "" if blocker == folder else f", so {folder} cannot be made in it"
    mode = _mode_of(blocker)
    if mode is not None and not stat.S_ISREG(mode):  # a device, a pipe: not something to move aside
        return StateFileError(
            f"{blocker}: is {kind_of(mode)}, not a folder{where}; set {HOME_ENV_VAR} to a folder for saved progress"
        )
    return StateFileError(
        f"{blocker}: is a file, not a folder{where}; saved progress needs a folder there.\n"
        f"Move the file aside: mv {_quoted(str(blocker))} {_quoted(str(blocker) + '.bak')}"
        f" (or set {HOME_ENV_VAR} to a folder)"
    )


def _mode_of(path: Path) -> int | None:
    try:
        return path.stat().st_mode
    except OSError:
        return None


def _backup_name(path: Path, text: str) -> Path:
    """state.json.v1, or state.json.v1.2, .v1.3... when that name already holds another file."""
    for number in range(1, 1000):
        backup = path.with_name(path.name + ".v1" + (f".{number}" if number > 1 else ""))
        try:
            if read_limited(backup).decode("utf-8", "replace") == text:
                return backup
        except FileNotFoundError:
            return backup
        except OSError:
            pass
    raise StateFileError(f"{path.parent}: holds a thousand backups of old state files; move some aside")


def _empty() -> dict[str, Any]:
    return {"schema_version": STATE_VERSION, "careers": {}, "notes": {}}


def _parse(path: Path, text: str) -> tuple[dict[str, Any], bool]:
    try:
        state = strict_json.loads(text)
    except RecursionError:
        raise _unreadable(path, "not an mlcareer state file (nested too deeply)") from None
    except strict_json.RepeatedKey as error:
        raise _unreadable(path, f"{error}; give each key once") from None
    except ValueError as error:
        raise _unreadable(path, f"not valid JSON ({error})") from None
    if not isinstance(state, dict):
        raise _unreadable(path, "not an mlcareer state file")
    version = state.get("schema_version", state.get("version"))
    old = type(version) is int and version == 1
    if not old and (type(version) is not int or version != STATE_VERSION):  # True == 1, but is no version
        if type(version) is int and STATE_VERSION < version <= 1000:  # beyond that, a number typed by hand
            raise StateFileError(
                f"{path}: written by a newer mlcareer (state version {version}); upgrade mlcareer to use it"
            )
        raise _unreadable(path, f"unknown state version {_short(version)}")
    state.setdefault("careers", {})  # a file edited down to its notes or rung has no statuses yet
    if (problem := _shape_problem(state)) is not None:
        raise _unreadable(path, f"not an mlcareer state file ({problem})")
    if old:
        return migrated_from_1(state), True
    state.setdefault("notes", {})
    return state, False


def migrated_from_1(state: dict[str, Any]) -> dict[str, Any]:
    """A version 1 state as version 2: every status and rung as saved, and no notes yet.

    Version 1 kept skill ids only, which are still the skills' ids; a tool typed then
    marked its skill, and that skill keeps the status. Anything unknown is kept as it is.
    """
    migrated = {key: value for key, value in state.items() if key != "version"}
    migrated["schema_version"] = STATE_VERSION
    migrated.setdefault("notes", {})
    return migrated


def _shape_problem(state: dict[str, Any]) -> str | None:
    """What is wrong with the structure, checked in full so no command meets a surprise type."""
    careers = state.get("careers")
    if not isinstance(careers, dict):
        return "'careers' is not an object"
    for career, statuses in careers.items():
        if not isinstance(statuses, dict):
            return f"careers.{career} is not an object"
        if not all(isinstance(status, str) for status in statuses.values()):
            return f"a status in careers.{career} is not a string"
    rungs = state.get("rungs", {})
    if not isinstance(rungs, dict):
        return "'rungs' is not an object"
    if not all(isinstance(rung, str) for rung in rungs.values()):
        return "a rung in 'rungs' is not a string"
    education = state.get("education", {})  # advisor/standing.py: your highest degree, the years of one done
    if not isinstance(education, dict):
        return "'education' is not an object"
    for career, entry in education.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("highest"), str):
            return f"education.{career} is not an object with a 'highest' degree"
        months = entry.get("months_done", 0)
        if type(months) is not int or not 0 <= months <= 1200:
            return f"education.{career}.months_done is not a number of months"
    notes = state.get("notes", {})
    if not isinstance(notes, dict):
        return "'notes' is not an object"
    for career, kept in notes.items():
        if not isinstance(kept, dict) or not all(isinstance(text, str) for text in kept.values()):
            return f"notes.{career} is not an object of texts"
    return None


def _short(value: Any) -> str:
    shown = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else "a very long number"
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _unreadable(path: Path, reason: str) -> StateFileError:
    return StateFileError(
        f"{path}: cannot be read: {reason}.\n"
        "It has been left untouched. Fix it by hand, or move it aside to start afresh: "
        f"mv {_quoted(str(path))} {_quoted(str(path) + '.bak')}"
    )


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on a companion file, held while the state is read and replaced."""
    lock_path = path.with_name(path.name + ".lock")
    with _open_lock(lock_path) as lock:
        _acquire(lock, lock_path)
        try:
            yield
        finally:
            _release(lock)


def _open_lock(lock_path: Path) -> IO[bytes]:
    """The lock file, opened; or a StateFileError naming it and saying how to fix it."""
    quoted = _quoted(str(lock_path))
    try:
        # Readable by its owner alone, as the state beside it; it holds nothing, but tells when someone saved.
        return open(lock_path, "a+b", opener=_private_opener)
    except IsADirectoryError:
        raise StateFileError(
            f"{lock_path}: is a directory, so saved progress cannot be locked. Remove it: rmdir {quoted}"
        ) from None
    except PermissionError:
        pass
    except OSError as error:  # a folder where no file can be made: /proc/self, a FUSE mount that refuses
        raise StateFileError(
            f"{lock_path.parent}: progress cannot be saved there ({error.strerror or error}); "
            f"set {HOME_ENV_VAR} to a folder of your own"
        ) from None
    if not lock_path.exists():
        folder = _quoted(str(lock_path.parent))
        raise StateFileError(f"{lock_path.parent}: not writable, so progress cannot be saved. Fix: chmod u+w {folder}")
    try:
        # A lock file left by `sudo mlcareer` may not be writable; flock needs only a descriptor.
        return open(lock_path, "rb")
    except OSError:
        raise StateFileError(
            f"{lock_path}: cannot be opened (owned by another user, perhaps after sudo mlcareer). "
            f"It holds nothing; remove it: rm {quoted}"
        ) from None


def _private_opener(name: str, flags: int) -> int:
    import os

    return os.open(name, flags, 0o600)


# A save holds the lock for milliseconds; a holder that keeps it this long is stuck.
LOCK_TIMEOUT_SECONDS = 30.0


def _acquire(lock: IO[bytes], lock_path: Path) -> None:
    if sys.platform == "win32":  # msvcrt locks bytes, not files: one byte at offset 0 stands for the file
        import msvcrt

        lock.seek(0)
        msvcrt.locking(lock.fileno(), msvcrt.LK_LOCK, 1)
        return
    import fcntl
    import time

    deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
    while True:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise StateFileError(
                    f"{lock_path}: another process has held this lock for {LOCK_TIMEOUT_SECONDS:g} s; "
                    "nothing was saved. If no mlcareer is running, find the holder: "
                    f"fuser {_quoted(str(lock_path))}"
                ) from None
            time.sleep(0.05)


def _release(lock: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        lock.seek(0)
        msvcrt.locking(lock.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
