"""Start-up benchmark: each command against its floors, in the same run.

    uv run python benchmarks/startup.py            # full run, checked against the budgets
    uv run python benchmarks/startup.py --quick    # a few rounds: shows it works (CI)

Standard library only. Every round runs the floors (`python -c pass`, `python -c
"import typer"`), the library references and each command once, in a shuffled
order, so that the machine's noise hits them alike; a command's ratio is its time
over the floor's time in the same round, and the report gives the median of those
ratios. Peak memory is each child's own maximum resident size, from os.wait4.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data" / "ml_engineer.toml"
PYTHON = sys.executable
_BESIDE = Path(PYTHON).with_name("mlcareer")
# The console script when it is installed beside this interpreter; under
# `uv run --with ...` (another interpreter, the project layered in) run the module.
COMMAND = [str(_BESIDE)] if _BESIDE.exists() else [PYTHON, "-m", "ml_career"]
MIB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    argv: list[str]
    env: dict[str, str]
    floor: str  # the floor its ratio is taken against
    budget_ratio: float | None = None
    budget_ms: float | None = None
    touch_data: Path | None = None  # change this file before every run: a first run after an edit


@dataclass
class Timing:
    seconds: list[float]
    ratios: list[float]
    peak_bytes: int


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak resident memory of one child process."""
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=_quiet())
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"benchmark: {' '.join(argv)} exited {code}")
    # ru_maxrss is in kilobytes on Linux and bytes on macOS.
    peak = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return elapsed, peak


def _quiet() -> list[tuple[int, int, str, int, int]]:
    return [
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ]


