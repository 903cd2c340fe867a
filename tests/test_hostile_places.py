"""Where mlcareer keeps files, and names that say where not to: a HOME that is empty or relative, a folder in
/proc, a device in place of a folder, a file name ending in a slash."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import pytest

from ml_career import places
from tests.conftest import Invoke


@pytest.mark.parametrize("home", ["", "relative/home", "~"])
def test_a_home_that_is_empty_or_relative_is_not_a_home(monkeypatch: pytest.MonkeyPatch, home: str) -> None:
    """An empty HOME put the files under "/", a relative one wherever the command ran: the password database decides."""
    monkeypatch.setenv("HOME", home)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv(places.HOME_ENV_VAR, raising=False)
    assert places.user_data_folder() == os.path.join(pwd.getpwuid(os.getuid()).pw_dir, ".local/share/mlcareer")


@pytest.mark.parametrize("home", ["", "relative/home"])
def test_the_console_script_keeps_nothing_where_a_relative_home_points(
    script: Invoke, tmp_path: Path, home: str
) -> None:
    env = {"HOME": home, places.HOME_ENV_VAR: "", "XDG_DATA_HOME": ""}
    result = script("progress", env=env, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    expected = os.path.join(pwd.getpwuid(os.getuid()).pw_dir, ".local/share/mlcareer/state.json")
    assert f"Saved in {expected}" in result.stdout
    assert not (tmp_path / "relative").exists()


def test_a_folder_where_no_file_can_be_made_is_one_line(script: Invoke) -> None:
    result = script("progress", "python", "done", env={places.HOME_ENV_VAR: "/proc/self"})
    assert result.exit_code == 1
    assert result.stderr == (
        "mlcareer: /proc/self: progress cannot be saved there (No such file or directory); "
        "set MLCAREER_HOME to a folder of your own\n"
    )


@pytest.mark.parametrize(("home", "blocker"), [("/dev/null", "/dev/null"), ("/dev/null/mlcareer", "/dev/null")])
def test_a_device_in_place_of_the_folder_is_never_to_be_moved_aside(script: Invoke, home: str, blocker: str) -> None:
    """The message named a fix that would move /dev/null: a device is not the user's file to move."""
    result = script("progress", "python", "done", env={places.HOME_ENV_VAR: home})
    assert result.exit_code == 1
    where = "" if home == blocker else f", so {home} cannot be made in it"
    assert result.stderr == (
        f"mlcareer: {blocker}: is a character device, not a folder{where}; "
        "set MLCAREER_HOME to a folder for saved progress\n"
    )
    assert "mv " not in result.stderr


def test_a_regular_file_in_place_of_the_folder_is_still_moved_aside(script: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "home-file"
    blocker.write_text("mine\n", encoding="utf-8")
    result = script("progress", "python", "done", env={places.HOME_ENV_VAR: str(blocker)})
    assert result.exit_code == 1
    assert f"mv '{blocker}' '{blocker}.bak'" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("run", ["cli", "script"])
@pytest.mark.parametrize("name", ["plan.md/", "nothere/", "./"])
def test_an_output_name_ending_in_a_slash_is_refused(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, run: str, tmp_path: Path, name: str
) -> None:
    """Path() dropped the slash: `-o plan.md/` wrote a file plan.md, where the system would refuse."""
    invoke: Invoke = request.getfixturevalue(run)
    monkeypatch.chdir(tmp_path)
    result = invoke("export", "-o", name)
    assert result.exit_code == 2
    assert "the name ends with a slash, which names a folder; give the name of a file" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["home"]


def test_an_input_name_ending_in_a_slash_is_refused(cli: Invoke, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text('{"curiosity": 4}', encoding="utf-8")
    result = cli("fit", "--answers", f"{answers}/")
    assert result.exit_code == 2
    assert "the name ends with a slash, which names a folder; give the name of a file" in result.stderr
