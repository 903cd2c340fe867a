"""The view and --json carry the same facts: every figure and text in the JSON is shown to people too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import REPO, Invoke

FIT_ANSWERS = [
    f"{statement}={score}"
    for statement, score in [
        ("problem-solving", 5),
        ("curiosity", 4),
        ("continuous-learning", 2),
        ("technical-analytical", 3),
        ("perseverance", 1),
        ("adaptability", 4),
        ("data-cleaning", 2),
        ("deadline-pressure", 5),
        ("long-hours", 3),
    ]
]
COMMANDS = [
    ["salary"],
    ["salary", "--level", "senior"],
    ["salary", "--level", "director"],
    ["path"],
    ["path", "--level", "senior"],
    ["skills"],
    ["skills", "--category", "learned"],
    ["education"],
    ["education", "--residency", "out-of-state", "--degree", "master"],
    ["resources"],
    ["role"],
    ["outlook"],
    ["jobs"],
    ["internships"],
    ["sources"],
    ["search", "kaggle"],
    ["search", "deep learning"],
    ["plan"],
    ["plan", "--education", "bachelor", "--level", "engineer", "--target", "lead"],
    ["plan", "--target", "senior", "--degree", "master", "--assume", "experience=1y", "--assume", "junior=18m"],
    [
        "plan",
        "--level",
        "engineer",
        "--target",
        "lead",
        "--assume",
        "engineer=2y",
        "--assume",
        "senior=3y",
        "--start",
        "2027-03",
    ],
    ["progress"],
    ["gap", str(REPO / "tests" / "fixtures" / "resume.json")],
    ["gap", str(REPO / "tests" / "fixtures" / "posting.txt")],
    ["validate"],
    ["fit", *[arg for answer in FIT_ANSWERS for arg in ("--answer", answer)]],
]
# What a view deliberately shows in another form, and why (anything else missing fails):
NOT_TEXT = {
    # identifiers for programs; the view shows the label beside each
    "id", "figure_id", "level_id", "rung_id", "residency", "degree", "degrees", "kind", "value", "unit", "category",
    # the article's own words behind a figure; the view shows its citation mark [n] and the key names the article
    "quote",
    # the citation key lists the articles a view cites, not every article of the data set
    "sources",
    # written as the amount's "$", and the long age as its short form (4y 5m, checked below)
    "currency", "age",
    # search's ranking and highlight positions
    "score", "title_matches", "text_matches",
    # whose word each fact is: shown as its mark ([1], [c1], [m1], [y]), explained in the key below the view
    "provenance",
    # where you gave what is yours (an option, the state file): the key's [y] line says it
    "input",
    # every id an item answers to, for programs; the view shows its main id
    "ids",
    # how a skill or tool is needed: the view says "one of", "e.g." or "optional", and nothing where it is required;
    # the article's words a need is read from are behind its mark, as a quote is
    "need", "words",
}  # fmt: skip


# The commands whose views keep detail behind --sources: the parity is with the view in full.
NO_SOURCES_FLAG = {"progress", "validate"}


def in_full(args: list[str]) -> list[str]:
    return args if args[0] in NO_SOURCES_FLAG else [*args, "--sources"]


def leaves(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for name, item in value.items():
            if name not in NOT_TEXT:
                yield from leaves(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item, key)
    elif value is not None and not isinstance(value, bool):
        yield key, value


def shown_forms(key: str, value: Any) -> list[str]:
    if key != "age_months" and key.endswith(("months", "months_min", "months_max")):
        from ml_career.advisor.timeline import months_text

        return [months_text(value)]  # a duration in months, shown as years and months
    if key == "age_months":
        years, months = divmod(value, 12)
        return [f"{years}y {months}m" if years else f"{months}m"]
    if isinstance(value, float):
        return [f"{value:.2f}", f"{value:g}"]
    if isinstance(value, int):
        return [f"{value:,}", str(value)]
    return [" ".join(str(value).split())]


def missing_from_view(document: Any, view: str) -> list[str]:
    flat = " ".join(view.split())
    return [
        f"{key}: {value!r}"
        for key, value in leaves(document)
        if not any(form in flat for form in shown_forms(key, value))
    ]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_fact_in_the_json_is_in_the_view(cli: Invoke, args: list[str]) -> None:
    wide = {"COLUMNS": "3000"}  # no table cell wraps, so each text reads as one run
    document = cli(*args, "--json", env=wide)
    view = cli(*in_full(args), env=wide)
    assert document.exit_code == view.exit_code == 0, document.stderr + view.stderr
    assert missing_from_view(document.json(), view.stdout) == []


def test_the_parity_check_finds_a_fact_the_view_leaves_out(cli: Invoke) -> None:
    document = cli("salary", "--json").json()
    view = cli("salary", "--sources", env={"COLUMNS": "3000"}).stdout
    assert isinstance(document, dict)
    hidden_note = document["notes"][0]["text"]
    assert missing_from_view(document, view.replace(" ".join(hidden_note.split()), "")) == [f"text: {hidden_note!r}"]


def test_search_names_a_command_whose_view_shows_the_text(cli: Invoke) -> None:
    from ml_career.dataset.loading import load_career
    from ml_career.queries.search import entries

    arguments = {"fit": ["fit", *[arg for answer in FIT_ANSWERS for arg in ("--answer", answer)]]}
    views: dict[str, str] = {}
    unseen = []
    for entry in entries(load_career()):
        if entry.command not in views:
            shown = cli(*in_full(arguments.get(entry.command, [entry.command])), env={"COLUMNS": "3000"})
            assert shown.exit_code == 0, shown.stderr
            views[entry.command] = " ".join(shown.stdout.split())
        own_title = [entry.title] if entry.title != entry.section else []
        for text in [*own_title, *entry.text.splitlines()]:
            if " ".join(text.split()) not in views[entry.command]:
                unseen.append(f"{entry.command}: {text[:60]!r}")
    assert unseen == []