def base_environment(work: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MLCAREER_", "_MLCAREER"))}
    # Installed tools run from compiled bytecode; let the children write and use it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update({"MLCAREER_CACHE_DIR": str(work / "cache"), "MLCAREER_HOME": str(work / "home"), "COLUMNS": "100"})
    env.pop("FORCE_COLOR", None)
    return env


def cases(work: Path, env: dict[str, str]) -> list[Case]:
    changing = work / "changing.toml"
    shutil.copyfile(BUNDLED, changing)
    completion = {
        **env,
        "_MLCAREER_COMPLETE": "complete_bash",
        "COMP_WORDS": "mlcareer salary --level ",
        "COMP_CWORD": "3",
    }
    references = [Case(name, [PYTHON, "-c", code], env, "import typer") for name, code in REFERENCES.items()]
    return [
        *references,
        Case("salary --level senior", [*COMMAND, "salary", "--level", "senior"], env, "import typer", 1.8, 100.0),
        Case("path", [*COMMAND, "path"], env, "import typer"),
        Case("skills --json", [*COMMAND, "skills", "--json"], env, "import typer", 1.3),
        Case(
            "salary --level senior --json",
            [*COMMAND, "salary", "--level", "senior", "--json"],
            env,
            "import typer",
            1.3,
        ),
        Case("--help", [*COMMAND, "--help"], env, "import typer", 2.0),
        Case("TAB: salary --level ", COMMAND, completion, "import typer", 1.3),
        Case(
            "first run after a data change",
            [*COMMAND, "--data", str(changing), "salary", "--json"],
            env,
            "import typer",
            3.0,
            touch_data=changing,
        ),
    ]


def floors(env: dict[str, str]) -> dict[str, list[str]]:
    return {"python -c pass": [PYTHON, "-c", "pass"], "import typer": [PYTHON, "-c", "import typer"]}


# What the libraries alone cost, beside the floors: a table cannot be drawn without
# importing Rich, nor a data file validated without importing pydantic and building
# the models' validator. They show how much of a command's time is mlcareer's own.
# mlcareer turns the cyclic garbage collector off (ml_career/entry.py); the first
# reference shows what that alone does to the floor.
REFERENCES = {
    "ref: import typer, collector off": "import gc; gc.disable(); import typer; gc.freeze()",
    "ref: typer + Rich table": "import typer, rich.console, rich.table",
    "ref: typer + pydantic validator": (
        "import typer; from ml_career.dataset.models import CareerData; CareerData.model_rebuild()"
    ),
}


def measure(all_cases: list[Case], env: dict[str, str], rounds: int) -> tuple[dict[str, Timing], dict[str, Timing]]:
    floor_cases = [Case(name, argv, env, name) for name, argv in floors(env).items()]
    floor_timings = {case.name: Timing([], [], 0) for case in floor_cases}
    case_timings = {case.name: Timing([], [], 0) for case in all_cases}
    for case in [*floor_cases, *all_cases]:  # warm-up: compile bytecode, fill caches
        run_once(case.argv, case.env)
    # Each round runs everything once in its own order: a run right after a large
    # one is slower, and a fixed order would charge that to the same command each time.
    order = random.Random(20261121)
    edits = 0
    for _ in range(rounds):
        this_round: dict[str, float] = {}
        everything = [*floor_cases, *all_cases]
        order.shuffle(everything)
        for case in everything:
            if case.touch_data is not None:
                edits += 1
                with case.touch_data.open("a", encoding="utf-8") as data:
                    data.write(f"# edit {edits}\n")
            elapsed, peak = run_once(case.argv, case.env)
            this_round[case.name] = elapsed
            timing = floor_timings.get(case.name) or case_timings[case.name]
            timing.seconds.append(elapsed)
            timing.peak_bytes = max(timing.peak_bytes, peak)
        for case in all_cases:
            case_timings[case.name].ratios.append(this_round[case.name] / this_round[case.floor])
    return floor_timings, case_timings


SCALED_LISTS = ("internships", "industries", "employer_types", "career_paths", "resources")


def toml_value(value: object) -> str:
    """A value as inline TOML: enough of a writer for the data file's own types."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(type(value))


def scaled_data(work: Path, factor: int) -> Path:
    """The bundled data with its long lists repeated `factor` times, ids and names made unique."""
    document = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))
    for key in SCALED_LISTS:
        originals = document[key]
        copies = []
        for copy in range(1, factor):
            for record in originals:
                clone = dict(record)
                for field in ("id", "name"):
                    if field in clone:
                        clone[field] = f"{clone[field]}-{copy}" if field == "id" else f"{clone[field]} ({copy})"
                copies.append(clone)
        document[key] = originals + copies
    groups = document["skill_groups"]
    for copy in range(1, factor):
        for group in list(groups[:4]):
            clone = dict(group, id=f"{group['id']}-{copy}", title=f"{group['title']} ({copy})", roadmap=False)
            clone["skills"] = [dict(skill, id=f"{skill['id']}-{copy}") for skill in group["skills"]]
            groups.append(clone)
    path = work / f"scaled-{factor}x.toml"
    path.write_text("".join(f"{key} = {toml_value(value)}\n" for key, value in document.items()), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Scaled:
    factor: int
    size: int
    validating_ms: float  # salary --json, the first run after each edit
    unchanged_ms: float  # salary --json again: its answer does not grow with the data
    listing_ms: float  # internships --json: its answer grows with the data


def scaling(work: Path, env: dict[str, str], rounds: int) -> list[Scaled]:
    """Medians for data files 1, 10 and 100 times the bundled one, run in turn each round."""
    files = {factor: scaled_data(work, factor) for factor in (1, 10, 100)}
    runs: dict[tuple[int, str], list[float]] = {}

    def argv(data: Path, *command: str) -> list[str]:
        return [*COMMAND, "--data", str(data), *command, "--json"]

    for data in files.values():
        run_once(argv(data, "salary"), env)
    for edit in range(rounds):
        for factor, data in files.items():
            runs.setdefault((factor, "unchanged"), []).append(run_once(argv(data, "salary"), env)[0])
            runs.setdefault((factor, "listing"), []).append(run_once(argv(data, "internships"), env)[0])
            with data.open("a", encoding="utf-8") as handle:
                handle.write(f"# edit {edit}\n")
            runs.setdefault((factor, "validating"), []).append(run_once(argv(data, "salary"), env)[0])
    return [
        Scaled(
            factor,
            data.stat().st_size,
            *(statistics.median(runs[factor, kind]) * 1000 for kind in ("validating", "unchanged", "listing")),
        )
        for factor, data in files.items()
    ]


def report(floor_timings: dict[str, Timing], case_timings: dict[str, Timing], all_cases: list[Case]) -> bool:
    print(f"{'run':34} {'median':>9} {'x floor':>8} {'budget':>14} {'peak MiB':>9}")
    for name, timing in floor_timings.items():
        print(
            f"{name:34} {statistics.median(timing.seconds) * 1000:7.1f}ms {'':>8} {'floor':>14} "
            f"{timing.peak_bytes / MIB:9.1f}"
        )
    within = True
    for case in all_cases:
        timing = case_timings[case.name]
        median_ms = statistics.median(timing.seconds) * 1000
        ratio = statistics.median(timing.ratios)
        budget = []
        ok = True
        if case.budget_ratio is not None:
            budget.append(f"<={case.budget_ratio}x")
            ok &= ratio <= case.budget_ratio
        if case.budget_ms is not None:
            budget.append(f"<={case.budget_ms:.0f}ms")
            ok &= median_ms <= case.budget_ms
        peak = timing.peak_bytes / MIB
        if case.name in REFERENCES:
            budget.append("reference")
        elif case.touch_data is None:
            budget.append("<=30MiB")
            ok &= peak <= 30
        mark = ("ok" if ok else "OVER") if case.name not in REFERENCES else ""
        within &= ok
        print(f"{case.name:34} {median_ms:7.1f}ms {ratio:7.2f}x {' '.join(budget):>14} {peak:9.1f} {mark}")
    return within


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="a few rounds, to check that it works; budgets not enforced"
    )
    parser.add_argument("--rounds", type=int, default=30, help="rounds in a full run (default 30)")
    options = parser.parse_args()
    rounds = 3 if options.quick else options.rounds
    with tempfile.TemporaryDirectory(prefix="mlcareer-bench-") as folder:
        work = Path(folder)
        env = base_environment(work)
        all_cases = cases(work, env)
        from importlib.metadata import version

        print(
            f"python {sys.version.split()[0]}, typer {version('typer')}, pydantic {version('pydantic')}, "
            f"rich {version('rich')} on {sys.platform}, {os.cpu_count()} cores; {rounds} rounds"
        )
        floor_timings, case_timings = measure(all_cases, env, rounds)
        within = report(floor_timings, case_timings, all_cases)
        print()
        print(f"{'data':6} {'size':>10} {'validating run':>16} {'unchanged run':>16} {'every internship':>17}")
        scaled = scaling(work, env, max(3, rounds // 3))
        base = scaled[0]
        for row in scaled:
            print(
                f"{row.factor:>4}x {row.size / 1024:8.0f}KiB"
                f" {row.validating_ms:7.1f}ms {row.validating_ms / base.validating_ms:5.2f}x"
                f" {row.unchanged_ms:7.1f}ms {row.unchanged_ms / base.unchanged_ms:5.2f}x"
                f" {row.listing_ms:8.1f}ms {row.listing_ms / base.listing_ms:5.2f}x"
            )
    if options.quick:
        return 0
    print("\nall within budget" if within else "\nsome runs are over budget")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
