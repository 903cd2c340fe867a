"""`mlcareer export`: Markdown, HTML and SVG documents of the plan and progress."""

from __future__ import annotations

import os
import re
import stat
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import Invoke


def test_markdown_checklist_to_stdout(cli: Invoke) -> None:
    cli("progress", "deep-learning", "done")
    result = cli("export", "--target", "senior", "--residency", "in-state")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Machine Learning Engineer: my plan"
    assert "- [x] Deep Learning (done), 0/6 tools done or skipped \\[y\\]" in lines
    checklist = (
        r"- \[ \] Programming Languages, 0/3 tools done or skipped: learn with GitHub https://github\.com/ \\\[m\d+\\\]"
    )
    assert any(re.fullmatch(checklist, line) for line in lines)
    assert "- [ ] tool: Python" in lines
    assert "## Skills and tools: 1.5% done or skipped (1 of 66)" in lines
    assert (
        "- **Total:** unknown: no duration for Gain entry-level work experience, Junior Machine Learning Engineer, "
        "Machine Learning Engineer (the other steps: 4 years) \\[c2\\]; tuition $40,648 \\[c1\\]"
    ) in lines
    key = lines[lines.index("## Sources and marks") + 2 :]
    # An article's mark is its place in the data file's sources, whatever the export cites first.
    assert key[:2] == [
        "- \\[1\\] article 000\\_8041139819ee8e8c: What is a Machine Learning Engineer and How to Become One",
        "- \\[2\\] article 001\\_995d3af200f6d066: Machine Learning Engineer",
    ]
    assert any(line.startswith("- \\[c1\\] computed by mlcareer: total = average x years") for line in key)
    suggestion = r"- \\\[m\d+\\\] mlcareer's reading, not the articles': mlcareer's suggestion"
    assert any(re.match(suggestion, line) for line in key)
    assert "- \\[y\\] yours: what you gave, chose or assumed" in key


def test_markdown_and_html_carry_the_same_facts(cli: Invoke) -> None:
    import html as html_module
    import re

    cli("progress", "deep-learning", "skipped")
    cli("progress", "tool.git", "done", "--note", "Pro Git, chapters 1-3")
    timeline = ["--target", "senior", "--assume", "experience=1y", "--assume", "junior=2y", "--start", "2027-01"]
    markdown = cli("export", "--format", "markdown", *timeline).stdout
    page = cli("export", "--format", "html", *timeline).stdout
    page_text = html_module.unescape(re.sub(r"<[^>]+>", " ", page))
    for line in markdown.splitlines():
        shown = re.sub(r"\\(.)", r"\1", line.lstrip("#- ").replace("**", "").replace("[x] ", "").replace("[ ] ", ""))
        assert " ".join(shown.split()) in " ".join(page_text.split()), line
    assert "Skills and tools: 3% done or skipped (2 of 66)" in page_text
    # Every date computed one way: the formula's mark on the first milestone only.
    assert "begins 2027-01 [c3]" in page_text and "begins 2032-01 [y] (after 5 years)" in page_text
    assert "[y] your note: Pro Git, chapters 1-3" in page_text


def test_html_page_is_standalone_and_escaped(cli: Invoke, tmp_path: Path) -> None:
    output = tmp_path / "plan.html"
    result = cli("export", "--format", "HTML", "--output", str(output), "--degree", "master")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"Wrote {output} (html)." in result.stderr
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<link" not in page and "<script" not in page
    assert "Earn a bachelor&#x27;s degree in computer science" in page

    class Checker(HTMLParser):
        boxes = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.boxes += tag == "input"

    checker = Checker()
    checker.feed(page)
    assert checker.boxes == 66  # every skill and tool, each once


def test_svg_is_well_formed(cli: Invoke, tmp_path: Path) -> None:
    output = tmp_path / "plan.svg"
    assert cli("export", "-f", "svg", "-o", str(output)).exit_code == 0
    root = ElementTree.parse(output).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Your plan" in output.read_text(encoding="utf-8").replace("&#160;", " ")


