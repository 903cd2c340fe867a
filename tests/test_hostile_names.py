"""Names in any script, and the edges of what can be typed for one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Invoke
from tests.second_career import SECOND_CAREER


@pytest.fixture
def cyrillic_career(tmp_path: Path) -> Path:
    text = SECOND_CAREER.replace('title = "Associate Data Engineer"', 'title = "Младший инженер"')
    text = text.replace('title = "Principal Data Engineer"', 'title = "Главный инженер"')
    path = tmp_path / "cyrillic.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_two_titles_in_another_script_do_not_clash(script: Invoke, cyrillic_career: Path) -> None:
    result = script("validate", str(cyrillic_career))
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize(
    ("typed", "rung"), [("главный инженер", "Главный"), ("ГЛАВНЫЙ", "Главный"), ("младший", "Младший")]
)
def test_a_title_in_another_script_can_be_typed(script: Invoke, cyrillic_career: Path, typed: str, rung: str) -> None:
    result = script("--data", str(cyrillic_career), "path", "--level", typed)
    assert result.exit_code == 0, result.stderr
    assert rung in result.stdout


@pytest.mark.parametrize("typed", ["???", "", "   ", "-", "!!"])
def test_a_name_without_letters_matches_nothing(script: Invoke, cyrillic_career: Path, typed: str) -> None:
    result = script("--data", str(cyrillic_career), "path", "--level", typed)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"mlcareer: unknown rung {typed!r}.")


def test_fullwidth_and_compatibility_forms_fold(script: Invoke) -> None:
    result = script("salary", "--level", "\uff33\uff25\uff2e\uff29\uff2f\uff32")  # SENIOR, fullwidth
    assert result.exit_code == 0 and "$208,000" in result.stdout


def test_an_alias_without_letters_is_a_data_problem(script: Invoke, tmp_path: Path) -> None:
    text = SECOND_CAREER.replace(
        'title = "Principal Data Engineer"', 'title = "Principal Data Engineer"\naliases = ["???"]'
    )
    path = tmp_path / "data.toml"
    path.write_text(text, encoding="utf-8")
    result = script("validate", str(path))
    assert result.exit_code == 1
    assert "ladder.1: the name '???' has no letter or digit" in result.stdout


def test_a_huge_unknown_name_is_shortened_in_the_message(script: Invoke) -> None:
    result = script("salary", "--level", "x" * 100_000)
    assert result.exit_code == 2
    assert len(result.stderr) < 1000


def test_search_takes_at_most_32_words_and_stays_fast(script: Invoke) -> None:
    import time

    started = time.monotonic()
    result = script("search", " ".join(f"word{i}x" for i in range(2000)))
    assert time.monotonic() - started < 10
    assert result.exit_code == 2
    assert "search takes at most 32 different words; this query has 2000" in result.stderr
    repeated = script("search", " ".join(["kaggle"] * 2000))
    assert repeated.exit_code == 0 and "Kaggle" in repeated.stdout


def test_search_matches_as_before_with_typos_and_swaps() -> None:
    from ml_career.queries.search import _within_one_edit

    assert _within_one_edit("kaggle", "kagle") and _within_one_edit("kaggle", "kagglee")
    assert _within_one_edit("kaggle", "kaggel") and _within_one_edit("kaggle", "kaggla")
    assert not _within_one_edit("kaggle", "kgagel") and not _within_one_edit("kaggle", "kag")
