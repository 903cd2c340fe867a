"""Progress over every skill and every tool, names that fit several items, notes, and state migration."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Invoke, installed_script

# The state file exactly as the first release (state version 1) wrote it.
VERSION_1_STATE = """{
  "careers": {
    "ml-engineer": {
      "deep-learning": "done",
      "deployment": "learning",
      "problem-solving": "skipped",
      "software-development": "done"
    }
  },
  "rungs": {
    "ml-engineer": "junior"
  },
  "schema_version": 1
}
"""


def items(cli: Invoke) -> dict[str, Any]:
    document = cli("progress", "--json").json()
    assert isinstance(document, dict)
    return {row["id"]: row for row in document["items"]}


def test_every_skill_of_every_group_and_every_tool_is_an_item(cli: Invoke) -> None:
    from ml_career.dataset.loading import load_career

    career = load_career()
    tracked = items(cli)
    item_of = {data_id: row for row in tracked.values() for data_id in row["ids"]}
    for group in career.skill_groups:
        for skill in group.skills:
            assert item_of[skill.id]["kind"] == "skill"
            assert group.title in item_of[skill.id]["groups"]
            for tool in skill.tools:
                row = item_of["tool." + tool.casefold().replace(" ", "-")]
                # a tool named as a skill elsewhere ("deep learning") is that skill
                assert row["kind"] == "skill" or item_of[skill.id]["id"] in row["skill_ids"]
    assert tracked["tool.python"]["skill_ids"] == ["programming-languages", "data-skills"]
    for name in ("Cloud Computing", "computer-vision", "Robotics", "Data Skills", "Mathematical Skills"):
        assert cli("progress", name, "learning").exit_code == 0, name


def test_a_tool_marks_only_itself_and_its_skills_count_it(cli: Invoke) -> None:
    assert cli("progress", "git", "done").exit_code == 0
    assert cli("progress", "Docker", "done").exit_code == 0
    assert cli("progress", "flask", "pending").exit_code == 0
    assert cli("progress", "python", "done").exit_code == 0
    tracked = items(cli)
    assert tracked["tool.git"]["status"] == tracked["tool.docker"]["status"] == "done"
    assert tracked["software-development"]["status"] == tracked["deployment"]["status"] == "pending"
    assert (tracked["deployment"]["tools_done"], tracked["deployment"]["tools_total"]) == (1, 6)
    assert (tracked["data-skills"]["tools_done"], tracked["data-skills"]["tools_total"]) == (1, 7)
    shown = cli("progress").stdout
    assert "1/6 tools done or skipped" in shown and "tool: Docker" in shown
    skills = cli("skills", "--category", "learned").stdout
    assert "1/6 tools done or skipped" in skills


@pytest.mark.parametrize(
    ("name", "item", "ids"),
    [
        ("Deep Learning", "deep-learning", ["deep-learning-basics", "tool.deep-learning", "tool:deep-learning"]),
        ("reinforcement learning", "reinforcement-learning", ["tool.reinforcement-learning"]),
        ("computer vision", "computer-vision", ["tool.computer-vision"]),
    ],
)
def test_a_skill_named_in_several_groups_is_one_item(cli: Invoke, name: str, item: str, ids: list[str]) -> None:
    result = cli("progress", name, "done")
    assert result.exit_code == 0, result.stderr
    assert result.flat.startswith("Marked done: ") and f"({item}; was pending)." in result.flat
    rows = [row for row in items(cli).values() if row["name"].casefold() == name.casefold()]
    assert [(row["id"], row["status"]) for row in rows] == [(item, "done")]
    for other in ids:  # its other ids, and the tool of the same name, are the same item
        assert cli("progress", other, "learning").exit_code == 0
        assert items(cli)[item]["status"] == "learning"
    assert sum(1 for line in cli("progress").stdout.splitlines() if line.casefold().startswith(name.casefold())) == 1


def test_deep_learning_is_listed_once_in_the_plan_and_shown_in_both_groups(cli: Invoke) -> None:
    document = cli("plan", "--target", "senior", "--json").json()
    assert isinstance(document, dict)
    named = [skill for skill in document["skills_to_learn"] if skill["name"] == "Deep Learning"]
    from ml_career.dataset.loading import load_career

    useful, learned = (group.title for group in load_career().skill_groups[:2])
    assert [skill["groups"] for skill in named] == [[useful, learned]]
    assert cli("progress", "Deep Learning", "done").exit_code == 0
    shown = cli("skills").stdout.splitlines()
    rows = [line for line in shown if line.startswith("  Deep Learning ")]
    assert len(rows) == 2 and all("done" in row for row in rows)  # in each of its groups, one status


def test_notes_are_kept_shown_as_yours_and_cleared(cli: Invoke, tmp_path: Path) -> None:
    marked = cli("progress", "tool.pytorch", "learning", "--note", "fast.ai course, lesson 3")
    assert marked.exit_code == 0
    assert marked.flat == (
        "Marked learning: PyTorch (tool.pytorch; was pending). Note kept. Progress: 0% done or skipped (0 of 66)."
    )
    assert cli("progress", "nlp", "--note", "Hugging Face course <https://hf.co/learn>").exit_code == 0
    document = cli("progress", "--json").json()
    assert isinstance(document, dict)
    rows = {row["id"]: row for row in document["items"]}
    assert rows["tool.pytorch"]["note"] == {
        "text": "fast.ai course, lesson 3",
        "provenance": "you",
        "input": "kept with `mlcareer progress --note`, saved in the state file",
    }
    assert rows["nlp"]["status"] == "pending"  # a note alone leaves the status
    assert "[y] your note: fast.ai course, lesson 3" in cli("progress").flat
    assert "[y] your note on PyTorch: fast.ai course, lesson 3" in cli("skills", env={"COLUMNS": "3000"}).flat
    plan = cli("plan", "--target", "senior", "--sources", env={"COLUMNS": "3000"})
    assert "[y] your note on PyTorch: fast.ai course, lesson 3" in plan.flat
    assert "[y] yours: what you gave, chose or assumed" in plan.flat  # the key says whose word it is
    markdown = cli("export").stdout
    assert "- [ ] tool: PyTorch (learning); \\[y\\] your note: fast.ai course, lesson 3 \\[y\\]" in markdown
    page = tmp_path / "plan.html"
    assert cli("export", "-f", "html", "-o", str(page)).exit_code == 0
    assert "[y] your note: Hugging Face course &lt;https://hf.co/learn&gt;" in page.read_text()
    picture = tmp_path / "plan.svg"
    assert cli("export", "-f", "svg", "-o", str(picture)).exit_code == 0
    assert "your&#160;note" in picture.read_text() or "your note" in picture.read_text()
    cleared = cli("progress", "tool.pytorch", "--clear-note")
    assert cleared.exit_code == 0 and cleared.flat.startswith("Note removed from PyTorch (tool.pytorch).")
    assert items(cli)["tool.pytorch"]["note"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["progress", "git", "--note", "   "], "a note needs some text"),
        (["progress", "git", "--note", "x" * 501], "at most 500 characters"),
        (["progress", "git", "--note", "a", "--clear-note"], "not both"),
        (["progress", "--note", "a"], "name the skill or tool"),
    ],
)
def test_note_mistakes_exit_2(cli: Invoke, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2 and message in result.stderr


def test_a_note_cannot_carry_terminal_control_codes(cli: Invoke) -> None:
    assert cli("progress", "git", "--note", "done \x1b[31mred\x1b[0m\x07").exit_code == 0
    assert items(cli)["tool.git"]["note"]["text"] == "done [31mred[0m"


def test_a_version_1_state_file_is_migrated_in_place_keeping_everything(
    cli: Invoke, isolated_environment: Path
) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True)
    state.write_text(VERSION_1_STATE, encoding="utf-8")
    tracked = items(cli)  # a read migrates it
    assert {key: row["status"] for key, row in tracked.items() if row["status"] != "pending"} == {
        "deep-learning": "done",
        "deployment": "learning",
        "problem-solving": "skipped",
        "software-development": "done",
    }
    migrated = json.loads(state.read_text(encoding="utf-8"))
    assert migrated["schema_version"] == 2
    assert migrated["careers"] == json.loads(VERSION_1_STATE)["careers"]
    assert migrated["rungs"] == {"ml-engineer": "junior"}
    assert migrated["notes"] == {}
    assert (state.parent / "state.json.v1").read_text(encoding="utf-8") == VERSION_1_STATE
    assert "Your rung: Junior Machine Learning Engineer" in cli("progress").stdout
    leftovers = [p.name for p in state.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_backup_already_beside_a_version_1_file_is_kept(cli: Invoke, isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True)
    state.write_text(VERSION_1_STATE, encoding="utf-8")
    (state.parent / "state.json.v1").write_text("an older backup", encoding="utf-8")
    (state.parent / "state.json.v1.2").mkdir()
    assert cli("progress").exit_code == 0
    assert (state.parent / "state.json.v1").read_text(encoding="utf-8") == "an older backup"
    assert (state.parent / "state.json.v1.3").read_text(encoding="utf-8") == VERSION_1_STATE
    assert json.loads(state.read_text(encoding="utf-8"))["schema_version"] == 2


def test_a_version_1_file_with_the_short_version_key_and_a_write_first(cli: Invoke, isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True)
    state.write_text('{"version": 1, "careers": {"ml-engineer": {"deep-learning": "done"}}, "rungs": {}}')
    assert cli("progress", "tool.git", "done").exit_code == 0
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert saved["careers"]["ml-engineer"] == {"deep-learning": "done", "tool.git": "done"}
    assert saved["schema_version"] == 2 and "version" not in saved


def test_a_version_1_file_that_cannot_be_rewritten_is_still_read_and_left_whole(
    cli: Invoke, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir()
    state.write_text(VERSION_1_STATE, encoding="utf-8")

    def read_only(path: Path, text: str, durable: bool = True, private: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ml_career.atomic.write_atomically", read_only)
    assert items(cli)["deployment"]["status"] == "learning"
    assert state.read_text(encoding="utf-8") == VERSION_1_STATE


def test_concurrent_writers_to_skills_tools_and_notes_keep_every_write(isolated_environment: Path) -> None:
    names = ["tool.python", "tool.docker", "tool.git", "tool.keras", "deep-learning", "robotics", "nlp", "tool.aws"]
    writers = [
        subprocess.Popen(
            [installed_script(), "progress", name, "done", "--note", f"note {n}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for n, name in enumerate(names)
    ]
    for writer in writers:
        assert writer.wait(timeout=120) == 0, writer.stderr.read() if writer.stderr else ""
    saved = json.loads((isolated_environment / "mlcareer" / "state.json").read_text())
    assert saved["careers"]["ml-engineer"] == dict.fromkeys(names, "done")
    assert saved["notes"]["ml-engineer"] == {name: f"note {n}" for n, name in enumerate(names)}


def test_progress_as_a_real_process(script: Invoke) -> None:
    result = script("progress", "Reinforcement Learning", "done")  # the specialty and the tool are one item
    assert result.exit_code == 0 and "Reinforcement Learning (reinforcement-learning; was pending)." in result.flat
    assert script("progress", "reinforcement-learning", "done", "--note", "Sutton & Barto").exit_code == 0
    shown = script("progress")
    assert shown.exit_code == 0 and "[y] your note: Sutton & Barto" in shown.flat
