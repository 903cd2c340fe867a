"""A built wheel carries the bundled data and finds it from anywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("building the wheel needs uv")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([uv, "build", "--wheel", "--out-dir", str(out), str(REPO)], check=True, capture_output=True)
    (built,) = out.glob("mlcareer-*.whl")
    return built


def test_the_wheel_contains_the_data_inside_the_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "ml_career/_data/ml_engineer.toml" in names
    assert not any(name.startswith("data/") for name in names)
    assert not any(name.startswith("tests/") for name in names)


def test_an_unpacked_wheel_loads_its_own_data_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import ml_career, ml_career.dataset.loading as l; "
        "print(ml_career.__file__); print(l.bundled_data_path()); "
        "print(l.load_career().pay.figures[2].amount)"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    package_file, data_path, amount = completed.stdout.split("\n")[:3]
    assert package_file.startswith(str(site))
    assert data_path == str(site / "ml_career" / "_data" / "ml_engineer.toml")
    assert amount == "208000"
