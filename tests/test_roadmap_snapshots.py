"""The roadmap's three screens at 80x24 and 120x40, held by SVG snapshots (`--snapshot-update` renews them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ml_career.advisor.progress import save_rung, update_progress
from ml_career.cli.roadmap import SavedRoadmap
from ml_career.dataset.loading import load_career
from ml_career.render.roadmap_app import Roadmap
from tests.conftest import BUNDLED

# The keys that open each screen, with a few changes made on the way, so the snapshot shows them.
SCREENS = {
    "skills": ["space", "j", "j", "j", "j", "j", "j", "space", "space"],
    "ladder": ["tab"],
    "plan": ["tab", "tab", *"senior", "down", "down", "down", "down", *"experience=1y junior=2y engineer=3y"],
}
SIZES = [(80, 24), (120, 40)]


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_each_screen_looks_as_it_did(
    screen: str, size: tuple[int, int], snap_compare: Callable[..., bool], isolated_environment: Path
) -> None:
    data = load_career(BUNDLED)
    update_progress(data, ["tool.git"], note="Pro Git, chapter 3")
    update_progress(data, ["tool.python", "done"])
    save_rung(data, "junior")
    assert snap_compare(Roadmap(SavedRoadmap(data)), press=SCREENS[screen], terminal_size=size)
