"""Where mlcareer keeps the user's files: platformdirs' folders, the overrides, and the lock."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

import pytest

from ml_career.advisor import state
from ml_career.dataset import cache


def test_overrides_win(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MLCAREER_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(tmp_path / "cache"))
    assert state.user_data_dir() == tmp_path / "home"
    assert cache.cache_dir() == tmp_path / "cache"


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")
def test_xdg_folders_are_honoured_on_linux(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MLCAREER_HOME")
    monkeypatch.delenv("MLCAREER_CACHE_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert state.user_data_dir() == tmp_path / "data" / "mlcareer"
    assert cache.cache_dir() == tmp_path / "cache" / "mlcareer"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert state.user_data_dir() == Path.home() / ".local" / "share" / "mlcareer"
    assert cache.cache_dir() == Path.home() / ".cache" / "mlcareer"


def test_the_windows_lock_takes_and_releases_the_first_byte(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The msvcrt branch, run here with a stand-in msvcrt that records what it is asked."""
    calls: list[tuple[str, int, int]] = []

    def locking(descriptor: int, mode: int, length: int) -> None:
        position = os.lseek(descriptor, 0, os.SEEK_CUR)
        calls.append(("lock" if mode == 1 else "unlock", position, length))

    monkeypatch.setitem(sys.modules, "msvcrt", types.SimpleNamespace(LK_LOCK=1, LK_UNLCK=0, locking=locking))
    monkeypatch.setattr(state.sys, "platform", "win32")
    path = tmp_path / "state.json"
    state.update_state(lambda saved: saved["careers"].update({"ml": {"deep-learning": "done"}}), path)
    assert calls == [("lock", 0, 1), ("unlock", 0, 1)]
    assert state.read_state(path)["careers"] == {"ml": {"deep-learning": "done"}}


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_folders_come_from_platformdirs(monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    import platformdirs

    from ml_career import places

    monkeypatch.delenv("MLCAREER_HOME")
    monkeypatch.delenv("MLCAREER_CACHE_DIR")
    monkeypatch.setattr(places.sys, "platform", platform)
    asked: list[tuple[str, dict[str, object]]] = []

    def folder(kind: str) -> object:
        def path(name: str, **options: object) -> str:
            asked.append((name, options))
            return f"/{kind}/{name}"

        return path

    monkeypatch.setattr(platformdirs, "user_data_dir", folder("data"))
    monkeypatch.setattr(platformdirs, "user_cache_dir", folder("cache"))
    assert places.user_data_folder() == "/data/mlcareer"
    assert places.cache_folder() == "/cache/mlcareer"
    assert asked == [("mlcareer", {"appauthor": False, "roaming": True}), ("mlcareer", {"appauthor": False})]
