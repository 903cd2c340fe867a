"""Each default view answers first and fits its budget at 80 columns; the detail is one flag away."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Invoke

# The view, the most lines it may print at 80 columns with default inputs in a pipe, and a
# text that must appear within its first lines (the answer before anything else).
BUDGETS: list[tuple[tuple[str, ...], int, str | None, int | None]] = [
    (("salary", "--level", "senior"), 12, "$208,000", 3),
    (("salary",), 24, None, None),
    (("path",), 30, None, None),
    (("education",), 30, "$40,648", 15),
    (("skills",), 60, None, None),
    (("plan", "--target", "senior"), 45, "Total:", 20),
    (("role",), 60, None, None),
    (("jobs",), 60, None, None),
    (("outlook",), 40, None, None),
    (("internships",), 30, None, None),
    (("resources",), 30, None, None),
]
VIEWS = [args for args, *_ in BUDGETS]
AT_80 = {"COLUMNS": "80"}

# What each view keeps behind --sources: the articles' words, what a figure measures, a reason.
MOVED = {
    ("salary", "--level", "senior"): "varies significantly based on experience",
    ("salary",): "What each figure measures [m",
    ("path",): "mentor junior engineers",
    ("education",): "Why a computer science degree?",
    ("skills",): "Proficiency in programming languages such as Python",
    ("plan", "--target", "senior"): "What each step involves",
    ("role",): "serves as the architect behind the development",
    ("jobs",): "fraud detection, risk assessment",
    ("outlook",): "What drives demand",
    ("internships",): "cutting-edge ML projects",
    ("resources",): "kernels (detailed code notebooks)",
}


def named(args: tuple[str, ...]) -> str:
    return " ".join(args) or "bare"


MARK = re.compile(r"\[(\d+|[cm]\d+|y)\]")


@pytest.mark.parametrize(("args", "most", "first", "within"), BUDGETS, ids=[" ".join(b[0]) for b in BUDGETS])
def test_each_view_fits_its_budget_at_80_columns(
    cli: Invoke, args: tuple[str, ...], most: int, first: str | None, within: int | None
) -> None:
    result = cli("--no-input", *args, env=AT_80)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) <= most, f"{' '.join(args)}: {len(lines)} lines\n{result.stdout}"
    assert max(map(len, lines)) <= 80
    if first is not None and within is not None:
        assert first in "\n".join(lines[:within]), result.stdout


@pytest.mark.parametrize("args", VIEWS, ids=named)
def test_the_detail_is_behind_sources_and_the_view_points_there(cli: Invoke, args: tuple[str, ...]) -> None:
    default = cli("--no-input", *args, env=AT_80)
    full = cli("--no-input", *args, "--sources", env=AT_80)
    assert default.exit_code == full.exit_code == 0
    assert MOVED[args] not in default.flat
    assert MOVED[args] in full.flat
    assert default.stdout.splitlines()[-1].startswith("--sources: the articles' words")
    # The full key says what each mark means; the short one names its articles by title alone.
    assert "article 000_8041139819ee8e8c: What is a Machine Learning Engineer" in full.flat
    assert "article 000_8041139819ee8e8c" not in default.stdout


@pytest.mark.parametrize("args", VIEWS, ids=named)
def test_the_short_key_explains_every_mark_the_view_uses(cli: Invoke, args: tuple[str, ...]) -> None:
    lines = cli("--no-input", *args, env=AT_80).stdout.splitlines()
    key_start = next(i for i, line in enumerate(lines) if re.match(r"\[1\] \S", line))
    body, key = "\n".join(lines[:key_start]), lines[key_start:]
    used = set(MARK.findall(body))
    articles = {line.split("]")[0][1:] for line in key if re.match(r"\[\d+\] ", line)}
    assert {mark for mark in used if mark.isdigit()} == articles
    kinds = key[len(articles)] if any(not mark.isdigit() for mark in used) else ""
    for kind, words in (("c", "computed by mlcareer"), ("m", "mlcareer's reading"), ("y", "[y] yours")):
        assert (words in kinds) == any(mark.startswith(kind) for mark in used), (kind, kinds)


def test_a_figure_shared_by_every_rung_is_said_once_on_the_ladder(cli: Invoke) -> None:
    shown = cli("path", env=AT_80).stdout
    # A rung without a figure shows "no figure"; the role's figures, for all levels, once, apart.
    assert " ".join(shown.split()).count("The role as a whole, all levels: $156,000") == 1
    assert shown.count("$125,672") == 1
    # One reading for every rung without a figure: marked once, on the first.
    assert re.findall(r"no figure(?: \[m\d+\])?", shown) == ["no figure [m2]"] + ["no figure"] * 3
    # One article describes every rung: its mark is on the column's header, not on each row.
    assert re.search(r"^ +Rung \[\d\] ", shown, re.MULTILINE)
    assert "Junior Machine Learning Engineer [" not in shown


@pytest.mark.parametrize("args", [(), *VIEWS, ("sources",), ("progress",), ("salary", "--sources")], ids=named)
def test_nothing_in_a_pipe_is_padded(script: Invoke, args: tuple[str, ...]) -> None:
    result = script("--no-input", *args, env=AT_80)
    assert result.exit_code == 0, result.stderr
    padded = [line for line in result.stdout.splitlines() if line != line.rstrip()]
    assert padded == []


def test_bare_mlcareer_shows_the_quick_facts(cli: Invoke) -> None:
    result = cli(env=AT_80)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) <= 24, result.stdout
    assert lines[0] == "Machine Learning Engineer: quick facts"
    facts = {line.split("  ")[0]: line for line in lines[1:] if line[:1].isalpha() and "  " in line}
    assert "$118,000 (Glassdoor, undated) [1]" in facts["Entry-level pay"]
    assert "$208,000 (Glassdoor, undated) [1]" in facts["Senior pay"]
    assert "Bachelor's degree in computer science [1][m1], 4 years [1]" in facts["Typical education"]
    assert "$40,648 state resident; $134,508 out-of-state student [c1]" in facts["Tuition in total"]
    assert "40% Projected growth in demand for ML specialists" in facts["Outlook"]
    assert "No: \"While this tech job isn't entry-level," in facts["Entry-level job?"]
    assert 'exciting and rewarding." [2]' in result.flat
    assert "[2] Machine Learning Engineer" in lines
    assert any(line.startswith("[c1] computed by mlcareer; [m1-") for line in lines)
    tried = [line.split("  ")[1] for line in lines[-4:-1]]
    assert tried == ["mlcareer salary --level senior", "mlcareer plan --target senior", "mlcareer education"]
    assert lines[-1] == "Every command and option: mlcareer --help"


def test_help_stays_the_help(cli: Invoke) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: mlcareer")
    assert "salary       What the career pays" in result.stdout


def test_every_question_command_and_the_advisor_take_sources(cli: Invoke) -> None:
    for command in ("sources", "search", "fit", "gap"):
        assert "--sources" in cli(command, "--help").stdout


def test_quick_facts_say_what_the_articles_do_not(cli: Invoke, tmp_path: Path) -> None:
    from tests.second_career import SECOND_CAREER

    data = tmp_path / "data_engineer.toml"
    data.write_text(SECOND_CAREER, encoding="utf-8")
    lines = cli("--data", str(data), env=AT_80).stdout.splitlines()
    assert lines[:4] == [
        "Data Engineer: quick facts",
        "Entry-level pay    no figure in the articles",
        "Senior pay         no figure in the articles",
        "Entry-level job?   the articles do not say",
    ]


def test_coloured_output_in_a_pipe_is_not_padded_either(script: Invoke) -> None:
    result = script("salary", env={**AT_80, "FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[" in result.stdout
    plain = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in result.stdout.splitlines()]
    assert [line for line in plain if line != line.rstrip()] == []
