"""A real gap: each field of a JSON Resume, common spellings, a resume against a posting, a --mark that respects you."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ml_career.advisor.matching import MAX_NAME_WORDS, Matcher, tokens
from ml_career.queries.items import Item
from tests.conftest import BUNDLED, REPO, Invoke

FIXTURES = REPO / "tests" / "fixtures"
RESUME = FIXTURES / "career_changer.json"
POSTING = FIXTURES / "ml_engineer_posting.txt"


def as_json(cli: Invoke, *args: str) -> dict[str, Any]:
    result = cli("gap", *args, "--json")
    assert result.exit_code == 0, result.stderr
    document = result.json()
    assert isinstance(document, dict)
    return document


def mentioned(document: dict[str, Any]) -> dict[str, Any]:
    return {item["id"]: item for item in document["mentioned"]}


def test_every_text_field_of_a_json_resume_is_read(cli: Invoke) -> None:
    found = {key: item["where"] for key, item in mentioned(as_json(cli, str(RESUME))).items()}
    assert found["tool.feature-engineering"] == ["education[0].courses[1]"]
    assert found["tool.python"] == ["work[0].summary"]
    assert found["tool.git"] == found["tool.docker"] == ["volunteer[0].summary"]
    assert found["tool.keras"] == ["awards[0].summary"]
    assert found["tool.flask"] == ["publications[0].name"]
    assert found["tool.cross-validation"] == ["publications[0].summary"]
    assert found["tool.hyperparameter-tuning"] == ["projects[0].roles[1]"]
    # who and where you are is not what you did: "Julia" in basics.name, "python3" in basics.url
    assert "tool.julia" not in found and all(not where.startswith("basics.url") for where in found["tool.python"])


def test_common_spellings_are_read_as_the_name_each_with_its_reason(cli: Invoke) -> None:
    found = mentioned(as_json(cli, str(RESUME)))
    spelled = {key: [(s["text"], s["provenance"]) for s in item["spellings"]] for key, item in found.items()}
    assert spelled["tool.google-cloud"] == [("GCP", "mlcareer")]
    assert spelled["tool.aws"] == [("Amazon Web Services", "mlcareer")]
    assert spelled["tool.python"] == [("Python3", "mlcareer")]
    assert spelled["tool.tensorflow"] == [("TensorFlow2", "mlcareer")]
    assert spelled["tool.matplotlib"] == [("matplotlib.pyplot", "mlcareer")]
    assert found["tool.r"]["where"] == ["work[0].highlights[1]"]  # "R's reporting scripts"
    reason = found["tool.google-cloud"]["spellings"][0]["reason"]
    assert reason.startswith("GCP is the common short form of Google Cloud Platform") and reason in BUNDLED.read_text()
    view = cli("gap", str(RESUME), env={"COLUMNS": "3000"}).flat
    # (the reading that matched every name is marked once, on the column's header: Name [m2])
    assert "Name [m2]" in view and "Google Cloud tool.google-cloud tool work[0].summary as GCP [m" in view
    assert "as Amazon Web Services [m" in view


@pytest.mark.parametrize(
    ("text", "found"),
    [("Python3.11 and pandas", True), ("python 3", True), ("R's tidyverse", True), ("ES6", False), ("S3", False)],
)
def test_a_version_or_possessive_joined_to_a_name_is_the_name(text: str, found: bool) -> None:
    items = [Item("tool.python", "Python", "tool", "g", ()), Item("tool.r", "R", "tool", "g", ())]
    assert bool(Matcher(items).find(text)) is found


def test_run_together_words_are_two_words_not_an_unknown_term(cli: Invoke) -> None:
    posting = "Requirements: experience with deploymentsSoftware, Terraform and usingPyTorch. Apply now, you will grow."
    document = json.loads(cli("gap", "-", "--as", "posting", "--json", input=posting).stdout)
    assert [term["term"] for term in document["unknown_terms"]] == ["Terraform"]
    assert "tool.pytorch" in mentioned(document)
    assert [token.raw for token in tokens("deploymentsSoftware")] == ["deployments", "Software"]
    assert [token.raw for token in tokens("TensorFlow iPhone macOS")] == ["TensorFlow", "iPhone", "macOS"]


def test_a_resume_against_a_posting_gives_shown_missing_and_extra(cli: Invoke) -> None:
    document = as_json(cli, str(RESUME), "--against", str(POSTING))
    lists = {name: [item["id"] for item in document[name]] for name in ("shown", "missing", "extra")}
    assert lists == {
        "shown": [
            "statistics-and-probability",
            "deep-learning",
            "tool.tensorflow",
            "tool.pytorch",
            "tool.python",
            "tool.feature-engineering",
            "tool.cross-validation",
            "tool.hyperparameter-tuning",
            "tool.git",
            "tool.docker",
            "tool.aws",
            "tool.google-cloud",  # "Google Cloud Platform" in the posting, "GCP" in the resume
            "tool.statistics",
        ],
        "missing": ["tool.transformers", "tool.testing", "nlp"],
        "extra": ["tool.keras", "tool.r", "tool.matplotlib", "tool.flask", "computer-vision", "data-science"],
    }
    shown = {item["id"]: item for item in document["shown"]}
    assert shown["tool.docker"]["resume"] == ["volunteer[0].summary"] and shown["tool.docker"]["posting"] == ["line 9"]
    assert [term["term"] for term in document["unknown_terms"]][:3] == ["Airflow", "Kubernetes", "SQL"]
    view = cli("gap", str(RESUME), "--against", str(POSTING), env={"COLUMNS": "3000"}).flat
    assert f"Gap: {RESUME} against {POSTING}" in view
    assert "Shown: 13 [m1]" in view and "Missing: 3 [m2]" in view and "Extra: 6 [m3]" in view


def test_an_item_you_marked_done_is_not_missing(cli: Invoke) -> None:
    assert cli("progress", "tool.testing", "done").exit_code == 0
    document = as_json(cli, str(RESUME), "--against", str(POSTING))
    assert [item["id"] for item in document["missing"]] == ["tool.transformers", "nlp"]
    testing = next(item for item in document["shown"] if item["id"] == "tool.testing")
    assert (testing["resume"], testing["status"]) == ([], "done")
    assert testing["reason"].endswith("your progress says it is done")
    view = cli("gap", str(RESUME), "--against", str(POSTING), env={"COLUMNS": "3000"}).flat
    assert "testing tool.testing tool your progress: done [y][m2] line 15" in view


def test_mark_never_overrides_you_nor_marks_a_weak_match(cli: Invoke, isolated_environment: Path) -> None:
    assert cli("progress", "pytorch", "learning", "--note", "fast.ai part 1").exit_code == 0
    assert cli("progress", "tool.docker", "skipped").exit_code == 0
    result = cli("gap", str(RESUME), "--mark", "--json")
    marking = result.json()["marking"]  # type: ignore[index]
    changed = {change["id"]: (change["before"], change["after"]) for change in marking["changes"]}
    assert changed["tool.python"] == ("pending", "done") and "tool.pytorch" not in changed
    assert {(kept["id"], kept["status"]) for kept in marking["kept"]} == {
        ("tool.pytorch", "learning"),
        ("tool.docker", "skipped"),
    }
    assert [(weak["id"], weak["where"]) for weak in marking["weak"]] == [("data-science", ["basics.summary"])]
    rows = {row["id"]: row for row in cli("progress", "--json").json()["items"]}  # type: ignore[index]
    assert rows["tool.pytorch"]["status"] == "learning" and rows["tool.pytorch"]["note"]["text"] == "fast.ai part 1"
    assert rows["tool.docker"]["status"] == "skipped" and rows["data-science"]["status"] == "pending"
    assert rows["tool.python"]["status"] == "done"
    view = cli("gap", str(RESUME), "--mark").flat
    assert "Marked as done in your progress: 0" in view  # marked already: nothing more to do
    assert "Left as you set them [y]:" in view and "PyTorch (learning)" in view
    assert "Not marked: Data Science (basics.summary): it names a team or a group" in view


def test_dry_run_lists_the_changes_and_changes_nothing(cli: Invoke, isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    result = cli("gap", str(RESUME), "--mark", "--dry-run", env={"COLUMNS": "3000"})
    assert result.exit_code == 0
    assert "Would mark as done (dry run: nothing is changed): 18 [m" in result.flat
    assert not state.exists()
    assert cli("progress", "git", "learning").exit_code == 0
    before = state.read_bytes()
    document = cli("gap", str(RESUME), "--mark", "--dry-run", "--json").json()
    assert document["marking"]["dry_run"] is True and len(document["marking"]["changes"]) == 17  # type: ignore[index]
    assert state.read_bytes() == before
    alone = cli("gap", str(RESUME), "--dry-run")
    assert alone.exit_code == 2 and "--dry-run goes with --mark" in alone.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a binary file, not text; give a job posting as plain text"),
        ("caf\xe9 Python".encode("latin-1"), "not UTF-8 text; save it as UTF-8, or give a job posting as plain text"),
        (b"  \n", "empty; give a job posting as plain text"),
    ],
)
def test_a_posting_that_is_not_text_gets_the_same_clear_message_as_a_resume(
    cli: Invoke, tmp_path: Path, content: bytes, message: str
) -> None:
    posting = tmp_path / "posting.bin"
    posting.write_bytes(content)
    result = cli("gap", str(RESUME), "--against", str(posting))
    assert result.exit_code == 1 and result.stderr.strip() == f"mlcareer: {posting}: {message}"
    as_resume = cli("gap", str(posting))
    assert as_resume.exit_code == 1 and as_resume.stderr.split(";")[0] == result.stderr.split(";")[0]
    both = cli("gap", "-", "--against", "-")
    assert both.exit_code == 2 and "only one of FILE and --against can read stdin" in both.stderr


def test_a_json_posting_is_read_as_text(cli: Invoke, tmp_path: Path) -> None:
    posting = tmp_path / "posting.json"
    posting.write_text('{"title": "ML Engineer", "requirements": ["PyTorch", "Docker"]}', encoding="utf-8")
    document = as_json(cli, str(RESUME), "--against", str(posting))
    assert [item["id"] for item in document["shown"]] == ["tool.pytorch", "tool.docker"]


def test_matching_is_bounded_by_the_words_of_the_text_not_the_longest_name(script: Invoke, tmp_path: Path) -> None:
    long_name = " ".join(["deep"] * 1_900)  # a hostile data file: a tool of 1,900 words, in the 10,000 a field holds
    data = tmp_path / "long.toml"
    data.write_text(BUNDLED.read_text(encoding="utf-8").replace('tools = ["Git"]', f'tools = ["Git", "{long_name}"]'))
    text = tmp_path / "cv.txt"
    text.write_text((" ".join(["deep"] * 3_000) + "\n") * 3 + "Git\n", encoding="utf-8")
    result = script("--data", str(data), "gap", str(text), "--json")  # cubic, this took hours
    assert result.exit_code == 0, result.stderr
    found = {item["id"] for item in json.loads(result.stdout)["mentioned"]}
    assert "tool.git" in found and not any(len(identifier) > 1_000 for identifier in found)
    too_long = Item("tool.x", " ".join(f"w{n}" for n in range(MAX_NAME_WORDS + 1)), "tool", "g", ())
    assert Matcher([too_long]).find(too_long.name) == []  # a name that long is not looked for
