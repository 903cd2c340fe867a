"""Every quote in the bundled data is its article's words, verbatim.

A record whose provenance is "article" (the default) promises that each field its
model names in QUOTED is the cited article's text, and every figure, cost and
degree carries the `quote` it was read from. This test holds each of them against
the articles themselves, which live beside the repository in ../shared/seeds/.

Only whitespace and typographic quotes, apostrophes and dashes are normalised;
case and punctuation count. `[...]` marks an elision: the parts on either side
must each occur in the article, in that order.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from ml_career.dataset.loading import check_data_file
from ml_career.dataset.models import Attributed, CareerData, Skill
from tests.conftest import BUNDLED, REPO

SEEDS = REPO.parent / "shared" / "seeds"
ELISION = "[...]"
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})

# CI sets MLCAREER_REQUIRE_SEEDS=1: there a missing folder fails these tests rather than skipping them.
SEEDS_REQUIRED = os.environ.get("MLCAREER_REQUIRE_SEEDS") == "1"
needs_articles = pytest.mark.skipif(
    not SEEDS.is_dir() and not SEEDS_REQUIRED,
    reason=f"the source articles are not here: {SEEDS} is missing, so quotes cannot be checked",
)


def normalise(text: str) -> str:
    return " ".join(text.translate(_TYPOGRAPHIC).split())


def occurs(quote: str, article: str) -> bool:
    """True if `quote` is in `article` (normalised), each `[...]` standing for left-out words."""
    parts = [part.strip() for part in normalise(quote).split(ELISION)]
    if not any(parts):
        return False
    position = 0
    for index, part in enumerate(parts):
        if not part:
            if index in (0, len(parts) - 1):
                continue  # an elision at the start or the end
            return False  # two elisions in a row elide nothing
        found = article.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def read_articles(folder: Path) -> dict[str, str]:
    """Each article's normalised text, by its id (the file name without .txt)."""
    if not folder.is_dir():
        pytest.fail(f"the source articles are not here: {folder} is missing, and MLCAREER_REQUIRE_SEEDS=1")
    return {path.stem: normalise(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.txt"))}


def quotes(node: object, path: str = "", source: str | None = None) -> Iterator[tuple[str, str | None, str]]:
    """(path, cited article, text) for every string that must be an article's words.

    A record cites its own `source`; one without such a field (a skill) cites its
    enclosing record's (the skill's group), as do lists within a record (outlook.drivers).
    """
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from quotes(item, f"{path}[{index}]", source)
        return
    if not isinstance(node, BaseModel):
        return
    fields = type(node).model_fields
    if "source" in fields:
        source = getattr(node, "source")  # noqa: B009  # not every model has the attribute
    elif isinstance(node, Attributed):
        assert isinstance(node, Skill), f"{path}: only a skill takes its article from its group"
    prefix = f"{path}." if path else ""
    named: list[str] = []
    if isinstance(node, Attributed) and node.provenance == "article":
        named.extend(node.QUOTED)
        # A title is the article's own heading unless the record says why mlcareer wrote it.
        if "title_reason" in fields and getattr(node, "title_reason") is None:  # noqa: B009
            named.append("title")
    if "quote" in fields:
        named.append("quote")
    for name in named:
        value = getattr(node, name)
        texts = value if isinstance(value, list) else [value]
        for index, text in enumerate(texts):
            if text is not None:
                where = f"{prefix}{name}" + (f"[{index}]" if isinstance(value, list) else "")
                yield where, source, text
    for name in fields:
        yield from quotes(getattr(node, name), f"{prefix}{name}", source)


def misquotes(career: CareerData, articles: dict[str, str]) -> list[str]:
    """One line for every quote that is not its article's words."""
    problems = []
    for path, source, text in quotes(career):
        if source is None:
            problems.append(f"{path}: quotes an article but cites none: {text!r}")
        elif source not in articles:
            problems.append(f"{path}: cites {source!r}, which is not one of the articles: {sorted(articles)}")
        elif not occurs(text, articles[source]):
            problems.append(f"{path}: not verbatim in {source}: {text!r}")
    return problems


@pytest.fixture(scope="module")
def articles() -> dict[str, str]:
    return read_articles(SEEDS)


@pytest.fixture(scope="module")
def career() -> CareerData:
    return check_data_file(BUNDLED)


@needs_articles
def test_every_article_quote_is_verbatim(career: CareerData, articles: dict[str, str]) -> None:
    assert set(articles) == {source.id for source in career.sources}
    problems = misquotes(career, articles)
    assert not problems, f"{len(problems)} quotes are not their article's words:\n" + "\n".join(problems)


@needs_articles
def test_the_check_covers_every_kind_of_quote(career: CareerData) -> None:
    checked = {re.sub(r"\[\d+\]", "", path) for path, _, _ in quotes(career)}
    for expected in (
        "pay.figures.quote",
        "pay.notes.text",
        "ladder.description",
        "skill_groups.skills.description",
        "education.degrees.quote",
        "education.costs.quote",
        "education.steps.text",
        "outlook.drivers",
        "outlook.figures.quote",
        "role.responsibilities.items",
        "fit.basis",
    ):
        assert expected in checked, expected


@needs_articles
def test_an_altered_quote_fails(career: CareerData, articles: dict[str, str]) -> None:
    rung = career.ladder[0]
    altered = rung.model_copy(update={"description": rung.description.replace("entry-level", "senior", 1)})
    assert altered.description != rung.description
    broken = career.model_copy(update={"ladder": [altered, *career.ladder[1:]]})
    new = set(misquotes(broken, articles)) - set(misquotes(career, articles))
    assert [problem.split(":")[0] for problem in new] == ["ladder[0].description"]


@needs_articles
def test_a_figure_quote_from_the_wrong_article_fails(career: CareerData, articles: dict[str, str]) -> None:
    figure = career.pay.figures[0]
    other = next(source for source in articles if source != figure.source)
    moved = figure.model_copy(update={"source": other})
    broken = career.model_copy(update={"pay": career.pay.model_copy(update={"figures": [moved]})})
    new = set(misquotes(broken, articles)) - set(misquotes(career, articles))
    assert new == {f"pay.figures[0].quote: not verbatim in {other}: {figure.quote!r}"}


def test_only_whitespace_and_typographic_marks_are_normalised() -> None:
    article = normalise("It\u2019s  the \u201cbest\u201d\njob \u2013 so far.")
    assert occurs('It\'s the "best" job - so far.', article)
    assert not occurs('it\'s the "best" job - so far.', article)  # case counts
    assert not occurs("It's the best job - so far.", article)  # so do quotation marks


def test_an_elision_keeps_the_order_of_its_parts() -> None:
    article = normalise("One two three. Four five six.")
    assert occurs("One two [...] five six.", article)
    assert occurs("[...] three. Four [...]", article)
    assert not occurs("Four five [...] One two", article)
    assert not occurs("One [...] [...] six.", article)
    assert not occurs("One two ... five six.", article)  # only [...] marks an elision
    assert not occurs("[...]", article)
