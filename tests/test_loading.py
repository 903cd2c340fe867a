"""Finding the data, choosing another file, and never trusting a stale cache."""

from __future__ import annotations

import json
import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from ml_career.dataset import cache
from ml_career.dataset.loading import bundled_data_path, load_career, resolve_data_path
from ml_career.errors import DataFileError
from tests.conftest import BUNDLED, REPO, Invoke

LOADED_MODULES = (
    "from ml_career.dataset.loading import load_career; import sys; load_career(); print('pydantic' in sys.modules)"
)


def test_a_checkout_reads_the_bundled_data_from_data_folder() -> None:
    assert bundled_data_path() == BUNDLED


def test_data_option_beats_environment_beats_bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "chosen.toml"
    assert resolve_data_path() == BUNDLED
    monkeypatch.setenv("MLCAREER_DATA", str(tmp_path / "env.toml"))
    assert resolve_data_path() == tmp_path / "env.toml"
    assert resolve_data_path(chosen) == chosen


def test_another_data_file_through_option_and_environment(tmp_path: Path, cli: Invoke) -> None:
    edited = tmp_path / "edited.toml"
    edited.write_text(
        BUNDLED.read_text(encoding="utf-8").replace("amount = 208000", "amount = 209000"), encoding="utf-8"
    )
    assert "$209,000" in cli("--data", str(edited), "salary", "--level", "senior").stdout
    assert "$209,000" in cli("salary", "--level", "senior", env={"MLCAREER_DATA": str(edited)}).stdout
    assert "$208,000" in cli("salary", "--level", "senior").stdout


def test_a_missing_data_file_is_named(cli: Invoke, tmp_path: Path) -> None:
    result = cli("--data", str(tmp_path / "nope.toml"), "salary")
    assert result.exit_code == 1
    assert result.stderr == f"mlcareer: {tmp_path / 'nope.toml'}: no such file\n"


def _run_python(code: str) -> str:
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    return completed.stdout.strip()


def test_unchanged_data_is_served_without_importing_pydantic() -> None:
    assert _run_python(LOADED_MODULES) == "True"
    assert _run_python(LOADED_MODULES) == "False"


def test_changed_data_is_validated_again(tmp_path: Path) -> None:
    data = tmp_path / "career.toml"
    data.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_career(data).pay.figures[0].amount == 118000
    data.write_text(BUNDLED.read_text(encoding="utf-8").replace("amount = 118000", 'amount = "lots"'), encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_career(data)
    assert raised.value.lines() == [f"{data}: pay.figures.0.amount: Input should be a valid integer (got 'lots')"]


def _amount(value: int) -> bytes:
    """How marshal writes a small int: the bytes to look for in a cache entry."""
    return marshal.dumps(value)[1:]


def test_a_tampered_cache_is_not_trusted(tmp_path: Path) -> None:
    load_career()
    (cache_file,) = cache.cache_dir().glob("*.cache")
    header, payload = cache_file.read_bytes().split(b"\n", 1)
    assert _amount(208000) in payload
    cache_file.write_bytes(header + b"\n" + payload.replace(_amount(208000), _amount(999999)))
    assert load_career().pay.figures[2].amount == 208000
    # Nor does another key in the header: the key covers the data file's bytes.
    stamp = header.split(b" ")
    cache_file.write_bytes(b" ".join([stamp[0], b"0" * 64, stamp[2]]) + b"\n" + payload)
    assert load_career().pay.figures[2].amount == 208000


def test_an_unwritable_cache_folder_is_no_error(cli: Invoke, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    result = cli("salary", "--level", "senior", env={"MLCAREER_CACHE_DIR": str(blocked)})
    assert result.exit_code == 0
    assert "$208,000" in result.stdout


@pytest.mark.parametrize(
    "command", [["salary", "--level", "senior"], ["search", "kaggle"], ["plan", "--target", "lead"]]
)
def test_a_validating_run_and_a_cached_run_answer_alike(cli: Invoke, command: list[str]) -> None:
    validating = cli(*command, "--json")
    assert list(cache.cache_dir().glob("*.cache")), "the first run keeps a validated copy"
    cached = cli(*command, "--json")
    assert validating.exit_code == cached.exit_code == 0
    assert json.loads(cached.stdout) == json.loads(validating.stdout)
    assert cli(*command).stdout == cli(*command).stdout


def test_cached_sections_are_records_decoded_when_first_read() -> None:
    records = cache.as_records(
        cache.encode_sections({"pay": {"figures": [{"amount": 1, "note": "two\nlines"}]}, "ladder": []})
    )
    assert records.pay.figures[0].amount == 1
    assert records.pay.figures[0].note == "two\nlines"
    assert records.ladder == []
    with pytest.raises(AttributeError):
        _ = records.outlook
    with pytest.raises(ValueError):
        cache.as_records(marshal.dumps(["not", "sections"]))


def test_a_cache_cut_short_is_not_trusted() -> None:
    load_career()
    (cache_file,) = cache.cache_dir().glob("*.cache")
    header, payload = cache_file.read_bytes().split(b"\n", 1)
    cache_file.write_bytes(header + b"\n" + payload[: len(payload) // 2])
    assert cache.read_validated(BUNDLED, header.split(b" ")[1].decode()) is None
    assert load_career().pay.figures[2].amount == 208000
