"""Each plan input is described once, and its option, prompt, completion and JSON are derived from that."""

from __future__ import annotations

import pytest

from ml_career.advisor.input_descriptions import INPUTS, PLAN_INPUTS
from ml_career.cli import completion
from ml_career.dataset.loading import load_career
from tests.conftest import Invoke


@pytest.mark.parametrize("described", PLAN_INPUTS, ids=lambda described: described.name)
def test_the_options_of_plan_and_export_come_from_the_description(cli: Invoke, described: object) -> None:
    from ml_career.advisor.input_descriptions import InputDescription

    assert isinstance(described, InputDescription)
    for command in ("plan", "export"):
        # Spaces dropped: help wraps lines (at hyphens too), and the words must survive it.
        shown = "".join(cli(command, "--help").stdout.split())
        assert ",".join(reversed(described.flags)) + described.metavar in shown, (command, described.name)
        assert "".join(described.help.split()) in shown


@pytest.mark.parametrize("name", ["level", "target", "from", "education", "degree", "residency"])
def test_completion_offers_what_the_input_accepts(name: str) -> None:
    career = load_career()
    sources = {
        "level": completion._current_rungs,
        "target": completion._targets,
        "from": completion._entry_roles,
        "education": completion._educations,
        "degree": completion._degrees_to_earn,
        "residency": completion._residencies,
    }
    offered = [candidate.value for candidate in sources[name](career)]
    assert offered == [choice.value for choice in INPUTS[name].choices(career)]
    for value in offered:
        assert INPUTS[name].resolve(career, value) == value  # every value offered is accepted


def test_the_json_lists_every_input_with_its_described_reason(cli: Invoke) -> None:
    document = cli("plan", "--json").json()
    assert isinstance(document, dict)
    assert [given["name"] for given in document["inputs"]] == [described.name for described in PLAN_INPUTS]
    for given in document["inputs"]:
        assert given["reason"] == INPUTS[given["name"]].default_reason


def test_a_prompt_asks_the_described_question(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ml_career.cli.prompting.stdin_is_terminal", lambda: True)
    result = cli("plan", "--level", "engineer", input="\n")
    assert result.exit_code == 0, result.stderr
    assert f"{INPUTS['target'].question} (senior, lead, manager, director) [senior]:" in result.stderr


def test_the_entry_role_is_named_in_the_articles_words_and_none_of_them_in_mlcareers(cli: Invoke) -> None:
    def from_label(*args: str) -> dict[str, object]:
        document = cli("plan", *args, "--json").json()
        assert isinstance(document, dict)
        given = next(given for given in document["inputs"] if given["name"] == "from")
        return {"label": given["label"], **given["label_provenance"]}

    assert from_label("--from", "software-engineer") == {
        "label": "Software engineer",
        "provenance": "article",
        "source": "001_995d3af200f6d066",
        "quote": None,
    }
    assert from_label() == {
        "label": "none of the entry-level roles",
        "provenance": "mlcareer",
        "reason": "mlcareer's words for working in none of the entry-level roles the article lists",
        "source": None,
    }
