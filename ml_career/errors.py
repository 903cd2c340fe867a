"""The errors mlcareer reports to people, and the exit codes they map to."""

from pathlib import Path
from typing import NamedTuple

from ml_career.text_safety import printable

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class MlCareerError(Exception):
    """An error with a message fit for the user; the CLI prints it and exits."""

    exit_code = EXIT_ERROR

    def lines(self) -> list[str]:
        return str(self).splitlines()


class UsageError(MlCareerError):
    """The user asked for something that does not exist (a level, a skill...)."""

    exit_code = EXIT_USAGE


class Problem(NamedTuple):
    """One thing wrong with a data file: where (a dotted field path) and what."""

    where: str
    message: str
    line: int | None = None

    def describe(self, file: Path | str) -> str:
        # Each part may hold data as typed (a file name, an unknown key): shown, never sent raw.
        place = f"{file}:{self.line}" if self.line is not None else str(file)
        text = f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        return printable(text, single_line=True)


class DataFileError(MlCareerError):
    """A data file that cannot be used, with every problem found in it."""

    def __init__(self, file: Path | str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(problems[0].describe(file) if problems else str(file))

    def lines(self) -> list[str]:
        return [problem.describe(self.file) for problem in self.problems]


class OutputError(MlCareerError):
    """Standard output cannot be written: closed, or on a full disk."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"cannot write the output: {reason}")


class StateFileError(MlCareerError):
    """The user's saved state cannot be read; it is left untouched."""
