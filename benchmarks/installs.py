"""mlcareer installed as people install it - with uv, pip and pipx - to time TAB through each.

Each install is a virtual environment of its own in the benchmark's temporary
folder, from a wheel built from this checkout, so that each has the console
script its installer writes.

- uv and pip, in a full run and in --quick (CI): nothing is fetched. pip, in a
  `python -m venv` environment with the pip the interpreter bundles, installs the
  wheel with --no-deps and --no-index; the dependencies, at the versions this
  environment has, come from `uv pip install`, which takes them from uv's cache.
  Some seconds.
- pipx, in a full run only: pipx makes its environment and installs the wheel's
  dependencies itself, from the package index pip is configured with (about a
  minute here). Its console script is written by pip, as pip's is.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# What each install's completion script runs: the install's own cli/shell.direct_command.
DIRECT = "import json; from ml_career.cli.shell import direct_command; print(json.dumps(direct_command()))"


@dataclass(frozen=True)
class Install:
    name: str  # uv, pip or pipx
    console_script: str  # the launcher the installer wrote: what the completion scripts ran before
    direct: list[str]  # what they run now: the interpreter, -S and the package's folder


def pinned_dependencies() -> list[str]:
    """mlcareer's dependencies at the versions installed here, so that uv's cache has them."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0] for requirement in project["dependencies"]]
    return [f"{name}=={version(name)}" for name in names]


def _run(argv: list[str | Path], env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    completed = subprocess.run(
        [str(arg) for arg in argv], capture_output=True, text=True, env=env, cwd=cwd, timeout=600
    )
    if completed.returncode != 0:
        raise SystemExit(f"benchmark: {' '.join(map(str, argv))} failed:\n{completed.stderr}")
    return completed.stdout


def _finish(name: str, venv: Path, uv: str, pins: list[str], env: dict[str, str]) -> Install:
    python = venv / "bin" / "python"
    if pins:
        _run([uv, "pip", "install", "--quiet", "--python", python, *pins])
    # Asked from outside the checkout: `-c` puts the working folder first on the path.
    direct = json.loads(_run([python, "-c", DIRECT], env, cwd=venv))
    return Install(name, str(venv / "bin" / "mlcareer"), direct)


def install_all(work: Path, python: str, env: dict[str, str], quick: bool) -> tuple[list[Install], list[str]]:
    """The installs made, and a line for each that was not made, saying why."""
    uv = shutil.which("uv")
    if uv is None:
        return [], ["uv is not on the PATH: no wheel, so no install is timed"]
    dist = work / "dist"
    _run([uv, "build", "--quiet", "--wheel", "--out-dir", dist, REPO])
    wheel = next(dist.glob("mlcareer-*.whl"))
    pins = pinned_dependencies()
    made = []
    missing = []

    venv = work / "uv-install"
    _run([uv, "venv", "--quiet", "--python", python, venv])
    _run([uv, "pip", "install", "--quiet", "--no-deps", "--python", venv / "bin" / "python", wheel])
    made.append(_finish("uv", venv, uv, pins, env))

    venv = work / "pip-install"
    # As pip users make one: the pip (and, before Python 3.12, setuptools with its .pth file) that
    # the interpreter bundles, installed without fetching anything.
    _run([python, "-m", "venv", venv])
    _run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", wheel])
    made.append(_finish("pip", venv, uv, pins, env))

    pipx = shutil.which("pipx")
    if quick:
        missing.append("pipx: not in --quick, which fetches nothing (its console script is pip's)")
    elif pipx is None:
        missing.append("pipx: not installed here (its console script is pip's)")
    else:
        home = work / "pipx"
        pipx_env = {**os.environ, "PIPX_HOME": str(home), "PIPX_BIN_DIR": str(home / "bin")}
        _run([pipx, "install", "--python", python, wheel], pipx_env)
        made.append(_finish("pipx", home / "venvs" / "mlcareer", uv, [], env))
    return made, missing
