"""Finding, reading, parsing and validating a career data file.

This is the one boundary where data enters: whatever leaves `load_career` has
passed the models and the reference checks, either just now or - for a file
whose bytes have not changed since - on an earlier run (see cache).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ml_career import strict_json
from ml_career.dataset import cache, location
from ml_career.dataset.location import DATA_ENV_VAR
from ml_career.errors import DataFileError, Problem
from ml_career.reading import read_limited

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

# Patterns as text, compiled by `re` on first use: most runs read a valid file from the cache and use none.
_TOML_POSITION = r"\s*\(at line (\d+), column (\d+)\)\s*$"
_TOML_END = r"\s*\(at end of document\)\s*$"
# tomllib's work grows with the square of a dotted key's length: a 33 KB file with
# one long key took 1.5 GB. No real key needs more than a handful of parts.
MAX_KEY_DOTS = 64
_QUOTED = r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\''


def bundled_data_path() -> Path:
    """The bundled data: inside the package when installed from a wheel, in data/ in a checkout."""
    return Path(location.bundled_data_file())


def resolve_data_path(option: Path | None = None) -> Path:
    """The data file to use: --data, else $MLCAREER_DATA, else the bundled one."""
    return option if option is not None else Path(location.default_data_file())


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
    payload = cache.encode_sections(career.model_dump(mode="json"))
    cache.store_validated(data_file, key, payload)
    # Hand out the same kind of records a cached run does, so that every command
    # behaves the same whether or not this run had to validate.
    return cache.as_records(payload)  # type: ignore[return-value]  # records shaped like CareerData


def check_data_file(data_file: Path) -> CareerData:
    """Validate `data_file` in full, cache or no cache: for data authors."""
    return validate_document(data_file, parse_document(data_file, read_data_file(data_file)))


def read_data_file(data_file: Path) -> bytes:
    """The file's bytes, or a DataFileError that says plainly why not."""
    import errno

    try:
        raw = read_limited(data_file)
    except FileNotFoundError:
        raise DataFileError(data_file, [Problem("", "no such file")]) from None
    except IsADirectoryError:
        raise DataFileError(data_file, [Problem("", "is a directory, not a data file")]) from None
    except PermissionError:
        raise DataFileError(data_file, [Problem("", "permission denied")]) from None
    except OSError as error:
        reason = "a loop of symbolic links" if error.errno == errno.ELOOP else error.strerror or str(error)
        raise DataFileError(data_file, [Problem("", reason)]) from None
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
    # Some editors start UTF-8 files with a byte order mark, which neither parser accepts.
    text = text.removeprefix("\ufeff")
    if data_file.suffix.lower() == ".json":
        return _parse_json(data_file, text)
    return _parse_toml(data_file, text)


def _long_dotted_key_line(text: str) -> int | None:
    """The first line whose key has more than MAX_KEY_DOTS dots outside strings, if any."""
    if text.count(".") <= MAX_KEY_DOTS:
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if line.count(".") > MAX_KEY_DOTS and re.sub(_QUOTED, "", line).count(".") > MAX_KEY_DOTS:
            return number
    return None


@contextlib.contextmanager
def _long_numbers_allowed() -> Iterator[None]:
    """Parse integers of up to 20,000 digits, so the schema can name the field of one too long.

    The interpreter's own limit (4,300 digits) would stop the parser with no field
    named; no limit at all would let one huge number take minutes to convert.
    """
    previous = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(max(previous, 20_000) if previous else 0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(previous)


def _parse_toml(data_file: Path, text: str) -> dict[str, Any]:
    import tomllib

    if (long_key := _long_dotted_key_line(text)) is not None:
        message = f"a key with more than {MAX_KEY_DOTS} dotted parts; no data file needs so many"
        raise DataFileError(data_file, [Problem("", message, long_key)])
    try:
        with _long_numbers_allowed():
            return tomllib.loads(text)
    except RecursionError:
        raise DataFileError(data_file, [Problem("", "invalid TOML: nested too deeply")]) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line: int | None = None
        if position := re.search(_TOML_POSITION, message):
            line = int(position.group(1))
            message = message[: position.start()]
        elif ending := re.search(_TOML_END, message):
            line = text.count("\n") + 1
            message = message[: ending.start()] + " at the end of the file"
        raise DataFileError(data_file, [Problem("", f"invalid TOML: {message}", line)]) from None
    except ValueError:  # the only other thing tomllib raises: an integer too long to convert
        raise _number_too_long(data_file, text, "TOML") from None


def _parse_json(data_file: Path, text: str) -> dict[str, Any]:
    import json  # here, not for every run: importing json compiles its regular expressions

    try:
        with _long_numbers_allowed():
            document = strict_json.loads(text, parse_constant=_no_constant)
    except strict_json.RepeatedKey as repeated:
        problems = [Problem(where, "this key is given more than once; give each key once") for where in repeated.places]
        raise DataFileError(data_file, problems) from None
    except json.JSONDecodeError as error:
        raise DataFileError(data_file, [Problem("", f"invalid JSON: {error.msg}", error.lineno)]) from None
    except RecursionError:
        raise DataFileError(data_file, [Problem("", "invalid JSON: nested too deeply")]) from None
    except ValueError as error:  # NaN or Infinity, or an integer too long to convert
        if "NaN" in str(error) or "Infinity" in str(error):
            raise DataFileError(data_file, [Problem("", f"invalid JSON: {error}")]) from None
        raise _number_too_long(data_file, text, "JSON") from None
    if not isinstance(document, dict):
        raise DataFileError(data_file, [Problem("", "the top level must be an object")])
    return document


def _number_too_long(data_file: Path, text: str, kind: str) -> DataFileError:
    found = re.search(r"[0-9_]{4000,}", text)
    line = text.count("\n", 0, found.start()) + 1 if found else None
    return DataFileError(data_file, [Problem("", f"invalid {kind}: a number with more than 20,000 digits", line)])


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


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
        elif detail["type"] == "value_error":
            message = message.removeprefix("Value error, ")  # our own rule: the message says it all
        elif "input" in detail and detail["type"] not in ("model_type", "dict_type"):
            message = f"{message} (got {_short(detail['input'])})"
        problems.append(Problem(where, message))
    return problems


def _short(value: Any) -> str:
    if isinstance(value, int) and value.bit_length() > 128:  # repr of a huge int is slow, or refused
        return f"a number of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    try:
        shown = repr(value)
    except (ValueError, RecursionError):
        return "a value too large to show"
    return shown if len(shown) <= 60 else shown[:57] + "..."
