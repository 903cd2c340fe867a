"""`validate`'s answer: is a data file usable, and if not, every problem in it."""

from pathlib import Path
from typing import Any, NamedTuple

from ml_career.errors import DataFileError, Problem


class ValidationReport(NamedTuple):
    file: str
    valid: bool
    problems: list[Problem]
    problem_lines: list[str]  # each problem as FILE:LINE: field.path: message
    title: str | None
    counts: dict[str, int]


def validation_report(file: Path | None, data_option: Path | None = None) -> ValidationReport:
    """Check `file` (default: the data file in use) with the loader's own rules."""
    from ml_career.dataset.loading import check_data_file, resolve_data_path
    from ml_career.dataset.summary import data_summary

    data_file = file or resolve_data_path(data_option)
    try:
        career = check_data_file(data_file)
    except DataFileError as error:
        return ValidationReport(str(data_file), False, list(error.problems), error.lines(), None, {})
    return ValidationReport(str(data_file), True, [], [], career.career.title, data_summary(career))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a data file, for editors."""
    from ml_career.dataset.models import CareerData

    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **CareerData.model_json_schema()}
