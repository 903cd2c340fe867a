"""Where mlcareer keeps what it writes: the user's data folder and the cache folder.

Both follow the platform's conventions. On Windows and macOS the folders come
from platformdirs, which knows them properly (Windows' known folders, not only
environment variables). On Linux they follow the XDG base directory spec here,
as platformdirs does, with one rule platformdirs does not apply: a relative
XDG_DATA_HOME or XDG_CACHE_HOME is invalid and must be ignored, since a relative
path would put files wherever the command happens to run. Linux runs so skip
importing platformdirs, which every run would otherwise pay for (the cache
folder is looked up on each one).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HOME_ENV_VAR = "MLCAREER_HOME"
CACHE_ENV_VAR = "MLCAREER_CACHE_DIR"


class NoHome(Exception):
    """Neither HOME nor the password database says where the user's home folder is."""


def _home() -> Path:
    try:
        return Path.home()
    except (RuntimeError, KeyError):
        raise NoHome from None


def _xdg(variable: str, fallback: str) -> Path:
    configured = os.environ.get(variable, "")
    return Path(configured) if os.path.isabs(configured) else _home() / fallback


def user_data_dir() -> Path:
    """MLCAREER_HOME, else the platform's folder for user data (XDG_DATA_HOME on Linux); may raise NoHome."""
    if configured := os.environ.get(HOME_ENV_VAR):
        return Path(configured)
    if sys.platform in ("win32", "darwin"):
        from platformdirs import user_data_path

        return user_data_path("mlcareer", appauthor=False, roaming=True)
    return _xdg("XDG_DATA_HOME", ".local/share") / "mlcareer"


def cache_dir() -> Path:
    """MLCAREER_CACHE_DIR, else the platform's cache folder (XDG_CACHE_HOME on Linux); may raise NoHome."""
    if configured := os.environ.get(CACHE_ENV_VAR):
        return Path(configured)
    if sys.platform in ("win32", "darwin"):
        from platformdirs import user_cache_path

        return user_cache_path("mlcareer", appauthor=False)
    return _xdg("XDG_CACHE_HOME", ".cache") / "mlcareer"
