"""Finding, reading, parsing and validating a career data file.

This is the one boundary where data enters: whatever leaves `load_career` has
passed the models and the reference checks, either just now or - for a file
whose bytes have not changed since - on an earlier run (see cache).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ml_career.dataset import cache
from ml_career.errors import DataFileError, Problem

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

BUNDLED_FILE_NAME = "ml_engineer.toml"
DATA_ENV_VAR = "MLCAREER_DATA"

_PACKAGE = Path(__file__).resolve().parent.parent
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")


def bundled_data_path() -> Path:
    """The bundled data: inside the package when installed from a wheel, in data/ in a checkout."""
    installed = _PACKAGE / "_data" / BUNDLED_FILE_NAME
    if installed.is_file():
        return installed
    return _PACKAGE.parent / "data" / BUNDLED_FILE_NAME


def resolve_data_path(option: Path | None = None) -> Path:
    """The data file to use: --data, else $MLCAREER_DATA, else the bundled one."""
    if option is not None:
        return option
    if configured := os.environ.get(DATA_ENV_VAR):
        return Path(configured)  # the environment cannot hold a NUL byte
    return bundled_data_path()


def load_career(path: Path | None = None) -> CareerData:
    """The validated career data from `path` (see resolve_data_path)."""
    data_file = resolve_data_path(path)
    try:
        raw = read_data_file(data_file)
    except DataFileError as error:
        if path is None and os.environ.get(DATA_ENV_VAR):
            # Name the variable: the user may have forgotten it is set.
            error.problems.append(
                Problem("", f"this file is named by {DATA_ENV_VAR}; unset it to use the bundled data")
            )
        raise
    key = cache.cache_key(raw)
    cached = cache.read_validated(data_file, key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]  # records shaped like CareerData
    career = validate_document(data_file, parse_document(data_file, raw))
    payload = cache.section_lines(career.model_dump(mode="json"))
    cache.store_validated(data_file, key, payload)
    # Hand out the same kind of records a cached run does, so that every command
    # behaves the same whether or not this run had to validate.
    return cache.as_records(payload)  # type: ignore[return-value]  # records shaped like CareerData


def check_data_file(data_file: Path) -> CareerData:
    """Validate `data_file` in full, cache or no cache: for data authors."""
    return validate_document(data_file, parse_document(data_file, read_data_file(data_file)))


def read_data_file(data_file: Path) -> bytes:
    """The file's bytes, or a DataFileError that says plainly why not."""
    try:
        raw = data_file.read_bytes()
    except FileNotFoundError:
        raise DataFileError(data_file, [Problem("", "no such file")]) from None
    except IsADirectoryError:
        raise DataFileError(data_file, [Problem("", "is a directory, not a data file")]) from None
    except PermissionError:
        raise DataFileError(data_file, [Problem("", "permission denied")]) from None
    except OSError as error:
        raise DataFileError(data_file, [Problem("", error.strerror or str(error))]) from None
    if not raw.strip():
        raise DataFileError(data_file, [Problem("", "the file is empty")])
    return raw


def parse_document(data_file: Path, raw: bytes) -> dict[str, Any]:
    """Decode UTF-8 and parse TOML (or JSON, for a .json file)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})"
        raise DataFileError(data_file, [Problem("", message, line)]) from None
    if data_file.suffix.lower() == ".json":
        return _parse_json(data_file, text)
    return _parse_toml(data_file, text)


def _parse_toml(data_file: Path, text: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line: int | None = None
        if position := _TOML_POSITION.search(message):
            line = int(position.group(1))
            message = message[: position.start()]
        elif ending := _TOML_END.search(message):
            line = text.count("\n") + 1
            message = message[: ending.start()] + " at the end of the file"
        raise DataFileError(data_file, [Problem("", f"invalid TOML: {message}", line)]) from None


def _parse_json(data_file: Path, text: str) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataFileError(data_file, [Problem("", f"invalid JSON: {error.msg}", error.lineno)]) from None
    if not isinstance(document, dict):
        raise DataFileError(data_file, [Problem("", "the top level must be an object")])
    return document


def validate_document(data_file: Path, document: dict[str, Any]) -> CareerData:
    """The document as models, or a DataFileError listing every problem."""
    from pydantic import ValidationError

    from ml_career.dataset.integrity import reference_problems
    from ml_career.dataset.models import CareerData

    try:
        career = CareerData.model_validate(document)
    except ValidationError as error:
        raise DataFileError(data_file, validation_problems(error)) from None
    if problems := reference_problems(career):
        raise DataFileError(data_file, problems)
    return career


def validation_problems(error: Any) -> list[Problem]:
    """A pydantic ValidationError as `field.path: message` problems."""
    problems = []
    for detail in error.errors(include_url=False):
        where = ".".join(str(part) for part in detail["loc"])
        message = detail["msg"]
        if detail["type"] == "extra_forbidden":
            message = "unknown field (not part of the schema; check its spelling)"
        elif detail["type"] == "missing":
            message = "required field is missing"
        elif "input" in detail and detail["type"] not in ("model_type", "dict_type"):
            message = f"{message} (got {_short(detail['input'])})"
        problems.append(Problem(where, message))
    return problems


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
