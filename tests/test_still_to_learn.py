"""What to learn, as the articles say it: how each skill's tools are needed, and when a skill is done."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from ml_career.dataset.loading import load_career
from tests.conftest import BUNDLED, Invoke
from tests.test_quotes import SEEDS, needs_articles, normalise, occurs, read_articles


def to_learn(cli: Invoke, *args: str) -> dict[str, Any]:
    document = cli("plan", "--education", "bachelor", "--level", "engineer", *args, "--json").json()
    assert isinstance(document, dict)
    return document


def skills(document: dict[str, Any]) -> dict[str, Any]:
    return {skill["id"]: skill for skill in document["skills_to_learn"]}


def test_one_of_python_r_or_julia_done_means_the_skill_is_done(cli: Invoke) -> None:
    before = skills(to_learn(cli, "--target", "senior"))
    tools = {tool["name"]: tool for tool in before["programming-languages"]["tools"]}
    assert tools["R"]["need"] == "one-of" and tools["R"]["alternatives"] == ["Python", "Julia"]
    assert tools["R"]["words"] == "Python, R, or Julia" and tools["R"]["provenance"] == "mlcareer"
    assert tools["R"]["reason"] == "the article joins these tools with 'or', so any one of them will do"
    assert cli("progress", "python", "done").exit_code == 0
    after = skills(to_learn(cli, "--target", "senior"))
    assert "programming-languages" not in after  # "Python, R, or Julia": Python is enough
    assert after["data-skills"]["tools_to_learn"][:2] == ["R", "Java"]  # "specifically Python, R, and Java"
    view = cli("plan", "--education", "bachelor", "--level", "engineer", "--target", "senior").flat
    assert "Programming Languages" not in view and "R, Julia" not in view


def test_an_example_done_meets_its_need_and_the_others_stay_needed(cli: Invoke) -> None:
    assert cli("progress", "aws", "done").exit_code == 0
    deployment = skills(to_learn(cli, "--target", "senior"))["deployment"]
    assert deployment["tools_to_learn"] == ["Docker", "TensorFlow Serving", "Flask"]  # not Azure, not Google Cloud
    needs = {tool["name"]: (tool["need"], tool["kind"], tool["alternatives"]) for tool in deployment["tools"]}
    assert needs["Docker"] == ("one-of", "examples", [])
    assert needs["Flask"] == ("one-of", "examples", ["TensorFlow Serving"])
    for name in ("docker", "flask"):
        assert cli("progress", name, "done").exit_code == 0
    assert "deployment" not in skills(to_learn(cli, "--target", "senior"))
    view = cli("plan", "--target", "senior", "--level", "engineer").stdout
    assert "Deployment and" not in view


def test_a_skill_needing_all_its_tools_waits_for_each_and_your_own_status_wins(cli: Invoke) -> None:
    for tool in ("algebra", "linear equations"):
        assert cli("progress", tool, "done").exit_code == 0
    maths = skills(to_learn(cli, "--target", "senior"))["mathematical-skills"]
    assert [(tool["name"], tool["need"], tool["provenance"]) for tool in maths["tools"]] == [
        ("statistics", "required", "mlcareer")
    ]
    assert cli("progress", "tool.statistics", "skipped").exit_code == 0
    assert "mathematical-skills" not in skills(to_learn(cli, "--target", "senior"))
    assert cli("progress", "mathematical-skills", "learning").exit_code == 0  # yours, whatever the tools say
    assert skills(to_learn(cli, "--target", "senior"))["mathematical-skills"]["status"] == "learning"


def test_specialties_are_optional_and_one_is_enough(cli: Invoke) -> None:
    left = skills(to_learn(cli, "--target", "senior"))
    nlp = left["nlp"]
    assert nlp["need"] == "optional" and nlp["need_reading"]["provenance"] == "mlcareer"
    assert nlp["alternatives"] == ["Computer Vision", "Reinforcement Learning", "Robotics", "Data Science"]
    assert {skill["need"] for key, skill in left.items() if key != "nlp" and skill["group"] != nlp["group"]} == {
        "required"
    }
    wide = {"COLUMNS": "300"}
    asked = ("plan", "--education", "bachelor", "--level", "engineer", "--target", "senior")
    answer = cli(*asked, env=wide).stdout  # the answer names the group's choices once
    # the group's title is mlcareer's heading: it says so
    assert re.search(
        r"; Popular specialties \[1\]\[m\d+\]: one of Natural Language Processing \(NLP\), Computer", answer
    )
    assert "Natural Language Processing (NLP);" not in answer
    view = cli(*asked, "--sources", env=wide).stdout  # the detail: the group's row and mlcareer's reading
    row = next(line for line in view.splitlines() if line.startswith("Popular specialties"))
    assert "one of Natural Language Processing (NLP), Computer Vision, Reinforcement Learning, Robotics" in row
    assert "optional: one skill of its group is enough [m" in view
    assert cli("progress", "robotics", "done").exit_code == 0
    left = skills(to_learn(cli, "--target", "senior"))
    assert not {"nlp", "computer-vision", "reinforcement-learning", "robotics", "data-science"} & set(left)


def test_what_the_lead_s_description_asks_for_is_listed_only_for_a_lead_target(cli: Invoke) -> None:
    senior = to_learn(cli, "--target", "senior")
    lead = to_learn(cli, "--target", "lead")
    assert not {"communication-skills", "leadership-skills"} & set(skills(senior))
    assert {"communication-skills", "leadership-skills"} <= set(skills(lead))
    assert (senior["skills_total"], lead["skills_total"]) == (26, 28)
    answer = cli("plan", "--level", "engineer", "--target", "director", env={"COLUMNS": "300"}).stdout
    assert re.search(r"; Communication skills \[1\]\[m\d+\]; Leadership skills \[1\]\[m\d+\];", answer)
    assert "Key in the Lead role" in cli("plan", "--level", "engineer", "--target", "director", "--sources").stdout


def test_every_item_to_learn_says_how_it_is_needed(cli: Invoke) -> None:
    for skill in to_learn(cli, "--target", "director")["skills_to_learn"]:
        assert skill["need"] in ("required", "optional")
        assert (skill["need"] == "optional") == bool(skill["alternatives"])
        for tool in skill["tools"]:
            assert tool["need"] in ("required", "one-of")
            assert (tool["words"] is None) == (tool["need"] == "required")


@needs_articles
def test_the_words_each_need_is_read_from_are_the_article_s() -> None:
    articles = read_articles(SEEDS)
    career = load_career(BUNDLED)
    read = [
        (group, skill, need) for group in career.skill_groups for skill in group.skills for need in skill.tool_needs
    ]
    assert len(read) == 7
    for group, skill, need in read:
        assert need.words in (skill.description or "")
        assert occurs(need.words, articles[group.source]), need.words
        assert ("e.g." in need.words) == (need.need == "examples")
    assert normalise("Python, R, or Julia") in articles["000_8041139819ee8e8c"]


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '"Python, R, or Julia", need = "one-of"',
            '"Python, R or C", need = "one-of"',
            "is not in the skill's description",
        ),
        ('"Python, R, or Julia", need = "one-of"', '"Python, R, or Julia", need = "examples"', "read from the words"),
        ('"version control systems (e.g., Git)"', '"collaboration tools"', "names none of the skill's tools"),
        ('rung = "lead"', 'rung = "chief"', "skill_groups.5.rung: unknown rung 'chief'"),
        ('name = "AWS"\nspellings', 'name = "AWS Lambda"\nspellings', "no skill or tool is named 'AWS Lambda'"),
        ('spellings = ["Microsoft Azure"]', 'spellings = ["Google Cloud"]', "is the name of a skill or tool"),
    ],
)
def test_validate_holds_each_need_to_its_words_and_each_spelling_to_a_name(
    cli: Invoke, tmp_path: Path, old: str, new: str, message: str
) -> None:
    result = cli("validate", str(_broken(tmp_path, old, new)))
    assert result.exit_code == 1 and message in result.stdout, result.stdout


def test_progress_says_which_skills_their_tools_have_done(cli: Invoke) -> None:
    assert cli("progress", "python", "done").exit_code == 0
    document = cli("progress", "--json").json()
    assert isinstance(document, dict)
    rows = {row["id"]: row for row in document["items"]}
    languages = rows["programming-languages"]
    assert languages["status"] == "pending"  # yours: never set
    assert languages["done_by_tools"]["provenance"] == "computed"
    assert rows["data-skills"]["done_by_tools"] is None  # "Python, R, and Java": R and Java are still needed
    assert "done by its tools [c" in cli("progress", env={"COLUMNS": "3000"}).flat
