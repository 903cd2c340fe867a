"""`mlcareer gap`: the skills and tools a resume or a job posting mentions, and where."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from ml_career.advisor.matching import Matcher
from ml_career.queries.items import Item
from tests.conftest import REPO, Invoke

FIXTURES = REPO / "tests" / "fixtures"
RESUME = FIXTURES / "resume.json"
POSTING = FIXTURES / "posting.txt"


def gap_json(cli: Invoke, *args: str, input: str | None = None) -> dict[str, Any]:
    result = cli("gap", *args, "--json", input=input)
    assert result.exit_code == 0, result.stderr
    document = result.json()
    assert isinstance(document, dict)
    return document


def where(document: dict[str, Any]) -> dict[str, list[str]]:
    return {item["id"]: item["where"] for item in document["mentioned"]}


def test_a_json_resume_names_each_mention_by_its_json_path(cli: Invoke) -> None:
    document = gap_json(cli, str(RESUME))
    assert document["read_as"] == "JSON Resume"
    found = where(document)
    assert found["tool.python"] == ["work[0].highlights[0]", "skills[0].keywords[0]"]  # in the file's order
    assert found["tool.r"] == ["skills[0].keywords[1]"]  # "Paris", "Reporting" and "R&D" are not R
    assert found["tool.pytorch"] == ["projects[0].keywords[0]"]
    assert found["tool.cnns"] == ["projects[0].keywords[1]", "projects[0].highlights[0]"]  # "convolutional networks"
    assert found["tool.cross-validation"] == ["work[0].highlights[0]"]  # "cross validation"
    assert found["tool.matplotlib"] == ["work[0].highlights[2]"]  # lower case
    assert found["tool.google-cloud"] == ["projects[0].highlights[0]"]  # "Google-Cloud"
    assert found["tool.aws"] == ["certificates[0].name"]
    assert found["tool.git"] == ["projects[0].highlights[0]"]
    assert "tool.tensorflow" not in found
    for item in document["mentioned"] + document["not_mentioned"]:
        assert set(item) == {"id", "name", "kind", "where", "provenance", "reason", "source", "spellings", "weak"}
        assert item["provenance"] == "mlcareer"
    assert {item["id"] for item in document["not_mentioned"]}.isdisjoint(found)
    assert len(document["mentioned"]) + len(document["not_mentioned"]) == 66
    assert document["unknown_terms"] == [] and document["unknown_heuristic"] is None


def test_the_view_says_mentioned_never_mastered(cli: Invoke) -> None:
    shown = cli("gap", str(RESUME), "--sources", env={"COLUMNS": "3000"})
    assert shown.exit_code == 0
    assert "Mentioned is not mastered: this is a reading aid, not a score." in shown.flat
    assert "Mentioned: 14 of 66 skills and tools" in shown.flat
    # One reading matched every name: its mark is on the column's header, for the whole column.
    assert "Name [m2]" in shown.flat and "PyTorch tool.pytorch tool projects[0].keywords[0]" in shown.flat
    assert "mastered" not in shown.flat.replace("not mastered", "")
    assert "[m2] mlcareer's reading, not the articles': mlcareer matched the item's name" in shown.flat


def test_a_job_posting_lists_by_line_and_names_what_the_data_set_lacks(cli: Invoke) -> None:
    document = gap_json(cli, str(POSTING))
    assert document["read_as"] == "job posting" and document["read_as_provenance"]["provenance"] == "mlcareer"
    assert document["read_as_provenance"]["reason"] == document["read_as_reason"]
    found = where(document)
    assert found["tool.pytorch"] == found["tool.tensorflow"] == ["line 7"]
    assert found["nlp"] == ["line 19"]
    assert found["tool.transformers"] == ["line 19"]
    unknown = {term["term"]: term["where"] for term in document["unknown_terms"]}
    assert {"Kubernetes", "MLflow", "Airflow", "Spark", "SQL", "FastAPI", "S3", "SageMaker"} <= set(unknown)
    assert "GCP" not in unknown and found["tool.google-cloud"] == ["line 14"]  # the data file's spelling
    assert unknown["Kubernetes"] == ["line 8"]
    for ordinary in ("Paris", "London", "Remote", "EU", "Build", "Experience", "90k", "Apply"):
        assert ordinary not in unknown
    assert document["unknown_heuristic"].startswith("mlcareer's reading of the posting")
    shown = cli("gap", str(POSTING), env={"COLUMNS": "3000"}).flat
    # One reading found every term: marked once, on the list's heading.
    assert re.search(r"Named in the posting, not in the data set: \d+ \[m\d+\]", shown)
    assert "Kubernetes (line 8)" in shown


def test_stdin_and_reading_as_you_say(cli: Invoke) -> None:
    document = gap_json(cli, "-", "--as", "posting", input="Keras, Plotly, Terraform and Julia\n")
    assert document["file"] == "stdin"
    assert (document["read_as"], document["read_as_provenance"]) == (
        "job posting",
        {"provenance": "you", "input": "--as"},
    )
    assert set(where(document)) == {"tool.keras", "tool.plotly", "tool.julia"}
    assert [term["term"] for term in document["unknown_terms"]] == ["Terraform"]
    plain = gap_json(cli, "-", input="I like pytorch.\n")
    assert plain["read_as"] == "resume" and plain["unknown_terms"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PyTorch", True),
        ("pytorch", True),
        ("Py-Torch", True),
        ("CNN", True),
        ("cnns", True),
        ("pytorchy", False),
        ("scikit-learn", True),
        ("scikit learn", True),
        ("Scikit_Learn", True),
        ("scikitlearn", True),
    ],
)
def test_case_plurals_and_punctuation_are_ignored(text: str, expected: bool) -> None:
    items = [
        Item("tool.pytorch", "PyTorch", "tool", "g", ()),
        Item("tool.scikit-learn", "scikit-learn", "tool", "g", ()),
        Item("tool.cnns", "CNNs", "tool", "g", ()),
    ]
    assert bool(Matcher(items).find(text)) is expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Python, R and SQL", True),
        ("R.", True),
        ("Paris", False),
        ("Reporting", False),
        ("R&D", False),
        ("r", False),
        ("R-squared", False),
        ("our team", False),
    ],
)
def test_a_one_letter_name_never_matches_inside_a_word(text: str, found: bool) -> None:
    assert bool(Matcher([Item("tool.r", "R", "tool", "g", ())]).find(text)) is found


def test_mark_records_the_mentions_and_plan_lists_what_is_left(cli: Invoke) -> None:
    result = cli("gap", str(RESUME), "--mark", env={"COLUMNS": "3000"})
    assert result.exit_code == 0
    assert "Marked as done in your progress: 14 [m" in result.flat
    assert "Mentioned: 14 of 66" in result.flat  # shown first, then recorded
    statuses = {row["id"]: row["status"] for row in cli("progress", "--json").json()["items"]}  # type: ignore[index]
    assert statuses["tool.pytorch"] == statuses["tool.docker"] == "done"
    assert statuses["tool.tensorflow"] == "pending"
    plan = cli("plan", "--target", "senior", "--json").json()
    assert isinstance(plan, dict)
    left = {skill["id"]: skill for skill in plan["skills_to_learn"]}
    assert left["deep-learning"]["tools_to_learn"] == ["RNNs", "transformers"]  # PyTorch is one of three
    assert "data-visualization" not in left and "programming-languages" not in left  # done by their tools


@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        ("missing.json", None, 2, "missing.json: no such file"),
        ("empty.txt", b"", 1, "empty.txt: empty"),
        ("blank.txt", b"  \n\n", 1, "blank.txt: empty"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, "photo.png: a binary file, not text"),
        ("latin1.txt", "caf\xe9 Python".encode("latin-1"), 1, "latin1.txt: not UTF-8 text"),
        ("package.json", b'{"name": "left-pad", "version": "1.0.0"}', 1, "package.json: JSON, but not a JSON Resume"),
        ("list.json", b"[1, 2, 3]", 1, "list.json: JSON, but not a JSON Resume"),
        ("broken.json", b'{"skills": [', 1, "broken.json: not valid JSON (line 1"),
        ("odd.json", b'{"skills": {"name": "Python"}}', 1, "odd.json: not a JSON Resume: skills should be a list"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, 1, "deep.json: JSON nested too deeply"),
        ("deeper.json", b'{"skills": ' + b"[" * 5_000 + b"]" * 5_000 + b"}", 1, "deeper.json: JSON nested too deeply"),
        ("utf16.txt", b"\xff\xfeP\x00\x00\x00", 1, "utf16.txt: a binary file, not text"),
    ],
)
def test_bad_input_is_one_clear_line_naming_the_file(
    cli: Invoke, tmp_path: Path, name: str, content: bytes | None, code: int, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = cli("gap", str(path))
    assert result.exit_code == code
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_folder_is_refused(cli: Invoke, tmp_path: Path) -> None:
    result = cli("gap", str(tmp_path))
    assert result.exit_code == 2 and f"{tmp_path}: a folder, not a file" in result.stderr


def test_gap_as_a_real_process(script: Invoke) -> None:
    result = script("gap", "-", "--json", input=POSTING.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["read_as"] == "job posting"
    assert "tool.docker" in {item["id"] for item in document["mentioned"]}
    shown = script("gap", str(RESUME), "--mark")
    assert shown.exit_code == 0 and "Marked as done in your progress" in shown.flat
    assert script("gap", str(RESUME) + ".nope").exit_code == 2


def test_a_fifo_is_refused_at_once_instead_of_waiting(cli: Invoke, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "posting.fifo"
    os.mkfifo(fifo)
    result = cli("gap", str(fifo))
    assert result.exit_code == 1 and "is a pipe (FIFO), not a regular file" in result.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_saved_with_a_byte_order_mark_is_read_in_its_encoding(cli: Invoke, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "resume.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + "Python and Docker, in Paris\n".encode(encoding))
    assert set(where(gap_json(cli, str(path)))) == {"tool.python", "tool.docker"}


def test_terminal_escapes_and_control_characters_do_not_hide_a_name(cli: Invoke, tmp_path: Path) -> None:
    text = "\x1b[31mPyTorch\x1b[0m, \x1b]0;title\x07Docker\x08Keras\x0cGit"
    plain = tmp_path / "copied.txt"
    plain.write_text(text, encoding="utf-8")
    resume = tmp_path / "resume.json"
    resume.write_text(json.dumps({"skills": [{"keywords": [text]}]}), encoding="utf-8")
    for path in (plain, resume):
        found = set(where(gap_json(cli, str(path))))
        assert {"tool.pytorch", "tool.docker", "tool.keras", "tool.git"} <= found, path


def test_a_long_file_is_read_in_linear_time_and_the_view_shows_the_first_places(cli: Invoke, tmp_path: Path) -> None:
    import time

    posting = tmp_path / "long.txt"
    lines = ["Requirements and responsibilities"] + ["Python with Kubernetes"] * 40_000
    posting.write_text("\n".join(lines), encoding="utf-8")
    began = time.monotonic()
    document = gap_json(cli, str(posting))
    assert time.monotonic() - began < 15  # a place list searched on every line took minutes
    assert len(where(document)["tool.python"]) == 40_000
    assert len(document["unknown_terms"][0]["where"]) == 40_000
    shown = cli("gap", str(posting)).flat
    assert "line 2, line 3, line 4, line 5, line 6 and 39995 more" in shown
    assert "Kubernetes (line 2, line 3, line 4, line 5, line 6 and 39995 more)" in shown
