"""A reading shared by many rows is marked once, and the plan's facts read the same everywhere."""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest
from rich.text import Text

from ml_career.render.shared_marks import marked_once
from tests.conftest import REPO, Invoke

RESUME = str(REPO / "tests" / "fixtures" / "resume.json")
POSTING = str(REPO / "tests" / "fixtures" / "posting.txt")
VIEWS = [
    (),
    ("salary",),
    ("salary", "--level", "senior"),
    ("path",),
    ("education",),
    ("skills",),
    ("role",),
    ("jobs",),
    ("outlook",),
    ("internships",),
    ("resources",),
    ("plan",),
    ("plan", "--target", "senior"),
    ("progress",),
    ("gap", RESUME),
    ("gap", POSTING),
    ("gap", RESUME, "--against", POSTING),
    ("search", "senior"),
    ("search", "kaggle"),
    ("sources",),
]
OURS = re.compile(r"\[[mc]\d+\]")
# Two figures, not one fact twice: the plan's total tuition and the tuition of the step it sums
# rest on the same formula.
TWO_FIGURES = {("plan",): {"[c1]"}, ("plan", "--target", "senior"): {"[c1]"}}
# A label on a line of its own, which no header covers: each line says the label is mlcareer's,
# so "National average (all workers)" never reads as the article's words.
# The age's formula is on each of those lines too, as no header carries it.
LABELS_ON_LINES = {("salary", "--level", "senior"): {"[m1]", "[c2]"}}
# Views of several tables, each with its own header and title: each table says whose its words are.
TABLES_OF_THEIR_OWN = {("sources",)}


def _own_names(cli: Invoke) -> re.Pattern[str]:
    """A skill's name of mlcareer's with its marks: a name in a list, which no header covers, says
    whose it is on every name, so that "Working in a team" never reads as the article's words."""
    document = cli("progress", "--json").json()
    assert isinstance(document, dict)
    names = {row["name"] for row in document["items"] if row["name_provenance"]["provenance"] == "mlcareer"}
    assert "Working in a team" in names
    # A group's title of mlcareer's says so on every row that names it, for the same reason.
    titles = {title["text"] for title in document["group_titles"] if title["provenance"] == "mlcareer"}
    assert "Skills you will learn" in titles
    names |= titles
    return re.compile("(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r") (\[\d+\])*\[m\d+\]")


def _names_marks(cli: Invoke, shown: str) -> set[str]:
    """The marks a full key gives to the readings of mlcareer's names and group titles: a column
    of names keeps each row's mark, wrapped however the table wraps it."""
    document = cli("progress", "--json").json()
    assert isinstance(document, dict)
    reasons = {row["name_provenance"].get("reason") for row in document["items"]}
    reasons |= {title.get("reason") for title in document["group_titles"]}
    starts = {reason[:30] for reason in reasons if reason}
    key = re.findall(r"^(\[m\d+\]) mlcareer's reading, not the articles': (.{30})", shown, re.M)
    return {mark for mark, reason in key if reason in starts}


