"""Whatever the JSON labels `article` is that article's own words.

For every query command's --json, and `search` over several queries, every string in
an object whose provenance is "article" must be verbatim in the article the object
names. Only whitespace and typographic quotes are normalised, and `[...]` is an
elision (tests/test_quotes.py). Identifiers and codes are not words, so they are not
held against the article; everything else is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import Invoke
from tests.test_quotes import SEEDS, needs_articles, occurs, read_articles
from tests.test_view_parity import COMMANDS

# Keys whose values are identifiers, codes or dates that programs read, not anyone's words.
CODES = {
    "id", "source", "provenance", "currency", "as_of", "kind", "unit", "command", "section",
    "degree", "residency", "category", "status", "level_id", "rung_id", "figure_id", "step",
    "duration_provenance", "figures_source",
}  # fmt: skip
SEARCHES = ["kaggle", "deep learning", "computational thinking", "python", "salary", "degree", "internship", "team"]


def article_strings(value: Any, path: str = "$") -> Iterator[tuple[str, str, str]]:
    """(path, article id, text) for every string an article-labelled object holds as its own."""
    if isinstance(value, dict):
        if value.get("provenance") == "article":
            for key, item in value.items():
                if key in CODES:
                    continue
                texts = item if isinstance(item, list) else [item]
                for index, text in enumerate(texts):
                    if isinstance(text, str):
                        where = f"{path}.{key}" + (f"[{index}]" if isinstance(item, list) else "")
                        yield where, str(value.get("source")), text
        for key, item in value.items():
            yield from article_strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from article_strings(item, f"{path}[{index}]")


def not_verbatim(document: Any, articles: dict[str, str]) -> list[str]:
    return [
        f"{path}: {text!r} is not in {source}"
        for path, source, text in article_strings(document)
        if source not in articles or not occurs(text, articles[source])
    ]


@pytest.fixture(scope="module")
def articles() -> dict[str, str]:
    return read_articles(SEEDS)


QUERIES = [args for args in COMMANDS if args[0] not in ("validate", "search")] + [["search", q] for q in SEARCHES]


@needs_articles
@pytest.mark.parametrize("args", QUERIES, ids=" ".join)
def test_what_the_json_calls_article_is_the_article(cli: Invoke, args: list[str], articles: dict[str, str]) -> None:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    problems = not_verbatim(result.json(), articles)
    assert not problems, f"{len(problems)} strings labelled article are not its words:\n" + "\n".join(problems)


@needs_articles
def test_the_check_finds_words_an_article_never_wrote(cli: Invoke, articles: dict[str, str]) -> None:
    document = cli("salary", "--level", "senior", "--json").json()
    assert isinstance(document, dict)
    assert not_verbatim(document, articles) == []
    document["rows"][0]["quote"] += " And it rises every year."
    assert [problem.split(":")[0] for problem in not_verbatim(document, articles)] == ["$.rows[0].quote"]


def test_search_knows_every_field_that_quotes_an_article() -> None:
    from ml_career.dataset import models
    from ml_career.dataset.sections import QUOTED_FIELDS

    quoted = {
        name for model in vars(models).values() if isinstance(model, type) for name in getattr(model, "QUOTED", ())
    }
    assert set(QUOTED_FIELDS) == quoted | {"quote"}
