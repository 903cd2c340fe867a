"""mlcareer: the Machine Learning Engineer career advisor for the terminal."""

import sys as _sys

# When this process is mlcareer itself, catch Ctrl-C from the first line that can:
# see entry.py. Other programs importing the package keep their own handling.
if _sys.argv[:1] and (
    _sys.argv[0].rsplit("/", 1)[-1].rsplit("\\", 1)[-1].split(".")[0] == "mlcareer"
    or _sys.orig_argv[-len(_sys.argv) - 2 : -len(_sys.argv)] == ["-m", "ml_career"]
):
    from ml_career.entry import install_startup_interrupt_handler

    install_startup_interrupt_handler()
