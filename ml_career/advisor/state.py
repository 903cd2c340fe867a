"""The user's saved state: where it lives, and reading and changing it safely.

Every change happens under an exclusive lock, re-reads the file, and writes
the result atomically, so concurrent commands keep every write and a crash
mid-write leaves the old file whole. A file that cannot be parsed is never
overwritten: the user is told how to recover it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ml_career.errors import StateFileError

STATE_VERSION = 1
HOME_ENV_VAR = "MLCAREER_HOME"
STATE_FILE_NAME = "state.json"


def user_data_dir() -> Path:
    """MLCAREER_HOME, else the platform's folder for user data, as platformdirs knows it
    (XDG_DATA_HOME or ~/.local/share on Linux, Application Support on macOS, the roaming
    AppData folder on Windows)."""
    if configured := os.environ.get(HOME_ENV_VAR):
        return Path(configured)
    from platformdirs import user_data_path

    return user_data_path("mlcareer", appauthor=False, roaming=True)


def state_file() -> Path:
    return user_data_dir() / STATE_FILE_NAME


def read_state(path: Path | None = None) -> dict[str, Any]:
    """The saved state, or an empty one when nothing has been saved yet."""
    path = path or state_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _empty()
    except (OSError, UnicodeDecodeError) as error:
        raise _unreadable(path, str(error)) from None
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
            raise StateFileError(f"{path}: cannot save: {error.strerror or error}") from None
    return state


def _empty() -> dict[str, Any]:
    return {"schema_version": STATE_VERSION, "careers": {}}


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        state = json.loads(text)
    except ValueError as error:
        raise _unreadable(path, f"not valid JSON ({error})") from None
    if (
        not isinstance(state, dict)
        or not isinstance(state.get("careers"), dict)
        or not isinstance(state.get("rungs", {}), dict)
    ):
        raise _unreadable(path, "not an mlcareer state file")
    version = state.get("schema_version")
    if version != STATE_VERSION:
        if isinstance(version, int) and version > STATE_VERSION:
            raise StateFileError(
                f"{path}: written by a newer mlcareer (state version {version}); upgrade mlcareer to use it"
            )
        raise _unreadable(path, f"unknown state version {version!r}")
    return state


def _unreadable(path: Path, reason: str) -> StateFileError:
    return StateFileError(
        f"{path}: cannot be read: {reason}.\n"
        f"It has been left untouched. Fix it by hand, or move it aside to start afresh: mv '{path}' '{path}.bak'"
    )


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on a companion file, held while the state is read and replaced."""
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+b") as lock:
        _acquire(lock)
        try:
            yield
        finally:
            _release(lock)


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
