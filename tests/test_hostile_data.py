"""Data files an adversary wrote: repeated keys, ids that clash or vanish, names no one can see."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, Invoke
from tests.second_career import SECOND_CAREER


def _bundled_json() -> str:
    return json.dumps(tomllib.loads(BUNDLED.read_text(encoding="utf-8")), indent=1)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('"amount": ', '"amount": 1, "amount": ', "pay.figures.0.amount"),
        ('"career": {', '"career": {"id": "x"}, "career": {', "career"),
        ('"schema_version": 1', '"schema_version": 1, "schema_version": 1', "schema_version"),
        ('"id": "entry-level"', '"id": "entry-level", "id": "junior"', "pay.levels.0.id"),
    ],
    ids=["in a figure", "a whole section", "at the top", "an id"],
)
def test_a_key_given_twice_in_json_is_refused_where_it_is(
    script: Invoke, tmp_path: Path, old: str, new: str, where: str
) -> None:
    text = _bundled_json()
    assert old in text
    data = _write(tmp_path, "career.json", text.replace(old, new, 1))
    result = script("validate", str(data))
    assert result.exit_code == 1
    assert result.stdout == f"{data}: {where}: this key is given more than once; give each key once\n"
    used = script("--data", str(data), "salary")
    assert used.exit_code == 1 and f"{where}: this key is given more than once" in used.stderr


def test_the_same_key_in_two_objects_is_no_repeat(script: Invoke, tmp_path: Path) -> None:
    data = _write(tmp_path, "career.json", _bundled_json())
    assert script("validate", str(data)).exit_code == 0


def test_a_key_given_twice_in_toml_is_refused_too(script: Invoke, tmp_path: Path) -> None:
    text = SECOND_CAREER.replace('currency = "EUR"\n', 'currency = "EUR"\ncurrency = "USD"\n', 1)
    result = script("validate", str(_write(tmp_path, "career.toml", text)))
    assert result.exit_code == 1
    assert "invalid TOML: Cannot overwrite a value" in result.stdout
