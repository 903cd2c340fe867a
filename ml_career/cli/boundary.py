"""The error boundary: every way a run can end becomes a message and an exit code.

Known errors print one or two lines to stderr. A closed pipe ends quietly, Ctrl-C
exits 130, and an unexpected error prints one line and the MLCAREER_DEBUG hint
instead of a traceback. (A Ctrl-C before the command line is imported is
entry.py's business.)
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from ml_career.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, MlCareerError, OutputError
from ml_career.render.messages import PROG_NAME

__all__ = ["PROG_NAME", "guarded", "prepare_process"]

DEBUG_ENV_VAR = "MLCAREER_DEBUG"


_process: list[bool] = []  # set when mlcareer owns the process (the console script), not a test runner


def prepare_process() -> None:
    """Before a command runs as its own process: closed standard streams reserved, output that
    cannot fail on encoding, and write errors on stdout reported as OutputError."""
    _reserve_closed_standard_streams()
    _degrade_unencodable_output()
    sys.stdout = _Output(sys.stdout)
    _process.append(True)


_interrupts: list[int] = []


def _on_interrupt(signum: int, frame: object) -> None:
    # Remember it: a library may catch the KeyboardInterrupt and raise its own error
    # instead (pydantic reports one inside schema building as a SchemaError).
    _interrupts.append(signum)
    raise KeyboardInterrupt


def _interrupt_where_it_cannot_propagate(unraisable: Any, pass_on: Callable[[Any], None]) -> None:
    """A Ctrl-C that lands in a callback (an import lock's weakref, a `__del__`) cannot unwind.

    Python would print it as "Exception ignored in ..." with a traceback and go on
    running as if no Ctrl-C had come. Such callbacks run while modules load, before
    anything is written, so the run ends here as an interrupted run does.
    """
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        pass_on(unraisable)
        return
    _report(["interrupted"])
    os._exit(EXIT_INTERRUPTED)


def guarded(run: Callable[[], Any]) -> int:
    """Call `run` (the parsed command) and turn whatever it raises into an exit code."""
    import typer

    try:
        if _process:
            # From here on a Ctrl-C is a KeyboardInterrupt again (see entry.py), caught just below,
            # so that a write in progress finishes or is rolled back before the command exits 130.
            signal.signal(signal.SIGINT, _on_interrupt)
            pass_on = sys.unraisablehook
            sys.unraisablehook = lambda unraisable: _interrupt_where_it_cannot_propagate(unraisable, pass_on)
        result = run()
    except KeyboardInterrupt:
        _report(["interrupted"])
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_closed_stdout()
        return EXIT_OK
    except SystemExit as exit:
        # Typer meets a closed pipe with sys.exit(1); a reader going away is no error here.
        if isinstance(exit.__context__, BrokenPipeError):
            _silence_closed_stdout()
            return EXIT_OK
        raise
    except OutputError as error:
        _report(error.lines())
        _silence_closed_stdout()  # what is still buffered must not fail again at exit
        return error.exit_code
    except MlCareerError as error:
        _report(error.lines())
        return error.exit_code
    except typer.Abort:
        # Typer raises Abort when a prompt's input ends (Ctrl-D or a closed stdin).
        _report(["input ended before every answer was given"])
        return EXIT_ERROR
    except typer.TyperException as error:  # click's UsageError family: bad commands, options, values
        from ml_career.cli.usage import usage_lines

        _report(usage_lines(error, PROG_NAME))
        return int(getattr(error, "exit_code", EXIT_USAGE))
    except Exception as error:
        if _interrupts:
            _report(["interrupted"])
            return EXIT_INTERRUPTED
        if os.environ.get(DEBUG_ENV_VAR):
            raise
        _report([f"unexpected error: {type(error).__name__}: {error}", f"Set {DEBUG_ENV_VAR}=1 to see the traceback."])
        return EXIT_ERROR
    if result == EXIT_INTERRUPTED:  # Typer turns a Ctrl-C inside a command into Exit(130)
        _report(["interrupted"])
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_closed_stdout()
    except OutputError as error:
        _report(error.lines())
        _silence_closed_stdout()
        return error.exit_code
    return result if isinstance(result, int) else EXIT_OK


def _report(lines: list[str]) -> None:
    from ml_career.render.messages import say

    say(lines)


class _Output:
    """Standard output as one guarded writer: every byte is written, or the run says why not.

    Text is encoded here and written straight to the descriptor (streams.write_all),
    so a short write (a `ulimit -f`, a full disk) is an OutputError, not a document
    cut short with exit 0. `buffer` takes bytes the same way: an export's UTF-8
    goes out as it is, whatever the terminal's encoding. A closed pipe stays a
    BrokenPipeError: a reader going away is no error.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        stream.flush()  # anything written before this wrapper must come out first
        self.buffer = _BinaryOutput(self)

    def write(self, text: str) -> int:
        if sys.platform == "win32":  # a console takes text through its own stream: raw bytes would be garbled
            try:
                self._stream.write(text)
                self._stream.flush()
            except BrokenPipeError:
                raise
            except (OSError, ValueError, AttributeError) as error:
                raise OutputError(getattr(error, "strerror", None) or "standard output is closed") from None
            return len(text)
        encoding = getattr(self._stream, "encoding", None) or "utf-8"
        self.write_bytes(text.encode(encoding, "replace"))
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        from ml_career.streams import reason, write_all

        try:
            write_all(self._stream.fileno(), data)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(reason(error)) from None
        except (ValueError, AttributeError):
            raise OutputError("standard output is closed") from None

    def flush(self) -> None:
        pass  # nothing is held back: each write reached the descriptor whole

    def isatty(self) -> bool:
        try:
            return bool(self._stream.isatty())
        except (OSError, ValueError, AttributeError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _BinaryOutput:
    """`sys.stdout.buffer` for the guarded writer: bytes through the same checks."""

    def __init__(self, output: _Output) -> None:
        self._output = output

    def write(self, data: bytes) -> int:
        self._output.write_bytes(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _reserve_closed_standard_streams() -> None:
    """Give a closed stdin, stdout or stderr /dev/null, so no file opened later takes its number.

    Otherwise the state file, opened while stdout is closed, would become descriptor 1.
    A closed stdin reads as empty; output to a closed stdout is an error, reported.
    """
    for descriptor, mode in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY)):
        try:
            os.fstat(descriptor)
        except OSError:
            try:
                opened = os.open(os.devnull, mode)
            except OSError:
                continue
            if opened != descriptor:
                os.dup2(opened, descriptor)
                os.close(opened)
            if descriptor == 0:
                sys.stdin = open(0, encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
            elif descriptor == 2:
                sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
            else:
                sys.stdout = _ClosedOutput()


class _ClosedOutput:
    """Standard output when the shell closed it (`mlcareer salary >&-`)."""

    encoding = "utf-8"
    errors = "replace"

    def write(self, text: str) -> int:
        if text:
            raise OutputError("standard output is closed")
        return 0

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError("standard output is closed")


def _degrade_unencodable_output() -> None:
    """On an ASCII or Latin-1 terminal, print '?' for what it cannot show rather than crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def _silence_closed_stdout() -> None:
    # The reader went away (`mlcareer skills | head -1`). Point stdout at devnull
    # so the interpreter's final flush cannot raise a second BrokenPipeError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
