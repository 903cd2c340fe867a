"""`mlcareer progress`: statuses saved safely, whatever else is running."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from tests.conftest import Invoke, installed_script

SKILLS = 20


def test_mark_and_show(cli: Invoke, isolated_environment: Path) -> None:
    assert cli("progress", "deep-learning", "done").exit_code == 0
    assert cli("progress", "git", "learning").exit_code == 0
    assert cli("progress", "problem-solving", "SKIPPED").exit_code == 0
    assert cli("progress", "Cloud Computing", "done").exit_code == 0  # a skill of any group
    document = cli("progress", "--json").json()
    assert isinstance(document, dict)
    statuses = {row["id"]: row["status"] for row in document["items"]}
    assert statuses["deep-learning"] == "done"
    assert statuses["tool.git"] == "learning"
    assert statuses["software-development"] == "pending"  # marking a tool marks the tool only
    assert statuses["problem-solving"] == "skipped"
    assert statuses["cloud-computing"] == "done"
    assert document["counts"] == {
        "done": 2,
        "learning": 1,
        "skipped": 1,
        "pending": 62,  # 66 items: 28 skills and 38 tools, each named once
        "provenance": "computed",
        "formula": "each status counted over every skill and tool; percent = (done + skipped) / all items",
        "assumptions": [],
    }
    assert document["percent"] == 4.5
    saved = json.loads((isolated_environment / "mlcareer" / "state.json").read_text())
    assert saved["schema_version"] == 2
    assert saved["careers"]["ml-engineer"] == {
        "cloud-computing": "done",
        "deep-learning": "done",
        "problem-solving": "skipped",
        "tool.git": "learning",
    }
    assert cli("progress", "deep-learning", "pending").exit_code == 0
    assert cli("progress", "--json").json()["percent"] == 3.0  # type: ignore[index]


def test_skills_shows_the_statuses(cli: Invoke) -> None:
    cli("progress", "deep-learning", "done")
    result = cli("skills", "--category", "learned", "--json")
    document = result.json()
    assert isinstance(document, dict)
    statuses = {skill["id"]: skill["status"] for skill in document["groups"][0]["skills"]}
    assert statuses["deep-learning"] == "done" and statuses["deployment"] == "pending"
    assert "Status" in cli("skills", "--category", "learned").stdout


def test_unknown_skill_and_status(cli: Invoke) -> None:
    result = cli("progress", "deep lerning", "done")
    assert result.exit_code == 2 and "Did you mean 'deep-learning'?" in result.stderr
    result = cli("progress", "deep-learning", "finished")
    assert result.exit_code == 2 and "Valid statuses: done, learning, skipped, pending" in result.stderr
    assert cli("progress", "deep lerning").exit_code == 2


def test_a_skill_named_without_a_status_shows_its_status(cli: Invoke) -> None:
    cli("progress", "deep-learning", "learning")
    shown = cli("progress", "Deep-Learning")
    assert shown.exit_code == 0
    assert shown.stdout.splitlines()[0].rstrip() == "Deep Learning: learning"
    assert "mlcareer progress deep-learning done|learning|skipped|pending" in shown.stdout
    assert cli("progress", "deep-learning", "--json").json()["asked"] == "deep-learning"  # type: ignore[index]


def test_a_corrupted_state_file_is_never_overwritten(cli: Invoke, isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True)
    state.write_bytes(b'{"schema_version": 2, "careers": {"ml-engineer": {"deep-le')
    before = state.read_bytes()
    for args in (("progress",), ("progress", "deep-learning", "done"), ("plan",)):
        result = cli(*args)
        assert result.exit_code == 1, args
        assert f"{state}: cannot be read: not valid JSON" in result.stderr
        assert f"mv '{state}' '{state}.bak'" in result.stderr
    assert state.read_bytes() == before


def test_a_state_file_edited_down_to_notes_or_a_rung_is_read(cli: Invoke, isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True)
    state.write_text('{"schema_version": 2, "rungs": {"ml-engineer": "senior"}, "notes": {"ml-engineer": {}}}')
    assert cli("progress", "tool.python", "done").exit_code == 0
    saved = json.loads(state.read_text())
    assert saved["careers"] == {"ml-engineer": {"tool.python": "done"}}
    assert saved["rungs"] == {"ml-engineer": "senior"}


def test_a_newer_state_file_is_refused(cli: Invoke, isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True)
    state.write_text('{"schema_version": 7, "careers": {}}')
    result = cli("progress")
    assert result.exit_code == 1
    assert "written by a newer mlcareer (state version 7)" in result.stderr


def _career_with_many_skills(tmp_path: Path) -> Path:
    skills = "\n".join(f'[[skill_groups.skills]]\nid = "skill-{n}"\nname = "Skill {n}"\n' for n in range(SKILLS))
    data = tmp_path / "many.toml"
    data.write_text(
        'schema_version = 1\n[career]\nid = "many"\ntitle = "Many"\nsummary = "s"\ncurrency = "EUR"\n'
        '[[sources]]\nid = "s"\ntitle = "S"\n'
        '[[skill_groups]]\nid = "all"\ntitle = "All"\nsource = "s"\nroadmap = true\n' + skills,
        encoding="utf-8",
    )
    return data


def test_twenty_concurrent_writers_keep_twenty_writes(tmp_path: Path, isolated_environment: Path) -> None:
    data = _career_with_many_skills(tmp_path)
    env = {**os.environ, "MLCAREER_DATA": str(data)}
    subprocess.run([installed_script(), "validate"], env=env, check=True, capture_output=True)
    writers = [
        subprocess.Popen(
            [installed_script(), "progress", f"skill-{n}", "done"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for n in range(SKILLS)
    ]
    for writer in writers:
        assert writer.wait(timeout=120) == 0, writer.stderr.read() if writer.stderr else ""
    saved = json.loads((isolated_environment / "mlcareer" / "state.json").read_text())
    assert saved["careers"]["many"] == {f"skill-{n}": "done" for n in range(SKILLS)}
    leftovers = [p.name for p in (isolated_environment / "mlcareer").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_saved_rung_is_marked_on_the_path_and_starts_the_plan(cli: Invoke, isolated_environment: Path) -> None:
    assert "Your rung: not set." not in cli("progress").stdout
    saved = cli("progress", "--rung", "Engineer")
    assert saved.exit_code == 0
    assert saved.stdout == "Your rung: Machine Learning Engineer (path and plan start from it).\n"
    ladder = cli("path").stdout
    assert re.search(r"^2  Machine Learning Engineer  <- you are here", ladder, re.MULTILINE)
    assert re.search(r"^3  Senior Machine Learning Engineer  <- next step", ladder, re.MULTILINE)
    document = cli("plan", "--target", "lead", "--education", "bachelor", "--json").json()
    assert isinstance(document, dict)
    level = next(i for i in document["inputs"] if i["name"] == "level")
    assert (level["value"], level["chosen"]) == ("engineer", "saved")
    assert [step["title"] for step in document["steps"]] == [
        "Time as Machine Learning Engineer (your rung now)",
        "Senior Machine Learning Engineer",
        "Lead Machine Learning Engineer/ML Team Lead",
    ]
    assert cli("path", "--level", "junior").stdout.count("<- you are here") == 1  # an explicit level wins
    assert cli("progress", "--rung", "none").stdout == "Your rung: not set.\n"
    assert "you are here" not in cli("path").stdout
    assert cli("progress", "--rung", "snior").exit_code == 2


def test_several_names_are_marked_in_one_write_confirmed_in_one_line(cli: Invoke, isolated_environment: Path) -> None:
    assert cli("progress", "git", "learning").exit_code == 0
    shown = cli("progress", "deep-learning", "git", "Python", "done")
    assert shown.exit_code == 0, shown.stderr
    assert shown.flat == (
        "Marked done: Deep Learning (deep-learning; was pending), Git (tool.git; was learning), "
        "Python (tool.python; was pending). Progress: 4.5% done or skipped (3 of 66)."
    )
    saved = json.loads((isolated_environment / "mlcareer" / "state.json").read_text())
    assert saved["careers"]["ml-engineer"] == {"deep-learning": "done", "tool.git": "done", "tool.python": "done"}
    again = cli("progress", "git", "tool.git", "done")  # the same item twice is one item
    assert again.flat == "Marked done: Git (tool.git; unchanged). Progress: 4.5% done or skipped (3 of 66)."


def test_a_write_prints_no_list_and_its_json_says_what_changed(cli: Invoke) -> None:
    shown = cli("progress", "git", "learning", "--note", "Pro Git, chapter 3")
    assert (
        shown.stdout
        == "Marked learning: Git (tool.git; was pending). Note kept. Progress: 0% done or skipped (0 of 66).\n"
    )
    assert cli("progress", "git", "--clear-note").stdout == (
        "Note removed from Git (tool.git). Progress: 0% done or skipped (0 of 66).\n"
    )
    document = cli("progress", "git", "python", "skipped", "--json").json()
    assert isinstance(document, dict)
    yours = {"provenance": "you", "input": "marked with `mlcareer progress`, saved in the state file"}
    changes = [
        {key: value for key, value in change.items() if key != "name_provenance"} for change in document["changes"]
    ]
    assert changes == [
        {"id": "tool.git", "name": "Git", "was": "learning", "status": "skipped", "note": None, **yours},
        {"id": "tool.python", "name": "Python", "was": "pending", "status": "skipped", "note": None, **yours},
    ]
    # The item's name is the article's words, not yours.
    assert {change["name_provenance"]["provenance"] for change in document["changes"]} == {"article"}
    assert document["provenance"] == "computed" and "percent = (done + skipped)" in document["formula"]
    assert (document["percent"], document["finished"], document["total"]) == (3.0, 2, 66)


def test_a_last_word_that_is_no_status_is_refused_and_nothing_is_written(
    cli: Invoke, isolated_environment: Path
) -> None:
    shown = cli("progress", "git", "python")
    assert shown.exit_code == 2
    assert "unknown status 'python'" in shown.stderr
    assert not (isolated_environment / "mlcareer" / "state.json").exists()
    alone = cli("progress", "done")
    assert alone.exit_code == 2
    assert alone.stderr == "mlcareer: name the skills or tools first: mlcareer progress NAME... done\n"
    shown = cli("progress", "git", "nonsense-item", "done")
    assert shown.exit_code == 2 and "unknown item 'nonsense-item'" in shown.stderr
    assert not (isolated_environment / "mlcareer" / "state.json").exists()


def test_the_list_filtered_by_status_and_group(cli: Invoke) -> None:
    cli("progress", "git", "python", "done")
    cli("progress", "deep-learning", "learning")
    done = cli("progress", "--status", "done", "--json").json()
    assert isinstance(done, dict)
    assert [row["id"] for row in done["items"]] == ["tool.python", "tool.git"]
    assert done["shown"] == ["status done"] and done["percent"] == 3.0  # the percentage is still over all
    shown = cli("progress", "--status", "done")
    assert "2 of 66 shown: status done" in shown.stdout
    assert "Deep Learning" not in shown.stdout
    learned = cli("progress", "--group", "learned", "--status", "learning", "--json").json()
    assert isinstance(learned, dict)
    assert [row["id"] for row in learned["items"]] == ["deep-learning"]
    assert learned["shown"] == ["status learning", "group Skills you will learn"]
    assert cli("progress", "--status", "finished").exit_code == 2
    refused = cli("progress", "git", "done", "--status", "done")
    assert refused.exit_code == 2 and "--status and --group filter the list" in refused.stderr


def test_several_names_of_one_item_are_one_change_and_its_groups_each_list_it(cli: Invoke) -> None:
    # Deep Learning is named in two groups and as a tool: each of its ids names the one item.
    shown = cli("progress", "deep-learning-basics", "tool.deep-learning", "git", "done")
    assert shown.exit_code == 0, shown.stderr
    assert shown.flat == (
        "Marked done: Deep Learning (deep-learning; was pending), Git (tool.git; was pending). "
        "Progress: 3% done or skipped (2 of 66)."
    )
    for group in ("useful", "learned"):
        listed = cli("progress", "--group", group, "--status", "done", "--json").json()
        assert isinstance(listed, dict)
        assert "deep-learning" in [row["id"] for row in listed["items"]]
