"""The process entry point, kept tiny: it runs before anything else is imported.

A Ctrl-C while Python is still importing the command line would otherwise end
in a KeyboardInterrupt traceback. Until the command starts to run there is
nothing to clean up, so an interrupt then simply exits 130.
"""

# The C module: `signal` itself first imports enum, which (without cached bytecode)
# takes long enough for an early Ctrl-C to land before the handler is in place.
import gc
import signal
import sys

from ml_career import interrupted_while_starting


def install_startup_interrupt_handler() -> None:
    signal.signal(signal.SIGINT, interrupted_while_starting)


def run() -> None:
    """The console script and `python -m ml_career`: exit with the command's code."""
    # A run lives for a fraction of a second and reference counting frees what it
    # drops. The cyclic collector would only run dozens of passes over the objects
    # that importing Typer, Rich and pydantic creates: about a tenth of start-up.
    gc.disable()
    install_startup_interrupt_handler()
    from ml_career.cli.app import run as run_command

    try:
        code = run_command()
    finally:
        # Shutdown still makes one full collection, disabled or not, over every object
        # the run created; frozen objects are left out of it. That pass took longer
        # than the query itself after a validating run.
        gc.freeze()
    sys.exit(code)
