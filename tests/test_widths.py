"""Every view at every width: nothing cut with "…", no line wider than the terminal, layouts that read."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from tests.conftest import Invoke
from tests.test_view_parity import COMMANDS

WIDTHS = [40, 60, 80, 120]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_nothing_is_cut_and_nothing_overflows(cli: Invoke, args: list[str], width: int) -> None:
    shown = cli(*args, env={"COLUMNS": str(width)})
    assert shown.exit_code == 0, shown.stderr
    assert "…" not in shown.stdout
    too_wide = [line for line in shown.stdout.splitlines() if cell_len(line) > width]
    # validate's lines are FILE:LINE: messages that editors read: never wrapped, by design.
    if args[0] != "validate":
        assert too_wide == []


@pytest.mark.parametrize("width", [*WIDTHS, 200])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_tables_are_laid_out_to_fit_never_squeezed(
    cli: Invoke, args: list[str], width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rich squeezes a table too wide for the terminal past its words, and crops what is left over;
    a grid sets widths that fit, so Rich never has to."""
    from ml_career.render import layout

    def squeezed(*args: object) -> None:
        raise AssertionError("a table was too wide for the terminal")

    monkeypatch.setattr(layout._ruled_table(), "_collapse_widths", squeezed)
    shown = cli(*args, env={"COLUMNS": str(width)})
    assert shown.exit_code == 0, shown.stderr


def lines_of(shown: str) -> list[str]:
    return [line.rstrip() for line in shown.splitlines()]


def test_salary_draws_its_bars_from_100_columns_with_blocks(cli: Invoke) -> None:
    narrower = lines_of(cli("salary", env={"COLUMNS": "80"}).stdout)
    assert not any("█" in line for line in narrower)  # at 80 the labels keep the room, a line each
    shown = lines_of(cli("salary", env={"COLUMNS": "100"}).stdout)
    senior = next(line for line in shown if line.startswith("Senior "))
    assert "$208,000" in senior
    assert "█" in senior
    assert any(line.startswith("Level or scope") for line in shown) and any(
        "Publisher" in line for line in shown
    )  # a table, not records


def test_bars_fall_back_to_ascii_where_the_encoding_has_no_blocks() -> None:
    import io

    from rich.console import Console

    from ml_career.dataset.loading import load_career
    from ml_career.queries.salary import salary_report
    from ml_career.render.registry import render

    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    console = Console(file=stream, width=100, color_system=None)
    console.print(render(salary_report(load_career()), 100))
    stream.flush()
    text = stream.buffer.getvalue().decode("ascii")  # type: ignore[attr-defined]
    assert "█" not in text
    assert re.search(r"\$208,000  #{8,}", text)


@pytest.mark.parametrize("width", [40, 60, 80])
def test_resources_show_every_address_whole(cli: Invoke, width: int) -> None:
    shown = lines_of(cli("resources", env={"COLUMNS": str(width)}).stdout)
    words = [word for line in shown for word in line.split()]
    assert "https://deepmind.google/discover/blog/" in words
    assert "https://research.google/blog/" in words


def test_resources_are_a_table_where_the_addresses_fit(cli: Invoke) -> None:
    shown = lines_of(cli("resources", env={"COLUMNS": "120"}).stdout)
    assert shown[1].split() == ["Resource", "Address"]


def test_below_sixty_columns_tables_become_records(cli: Invoke) -> None:
    shown = lines_of(cli("outlook", env={"COLUMNS": "59"}).stdout)
    assert not any(set(line) == {"─"} for line in shown)
    assert any(line.startswith("  What it measures, period [m") for line in shown)


def test_wrapped_lines_keep_their_indentation(cli: Invoke) -> None:
    shown = lines_of(cli("education", "--sources", env={"COLUMNS": "60"}).stdout)
    # The last "1. Earn a bachelor...": the step in the detail, with its text below it.
    step = max(index for index, line in enumerate(shown) if line.startswith("  1. Earn a bachelor"))
    assert shown[step + 1].startswith("     ")  # the step's text, under the step's title
    assert shown[step + 2].startswith("     ")
    measures = lines_of(cli("salary", "--sources", env={"COLUMNS": "60"}).stdout)
    first = measures.index(next(line for line in measures if line.startswith("  Entry-Level: ")))
    assert measures[first + 1].startswith("    ")  # a measure wraps under its label


def test_a_dropped_column_is_named() -> None:
    from rich.console import Console
    from rich.text import Text

    from ml_career.render.widgets import Column, grid

    columns = [Column("Name", no_wrap=True), Column("Figure", no_wrap=True), Column("Note", no_wrap=True, drop=1)]
    rows = [[Text("a" * 20), Text("b" * 20), Text("c" * 30)]]
    console = Console(width=70, file=None, record=True, color_system=None)
    with console.capture() as captured:
        console.print(grid(columns, rows, 70))
    assert "Not shown at 70 columns: Note" in captured.get()
    assert "c" * 30 not in captured.get()


def _styled(args: list[str]) -> str:
    """The view as a colour terminal would get it, escape codes and all."""
    from typer.testing import CliRunner

    from ml_career.cli.app import app

    result = CliRunner().invoke(app, args, env={"COLUMNS": "200", "NO_COLOR": "", "FORCE_COLOR": "1"})
    return result.stdout


@pytest.mark.parametrize(
    ("args", "label"),
    [
        (["plan"], "Starting from: "),
        (["plan"], "Total: "),
        (["plan"], "Entry point, Junior Machine Learning Engineer: "),
        (["education"], "Online education? "),
        (["education"], "Do I need a degree? "),
        (["education", "--sources"], "Why a computer science degree?"),
        (["education"], "Entry-level positions that lead to a Machine Learning career: "),
        (["progress"], "Progress: 0% "),
    ],
)
def test_only_labels_are_bold(args: list[str], label: str) -> None:
    shown = _styled(args)
    # The label is bold, and its bold ends (ESC[0m) where the text that follows it begins.
    assert f"\x1b[1m{label}\x1b[0m" in shown or f"{label}\x1b[0m" in shown, label


def test_answers_roles_and_steps_are_plain_text() -> None:
    shown = _styled(["education", "--sources"])
    for text in ("Earn a bachelor's degree", "Computer engineer, Data scientist", "Yes, you can become"):
        line = next(line for line in shown.splitlines() if text in line)
        assert "\x1b[1m" not in line[line.index(text) - 8 :], line
