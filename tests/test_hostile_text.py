"""No control character from data reaches the terminal, and exports escape data for their format."""

from __future__ import annotations

import json
import re
import xml.dom.minidom
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, Invoke, run_in_terminal

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SEQUENCES = {
    "clear": "\x1b[2J",
    "clipboard": "\x1b]52;c;ZWNobyBvd25lZA==\x07",
    "hidden link": "\x1b]8;;https://evil.invalid\x1b\\click\x1b]8;;\x1b\\",
    "C1 CSI": "\x9b2J",
    "DEL": "\x7f",
}


def _bundled_with(tmp_path: Path, old: str, new: str, name: str = "data.toml") -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("sequence", SEQUENCES.values(), ids=SEQUENCES.keys())
def test_validate_refuses_control_characters_and_names_the_field(script: Invoke, tmp_path: Path, sequence: str) -> None:
    escaped = json.dumps(sequence)  # TOML basic strings take the same \u escapes
    data = _bundled_with(tmp_path, 'title = "Machine Learning Engineer"', f"title = {escaped}")
    for args in (["validate", str(data)], ["--data", str(data), "salary"]):
        result = script(*args)
        assert result.exit_code == 1
        assert "career.title: contains the control character" in result.stdout + result.stderr
        assert not RAW_CONTROL.search(result.stdout + result.stderr)


def test_an_unknown_key_is_shown_not_sent(script: Invoke, tmp_path: Path) -> None:
    data = _bundled_with(tmp_path, 'title = "Machine Learning Engineer"', '"\\u001b[2Jtitle\\u009b" = "x"')
    result = script("validate", str(data))
    assert result.exit_code == 1
    assert "career.␛[2Jtitle\\x9b: unknown field" in result.stdout
    assert not RAW_CONTROL.search(result.stdout + result.stderr)
    as_json = script("validate", str(data), "--json")
    assert not RAW_CONTROL.search(as_json.stdout)
    assert any(p["where"] == "career.\x1b[2Jtitle\x9b" for p in json.loads(as_json.stdout)["problems"])


def test_a_file_name_with_escapes_is_shown_not_sent(script: Invoke, tmp_path: Path) -> None:
    missing = tmp_path / "\x1b]52;c;aGk=\x07.toml"
    result = script("--data", str(missing), "salary")
    assert result.exit_code == 1
    assert "␛]52;c;aGk=␇.toml: no such file" in result.stderr
    assert not RAW_CONTROL.search(result.stderr)


def test_a_query_with_escapes_is_shown_not_sent(script: Invoke) -> None:
    result = script("search", "kaggle\x1b[2J\x9b")
    assert not RAW_CONTROL.search(result.stdout + result.stderr)
    result = script("search", "kaggle\x1b[2J\x9b", "--json")
    assert not RAW_CONTROL.search(result.stdout)
    assert json.loads(result.stdout)["query"] == "kaggle\x1b[2J\x9b"


def test_a_prompt_shows_control_characters_from_an_answer(tmp_path: Path) -> None:
    _, shown = run_in_terminal(["plan", "--residency", "in-state"], typed=b"\x1b]52;c;aGk=\x07\r\x04")
    assert "unknown rung '\\x1b]52;c;aGk=\\x07'" in shown
    assert "\x1b]52" not in shown and "\x07" not in shown


def test_markdown_export_cannot_be_injected(script: Invoke, tmp_path: Path) -> None:
    data = _bundled_with(
        tmp_path, 'name = "Kaggle"', 'name = "Kaggle\\n\\n# Owned\\n\\n---\\n<img src=x onerror=alert(1)>"'
    )
    data.write_text(
        data.read_text(encoding="utf-8").replace(
            'url = "https://www.kaggle.com/"', 'url = "https://x.invalid/><script>alert(1)</script>"'
        ),
        encoding="utf-8",
    )
    result = script("--data", str(data), "export")
    assert result.exit_code == 0, result.stderr
    assert not re.search(r"(?<!\\)<(script|img)", result.stdout)
    # The address is plain text in the document, its angle brackets escaped: no tag can open or close.
    assert "https://x.invalid/\\>\\<script\\>alert(1)\\</script\\>" in result.stdout
    assert not [line for line in result.stdout.splitlines() if line.startswith(("# Owned", "---"))]


@pytest.mark.parametrize("fmt", ["html", "svg"])
def test_html_and_svg_stay_well_formed_with_odd_text(script: Invoke, tmp_path: Path, fmt: str) -> None:
    data = _bundled_with(tmp_path, 'name = "Kaggle"', 'name = "Kaggle <b>&amp; \\"q\\""')
    output = tmp_path / f"plan.{fmt}"
    result = script("--data", str(data), "export", "-f", fmt, "-o", str(output))
    assert result.exit_code == 0, result.stderr
    text = output.read_text(encoding="utf-8")
    assert "<b>" not in text
    assert not RAW_CONTROL.search(text)
    if fmt == "svg":
        xml.dom.minidom.parseString(text)


def test_exports_show_control_characters_that_reach_them(tmp_path: Path) -> None:
    """The schema refuses them; the export escapes them anyway, for its format."""
    from ml_career.render.export import h, md

    assert md("a\x1b[2J\nb\r\n# c") == "a␛\\[2J b \\# c"
    assert h("<\x1b>") == "&lt;␛&gt;"
    assert md("https://x/> y") == "https://x/\\> y"


def test_every_view_leaves_through_one_sanitising_exit(capsys: pytest.CaptureFixture[str]) -> None:
    """Whatever text a view holds (say, from a cache edited by hand), the terminal gets none of its controls."""
    from ml_career.provenance import Mlcareer
    from ml_career.queries.search import Hit, SearchReport
    from ml_career.render.output import print_view

    hit = Hit(
        "resource",
        "\x1b[2JKaggle\x9b",
        "\x1b]8;;https://evil.invalid\x07x",
        "resources",
        [],
        Mlcareer("a search hit"),
        1.0,
        [],
        [],
    )
    print_view(SearchReport(query="kaggle", hits=[hit], suggestions=[], sources=[]))
    shown = capsys.readouterr().out
    assert "␛[2JKaggle\\x9b" in shown
    assert not RAW_CONTROL.search(shown)
