"""Where mlcareer keeps what it writes: the user's data folder and the cache folder.

Both follow the platform's conventions. On Windows and macOS the folders come
from platformdirs, which knows them properly (Windows' known folders, not only
environment variables). On Linux they follow the XDG base directory spec here,
as platformdirs does, with one rule platformdirs does not apply: a relative
XDG_DATA_HOME or XDG_CACHE_HOME is invalid and must be ignored, since a relative
path would put files wherever the command happens to run. Linux runs so skip
importing platformdirs, which every run would otherwise pay for (the cache
folder is looked up on each one).

Folders are plain strings and this module imports nothing beyond os and sys:
the completion fast path (cli/instant_completion.py) finds the cache folder
before anything else is imported.
"""

import os
import sys

HOME_ENV_VAR = "MLCAREER_HOME"
CACHE_ENV_VAR = "MLCAREER_CACHE_DIR"


class NoHome(Exception):
    """Neither HOME nor the password database says where the user's home folder is."""


def _home() -> str:
    """HOME when it names a folder from the root, else the password database's home folder.

    An empty HOME would put mlcareer's files under "/" (as `~` does), and a relative
    one wherever the command happens to run: neither says where the home folder is.
    """
    home = os.environ.get("HOME", "")
    if os.path.isabs(home):
        return home
    try:
        import pwd  # a builtin module: nothing to load

        home = pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError, AttributeError):  # no password database (Windows), or no entry for this user
        raise NoHome from None
    if not os.path.isabs(home):
        raise NoHome
    return home


def _xdg(variable: str, fallback: str) -> str:
    configured = os.environ.get(variable, "")
    return configured if os.path.isabs(configured) else os.path.join(_home(), fallback)


def user_data_folder() -> str:
    """MLCAREER_HOME, else the platform's folder for user data (XDG_DATA_HOME on Linux); may raise NoHome."""
    if configured := os.environ.get(HOME_ENV_VAR):
        return configured
    if sys.platform in ("win32", "darwin"):
        from platformdirs import user_data_dir

        return user_data_dir("mlcareer", appauthor=False, roaming=True)
    return os.path.join(_xdg("XDG_DATA_HOME", ".local/share"), "mlcareer")


def cache_folder() -> str:
    """MLCAREER_CACHE_DIR, else the platform's cache folder (XDG_CACHE_HOME on Linux); may raise NoHome."""
    if configured := os.environ.get(CACHE_ENV_VAR):
        return configured
    if sys.platform in ("win32", "darwin"):
        from platformdirs import user_cache_dir

        return user_cache_dir("mlcareer", appauthor=False)
    return os.path.join(_xdg("XDG_CACHE_HOME", ".cache"), "mlcareer")
