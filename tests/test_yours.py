"""Whatever the JSON labels `you` is what you typed or saved, and nothing else.

With a known state file (statuses, a note, a rung) and known options, every string in an
object whose provenance is "you" must be one of the things given: a word of the command
line, a saved status or note, or text of the resume or posting handed to `gap`. A field
`NAME_provenance` says whose the field NAME beside it is, so a name kept beside your status
is held against its own label, not against yours.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from ml_career.advisor.input_descriptions import INPUTS as INPUT_NAMES
from tests.conftest import REPO, Invoke
from tests.test_verbatim import SEARCHES
from tests.test_view_parity import COMMANDS

NOTE = "chapter 3 of the deep learning book"
SAVED = [
    ["progress", "python", "done"],
    ["progress", "pytorch", "learning", "--note", NOTE],
    ["progress", "--rung", "junior"],
]
# About a fact, not the fact: where it came from (an option, the state file), how, and the id of
# the item or step it is about.
ABOUT = {"provenance", "input", "chosen", "id"}
FILES = [REPO / "tests" / "fixtures" / "resume.json", REPO / "tests" / "fixtures" / "posting.txt"]
QUERIES = [args for args in COMMANDS if args[0] != "validate"] + [["search", query] for query in SEARCHES]


def yours(value: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    """(path, text) for every string held as yours: in a `you` object, or the field a `you` NAME_provenance labels."""
    if isinstance(value, dict):
        own = value.get("provenance") == "you"
        for key, item in value.items():
            labelled = value.get(f"{key}_provenance")
            mine = own if not isinstance(labelled, dict) else labelled.get("provenance") == "you"
            if key.endswith("_provenance") and isinstance(item, dict) and item.get("provenance") == "you":
                continue  # the field it labels is checked under its own name
            if mine and key not in ABOUT:
                for text in item if isinstance(item, list) else [item]:
                    if isinstance(text, str):
                        yield f"{path}.{key}", text
            yield from yours(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from yours(item, f"{path}[{index}]")


def given(args: list[str]) -> set[str]:
    """The words of the command lines and what they saved: each option, value and ID=VALUE part."""
    # A plan input's name names the option (or the saved rung) it came from, like an id.
    words = {"done", "learning", "junior", NOTE, *INPUT_NAMES}
    for arg in [*args, *(word for line in SAVED for word in line)]:
        words |= {arg, arg.lstrip("-"), *arg.split("=")}
    return words


def not_yours(document: Any, args: list[str]) -> list[str]:
    files = " ".join(path.read_text(encoding="utf-8") for path in FILES if str(path) in args)
    words = given(args)
    return [f"{path}: {text!r}" for path, text in yours(document) if text not in words and not (text and text in files)]


@pytest.fixture
def saved(cli: Invoke) -> None:
    for line in SAVED:
        assert cli(*line).exit_code == 0


@pytest.mark.usefixtures("saved")
@pytest.mark.parametrize("args", QUERIES, ids=" ".join)
def test_what_the_json_calls_yours_is_what_you_gave(cli: Invoke, args: list[str]) -> None:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    problems = not_yours(result.json(), args)
    assert not problems, f"{len(problems)} strings labelled you are not yours:\n" + "\n".join(problems)


@pytest.mark.usefixtures("saved")
def test_a_saved_status_is_yours_and_the_name_beside_it_is_not(cli: Invoke) -> None:
    document = cli("progress", "--json").json()
    assert isinstance(document, dict)
    rows = {row["id"]: row for row in document["items"]}
    assert rows["tool.pytorch"]["status_provenance"]["provenance"] == "you"
    assert rows["tool.pytorch"]["name_provenance"]["provenance"] == "article"
    assert rows["tool.pytorch"]["note"] == {
        "text": NOTE,
        "provenance": "you",
        "input": "kept with `mlcareer progress --note`, saved in the state file",
    }
    untouched = [row for row in rows.values() if row["status"] == "pending"]
    assert untouched and {row["status_provenance"]["provenance"] for row in untouched} == {"mlcareer"}


def test_the_check_finds_words_you_never_gave(cli: Invoke) -> None:
    document = json.loads(cli("plan", "--target", "senior", "--json").stdout)
    assert not_yours(document, ["plan", "--target", "senior"]) == []
    target = next(i for i, given in enumerate(document["inputs"]) if given["name"] == "target")
    document["inputs"][target]["label_provenance"] = {"provenance": "you", "input": "--target"}
    assert not_yours(document, ["plan", "--target", "senior"]) == [
        f"$.inputs[{target}].label: 'Senior Machine Learning Engineer'"
    ]
