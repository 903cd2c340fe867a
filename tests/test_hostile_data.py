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


def _with_tools(tmp_path: Path, tools: str) -> Path:
    return _write(tmp_path, "career.toml", SECOND_CAREER.replace('tools = ["Postgres"]', f"tools = {tools}"))


def test_c_cplusplus_and_csharp_are_three_items(script: Invoke, tmp_path: Path) -> None:
    data = _with_tools(tmp_path, '["C", "C++", "C#"]')
    assert script("validate", str(data)).exit_code == 0
    marked = script("--data", str(data), "progress", "C#", "done")
    assert marked.exit_code == 0, marked.stderr
    assert marked.stdout.startswith("Marked done: C# (tool.csharp; was pending).")
    items = script("--data", str(data), "progress", "--json").json()
    assert isinstance(items, dict)
    statuses = {item["id"]: item["status"] for item in items["items"] if item["kind"] == "tool"}
    expected = {"tool.c": "pending", "tool.cplusplus": "pending", "tool.csharp": "done", "tool.airflow": "pending"}
    assert statuses == expected
    typed = script("--data", str(data), "progress", "c++")
    assert typed.exit_code == 0 and typed.stdout.startswith("C++: pending")


@pytest.mark.parametrize("name", ["🐍", "!?", "\u200b"])
def test_a_tool_name_that_would_make_an_empty_id_is_refused(script: Invoke, tmp_path: Path, name: str) -> None:
    result = script("validate", str(_with_tools(tmp_path, json.dumps([name], ensure_ascii=False))))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{tmp_path / 'career.toml'}: skill_groups.0.skills.0.tools.0: ")
    if name != "\u200b":  # an invisible one is refused as such (test_invisible_characters_are_refused_in_data)
        assert "has no letter or digit, so its id would be empty" in result.stdout


DEGREE = (
    '[[education.degrees]]\nid = "{id}"\ntitle = "A degree"\nyears_min = 2\nyears_max = 2\n'
    'source = "handbook"\nquote = "q"\n'
)
STEP = '[[education.steps]]\nid = "{id}"\ntitle = "A step"\ntext = "t"\nsource = "handbook"\n'


@pytest.mark.parametrize(
    ("extra", "where", "message"),
    [
        (
            DEGREE.format(id="associate"),
            "education.degrees.0.id",
            "duplicate id 'associate', already used by ladder.0: plan steps (rungs, degrees and steps to the job) "
            "share one set of ids",
        ),
        (STEP.format(id="s1") + STEP.format(id="s1"), "education.steps.1.id", "duplicate id 's1'"),
        (
            STEP.format(id="principal"),
            "education.steps.0.id",
            "duplicate id 'principal', already used by ladder.1: plan steps (rungs, degrees and steps to the job) "
            "share one set of ids",
        ),
    ],
    ids=["a rung and a degree", "two steps", "a rung and a step"],
)
def test_plan_steps_share_one_namespace(script: Invoke, tmp_path: Path, extra: str, where: str, message: str) -> None:
    data = _write(tmp_path, "career.toml", SECOND_CAREER + "\n" + extra)
    result = script("validate", str(data))
    assert result.exit_code == 1
    assert result.stdout == f"{data}: {where}: {message}\n"
    as_json = script("validate", str(data), "--json").json()
    assert isinstance(as_json, dict)
    assert [(p["where"], p["message"]) for p in as_json["problems"]] == [(where, message)]


def test_validate_json_keeps_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    import os
    import subprocess

    from tests.conftest import installed_script

    raw = os.fsencode(tmp_path) + b"/caf\xe9 \xff.toml"  # Latin-1 bytes, as an old archive may hold
    with open(raw, "wb") as file:
        file.write(BUNDLED.read_bytes().replace(b"schema_version = 1", b"schema_version = 2"))
    completed = subprocess.run([installed_script(), "validate", "--json", raw], capture_output=True, timeout=60)
    assert completed.returncode == 1
    report = json.loads(completed.stdout)  # strict UTF-8 JSON: no lone surrogate, no "?"
    shown = os.fsdecode(os.fsencode(tmp_path)) + "/caf\\xe9 \\xff.toml"
    assert report["file"] == shown
    assert bytes.fromhex(report["file_bytes"]) == raw
    assert report["problem_lines"] == [f"{shown}: schema_version: Input should be 1 (got 2)"]
    view = subprocess.run([installed_script(), "validate", raw], capture_output=True, timeout=60)
    assert view.stdout.decode("utf-8") == f"{shown}: schema_version: Input should be 1 (got 2)\n"