@pytest.mark.parametrize("args", VIEWS, ids=lambda args: " ".join(a.rsplit("/", 1)[-1] for a in args) or "bare")
def test_no_view_repeats_a_reading_s_mark_on_several_rows(cli: Invoke, args: tuple[str, ...]) -> None:
    shown = cli("--no-input", *args, env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.stderr
    # The key's lines ([m1] ..., or the short key's "[m1-7] mlcareer's reading") say what marks mean.
    lines = [line for line in shown.stdout.splitlines() if not re.match(r"\s*\[[0-9cmy]", line)]
    if args in TABLES_OF_THEIR_OWN:  # each table's title and header (the two lines above its rule)
        ruled = [i for i, line in enumerate(lines) if line.strip().startswith("─")]
        headed = {i - k for i in ruled for k in (1, 2, 3)}
        lines = [line for i, line in enumerate(lines) if i not in headed]
    text = _own_names(cli).sub("", " ".join(" ".join(lines).split()))
    marks = Counter(OURS.findall(text))
    allowed = TWO_FIGURES.get(args, set()) | LABELS_ON_LINES.get(args, set()) | _names_marks(cli, shown.stdout)
    repeated = {mark for mark, count in marks.items() if count > 1} - allowed
    assert not repeated, shown.stdout


def test_a_column_whose_rows_share_a_mark_has_it_on_its_header(cli: Invoke) -> None:
    shown = cli("progress", env={"COLUMNS": "120"}).stdout
    assert re.search(r"Status \[m\d+\]", shown)
    assert "pending [m" not in shown
    # Once an item is yours, the column's rows differ: each status carries its own mark again.
    cli("progress", "python", "done")
    shown = cli("progress", env={"COLUMNS": "120"}).stdout
    assert re.search(r"done \[y\]", shown) and len(re.findall(r"pending \[m\d+\]", shown)) == 1


def test_marked_once_moves_a_shared_mark_to_the_header_and_keeps_an_article_s_mark() -> None:
    rows = [[Text("Python [1][m2]"), Text("pending [m1]")], [Text("R [1][m2]"), Text("pending [m1]")]]
    headed, shown = marked_once(["Name", "Status"], rows)
    assert headed == ["Name [m2]", "Status [m1]"]
    assert [[cell.plain for cell in row] for row in shown] == [["Python [1]", "pending"], ["R [1]", "pending"]]


def test_marked_once_keeps_a_reading_on_the_first_row_that_shares_it() -> None:
    rows = [[Text("GitHub [m3]")], [Text("Kaggle [m6]")], [Text("Kaggle [m6]")], [Text("-")], [Text("Kaggle [m6]")]]
    headed, shown = marked_once(["Where to learn"], rows)
    assert headed == ["Where to learn"]
    assert [row[0].plain for row in shown] == ["GitHub [m3]", "Kaggle [m6]", "Kaggle", "-", "Kaggle"]
    # Two figures of one reading in one cell: the mark after the first.
    _, shown = marked_once(["Outlook"], [[Text("40% [1][m3], 21% [2][m3]")], [Text("-")]])
    assert shown[0][0].plain == "40% [1][m3], 21% [2]"


PLAN = ("--target", "senior", "--residency", "in-state")
SECTIONS = ("Starting point", "Steps", "Salary")


def _markdown_items(markdown: str) -> list[str]:
    """The list items of the plan's sections, as text: Markdown's escapes and emphasis taken out."""
    items, section = [], ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            section = line[3:]
        elif line.startswith("- ") and section in SECTIONS:
            items.append(re.sub(r"\\(.)", r"\1", line[2:].replace("**", "")))
    return items


def test_each_plan_fact_reads_the_same_in_the_view_and_every_export(cli: Invoke) -> None:
    view = cli("--no-input", "plan", *PLAN, env={"COLUMNS": "3000"}).flat
    markdown = cli("export", *PLAN).stdout
    page = cli("export", "--format", "html", *PLAN).stdout
    picture = html.unescape(re.sub(r"<[^>]+>", "", cli("export", "--format", "svg", *PLAN).stdout))
    items = _markdown_items(markdown)
    assert any(item.startswith("Total: ") for item in items) and len(items) >= 10
    listed = [html.unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", page)]
    flat_picture = " ".join(picture.replace("\u00a0", " ").split())
    for item in items:
        assert item in view, item
        assert item in listed, item
    # The picture records the view at its own width: a fact's words, without its marks, are there.
    for item in items:
        words = OURS.sub("", re.sub(r"\[\d+\]|\[y\]", "", item)).split()
        assert " ".join(words[:6]) in " ".join(OURS.sub("", re.sub(r"\[\d+\]|\[y\]", "", flat_picture)).split())


def test_the_skills_checklist_says_what_the_views_say(cli: Invoke) -> None:
    cli("progress", "deep-learning", "done")
    markdown = cli("export", *PLAN).stdout
    progress = cli("progress", env={"COLUMNS": "3000"}).flat
    plan = cli("--no-input", "plan", *PLAN, "--sources", env={"COLUMNS": "3000"}).flat
    assert "Deep Learning (done), 0/6 tools done or skipped \\[y\\]" in markdown
    assert "0/6 tools done or skipped" in progress
    suggestion = re.search(r"learn with GitHub https://github\.com/", markdown)
    assert suggestion is not None and suggestion.group() in plan


@pytest.mark.parametrize("export_format", ["markdown", "html"])
def test_no_export_repeats_a_reading_s_mark_on_several_rows(cli: Invoke, export_format: str) -> None:
    shown = cli("export", "--format", export_format, *PLAN)
    assert shown.exit_code == 0, shown.stderr
    body = shown.stdout.split("Sources and marks")[0]  # the key, after it, says what each mark means
    unescaped = re.sub(r"\\(.)", r"\1", body)  # Markdown's escapes taken out
    marks = Counter(OURS.findall(_own_names(cli).sub("", unescaped)))
    assert len(marks) > 5
    assert {mark for mark, count in marks.items() if count > 1} <= TWO_FIGURES[("plan",)], body


def test_every_label_on_a_line_of_its_own_says_it_is_mlcareer_s(cli: Invoke) -> None:
    for level, labels in (("senior", 2), ("engineer", 4)):
        shown = cli("salary", "--level", level, env={"COLUMNS": "80"}).stdout
        assert "National average (all workers) [1][m" in shown, shown
        labelled = re.findall(
            r"^(?:Senior|Median|Average base salary|National average \(all workers\)) \[\d\]\[m\d\]", shown, re.M
        )
        assert len(labelled) == labels, shown
        assert " ;" not in shown, shown  # no space left where a mark given once is not repeated


def test_mlcareer_s_names_of_skills_say_so_in_the_plan_and_its_checklist(cli: Invoke) -> None:
    plan = cli("--no-input", "plan", *PLAN, env={"COLUMNS": "3000"}).flat
    markdown = re.sub(r"\\(.)", r"\1", cli("export", *PLAN).stdout)
    for name in ("Soft skills", "Working in a team", "Fine-tuning and a keen eye for details"):
        assert re.search(re.escape(name) + r" \[3\]\[m\d+\];", plan), plan
        assert re.search(r"- \[ \] " + re.escape(name) + r" \[3\]\[m\d+\]$", markdown, re.M), markdown
    # An article's own name is cited where its list is, not marked as mlcareer's.
    assert "; Deep Learning;" in plan and "- [ ] Deep Learning, 0/6" in markdown


def test_each_group_a_skill_is_in_says_whose_words_its_title_is(cli: Invoke) -> None:
    document = cli("--no-input", "plan", "--json").json()
    assert isinstance(document, dict)
    whose = {title["text"]: title["provenance"] for title in document["group_titles"]}
    assert whose["Skills you will learn"] == "mlcareer"
    for skill in document["skills_to_learn"]:  # a skill's group and the provenance beside it agree
        assert skill["group_provenance"]["provenance"] == whose[skill["group"]], skill
    view = cli("--no-input", "plan", "--sources", env={"COLUMNS": "80"}).stdout
    shown = re.findall(r"Skills you will learn(\s+\[\d\]\[m\d+\])?", view)  # wrapped or not
    assert len(shown) > 2
    assert all(shown), view
