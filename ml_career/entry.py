"""The process entry point, kept tiny: it runs before anything else is imported.

A Ctrl-C while Python is still importing the command line would otherwise end
in a KeyboardInterrupt traceback. Until the command starts to run there is
nothing to clean up, so an interrupt then simply exits 130.

A shell asking for completion candidates is answered from the completion index
when it can be (cli/instant_completion.py), before Typer is imported at all. The
completion scripts may call this module's `run` directly, with `python -S`.
"""

import gc
import os
import sys

from ml_career import interrupted_while_starting


def install_startup_interrupt_handler() -> None:
    # The interpreter's own module: `signal` would import enum first (see ml_career/__init__.py).
    import _signal  # type: ignore[import-not-found]  # no stubs: a builtin of CPython

    _signal.signal(_signal.SIGINT, interrupted_while_starting)


def run() -> None:
    """The console script and `python -m ml_career`: exit with the command's code."""
    install_startup_interrupt_handler()
    make_completion_index = False
    from ml_career.cli.commands import COMPLETE_VAR

    if COMPLETE_VAR in os.environ:
        from ml_career.cli import instant_completion

        answered = instant_completion.answer()
        if answered == instant_completion.ANSWERED:
            # Every byte of the answer went out through os.write, and nothing else was opened,
            # buffered or registered to run at exit: ending here skips the interpreter's
            # finalization, which cost a TAB more than everything it had done (about 1.4 ms).
            os._exit(0)
        if answered == instant_completion.FAILED:
            import contextlib  # only here: it costs a TAB more than answering does

            with contextlib.suppress(OSError):
                os.write(2, b"mlcareer: the completion candidates could not all be written to stdout\n")
            sys.exit(1)
        make_completion_index = answered == instant_completion.STALE
        if sys.flags.no_site:
            # Asked directly by a completion script (cli/shell.py), which skips `site` for speed:
            # Typer is to answer, and finds its libraries as the console script would.
            import site

            site.main()
    # A run lives for a fraction of a second and reference counting frees what it
    # drops. The cyclic collector would only run dozens of passes over the objects
    # that importing Typer, Rich and pydantic creates: about a tenth of start-up.
    gc.disable()
    from ml_career.cli.app import app
    from ml_career.cli.app import run as run_command

    try:
        code = run_command()
    finally:
        if make_completion_index:
            # Typer has answered; make the index, so that the next request need not ask it.
            from ml_career.cli.completion_index import store_for_default_data

            store_for_default_data(app)
        # Shutdown still makes one full collection, disabled or not, over every object
        # the run created; frozen objects are left out of it. That pass took longer
        # than the query itself after a validating run.
        gc.freeze()
    sys.exit(code)