def test_unknown_format_and_unwritable_output(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", "--format", "markdwn")
    assert result.exit_code == 2 and "Did you mean 'markdown'" in result.stderr
    blocked = tmp_path / "file"
    blocked.write_text("x")
    result = cli("export", "--output", str(blocked / "plan.md"))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600)])
def test_a_new_export_gets_the_permissions_the_umask_gives(
    script: Invoke, tmp_path: Path, umask: int, expected: int
) -> None:
    output = tmp_path / "plan.md"
    previous = os.umask(umask)  # the child process inherits it
    try:
        assert script("export", "-o", str(output)).exit_code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(output.stat().st_mode) == expected


def test_a_replaced_export_keeps_its_permissions(cli: Invoke, tmp_path: Path) -> None:
    output = tmp_path / "plan.md"
    output.write_text("old")
    output.chmod(0o640)
    assert cli("export", "-o", str(output)).exit_code == 0
    assert stat.S_IMODE(output.stat().st_mode) == 0o640
    assert output.read_text(encoding="utf-8").startswith("# Machine Learning Engineer: my plan\n")


def test_a_file_name_with_a_newline_is_reported_on_one_line(cli: Invoke, tmp_path: Path) -> None:
    output = tmp_path / "my\nplan.md"
    result = cli("export", "--output", str(output))
    assert result.exit_code == 0 and output.exists()
    assert result.stderr == f"Wrote {tmp_path}/my\u240aplan.md (markdown).\n"


@pytest.mark.parametrize(
    ("name", "start"),
    [("plan.md", "# Machine"), ("plan.markdown", "# Machine"), ("plan.HTML", "<!DOCTYPE"),
     ("plan.htm", "<!DOCTYPE"), ("plan.svg", "<svg"), ("plan.txt", "# Machine")],
)  # fmt: skip
def test_the_format_follows_the_extension(cli: Invoke, tmp_path: Path, name: str, start: str) -> None:
    output = tmp_path / name
    assert cli("export", "--output", str(output)).exit_code == 0
    assert output.read_text(encoding="utf-8").lstrip().startswith(start)


def test_format_overrides_the_extension(cli: Invoke, tmp_path: Path) -> None:
    output = tmp_path / "plan.html"
    assert cli("export", "--format", "markdown", "--output", str(output)).exit_code == 0
    assert output.read_text(encoding="utf-8").startswith("# Machine Learning Engineer: my plan")


def test_html_carries_everything_markdown_does(cli: Invoke) -> None:
    import html as html_module
    import re

    markdown = cli("export").stdout
    page = cli("export", "--format", "html").stdout
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", page))
    flat = " ".join(re.sub(r"[<>\[\]]", " ", text).split())
    unescaped = re.sub(r"\\(.)", r"\1", markdown)
    words = re.sub(r"\*\*|[#\[\]<>`|]|^- |^_|_$", " ", unescaped, flags=re.MULTILINE)
    for line in words.splitlines():
        for part in re.split(r"\s*[:;(),]\s*", line):
            part = " ".join(part.split())
            if len(part) > 3 and part not in {"x", "Steps", "Salary"}:
                assert part in flat, part


def test_the_svg_names_no_folder_of_the_user(cli: Invoke, isolated_environment: Path) -> None:
    picture = cli("export", "--format", "svg").stdout
    assert str(isolated_environment) not in picture
    shown = picture.replace("&#160;", " ")
    # An export saves nothing, so it does not say where anything is saved.
    assert "Saved in" not in shown and "state.json" not in shown


def test_the_svg_defines_each_mark_once(cli: Invoke) -> None:
    import re

    shown = cli("export", "--format", "svg", "--target", "senior").stdout.replace("&#160;", " ")
    defined = re.findall(r">(\[c\d+\]) </text>", shown)
    assert defined and len(defined) == len(set(defined)), defined
