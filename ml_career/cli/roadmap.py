"""`mlcareer roadmap`: the interactive roadmap, wired to the saved state.

The app (render/roadmap_app.py) sees reports only; `SavedRoadmap` below gives it
them and makes its changes through advisor/progress.py, so each change takes the
state file's lock, re-reads it and writes it atomically, as `progress` does.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import typer

from ml_career.cli.context import career
from ml_career.errors import UsageError

if TYPE_CHECKING:
    from ml_career.advisor.plan import PlanReport
    from ml_career.advisor.progress import ProgressReport
    from ml_career.dataset.models import CareerData
    from ml_career.queries.ladder import PathReport
    from ml_career.queries.skills import SkillsReport
    from ml_career.render.roadmap_lines import Terms

commands = typer.Typer()
NEEDS_A_TERMINAL = (
    "the roadmap needs a terminal for its input and output.\n"
    "In a script, use `mlcareer progress NAME STATUS` and `mlcareer progress --json`."
)


@commands.command()
def roadmap(ctx: typer.Context) -> None:
    """The interactive roadmap: skills, ladder and plan, by key.

    Keys: up/down or j/k move, space cycles pending, learning, done; s skips; n edits the note;
    / filters by name; tab switches between skills, ladder and plan; ? lists the keys; q quits.
    Every change is saved at once, as `progress` saves it.

    \b
    Examples:
      mlcareer roadmap
    """
    if not (_is_terminal(sys.stdin) and _is_terminal(sys.stdout)):
        raise UsageError(NEEDS_A_TERMINAL)
    data = career(ctx)
    source = SavedRoadmap(data)
    source.progress()  # a state file that cannot be read stops here, with progress's message
    from ml_career.render.roadmap_app import Roadmap

    # A full-screen app lives in the terminal's real size, and follows it when it is resized.
    # An exported COLUMNS or LINES would win over both (shutil.get_terminal_size reads them first).
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)
    Roadmap(source).run()


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


class SavedRoadmap:
    """The roadmap's reports, read from the data and the state file, and its changes, saved there."""

    def __init__(self, data: CareerData) -> None:
        self.data = data
        self._seen = self._stamp()

    def progress(self) -> ProgressReport:
        from ml_career.advisor.progress import progress_report

        self._seen = self._stamp()
        return progress_report(self.data)

    def skills(self) -> SkillsReport:
        from ml_career.queries.skills import skills_report

        return skills_report(self.data)

    def terms(self) -> Terms:
        from ml_career.queries.items import tracked_items
        from ml_career.render.roadmap_lines import Terms

        needs = {item.id: item.needs for item in tracked_items(self.data) if item.needs}
        pick_one = {g.id: g.pick_one_reason for g in self.data.skill_groups if g.pick_one_reason is not None}
        return Terms(needs, pick_one)

    def ladder(self) -> PathReport:
        from ml_career.advisor.standing import saved_rung
        from ml_career.queries.ladder import path_report

        return path_report(self.data, saved=saved_rung(self.data))

    def plan(self, given: dict[str, str]) -> PlanReport:
        from ml_career.advisor.assumptions import parse_assumptions
        from ml_career.advisor.inputs import plan_inputs
        from ml_career.advisor.plan import plan_report

        assumed = parse_assumptions(self.data, given.get("assume", "").split())
        inputs = {name: given.get(name) for name in ("education", "level", "target", "from")}
        return plan_report(self.data, *plan_inputs(self.data, inputs), assumed, None)

    def set_status(self, item_id: str, status: str) -> ProgressReport:
        from ml_career.advisor.progress import update_progress

        update_progress(self.data, [item_id, status])
        return self.progress()

    def set_note(self, item_id: str, text: str | None) -> ProgressReport:
        from ml_career.advisor.progress import update_progress

        update_progress(self.data, [item_id], note=text, clear_note=text is None)
        return self.progress()

    def changed_elsewhere(self) -> bool:
        return self._stamp() != self._seen

    def _stamp(self) -> tuple[int, int, int] | None:
        from ml_career.advisor.state import state_file

        try:
            found = os.stat(state_file())
        except (OSError, ValueError):
            return None
        except Exception:  # no home to keep a state in: nothing can change there
            return None
        return (found.st_mtime_ns, found.st_size, found.st_ino)
