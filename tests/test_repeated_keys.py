"""A key given twice in one object is refused in every file the user writes: answers and saved state.

json.loads would keep the second value and drop the first without a word. Each
refusal names the file and the key, exits non-zero in one or two lines, and a
state file that repeats a key is never rewritten: the user fixes it by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ml_career.advisor.state import STATE_VERSION
from tests.conftest import Invoke

ANSWERS = (
    '"problem-solving": 5, "curiosity": 4, "continuous-learning": 5, "technical-analytical": 4, '
    '"perseverance": 3, "adaptability": 4, "data-cleaning": 2, "deadline-pressure": 3, "long-hours": 1'
)


@pytest.mark.parametrize("run", ["cli", "script"])
@pytest.mark.parametrize(
    ("name", "text", "key"),
    [
        ("answers.json", "{" + ANSWERS + ', "curiosity": 1}', "'curiosity'"),
        ("answers.json", '{"curiosity": 4, "curiosity": 4}', "'curiosity'"),  # the same value twice too
        ("answers.json", '{"curiosity": {"x": 1, "x": 2}}', "'curiosity.x'"),  # at any depth
        ("answers.toml", "curiosity = 4\nperseverance = 3\ncuriosity = 1\n", "'curiosity' (line 3)"),
        ("answers.toml", "curiosity = 4\ncuriosity = 1", "'curiosity' (line 2)"),  # no final newline
    ],
)
def test_an_answers_file_that_repeats_a_key_is_refused(
    request: pytest.FixtureRequest, run: str, tmp_path: Path, name: str, text: str, key: str
) -> None:
    invoke: Invoke = request.getfixturevalue(run)
    answers = tmp_path / name
    answers.write_text(text, encoding="utf-8")
    result = invoke("fit", "--answers", str(answers))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"mlcareer: {answers}: the key {key} is given more than once; give each answer once\n")


def test_an_answers_file_without_repeats_still_works(cli: Invoke, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("{" + ANSWERS + "}", encoding="utf-8")
    result = cli("fit", "--answers", str(answers), "--json")
    assert result.exit_code == 0
    assert [strength["id"] for strength in json.loads(result.stdout)["strengths"]][:1] == ["problem-solving"]


STATES = [
    # (the file's text, the key it repeats)
    (
        '{"schema_version": 2, "schema_version": 2, "careers": {}, "notes": {}}',
        "schema_version",
    ),
    (
        '{"schema_version": 2, "careers": {"ml-engineer": {"tool.python": "done"}, "ml-engineer": {}}, "notes": {}}',
        "careers.ml-engineer",
    ),
    (
        '{"schema_version": 2, "careers": {"ml-engineer": {"tool.python": "done", "tool.python": "skipped"}}}',
        "careers.ml-engineer.tool.python",
    ),
    (
        '{"schema_version": 2, "careers": {}, "notes": {"ml-engineer": {"tool.git": "a", "tool.git": "b"}}}',
        "notes.ml-engineer.tool.git",
    ),
]


@pytest.mark.parametrize("run", ["cli", "script"])
@pytest.mark.parametrize(("text", "key"), STATES)
@pytest.mark.parametrize(
    "command", [["progress"], ["progress", "python", "learning"], ["progress", "git", "--note", "a course"]]
)
def test_a_state_file_that_repeats_a_key_is_refused_and_left_as_it_is(
    request: pytest.FixtureRequest, run: str, isolated_environment: Path, text: str, key: str, command: list[str]
) -> None:
    invoke: Invoke = request.getfixturevalue(run)
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(text, encoding="utf-8")
    state.chmod(0o600)
    result = invoke(*command)
    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"mlcareer: {state}: cannot be read: the key {key!r} is given more than once; give each key once."
    )
    assert len(lines) == 2 and "It has been left untouched. Fix it by hand" in lines[1]
    assert state.read_text(encoding="utf-8") == text  # never rewritten, never moved aside
    beside = {path.name for path in state.parent.iterdir() if path.name.startswith("state.json.")}
    assert beside <= {"state.json.lock"}  # no backup, no temporary copy


def test_a_state_file_fixed_by_hand_is_read_again(cli: Invoke, isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(STATES[2][0], encoding="utf-8")
    assert cli("progress", "python", "learning").exit_code != 0
    fixed = {"schema_version": STATE_VERSION, "careers": {"ml-engineer": {"tool.python": "skipped"}}}
    state.write_text(json.dumps(fixed), encoding="utf-8")
    assert cli("progress", "python", "learning").exit_code == 0
    assert json.loads(state.read_text(encoding="utf-8"))["careers"]["ml-engineer"]["tool.python"] == "learning"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ('{"curiosity": 4, "Curiosity": 1}', "curiosity", "Curiosity"),  # two spellings of one id
        ('{"curiosity": 4, "curiosity ": 1}', "curiosity", "curiosity "),
    ],
)
def test_an_answers_file_that_answers_a_statement_twice_is_refused(
    cli: Invoke, tmp_path: Path, text: str, first: str, second: str
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(text, encoding="utf-8")
    result = cli("fit", "--answers", str(answers))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"mlcareer: {answers}: 'curiosity' is answered twice (as {first!r} and {second!r}); give each answer once\n"
    )


def test_a_repeated_answer_option_is_refused_and_an_option_still_overrides_the_file(
    script: Invoke, tmp_path: Path
) -> None:
    result = script("fit", "--answer", "curiosity=1", "--answer", "Curiosity=5")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "mlcareer: --answer: 'curiosity' is answered twice (as 'curiosity=1' and 'Curiosity=5'); "
        "give each answer once\n"
    )
    answers = tmp_path / "answers.json"
    answers.write_text("{" + ANSWERS + "}", encoding="utf-8")
    overridden = script("fit", "--answers", str(answers), "--answer", "curiosity=1", "--json")
    assert overridden.exit_code == 0
    concerns = [concern["id"] for concern in json.loads(overridden.stdout)["concerns"]]
    assert concerns[:2] == ["curiosity", "data-cleaning"]
