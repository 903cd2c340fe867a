"""Files mlcareer owns and files it doesn't: private state, read-only files, a shared cache, bounded notes."""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, Invoke, installed_script


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _with_umask_0(*args: str) -> subprocess.CompletedProcess[str]:
    command = "umask 000; exec " + shlex.join([installed_script(), *args])
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)


def test_the_state_its_backup_and_its_lock_are_private_whatever_the_umask(isolated_environment: Path) -> None:
    home = isolated_environment / "mlcareer"
    home.mkdir()
    (home / "state.json").write_text(json.dumps({"version": 1, "careers": {}}), encoding="utf-8")
    (home / "state.json").chmod(0o644)
    assert _with_umask_0("progress", "git", "done").returncode == 0
    assert {path.name: _mode(path) for path in home.iterdir() if path.name.startswith("state")} == {
        "state.json": 0o600,
        "state.json.v1": 0o600,
        "state.json.lock": 0o600,
    }


def test_a_new_state_is_private_whatever_the_umask(isolated_environment: Path) -> None:
    assert _with_umask_0("progress", "git", "done", "--note", "Pro Git").returncode == 0
    assert _mode(isolated_environment / "mlcareer" / "state.json") == 0o600


def test_a_read_only_state_file_is_not_replaced(script: Invoke, isolated_environment: Path) -> None:
    assert script("progress", "git", "done").exit_code == 0
    state = isolated_environment / "mlcareer" / "state.json"
    saved = state.read_bytes()
    state.chmod(0o400)
    result = script("progress", "docker", "done")
    assert result.exit_code == 1
    assert result.stderr == (
        f"mlcareer: {state}: is read-only, so nothing was saved and it was left as it is.\n"
        f"  To save progress again, make it writable: chmod u+w '{state}'\n"
    )
    assert state.read_bytes() == saved and _mode(state) == 0o400


def _sys_refuses_new_files() -> bool:
    import tempfile

    try:
        made, name = tempfile.mkstemp(dir="/sys")
    except OSError:
        return os.path.isdir("/sys")
    os.close(made)
    os.unlink(name)
    return False


@pytest.mark.skipif(not _sys_refuses_new_files(), reason="needs a /sys that refuses new files")
def test_a_state_linked_into_a_folder_that_cannot_be_written_names_that_folder(
    script: Invoke, isolated_environment: Path
) -> None:
    """/sys refuses new files even to root, as a read-only folder refuses them to its owner."""
    home = isolated_environment / "mlcareer"
    home.mkdir()
    (home / "state.json").symlink_to("/sys/mlcareer-state.json")
    result = script("progress", "git", "done")
    assert result.exit_code == 1
    assert result.stderr.endswith("Check that you own the folder and may write to it: ls -ld '/sys'\n")


@pytest.mark.parametrize("variable", ["HOME", "MLCAREER_HOME"])
def test_a_file_where_the_home_folder_should_be_gets_an_mv_that_runs(
    script: Invoke, tmp_path: Path, variable: str
) -> None:
    in_the_way = tmp_path / "it's a file"
    in_the_way.write_text("x\n", encoding="utf-8")
    env = {variable: str(in_the_way)}
    if variable == "HOME":
        env |= {"MLCAREER_HOME": "", "XDG_DATA_HOME": ""}
    result = script("progress", "git", "done", env=env)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"mlcareer: {in_the_way}: is a file, not a folder")
    command = result.stderr.split("Move the file aside: ", 1)[1].split(" (or set", 1)[0]
    assert subprocess.run(["bash", "-c", command], timeout=30).returncode == 0  # the command shown runs as shown
    assert not in_the_way.exists() and Path(f"{in_the_way}.bak").exists()
    assert script("progress", "git", "done", env=env).exit_code == 0  # and once run, saving works


def _our_entries(cache: Path) -> list[Path]:
    return [path for path in cache.iterdir() if len(path.stem) == 32 and path.suffix == ".cache"]


def test_cache_pruning_keeps_other_programs_files(script: Invoke, tmp_path: Path) -> None:
    cache = Path(os.environ["MLCAREER_CACHE_DIR"])
    cache.mkdir(parents=True)
    theirs = [cache / f"other{n}.cache" for n in range(20)]
    theirs.append(cache / ("0123456789abcdef" * 2 + ".cache"))  # our kind of name, not our header
    for path in theirs:
        path.write_text("another program's cache\n", encoding="utf-8")
        os.utime(path, (1, 1))  # older than anything mlcareer writes: pruned first, were they ours
    for number in range(18):
        data = tmp_path / f"data{number}.toml"
        data.write_bytes(BUNDLED.read_bytes() + f"# copy {number}\n".encode())
        assert script("--data", str(data), "salary").exit_code == 0
    assert all(path.exists() for path in theirs)
    assert len(_our_entries(cache)) == 16 + 1  # ours, pruned to the newest; theirs untouched


def test_a_note_edited_to_10_mb_is_shown_cut_and_kept_whole(script: Invoke, isolated_environment: Path) -> None:
    assert script("progress", "git", "learning", "--note", "short").exit_code == 0
    state = isolated_environment / "mlcareer" / "state.json"
    saved = json.loads(state.read_text(encoding="utf-8"))
    huge = "word " * 2_000_000
    saved["notes"]["ml-engineer"]["tool.git"] = huge
    state.write_text(json.dumps(saved), encoding="utf-8")
    shown = script("progress", "git", "--json")
    assert shown.exit_code == 0, shown.stderr
    item = next(row for row in json.loads(shown.stdout)["items"] if row["id"] == "tool.git")
    note = item["note"]["text"]
    assert len(note) <= 501 and note.endswith("\u2026") and note.startswith("word word")
    exported = script("export", "-f", "svg")
    assert exported.exit_code == 0 and len(exported.stdout) < 2_000_000
    assert script("progress", "docker", "done").exit_code == 0  # a save keeps the note as it was
    assert json.loads(state.read_text(encoding="utf-8"))["notes"]["ml-engineer"]["tool.git"] == huge


def test_a_typed_note_is_bounded(script: Invoke) -> None:
    result = script("progress", "git", "--note", "n" * 501)
    assert result.exit_code == 2
    assert result.stderr == "mlcareer: a note holds at most 500 characters (this one has 501)\n"


def test_a_data_text_longer_than_any_article_holds_is_refused(script: Invoke, tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    data = tmp_path / "data.toml"
    data.write_text(text.replace('name = "Programming Skills"', f'name = "{"word " * 400_000}"', 1), encoding="utf-8")
    result = script("--data", str(data), "export", "-f", "svg")
    assert result.exit_code == 1
    assert "String should have at most 10000 characters" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("number", "fix"),
    [
        (28, "Nothing was saved. Free some space on the disk that holds it: df -h '{folder}'"),
        (30, "Nothing was saved: '{folder}' is on a file system mounted read-only"),
        (13, "Check that you own the folder and may write to it: ls -ld '{folder}'"),
    ],
)
def test_a_failed_save_names_the_fix_for_its_cause(
    isolated_environment: Path, monkeypatch: pytest.MonkeyPatch, number: int, fix: str
) -> None:
    from ml_career import atomic
    from ml_career.advisor.state import update_state
    from ml_career.errors import StateFileError

    def failing(*args: object, **kwargs: object) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(atomic, "write_atomically", failing)
    path = isolated_environment / "mlcareer" / "state.json"
    with pytest.raises(StateFileError) as failed:
        update_state(lambda state: None, path)
    assert failed.value.lines()[1] == fix.format(folder=path.parent)
