"""The user's saved state: where it lives, and reading and changing it safely.

Every change happens under an exclusive lock, re-reads the file, and writes
the result atomically, so concurrent commands keep every write and a crash
mid-write leaves the old file whole. A file that cannot be parsed is never
overwritten: the user is told how to recover it.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ml_career import places
from ml_career.errors import StateFileError
from ml_career.reading import read_limited

STATE_VERSION = 1
HOME_ENV_VAR = places.HOME_ENV_VAR
STATE_FILE_NAME = "state.json"


def user_data_dir() -> Path:
    """MLCAREER_HOME, else the platform's folder for user data (XDG_DATA_HOME on Linux)."""
    try:
        return places.user_data_dir()
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
    try:
        text = read_limited(path).decode("utf-8")
    except FileNotFoundError:
        return _empty()
    except UnicodeDecodeError:
        raise _unreadable(path, "not UTF-8 text") from None
    except OSError as error:
        raise _unreadable(path, error.strerror or str(error)) from None
    return _parse(path, text)


def update_state(change: Callable[[dict[str, Any]], None], path: Path | None = None) -> dict[str, Any]:
    """Apply `change` to the saved state under a lock and save it atomically; return the result."""
    path = path or state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StateFileError(f"{path.parent}: cannot create the folder for saved progress: {error.strerror}") from None
    from ml_career.atomic import write_atomically

    with _locked(path):
        state = read_state(path)
        change(state)
        try:
            write_atomically(path, json.dumps(state, indent=2, sort_keys=True) + "\n")
        except OSError as error:
            raise StateFileError(
                f"{path}: cannot save: {error.strerror or error}.\n"
                f"Check that you own the folder and may write to it: ls -ld {_quoted(str(path.parent))}"
            ) from None
    return state


def _empty() -> dict[str, Any]:
    return {"schema_version": STATE_VERSION, "careers": {}}


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        state = json.loads(text)
    except RecursionError:
        raise _unreadable(path, "not an mlcareer state file (nested too deeply)") from None
    except ValueError as error:
        raise _unreadable(path, f"not valid JSON ({error})") from None
    if not isinstance(state, dict):
        raise _unreadable(path, "not an mlcareer state file")
    version = state.get("schema_version")
    if type(version) is not int or version != STATE_VERSION:  # True == 1, but is no version
        if type(version) is int and STATE_VERSION < version <= 1000:  # beyond that, a number typed by hand
            raise StateFileError(
                f"{path}: written by a newer mlcareer (state version {version}); upgrade mlcareer to use it"
            )
        raise _unreadable(path, f"unknown state version {_short(version)}")
    if (problem := _shape_problem(state)) is not None:
        raise _unreadable(path, f"not an mlcareer state file ({problem})")
    return state


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
    return None


def _quoted(text: str) -> str:
    """`text` as one shell word, always in single quotes (a quote inside is closed, escaped, reopened)."""
    return "'" + text.replace("'", "'\\''") + "'"


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
        _acquire(lock)
        try:
            yield
        finally:
            _release(lock)


def _open_lock(lock_path: Path) -> IO[bytes]:
    """The lock file, opened; or a StateFileError naming it and saying how to fix it."""
    quoted = _quoted(str(lock_path))
    try:
        return open(lock_path, "a+b")
    except IsADirectoryError:
        raise StateFileError(
            f"{lock_path}: is a directory, so saved progress cannot be locked. Remove it: rmdir {quoted}"
        ) from None
    except PermissionError:
        pass
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


def _acquire(lock: IO[bytes]) -> None:
    if sys.platform == "win32":  # msvcrt locks bytes, not files: one byte at offset 0 stands for the file
        import msvcrt

        lock.seek(0)
        msvcrt.locking(lock.fileno(), msvcrt.LK_LOCK, 1)
    else:
        import fcntl

        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)


def _release(lock: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        lock.seek(0)
        msvcrt.locking(lock.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
