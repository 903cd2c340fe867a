"""Property test: any valid data file, however little it holds, serves every command without a crash.

The data sets are built from the bundled one by leaving sections and records out
at random, then dropping whatever a left-out record was referred to by, so that
each one passes `validate`: the minimal file (only the required sections), a pay
section with levels and no figures, a ladder with nothing else, and everything
in between.
"""

from __future__ import annotations

import functools
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ml_career.cli.app import app
from ml_career.dataset.loading import validate_document
from ml_career.wiring import COMMAND_MODULES
from tests.conftest import BUNDLED, Invoke

BUNDLED_DOCUMENT: dict[str, Any] = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))
REQUIRED = ("schema_version", "career", "sources")
# What each command needs beyond its name to run at all; the rest is left to its defaults.
ARGUMENTS = {"search": ["engineer"], "gap": ["resume.txt"], "fit": ["--answer", "x=1"]}
NOT_ABOUT_DATA = {"completion", "help", "schema"}
EXPORT_FORMATS = ("markdown", "html", "svg", "ics")


def _records(draw: st.DrawFn, records: list[Any]) -> list[Any]:
    return [record for record in records if draw(st.booleans())]


def _section(draw: st.DrawFn, section: dict[str, Any]) -> dict[str, Any]:
    """Some of a section's fields, and some of the records of each of its lists."""
    kept = {}
    for key, value in section.items():
        if draw(st.booleans()):
            kept[key] = _records(draw, value) if isinstance(value, list) else value
    return kept


def _without_dangling_references(document: dict[str, Any]) -> dict[str, Any]:
    """Drop each reference to a record that was left out, and each record that needs one."""
    rungs = {rung["id"] for rung in document.get("ladder", [])}
    pay = document.get("pay", {})
    levels = {level["id"] for level in pay.get("levels", [])}
    for level in pay.get("levels", []):
        if level.get("rung") not in rungs:
            level.pop("rung", None)
            level.pop("rung_reason", None)
    pay["figures"] = [figure for figure in pay.get("figures", []) if figure["level"] in levels]
    if pay.get("national_average") not in {figure["id"] for figure in pay["figures"]}:
        pay.pop("national_average", None)
    education = document.get("education", {})
    degrees = {degree["id"] for degree in education.get("degrees", [])}
    residencies = {residency["id"] for residency in education.get("residencies", [])}
    for degree in education.get("degrees", []):
        if degree.get("requires") not in degrees:
            degree.pop("requires", None)
    education["costs"] = [
        cost for cost in education.get("costs", []) if cost["degree"] in degrees and cost["residency"] in residencies
    ]
    education["steps"] = [step for step in education.get("steps", []) if step.get("degree", "") in degrees | {""}]
    resources = {resource["id"] for resource in document.get("resources", [])}
    for group in document.get("skill_groups", []):
        for skill in group["skills"]:
            skill["resources"] = [resource for resource in skill.get("resources", []) if resource in resources]
            if not skill["resources"]:
                del skill["resources"]
                skill.pop("resources_reason", None)
    document["skill_groups"] = [group for group in document.get("skill_groups", []) if group["skills"]]
    for group in document["skill_groups"]:
        if group.get("rung") not in rungs:  # a group needed from a rung the ladder no longer has
            group.pop("rung", None)
            group.pop("rung_reason", None)
    skills = [skill for group in document["skill_groups"] for skill in group["skills"]]
    named = {name.casefold() for skill in skills for name in [skill["name"], *skill.get("tools", [])]}
    if "spellings" in document:  # a spelling belongs to a skill or tool the data still has
        document["spellings"] = [s for s in document["spellings"] if s["name"].casefold() in named]
    return document


@st.composite
def sparse_documents(draw: st.DrawFn) -> dict[str, Any]:
    original = json.loads(json.dumps(BUNDLED_DOCUMENT))  # a deep copy, cheaply
    document = {key: original[key] for key in REQUIRED}
    for key, value in original.items():
        if key in REQUIRED or not draw(st.booleans()):
            continue
        if isinstance(value, list):
            value = _records(draw, value)
            if key == "skill_groups":
                value = [{**group, "skills": _records(draw, group["skills"])} for group in value]
        elif key in ("pay", "education", "outlook", "role"):
            value = _section(draw, value)
        document[key] = value
    return _without_dangling_references(document)


@functools.cache
def _takes_json(command: str) -> bool:
    return "--json" in CliRunner().invoke(app, [command, "--help"]).stdout


def _runs(data: Path, output: Path) -> list[list[str]]:
    runs = []
    for command in COMMAND_MODULES:
        if command in NOT_ABOUT_DATA:
            continue
        if command == "export":
            runs += [["export", "--format", kind, "--output", str(output / f"plan.{kind}")] for kind in EXPORT_FORMATS]
            continue
        args = [command, *ARGUMENTS.get(command, [])]
        runs.append(args)
        if _takes_json(command):
            runs.append([*args, "--json"])
    return [["--no-input", "--data", str(data), *args] for args in runs]


SPARSE = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _check(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert "unexpected error" not in result.stderr, (args, result.stderr)
    # 1: search found nothing; 2: a question this data set cannot answer (no ladder to plan on).
    assert result.exit_code in {0, 1, 2}, (args, result.exit_code, result.stderr)
    if result.exit_code != 0:
        assert result.stderr.strip() or result.stdout.strip(), args  # a refusal says why
    if "--json" in args and result.exit_code == 0:
        json.loads(result.stdout)


def _write_valid(tmp_path: Path, document: dict[str, Any]) -> Path:
    data = tmp_path / "career.json"
    data.write_text(json.dumps(document), encoding="utf-8")
    validate_document(data, document)  # the generator's promise: a DataFileError here is a bug in it
    return data


@SPARSE
@given(document=sparse_documents())
def test_every_command_serves_any_valid_data_set(
    document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "resume.txt").write_text("Python, PyTorch and SQL.\n", encoding="utf-8")
    data = _write_valid(tmp_path, document)
    for args in _runs(data, tmp_path):
        _check(args)


@pytest.mark.parametrize(
    "sections",
    [{}, {"pay": {"levels": [{"id": "a", "label": "A"}]}}, {"ladder": BUNDLED_DOCUMENT["ladder"][:2]}],
    ids=["only the required sections", "pay levels, no figures", "two rungs, nothing else"],
)
def test_the_smallest_data_sets_serve_every_command(
    sections: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "resume.txt").write_text("Python.\n", encoding="utf-8")
    data = _write_valid(tmp_path, {**{key: BUNDLED_DOCUMENT[key] for key in REQUIRED}, **sections})
    for args in _runs(data, tmp_path):
        _check(args)


def test_no_pay_figures_and_nothing_to_track_are_said_plainly(script: Invoke, tmp_path: Path) -> None:
    data = _write_valid(tmp_path, {**{key: BUNDLED_DOCUMENT[key] for key in REQUIRED}, "ladder": []})
    salary = script("--data", str(data), "salary")
    assert salary.exit_code == 0, salary.stderr
    assert "The data set has no pay figures." in salary.stdout
    progress = script("--data", str(data), "progress")
    assert progress.exit_code == 0, progress.stderr
    assert "The data set names no skills or tools to track." in progress.stdout
