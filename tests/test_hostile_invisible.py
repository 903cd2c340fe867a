"""Characters that show nothing: bidi controls, zero-width characters, the rest of Unicode's format category."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from ml_career.dataset.names import normalise
from ml_career.text_safety import INVISIBLE_CATEGORIES, MAYBE_INVISIBLE, printable
from tests.conftest import BUNDLED, Invoke

# One of each kind: bidi override, isolates, zero-width space and joiner, word joiner,
# byte order mark, soft hyphen, a tag character, the line separator.
INVISIBLE = ["\u202e", "\u2066", "\u2069", "\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\U000e0041", "\u2028"]


def _raw_invisible(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in INVISIBLE_CATEGORIES]


def _bundled_with(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "data.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_are_refused_in_data(script: Invoke, tmp_path: Path, char: str) -> None:
    escaped = json.dumps(f"Machine {char}Learning Engineer", ensure_ascii=False)  # raw, as an editor writes it
    data = _bundled_with(tmp_path, 'title = "Machine Learning Engineer"', f"title = {escaped}")
    result = script("validate", str(data))
    assert result.exit_code == 1
    name = unicodedata.name(char)
    assert result.stdout == (
        f"{data}: career.title: contains the invisible character U+{ord(char):04X} ({name}), "
        "which no data text may hold\n"
    )
    assert not _raw_invisible(result.stdout + result.stderr)


def test_a_tool_name_with_a_zero_width_space_is_refused_where_it_is(script: Invoke, tmp_path: Path) -> None:
    data = _bundled_with(tmp_path, '"PyTorch"', '"Py\\u200bTorch"')
    result = script("validate", str(data))
    assert result.exit_code == 1
    assert re.search(
        r"skill_groups\.\d+\.skills\.\d+\.tools\.\d+: contains the invisible character U\+200B", result.stdout
    )


def test_a_file_name_with_a_bidi_override_is_shown_not_sent(script: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "evil\u202elmth.toml"
    for args in (["--data", str(missing), "salary"], ["validate", str(missing)]):
        result = script(*args)
        assert result.exit_code == 1
        assert "evil\\u202elmth.toml: no such file" in result.stdout + result.stderr
        assert not _raw_invisible(result.stdout + result.stderr)


def test_a_typed_name_with_invisible_characters_is_shown_not_sent(script: Invoke) -> None:
    result = script("salary", "--level", "\u202e\u2066zzz\u2069")
    assert result.exit_code == 2
    assert "unknown level '\\u202e\\u2066zzz\\u2069'" in result.stderr
    assert not _raw_invisible(result.stderr)


def test_names_that_differ_only_in_invisible_characters_are_one_name(script: Invoke) -> None:
    assert normalise("Py\u200bTorch\u2060") == normalise("PyTorch") == "pytorch"
    result = script("progress", "Py\u200bTo\u202erch")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("PyTorch: pending")


def test_search_shows_the_query_and_json_keeps_it(script: Invoke) -> None:
    query = "\u2066kaggle\u2069\U000e0041"
    view = script("search", query)
    assert view.exit_code == 0 and "\\u2066kaggle\\u2069\\U000e0041" in view.stdout
    assert not _raw_invisible(view.stdout)
    as_json = script("search", query, "--json")
    assert not _raw_invisible(as_json.stdout)
    assert "\\u2066kaggle\\u2069\\udb40\\udc41" in as_json.stdout  # JSON's own escapes
    assert json.loads(as_json.stdout)["query"] == query  # so nothing is lost


def test_a_note_is_kept_as_typed_and_shown_neutralised(script: Invoke, tmp_path: Path) -> None:
    note = "mine \u202eevil\u200b"
    written = script("progress", "python", "--note", note)
    assert written.exit_code == 0, written.stderr
    shown = script("progress")
    assert "mine \\u202eevil\\u200b" in shown.stdout
    assert not _raw_invisible(written.stdout + shown.stdout)
    notes = {row["id"]: row["note"] for row in script("progress", "--json").json()["items"] if row["note"]}  # type: ignore[index]
    assert notes == {
        "tool.python": {
            "text": note,
            "provenance": "you",
            "input": "kept with `mlcareer progress --note`, saved in the state file",
        }
    }
    exported = tmp_path / "plan.md"
    assert script("export", "--output", str(exported), "--target", "senior").exit_code == 0
    text = exported.read_text(encoding="utf-8")
    assert "your note: mine \\\\u202eevil\\\\u200b" in text  # the stand-in, its backslash escaped for Markdown
    assert not _raw_invisible(text)


def test_the_fast_pattern_covers_every_invisible_character() -> None:
    candidates = re.compile(f"[{MAYBE_INVISIBLE}]")
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in INVISIBLE_CATEGORIES and not candidates.match(chr(code))
    ]
    assert missing == []


def test_letters_of_every_script_are_left_alone() -> None:
    for text in ("Инженер", "מהנדס נתונים", "مهندس", "機械学習", "e\u0301", "👩\u200d💻"[:1], "ﬁ"):
        assert printable(text) == text
    assert printable("a\u200db") == "a\\u200db"
    assert printable("bad\udcff.toml") == "bad\\xff.toml"  # a byte that is not UTF-8, as the byte
