"""The JSON contract: every fact a command prints says whose word it is."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import REPO, Invoke
from tests.test_view_parity import COMMANDS

KINDS = {"article", "computed", "mlcareer", "you"}
# What each kind must carry beside it, so that a reader can check it.
DETAILS = {
    "article": ("source",),
    "computed": ("formula",),
    "mlcareer": ("reason",),
    "you": (),
}


def fact_objects(value: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object below the report itself that holds a value of its own (not only lists and objects)."""
    if isinstance(value, dict):
        if path != "$" and any(not isinstance(item, dict | list) for item in value.values()):
            yield path, value
        for key, item in value.items():
            yield from fact_objects(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from fact_objects(item, f"{path}[{index}]")


def unattributed(document: Any) -> list[str]:
    problems = []
    for path, fact in fact_objects(document):
        kind = fact.get("provenance")
        if kind not in KINDS:
            problems.append(f"{path}: provenance {kind!r}")
            continue
        # An article's words name their article, unless the object is the article itself.
        wanted = () if kind == "article" and "title" in fact and "id" in fact else DETAILS[kind]
        problems += [f"{path}: {kind} without {detail}" for detail in wanted if not fact.get(detail)]
    return problems


@pytest.mark.parametrize("args", [c for c in COMMANDS if c[0] != "validate"], ids=" ".join)
def test_every_fact_in_the_json_says_whose_word_it_is(cli: Invoke, args: list[str]) -> None:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    assert unattributed(result.json()) == []


@pytest.mark.parametrize("fixture", ["resume.json", "posting.txt"])
def test_gap_says_whose_word_each_match_is(cli: Invoke, fixture: str) -> None:
    result = cli("gap", str(REPO / "tests" / "fixtures" / fixture), "--json")
    assert result.exit_code == 0, result.stderr
    assert unattributed(result.json()) == []


def test_the_contract_check_finds_an_unattributed_fact(cli: Invoke) -> None:
    document = cli("salary", "--json").json()
    assert isinstance(document, dict)
    document["rows"][0]["provenance"] = "rumour"
    del document["notes"][0]["source"]
    assert unattributed(document) == ["$.rows[0]: provenance 'rumour'", "$.notes[0]: article without source"]
