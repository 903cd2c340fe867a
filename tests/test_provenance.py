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


def each_word_labelled(fact: dict[str, Any]) -> bool:
    """An object of several owners' words: each text but its id, kind and need has its own NAME_provenance.

    `need` is a word of the JSON's own closed vocabulary (required, one-of, optional); the reading
    behind it has its own object (`need_reading`, each tool's `reason`)."""
    texts = [key for key, item in fact.items() if isinstance(item, str) and key not in ("id", "kind", "need")]
    return any(key.endswith("_provenance") for key in fact) and all(f"{key}_provenance" in fact for key in texts)


def unattributed(document: Any) -> list[str]:
    problems = []
    for path, fact in fact_objects(document):
        kind = fact.get("provenance")
        if kind is None and each_word_labelled(fact):
            continue
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


@pytest.mark.parametrize(
    "args",
    [["salary"], ["salary", "--level", "senior"], ["path"], ["skills"], ["search", "degree"], ["sources"], ["plan"]],
    ids=" ".join,
)
def test_an_article_has_the_same_mark_everywhere(cli: Invoke, args: list[str]) -> None:
    import re

    from ml_career.dataset.loading import check_data_file
    from tests.conftest import BUNDLED

    place = {source.id: number for number, source in enumerate(check_data_file(BUNDLED).sources, 1)}
    result = cli(*args, "--sources")  # the full key names each article by its id
    assert result.exit_code == 0, result.stderr
    keyed = re.findall(r"^\[(\d+)\] article (\S+):", result.stdout, flags=re.MULTILINE)
    assert keyed, result.stdout
    assert {article: int(mark) for mark, article in keyed} == {article: place[article] for _, article in keyed}


def test_json_writes_a_provenance_in_one_shape() -> None:
    from ml_career.provenance import Article, Computed, Mlcareer, Words, Yours, jsonable
    from ml_career.render.output import to_jsonable

    assert jsonable(Article("000", "It pays.")) == {"provenance": "article", "source": "000", "quote": "It pays."}
    assert jsonable(Computed("a + b", ("both yearly",))) == {
        "provenance": "computed",
        "formula": "a + b",
        "assumptions": ["both yearly"],
    }
    assert jsonable(Mlcareer("why")) == {"provenance": "mlcareer", "reason": "why", "source": None}
    assert jsonable(Yours("--target")) == {"provenance": "you", "input": "--target"}
    assert to_jsonable(Words("Best", Mlcareer("our heading"))) == {
        "text": "Best",
        "provenance": "mlcareer",
        "reason": "our heading",
        "source": None,
    }
