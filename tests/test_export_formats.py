"""Export formats are a registry: a new format is its module and one line, and the rest is derived."""

from __future__ import annotations

from pathlib import Path

import pytest

import ml_career.cli.advisor  # noqa: F401  # its help reads the formats once, before a test adds one
from ml_career.render import formats
from tests.conftest import Invoke


def fake_writer(plan: object, progress: object, on: str, now: object) -> str:
    """A format of one line, standing for the module a new format would be."""
    return f"plan for {getattr(plan, 'career', '?')}, made {on}\n"


FAKE = formats.ExportFormat("plain", "plain text", ("txt",), (".txt",), "tests.test_export_formats:fake_writer")


@pytest.fixture
def with_fake_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "FORMATS", (*formats.FORMATS, FAKE))  # the one line


@pytest.mark.usefixtures("with_fake_format")
def test_a_new_format_is_one_line(cli: Invoke, tmp_path: Path) -> None:
    shown = cli("export", "--format", "plain")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout == "plan for Machine Learning Engineer, made 2026-11-21\n"
    assert cli("export", "-f", "txt").stdout == shown.stdout  # its other name
    written = tmp_path / "plan.txt"
    assert cli("export", "--output", str(written)).exit_code == 0  # chosen by its suffix
    assert written.read_text(encoding="utf-8") == shown.stdout
    unknown = cli("export", "--format", "plian")
    assert "Did you mean 'plain'?" in unknown.stderr
    assert "Valid formats: markdown, html, svg, ics, plain" in unknown.stderr
    from ml_career.cli.completion import _formats

    assert [candidate.value for candidate in _formats(None)] == ["markdown", "html", "svg", "ics", "plain"]
    assert formats.format_names() == "markdown, html, svg, ics (iCalendar) or plain (plain text)"


def test_the_format_list_shown_is_the_registrys(cli: Invoke) -> None:
    assert [f.name for f in formats.FORMATS] == ["markdown", "html", "svg", "ics"]
    shown = " ".join(cli("export", "--help").stdout.split())
    assert f"{formats.format_names()}; default: from the --output suffix, else markdown." in shown
    assert formats.resolve_format(None, ".ICS").name == "ics"
    assert formats.resolve_format(None, ".unknown") == formats.FORMATS[0]
