"""A save interrupted at any point leaves the old file or the new one, and nothing beside them."""

from __future__ import annotations

import os
import signal
import stat
import tempfile
from pathlib import Path

import pytest

from ml_career import atomic
from ml_career.atomic import ReadOnlyFile, Terminated, write_atomically

pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="signal masks are POSIX")


@pytest.fixture(autouse=True)
def _signals_as_a_run_has_them() -> None:
    # A handler someone else installed is left alone by the write, and would get these signals instead.
    for signum, expected in ((signal.SIGTERM, signal.SIG_DFL), (signal.SIGHUP, signal.SIG_DFL)):
        if signal.getsignal(signum) is not expected:
            pytest.skip("the test runner handles SIGTERM or SIGHUP itself")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of its own (tmp_path also holds the isolated home)."""
    made = tmp_path / "saves"
    made.mkdir()
    return made


def _left_beside(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_signal_while_the_temporary_file_is_made_cannot_leave_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window the clean-up used to miss: the file exists, its name is not known yet."""
    made = tempfile.mkstemp

    def made_then_signalled(*args: object, **kwargs: object) -> tuple[int, str]:
        result = made(*args, **kwargs)  # type: ignore[call-overload]
        os.kill(os.getpid(), signal.SIGTERM)  # lands before mkstemp has even returned the name
        return result  # type: ignore[no-any-return]

    monkeypatch.setattr(atomic.tempfile, "mkstemp", made_then_signalled)
    target = folder / "state.json"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(Terminated) as ended:
        write_atomically(target, "new\n")
    assert ended.value.code == 128 + signal.SIGTERM
    assert _left_beside(folder) == ["state.json"]
    assert target.read_text(encoding="utf-8") == "old\n"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_between_the_write_and_the_rename_removes_the_temporary_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    if signum == signal.SIGINT and signal.getsignal(signum) is not signal.default_int_handler:
        pytest.skip("Ctrl-C is ignored here (a job started in the background by a shell)")
    renamed = os.replace

    def signalled_then_renamed(source: str, target: Path) -> None:
        os.kill(os.getpid(), signum)
        renamed(source, target)

    monkeypatch.setattr(atomic.os, "replace", signalled_then_renamed)
    target = folder / "plan.md"
    with pytest.raises((Terminated, KeyboardInterrupt)):
        write_atomically(target, "new\n")
    assert _left_beside(folder) == []


def test_a_private_file_is_for_its_owner_alone_whatever_the_umask(folder: Path) -> None:
    old = os.umask(0)
    try:
        write_atomically(folder / "state.json", "{}", private=True)
        write_atomically(folder / "plan.md", "# plan\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((folder / "state.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((folder / "plan.md").stat().st_mode) == 0o666  # an export keeps the umask's choice


def test_a_read_only_file_is_refused_and_kept(folder: Path) -> None:
    kept = folder / "notes.md"
    kept.write_text("mine\n", encoding="utf-8")
    kept.chmod(0o444)
    with pytest.raises(ReadOnlyFile):
        write_atomically(kept, "replaced\n")
    assert kept.read_text(encoding="utf-8") == "mine\n" and _left_beside(folder) == ["notes.md"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_the_cache_key_is_made_removes_the_temporary_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    """The key file beside the state (cache.key) is made once, on the first run: a signal then leaves nothing."""
    linked = os.link

    def signalled_then_linked(source: str, target: Path) -> None:
        os.kill(os.getpid(), signum)
        linked(source, target)

    monkeypatch.setattr(atomic.os, "link", signalled_then_linked)
    with pytest.raises(Terminated):
        atomic.write_new(folder / "cache.key", b"key\n")
    assert _left_beside(folder) == []


def test_a_new_file_is_private_and_never_replaces_one(folder: Path) -> None:
    atomic.write_new(folder / "cache.key", b"first\n")
    with pytest.raises(FileExistsError):
        atomic.write_new(folder / "cache.key", b"second\n")
    assert (folder / "cache.key").read_bytes() == b"first\n"
    assert stat.S_IMODE((folder / "cache.key").stat().st_mode) == 0o600
    assert _left_beside(folder) == ["cache.key"]
