"""`validate`'s answer: is a data file usable, and if not, every problem in it."""

from pathlib import Path
from typing import Any, NamedTuple

from ml_career.errors import DataFileError, Problem


class ValidationReport(NamedTuple):
    file: str  # the name as text: each byte that is not UTF-8 written \xNN (see file_bytes)
    valid: bool
    problems: list[Problem]
    problem_lines: list[str]  # each problem as FILE:LINE: field.path: message
    title: str | None
    counts: dict[str, int]
    # The name's bytes in hex where they are not UTF-8, so `file` alone cannot give them back;
    # None where `file` is the name exactly.
    file_bytes: str | None = None


def file_name_fields(path: Path) -> tuple[str, str | None]:
    """(name as text, its bytes in hex or None): lossless for any name the system allows."""
    import os

    name = str(path)
    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace"), raw.hex()


def validation_report(file: Path | None, data_option: Path | None = None) -> ValidationReport:
    """Check `file` (default: the data file in use) with the loader's own rules."""
    from ml_career.dataset.loading import check_data_file, resolve_data_path
    from ml_career.dataset.summary import data_summary

    data_file = file or resolve_data_path(data_option)
    name, name_bytes = file_name_fields(data_file)
    try:
        career = check_data_file(data_file)
    except DataFileError as error:
        return ValidationReport(name, False, list(error.problems), error.lines(), None, {}, name_bytes)
    return ValidationReport(name, True, [], [], career.career.title, data_summary(career), name_bytes)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a data file, for editors."""
    from ml_career.dataset.models import CareerData

    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **CareerData.model_json_schema()}
