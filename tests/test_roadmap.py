"""`mlcareer roadmap`, driven key by key through Textual's Pilot, with the state file read after each change."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from ml_career.advisor.progress import update_progress
from ml_career.cli.roadmap import SavedRoadmap
from ml_career.dataset.loading import load_career
from ml_career.errors import StateFileError
from ml_career.render.roadmap_app import Roadmap
from tests.conftest import BUNDLED, Invoke

Steps = Callable[[Pilot[None], Roadmap], Awaitable[None]]


def drive(steps: Steps, size: tuple[int, int] = (80, 24)) -> Roadmap:
    """Run the roadmap headless, let `steps` press keys, and return the app once they are done."""
    app = Roadmap(SavedRoadmap(load_career(BUNDLED)))

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(pilot, app)

    asyncio.run(run())
    return app


def saved(home: Path) -> dict[str, Any]:
    state = home / "mlcareer" / "state.json"
    return json.loads(state.read_text(encoding="utf-8")) if state.exists() else {}


def statuses(home: Path) -> dict[str, str]:
    return dict(saved(home).get("careers", {}).get("ml-engineer", {}))


def notes(home: Path) -> dict[str, str]:
    return dict(saved(home).get("notes", {}).get("ml-engineer", {}))


def highlighted(app: Roadmap) -> str | None:
    option = app.query_one("#items", OptionList).highlighted_option
    return option.id if option is not None else None


def shown_text(app: Roadmap, selector: str) -> str:
    """What a Static holds, as plain text (a Rich Group too)."""
    console = Console(width=200, color_system=None, force_terminal=False)
    with console.capture() as captured:
        console.print(app.query_one(selector, Static).content)
    return captured.get().rstrip("\n")


def test_space_cycles_pending_learning_done_and_saves_each_step(isolated_environment: Path) -> None:
    seen: list[dict[str, str]] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        assert highlighted(app) == "useful/programming-skills"  # the first item, not its group's heading
        for _ in range(3):
            await pilot.press("space")
            seen.append(statuses(isolated_environment))

    app = drive(steps)
    assert seen == [{"programming-skills": "learning"}, {"programming-skills": "done"}, {}]
    assert app.report.counts.done == 0


def test_the_counter_in_the_header_moves_at_once(isolated_environment: Path) -> None:
    counts: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        counts.append(shown_text(app, "#counter"))
        await pilot.press("space", "space")
        counts.append(shown_text(app, "#counter"))

    drive(steps)
    assert counts == [
        "Skills and tools: 0 of 66 done or skipped (0%) [c]",
        "Skills and tools: 1 of 66 done or skipped (1.5%) [c]",
    ]


def test_j_and_k_move_and_skip_the_headings(isolated_environment: Path) -> None:
    seen: list[str | None] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        await pilot.press("j")
        seen.append(highlighted(app))
        await pilot.press("down")
        seen.append(highlighted(app))
        await pilot.press("k", "k")
        seen.append(highlighted(app))

    drive(steps)
    assert seen == ["useful/data-manipulation", "useful/statistics-and-probability", "useful/programming-skills"]


def test_s_skips_and_a_second_s_takes_it_back(isolated_environment: Path) -> None:
    seen: list[dict[str, str]] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        await pilot.press("s")
        seen.append(statuses(isolated_environment))
        await pilot.press("s")
        seen.append(statuses(isolated_environment))

    drive(steps)
    assert seen == [{"programming-skills": "skipped"}, {}]


def test_n_edits_the_note_enter_saves_escape_cancels(isolated_environment: Path) -> None:
    seen: list[dict[str, str]] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        await pilot.press("n", *"Pro Git", "enter")
        seen.append(notes(isolated_environment))
        await pilot.press("n", "space", *"ch 3", "escape")  # typed, then cancelled: the note stays
        seen.append(notes(isolated_environment))
        await pilot.press("n", *["backspace"] * 20, "enter")  # emptied and saved: the note goes
        seen.append(notes(isolated_environment))

    drive(steps)
    assert seen == [{"programming-skills": "Pro Git"}, {"programming-skills": "Pro Git"}, {}]


def test_letters_typed_into_a_note_are_text_not_keys(isolated_environment: Path) -> None:
    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        await pilot.press("n", *"jks qn/", "enter")

    drive(steps)
    assert notes(isolated_environment) == {"programming-skills": "jks qn/"}
    assert statuses(isolated_environment) == {}


def test_slash_filters_by_name_and_escape_clears_it(isolated_environment: Path) -> None:
    seen: list[list[str]] = []

    def keys(app: Roadmap) -> list[str]:
        items = app.query_one("#items", OptionList)
        return [str(items.get_option_at_index(i).id) for i in range(items.option_count)]

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        await pilot.press("slash", *"torch")
        seen.append(keys(app))
        await pilot.press("enter", "space")  # the filter stays; space marks the one match
        await pilot.press("slash", "escape")
        seen.append(keys(app)[:2])

    drive(steps)
    # Deep Learning is named in two groups: one item, shown in each, its tools under "one of these".
    assert seen[0] == [
        "group:useful",
        "useful/deep-learning",
        "need:useful/deep-learning/one-of/0",
        "useful/deep-learning/tool.pytorch",
        "group:learned",
        "learned/deep-learning",
        "need:learned/deep-learning/one-of/0",
        "learned/deep-learning/tool.pytorch",
    ]
    assert seen[1] == ["group:useful", "useful/programming-skills"]
    assert statuses(isolated_environment) == {"deep-learning": "learning"}


def test_tab_walks_the_three_screens(isolated_environment: Path) -> None:
    seen: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        tabs = app.query_one("#tabs")
        for _ in range(3):
            seen.append(str(tabs.active))
            await pilot.press("tab")
        seen.append(str(tabs.active))

    drive(steps)
    assert seen == ["skills", "ladder", "plan", "skills"]


def test_the_ladder_shows_every_rung_with_its_figure_or_no_figure(isolated_environment: Path) -> None:
    seen: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        await pilot.press("tab")
        seen.append(" ".join(shown_text(app, "#ladder-text").split()))

    drive(steps)
    text = seen[0]
    for title in ("1. Junior Machine Learning Engineer", "3. Senior Machine Learning Engineer", "6. Director"):
        assert title in text
    assert "Pay: $208,000 (Glassdoor) [1]" in text
    assert "Pay: no figure" in text


def test_the_plan_is_recomputed_as_you_type(isolated_environment: Path) -> None:
    seen: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        await pilot.press("tab", "tab", *"senior")
        await pilot.pause()
        seen.append(" ".join(shown_text(app, "#plan-lines").split()))
        await pilot.press("down", "down", "down", "down", *"junior=2y")
        await pilot.pause()
        seen.append(" ".join(shown_text(app, "#plan-lines").split()))

    drive(steps)
    assert "target: Senior Machine Learning Engineer [y]" in seen[0]
    assert "Junior Machine Learning Engineer: no duration given" in seen[0]
    assert "Junior Machine Learning Engineer: 2 years [y]" in seen[1]


def test_a_plan_input_that_does_not_parse_yet_says_so(isolated_environment: Path) -> None:
    seen: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        await pilot.press("tab", "tab", *"sen", "x")
        await pilot.pause()
        seen.append(" ".join(shown_text(app, "#plan-lines").split()))

    drive(steps)
    assert "Not a plan yet: unknown rung 'senx'" in seen[0]


def test_question_mark_lists_the_keys_and_any_key_closes_them(isolated_environment: Path) -> None:
    seen: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        await pilot.press("question_mark")
        seen.append(type(app.screen).__name__)
        seen.append(" ".join(str(app.screen.query_one("#keys", Static).render()).split()))
        await pilot.press("x")
        seen.append(type(app.screen).__name__)

    drive(steps)
    assert seen[0] == "KeysScreen" and seen[2] == "Screen"
    assert "space pending -> learning -> done" in seen[1] and "q quit" in seen[1]


def test_q_quits(isolated_environment: Path) -> None:
    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        await pilot.press("q")
        await pilot.pause()

    app = drive(steps)
    assert app.return_code == 0 and not app.is_running


def test_a_progress_run_from_another_shell_is_shown_and_kept(isolated_environment: Path) -> None:
    seen: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        update_progress(load_career(BUNDLED), ["tool.pytorch", "done"])  # as `progress` in another shell
        await pilot.pause(1.5)  # the roadmap looks at the state file every second
        seen.append(shown_text(app, "#message"))
        await pilot.press("space")  # a change of its own: re-reads before it writes
        seen.append(shown_text(app, "#counter"))

    drive(steps)
    assert seen[0] == "Changed in another shell, now shown: PyTorch"
    assert statuses(isolated_environment) == {"tool.pytorch": "done", "programming-skills": "learning"}
    assert seen[1] == "Skills and tools: 1 of 66 done or skipped (1.5%) [c]"


def test_a_write_that_races_another_shell_keeps_both(isolated_environment: Path) -> None:
    seen: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        update_progress(load_career(BUNDLED), ["tool.git", "learning"])  # lands before the roadmap has looked
        await pilot.press("space")
        seen.append(shown_text(app, "#message"))
        await pilot.press("slash", *"git", "enter")
        seen.append(" ".join(shown_text(app, "#counter").split()))
        items = app.query_one("#items", OptionList)
        seen.extend(str(items.get_option_at_index(i).prompt) for i in range(items.option_count))

    drive(steps)
    assert statuses(isolated_environment) == {"tool.git": "learning", "programming-skills": "learning"}
    # Whether the roadmap had looked at the file before the key or not, both changes are shown.
    assert seen[0] in (
        "Saved: Programming Skills, learning",
        "Saved: Programming Skills, learning; changed in another shell, now shown: Git",
    )
    assert any(line.strip().startswith("[~] Git") for line in seen[2:]), seen


def test_a_state_file_that_cannot_be_read_is_left_as_it_is(cli: Invoke, isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    state.parent.mkdir(parents=True)
    state.write_text("{not json", encoding="utf-8")
    from_progress = cli("progress")
    source = SavedRoadmap(load_career(BUNDLED))
    with pytest.raises(StateFileError) as raised:
        source.progress()
    assert from_progress.exit_code == 1
    assert from_progress.stderr == "mlcareer: " + "\n  ".join(raised.value.lines()) + "\n"
    assert state.read_text(encoding="utf-8") == "{not json"


def test_a_save_that_fails_is_said_in_the_roadmap_and_nothing_is_overwritten(isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    seen: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text("{broken", encoding="utf-8")  # hand-edited while the roadmap is open
        await pilot.press("space")
        seen.append(" ".join(shown_text(app, "#message").split()))

    drive(steps)
    assert state.read_text(encoding="utf-8") == "{broken"
    assert "state.json" in seen[0] and "cannot" in seen[0].casefold()


def test_without_a_terminal_it_exits_2_in_one_message(cli: Invoke) -> None:
    result = cli("roadmap")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "mlcareer: the roadmap needs a terminal for its input and output."


def test_a_state_file_broken_while_open_is_said_and_left_as_it_is(isolated_environment: Path) -> None:
    state = isolated_environment / "mlcareer" / "state.json"
    seen: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text("{broken", encoding="utf-8")
        await pilot.pause(1.5)  # the roadmap looks at the state file every second
        seen.append(" ".join(shown_text(app, "#message").split()))
        seen.append(str(app.is_running))

    drive(steps)
    assert state.read_text(encoding="utf-8") == "{broken"
    assert "It has been left untouched" in seen[0] and seen[1] == "True"


def test_below_60_columns_the_detail_pane_steps_aside(isolated_environment: Path) -> None:
    seen: list[bool] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        seen.append(app.query_one("#detail").display)

    drive(steps, size=(80, 24))
    drive(steps, size=(40, 24))
    assert seen == [True, False]


def test_only_the_roadmap_imports_textual(isolated_environment: Path) -> None:
    """Textual costs the other commands nothing: a query never loads it."""
    import subprocess
    import sys

    for args in (["salary", "--level", "senior"], ["progress", "--json"], ["--help"]):
        finished = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "ml_career", *args], capture_output=True, text=True, timeout=60
        )
        assert finished.returncode == 0, finished.stderr
        imported = {line.rsplit("|", 1)[-1].strip() for line in finished.stderr.splitlines() if "|" in line}
        assert not {name for name in imported if name.split(".")[0] == "textual"}, args


def test_alternatives_read_one_of_and_specialties_pick_one(isolated_environment: Path) -> None:
    seen: list[str] = []

    async def steps(pilot: Pilot[None], app: Roadmap) -> None:
        items = app.query_one("#items", OptionList)
        seen.extend(" ".join(str(items.get_option_at_index(i).prompt).split()) for i in range(items.option_count))

    drive(steps)
    languages = seen.index("[ ] Programming Languages 0 of 3 tools")
    assert seen[languages + 1].startswith("one of these: [m")
    assert seen[languages + 2 : languages + 5] == ["[ ] Python", "[ ] R", "[ ] Julia"]
    assert any(line.startswith("Popular specialties") and " pick one [m" in line for line in seen), seen
