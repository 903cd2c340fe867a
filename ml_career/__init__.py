"""mlcareer: the Machine Learning Engineer career advisor for the terminal."""

import os as _os
import sys as _sys


def interrupted_while_starting(signum: int, frame: object) -> None:
    """Ctrl-C before a command runs: nothing to clean up, so say so and exit 130 (see entry.py)."""
    _os.write(2, b"mlcareer: interrupted\n")
    _os._exit(130)


# When this process is mlcareer itself, catch Ctrl-C from the first line that can.
# `_signal` is the interpreter's own module: `signal` would first import enum and
# collections, long enough for an early Ctrl-C to end in a traceback. Other
# programs importing the package keep their own handling.
if _sys.argv[:1] and (
    _sys.argv[0].rsplit("/", 1)[-1].rsplit("\\", 1)[-1].split(".")[0] == "mlcareer"
    or _sys.orig_argv[-len(_sys.argv) - 2 : -len(_sys.argv)] == ["-m", "ml_career"]
):
    import _signal  # type: ignore[import-not-found]  # no stubs: a builtin of CPython

    _signal.signal(_signal.SIGINT, interrupted_while_starting)
