"""Odd files anywhere mlcareer reads: bounded work, clear messages, nothing fatal that can be rebuilt."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, Invoke, installed_script


def _data_with(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "data.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# --- what is read at all -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "directory", "loop"])
def test_the_data_file_must_be_a_regular_file(script: Invoke, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "data.toml"
    expected = {
        "fifo": "is a pipe (FIFO), not a regular file",
        "dev-zero": "is a character device, not a regular file",
        "directory": "is a directory, not a data file",
        "loop": "a loop of symbolic links",
    }[kind]
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path = Path("/dev/zero")
    elif kind == "directory":
        path.mkdir()
    else:
        path.symlink_to(path)
    started = time.monotonic()
    result = script("--data", str(path), "salary")
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert expected in result.stderr and result.stderr.count("\n") == 1


def test_a_data_file_over_the_size_limit_is_refused_unread(script: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with open(path, "wb") as sparse:
        sparse.truncate(65 * 1024 * 1024)
    result = script("--data", str(path), "salary")
    assert result.exit_code == 1
    assert result.stderr == f"mlcareer: {path}: is larger than 64 MiB, the most mlcareer reads\n"


def test_binary_garbage_is_one_line(script: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "data.toml"
    path.write_bytes(bytes(range(256)) * 10)
    result = script("validate", str(path))
    assert result.exit_code == 1 and "not UTF-8 text" in result.stdout


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_answers_and_state_must_be_regular_files(script: Invoke, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "answers.json"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    result = script("fit", "--answers", str(path))
    assert result.exit_code == 2 and "not a regular file" in result.stderr
    home = tmp_path / "home-for-state"
    home.mkdir()
    state = home / "state.json"
    if kind == "fifo":
        os.mkfifo(state)
    else:
        state.symlink_to("/dev/zero")
    result = script("progress", env={"MLCAREER_HOME": str(home)})
    assert result.exit_code == 1 and "cannot be read" in result.stderr and "not a regular file" in result.stderr


# --- parsing -------------------------------------------------------------------------------------


def test_a_long_dotted_key_is_refused_before_parsing(script: Invoke, tmp_path: Path) -> None:
    """33 KB of one dotted key used to take tomllib more than 1.5 GB."""
    path = tmp_path / "keys.toml"
    path.write_text("a" + ".a" * 16500 + " = 1\n", encoding="utf-8")
    started = time.monotonic()
    result = script("validate", str(path))
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert f"{path}:1: a key with more than 64 dotted parts" in result.stdout


def test_dots_inside_strings_are_not_keys(script: Invoke, tmp_path: Path) -> None:
    data = _data_with(tmp_path, 'summary = "', 'summary = "' + "." * 100)
    assert script("validate", str(data)).exit_code == 0


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_deep_nesting_is_one_line(script: Invoke, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"deep{suffix}"
    path.write_text(
        ("a = " if suffix == ".toml" else '{"a": ') + "[" * 100_000 + "]" * 100_000 + "}" * (suffix == ".json")
    )
    result = script("validate", str(path))
    assert result.exit_code == 1
    assert "nested too deeply" in result.stdout


# --- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "field", "message"),
    [
        (
            "1" * 5000,
            "pay.figures.0.amount",
            "less than or equal to 1000000000000000000000000000000 (got a number of about 5,000 digits)",
        ),
        ("9" * 400, "pay.figures.0.amount", "less than or equal to 1000000000000000000000000000000"),
        ("nan", "pay.figures.0.amount", "valid integer"),
        ("inf", "pay.figures.0.amount", "valid integer"),
    ],
)
def test_huge_and_non_finite_amounts_are_refused_with_the_field(
    script: Invoke, tmp_path: Path, value: str, field: str, message: str
) -> None:
    data = _data_with(tmp_path, "amount = 118000", f"amount = {value}")
    result = script("validate", str(data))
    assert result.exit_code == 1
    assert f"{field}: " in result.stdout and message in result.stdout
    assert script("--data", str(data), "salary").exit_code == 1


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e300"])
def test_outlook_figures_must_be_finite_and_bounded(script: Invoke, tmp_path: Path, value: str) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    found = re.search(r"^value = .*$", text, re.MULTILINE)
    assert found is not None
    data = _data_with(tmp_path, found.group(), f"value = {value}")
    result = script("validate", str(data))
    assert result.exit_code == 1 and "outlook.figures.0.value: must be" in result.stdout


def test_the_largest_valid_amounts_never_crash_a_command(script: Invoke, tmp_path: Path) -> None:
    text = re.sub(r"amount = \d+", "amount = 1000000000000000000000000000000", BUNDLED.read_text(encoding="utf-8"))
    text = re.sub(r"years_max = \d+", "years_max = 100", text)
    data = tmp_path / "data.toml"
    data.write_text(text, encoding="utf-8")
    for command in (["salary"], ["education"], ["plan", "--target", "lead"], ["export", "-f", "html"]):
        result = script("--data", str(data), *command)
        assert result.exit_code == 0, (command, result.stderr)
        as_json = script("--data", str(data), *command[:1], "--json") if command[0] != "export" else None
        if as_json is not None:
            json.loads(as_json.stdout, parse_constant=lambda name: pytest.fail(f"{name} in --json"))


def test_json_data_with_nan_is_refused(script: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text('{"schema_version": 1, "x": NaN}', encoding="utf-8")
    result = script("validate", str(path))
    assert result.exit_code == 1 and "NaN is not a number JSON allows" in result.stdout


# --- saved state ---------------------------------------------------------------------------------

BAD_STATES = {
    "careers a list": {"schema_version": 1, "careers": []},
    "career entry a list": {"schema_version": 1, "careers": {"ml-engineer": ["done"]}},
    "status a list": {"schema_version": 1, "careers": {"ml-engineer": {"deep-learning": ["done"]}}},
    "rungs a list": {"schema_version": 1, "careers": {}, "rungs": []},
    "rung a list": {"schema_version": 1, "careers": {}, "rungs": {"ml-engineer": ["engineer"]}},
    "version a string": {"schema_version": "1", "careers": {}},
    "version true": {"schema_version": True, "careers": {}},
    "huge version": {"schema_version": 10**200, "careers": {}},
}


@pytest.mark.parametrize("state", BAD_STATES.values(), ids=BAD_STATES.keys())
def test_a_state_of_the_wrong_shape_is_left_untouched(
    script: Invoke, isolated_environment: Path, state: object
) -> None:
    path = isolated_environment / "mlcareer" / "state.json"
    path.parent.mkdir()
    path.write_text(json.dumps(state), encoding="utf-8")
    before = path.read_bytes()
    for args in (["progress"], ["progress", "deep-learning", "done"], ["plan"], ["path"], ["export"]):
        result = script(*args)
        assert result.exit_code == 1, (args, result.stderr)
        assert "cannot be read" in result.stderr and "It has been left untouched" in result.stderr, result.stderr
        assert "unexpected error" not in result.stderr
    assert path.read_bytes() == before


def test_a_deeply_nested_state_is_left_untouched(script: Invoke, isolated_environment: Path) -> None:
    path = isolated_environment / "mlcareer" / "state.json"
    path.parent.mkdir()
    path.write_text('{"schema_version": 1, "careers": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    result = script("progress")
    assert result.exit_code == 1 and "nested too deeply" in result.stderr


def test_the_recovery_command_is_shell_quoted(script: Invoke, tmp_path: Path) -> None:
    home = tmp_path / "it's $(touch pwned) here"
    home.mkdir()
    (home / "state.json").write_text("not json", encoding="utf-8")
    result = script("progress", env={"MLCAREER_HOME": str(home)})
    command = result.stderr.split("start afresh: ", 1)[1].strip()
    import subprocess

    subprocess.run(["sh", "-c", command], check=True, cwd=tmp_path)
    assert (home / "state.json.bak").exists() and not (tmp_path / "pwned").exists()


def test_a_lock_that_is_a_directory_names_the_fix(script: Invoke, isolated_environment: Path) -> None:
    lock = isolated_environment / "mlcareer" / "state.json.lock"
    lock.mkdir(parents=True)
    result = script("progress", "deep-learning", "done")
    assert result.exit_code == 1
    assert f"{lock}: is a directory" in result.stderr and f"rmdir '{lock}'" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_names_the_fix(script: Invoke, isolated_environment: Path) -> None:
    folder = isolated_environment / "mlcareer"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = script("progress", "deep-learning", "done")
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 1 and "chmod u+w" in result.stderr


def test_an_unwritable_lock_file_still_locks(script: Invoke, isolated_environment: Path) -> None:
    """As after one `sudo mlcareer`: the lock file is there, but not writable."""
    lock = isolated_environment / "mlcareer" / "state.json.lock"
    lock.parent.mkdir()
    lock.touch()
    lock.chmod(0o444)
    assert script("progress", "deep-learning", "done").exit_code == 0


def test_a_relative_xdg_home_is_ignored(tmp_path: Path) -> None:
    import subprocess

    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("MLCAREER_HOME", "MLCAREER_CACHE_DIR")}
    env.update(XDG_DATA_HOME="relative-data", XDG_CACHE_HOME="relative-cache")
    result = subprocess.run(
        [installed_script(), "progress", "deep-learning", "done"], cwd=work, env=env, capture_output=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert list(work.iterdir()) == []
    assert (Path(env["HOME"]) / ".local" / "share" / "mlcareer" / "state.json").exists()
    assert list((Path(env["HOME"]) / ".cache" / "mlcareer").glob("*.cache"))


def test_no_home_at_all_still_answers(script: Invoke) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MLCAREER_HOME", "MLCAREER_CACHE_DIR", "HOME")}
    import subprocess

    result = subprocess.run(
        [installed_script(), "salary", "--level", "senior"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "$208,000" in result.stdout, result.stderr


# --- the cache -----------------------------------------------------------------------------------


def _entry() -> Path:
    (entry,) = Path(os.environ["MLCAREER_CACHE_DIR"]).glob("*.cache")
    return entry


def test_a_hand_edited_cache_entry_is_rejected_even_with_its_digest_recomputed(script: Invoke) -> None:
    import hashlib
    import marshal

    assert script("salary").exit_code == 0
    entry = _entry()
    header, payload = entry.read_bytes().split(b"\n", 1)
    forged = payload.replace(marshal.dumps(208000)[1:], marshal.dumps(999999)[1:])
    assert forged != payload
    stamp = header.split(b" ")
    # Whatever digest an editor without the key computes, it is not the keyed one.
    stamp[2] = hashlib.blake2b(forged, digest_size=32).hexdigest().encode()
    entry.write_bytes(b" ".join(stamp) + b"\n" + forged)
    result = script("salary", "--level", "senior")
    assert "$208,000" in result.stdout and "999,999" not in result.stdout
    assert marshal.dumps(208000)[1:] in _entry().read_bytes()  # rebuilt


def test_a_link_in_place_of_a_cache_entry_is_replaced_not_followed(script: Invoke, tmp_path: Path) -> None:
    assert script("salary").exit_code == 0
    entry = _entry()
    entry.unlink()
    victim = tmp_path / "victim.txt"
    victim.write_text("not mlcareer's to overwrite\n", encoding="utf-8")
    victim.chmod(0o777)  # open to anyone: the new entry must not take the permissions of what the link names
    entry.symlink_to(victim)
    result = script("salary", "--level", "senior")
    assert result.exit_code == 0 and "$208,000" in result.stdout
    assert victim.read_text(encoding="utf-8") == "not mlcareer's to overwrite\n"
    assert not _entry().is_symlink()
    umask = os.umask(0o022)
    os.umask(umask)
    assert _entry().stat().st_mode & 0o777 == 0o666 & ~umask  # a new file's, as the umask gives it


def test_the_cache_key_lives_outside_the_cache_and_is_private(script: Invoke) -> None:
    assert script("salary").exit_code == 0
    key = Path(os.environ["MLCAREER_HOME"]) / "cache.key"
    assert (key.stat().st_mode & 0o777) == 0o600
    assert not list(Path(os.environ["MLCAREER_CACHE_DIR"]).glob("*.key"))


@pytest.mark.parametrize("damage", ["garbage", "fifo", "deep header", "directory", "empty"])
def test_a_damaged_cache_entry_is_rebuilt(script: Invoke, damage: str) -> None:
    assert script("salary").exit_code == 0
    entry = _entry()
    entry.unlink()
    if damage == "garbage":
        entry.write_bytes(os.urandom(4096))
    elif damage == "fifo":
        os.mkfifo(entry)
    elif damage == "deep header":
        entry.write_text("[" * 100_000 + "\nx", encoding="utf-8")
    elif damage == "directory":
        entry.mkdir()
    else:
        entry.write_bytes(b"")
    for _ in range(2):
        result = script("salary", "--level", "senior")
        assert result.exit_code == 0 and "$208,000" in result.stdout, result.stderr


def test_old_cache_entries_are_pruned(cli: Invoke, tmp_path: Path) -> None:
    for index in range(18):
        data = tmp_path / f"data-{index}.toml"
        data.write_bytes(BUNDLED.read_bytes())
        assert cli("--data", str(data), "sources", "--json").exit_code == 0
    assert len(list(Path(os.environ["MLCAREER_CACHE_DIR"]).glob("*.cache"))) == 16


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_byte_order_mark_is_ignored(script: Invoke, tmp_path: Path, suffix: str) -> None:
    import tomllib

    path = tmp_path / f"data{suffix}"
    text = BUNDLED.read_text(encoding="utf-8")
    if suffix == ".json":
        text = json.dumps(tomllib.loads(text))
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert script("validate", str(path)).exit_code == 0


def test_a_lock_held_forever_is_a_message_not_a_hang(
    cli: Invoke, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    from ml_career.advisor import state

    monkeypatch.setattr(state, "LOCK_TIMEOUT_SECONDS", 0.5)
    lock = isolated_environment / "mlcareer" / "state.json.lock"
    lock.parent.mkdir()
    with open(lock, "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        result = cli("progress", "deep-learning", "done")
    assert result.exit_code == 1
    assert f"{lock}: another process has held this lock for 0.5 s; nothing was saved" in result.stderr


@pytest.mark.parametrize("damage", [b"# an exported plan\n", b"", b"zz" * 32])
def test_a_damaged_cache_key_is_replaced_not_fatal(script: Invoke, damage: bytes) -> None:
    assert script("salary").exit_code == 0
    key = Path(os.environ["MLCAREER_HOME"]) / "cache.key"
    key.write_bytes(damage)
    key.chmod(0o644)
    for _ in range(2):
        result = script("salary", "--level", "senior")
        assert result.exit_code == 0 and "$208,000" in result.stdout
    assert len(bytes.fromhex(key.read_text(encoding="ascii"))) == 32
    assert (key.stat().st_mode & 0o777) == 0o600
    assert _entry().read_bytes().startswith(b"mlcareer-validated-cache-")
