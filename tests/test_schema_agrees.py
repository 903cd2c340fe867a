"""`mlcareer schema` refuses what `validate` refuses, except the checks README lists as validate's alone."""

from __future__ import annotations

import copy
import json
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from ml_career.dataset.loading import validate_document
from ml_career.errors import DataFileError
from tests.conftest import BUNDLED, Invoke

Document = dict[str, Any]
BUNDLED_DOCUMENT: Document = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))


def setting(path: str, value: Any) -> Callable[[Document], None]:
    """A mutation that sets the field at the dotted `path` (list indexes as numbers)."""

    def mutate(document: Document) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        target[int(last) if isinstance(target, list) else last] = value

    return mutate


def removing(path: str) -> Callable[[Document], None]:
    def mutate(document: Document) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        del target[last]

    return mutate


# Each of these the schema expresses: an editor that checks against it flags the same as validate.
SCHEMA_REFUSES = {
    "ESC in a title": setting("career.title", "Machine \x1b[2JLearning"),
    "DEL in a quote": setting("pay.figures.0.quote", "a\x7fb"),
    "C1 CSI in a name": setting("skill_groups.0.skills.0.name", "Math\x9b2J"),
    "NUL in a note": setting("pay.notes.0.text", "a\x00b"),
    "U+202E in a tool": setting("skill_groups.1.skills.0.tools.0", "Py\u202eTorch"),
    "U+200B in a label": setting("pay.levels.1.label", "Me\u200bdian"),
    "U+FEFF in an alias": setting("ladder.0.aliases", ["jun\ufeffior"]),
    "a tag character in a source title": setting("sources.0.title", "T\U000e0041"),
    "a rung title of spaces": setting("ladder.0.title", "   "),
    "an empty title": setting("career.title", ""),
    "mlcareer's words with no reason": setting("ladder.0.provenance", "mlcareer"),
    "an article's words with a reason": setting("ladder.0.reason", "because"),
    "a rung with no rung_reason": removing("pay.levels.0.rung_reason"),
    "a rung_reason with no rung": setting("pay.levels.1.rung_reason", "because"),
    "resources with no reason": removing("skill_groups.1.skills.0.resources_reason"),
    "an address with no reason": removing("resources.0.url_reason"),
    "an unknown field": setting("career.titel", "x"),
    "a missing field": removing("career.summary"),
    "an amount as text": setting("pay.figures.0.amount", "100000"),
    "an amount of 0": setting("pay.figures.0.amount", 0),
    "an amount over 10^30": setting("pay.figures.0.amount", 10**31),
    "an infinite outlook figure": setting("outlook.figures.0.value", float("inf")),
    "an outlook figure over 10^30": setting("outlook.figures.0.value", 1e31),
    "an id with a space": setting("ladder.0.id", "entry level"),
    "month 13": setting("pay.figures.0.as_of", "2022-13"),
    "an unknown unit": setting("outlook.figures.0.unit", "percentage"),
    "schema version 2": setting("schema_version", 2),
    "no sources": setting("sources", []),
    "a skill group with no skills": setting("skill_groups.0.skills", []),
    "an address that is not http": setting("resources.0.url", "javascript:alert(1)"),
    "ESC in an address": setting("resources.0.url", "https://example.com/\x1b[2J"),
    "U+202E in an address": setting("resources.0.url", "https://example.com/\u202etxt.exe"),
    "negative years": setting("education.degrees.0.years_min", -1),
    "an unknown provenance": setting("ladder.0.provenance", "someone"),
}
# Each of these needs the whole file, or a number the schema cannot name: README lists them.
VALIDATE_ONLY = {
    "NaN in an outlook figure": setting("outlook.figures.0.value", float("nan")),
    "an unknown source": setting("ladder.0.source", "nowhere"),
    "an unknown level": setting("pay.figures.0.level", "nowhere"),
    "an unknown national average": setting("pay.national_average", "nowhere"),
    "a duplicate id": setting("ladder.1.id", "junior"),
    "a rung and a degree with one id": setting("education.degrees.0.id", "junior"),
    "two level names that clash": setting("pay.levels.1.aliases", ["senior"]),
    "years_min over years_max": setting("education.degrees.0.years_min", 9),
    "a tool name with no letter": setting("skill_groups.1.skills.0.tools.0", "!!"),
}


@pytest.fixture(scope="module")
def schema_checker() -> Draft202012Validator:
    import subprocess

    from tests.conftest import installed_script

    schema = json.loads(subprocess.run([installed_script(), "schema"], capture_output=True, check=True).stdout)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _validate_refuses(document: Document) -> bool:
    try:
        validate_document(Path("career.toml"), document)
    except DataFileError:
        return True
    return False


def _mutated(mutate: Callable[[Document], None]) -> Document:
    document = copy.deepcopy(BUNDLED_DOCUMENT)
    mutate(document)
    return document


def test_the_bundled_data_passes_both(schema_checker: Draft202012Validator) -> None:
    assert list(schema_checker.iter_errors(BUNDLED_DOCUMENT)) == []
    assert not _validate_refuses(BUNDLED_DOCUMENT)


@pytest.mark.parametrize("mutate", SCHEMA_REFUSES.values(), ids=SCHEMA_REFUSES.keys())
def test_the_schema_refuses_what_validate_refuses(
    schema_checker: Draft202012Validator, mutate: Callable[[Document], None]
) -> None:
    document = _mutated(mutate)
    assert _validate_refuses(document)
    assert list(schema_checker.iter_errors(document)) != []


@pytest.mark.parametrize("mutate", VALIDATE_ONLY.values(), ids=VALIDATE_ONLY.keys())
def test_what_only_validate_refuses(schema_checker: Draft202012Validator, mutate: Callable[[Document], None]) -> None:
    document = _mutated(mutate)
    assert _validate_refuses(document)
    assert list(schema_checker.iter_errors(document)) == []


def test_validate_names_the_field_of_a_text_of_spaces(script: Invoke, tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace('title = "Junior Machine Learning Engineer"', 'title = " \t "')
    data = tmp_path / "career.toml"
    data.write_text(text, encoding="utf-8")
    result = script("validate", str(data))
    assert result.exit_code == 1
    assert result.stdout == f"{data}: ladder.0.title: holds only white space; give the text itself\n"
