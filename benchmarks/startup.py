"""Start-up benchmark: each command against its floors, in the same run.

    uv run python benchmarks/startup.py            # full run, checked against the budgets
    uv run python benchmarks/startup.py --quick    # a few rounds: shows it works (CI)

Standard library only. Every round runs the floors (`python -c pass`, `python -c
"import typer"`), the library references and each command once, in a shuffled
order, so that the machine's noise hits them alike; a command's ratio is its time
over a floor's time in the same round, and the report gives the median of those
ratios against both floors. Peak memory is each child's own maximum resident size,
from os.wait4.

TAB is timed as each shell's completion script asks: bash with COMP_WORDS and
COMP_CWORD, zsh and fish with _TYPER_COMPLETE_ARGS in the tab-separated format
(see ml_career/cli/shell.py). The budgets are ratios to `python -c pass`.
"""

from __future__ import annotations

import argparse
import json
import marshal
import os
import random
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from installs import DIRECT, Install, install_all
from scaled_data import scaled_data

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
    budget_ratio: float | None = None  # to `python -c pass`
    budget_mib: float | None = None
    touch_data: Path | None = None  # change this file before every run: a first run after an edit


FLOOR = "python -c pass"
TYPER_FLOOR = "import typer"


@dataclass
class Timing:
    seconds: list[float]
    ratios: dict[str, list[float]]  # floor name -> this run's time over the floor's, round by round
    peak_bytes: int
    # CPU time over `python -c pass`'s, round by round: what the run costs the machine. On a
    # busy machine the wall-clock ratios wander with whatever else runs; this one much less.
    cpu_ratios: list[float] = field(default_factory=list)


# The children are started by a small helper process. A child's peak resident size
# (ru_maxrss) is never below that of the process it was spawned from - the kernel
# carries it over from before the exec - so spawned from this script (about 20 MiB)
# every child under that would show this script's size, not its own.
SPAWNER = """
import marshal, os, sys, time
null = os.open(os.devnull, os.O_RDWR)
quiet = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
while size := sys.stdin.buffer.readline():
    argv, env = marshal.loads(sys.stdin.buffer.read(int(size)))
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=quiet)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    sys.stdout.write(f"{elapsed!r} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {cpu!r}\\n")
    sys.stdout.flush()
"""


class Spawner:
    """A minimal Python (no site, no imports beyond builtins) that runs and times each child."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [PYTHON, "-S", "-c", SPAWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=False
        )

    def run(self, argv: list[str], env: dict[str, str]) -> tuple[float, int, int, float]:
        assert self.process.stdin is not None and self.process.stdout is not None
        request = marshal.dumps((argv, env))
        self.process.stdin.write(b"%d\n" % len(request) + request)
        self.process.stdin.flush()
        elapsed, peak, code, cpu = self.process.stdout.readline().split()
        return float(elapsed), int(peak), int(code), float(cpu)


_spawner: list[Spawner] = []


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall time, peak resident memory and CPU time (user and system) of one child process."""
    if not _spawner:
        _spawner.append(Spawner())
    elapsed, peak, code, cpu = _spawner[0].run(argv, env)
    if code != 0:
        raise SystemExit(f"benchmark: {' '.join(argv)} exited {code}")
    # ru_maxrss is in kilobytes on Linux and bytes on macOS.
    return elapsed, peak if sys.platform == "darwin" else peak * 1024, cpu


def base_environment(work: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MLCAREER_", "_MLCAREER"))}
    # Installed tools run from compiled bytecode; let the children write and use it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update({"MLCAREER_CACHE_DIR": str(work / "cache"), "MLCAREER_HOME": str(work / "home"), "COLUMNS": "100"})
    env.pop("FORCE_COLOR", None)
    return env


def completion_requests(env: dict[str, str]) -> dict[str, dict[str, str]]:
    """What each shell's completion script sets when TAB is pressed after `mlcareer salary --level `."""
    fish_protocol = {
        "_MLCAREER_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        "_TYPER_COMPLETE_ARGS": "mlcareer salary --level ",
    }
    return {
        "bash": {
            **env,
            "_MLCAREER_COMPLETE": "complete_bash",
            "COMP_WORDS": "mlcareer\nsalary\n--level\n",
            "COMP_CWORD": "3",
        },
        # zsh's script asks for fish's format: one candidate a line, its description after a tab.
        "zsh": {**env, **fish_protocol},
        "fish": {**env, **fish_protocol},
    }


QUERY_MIB = 20.0


TAB_RATIO = 1.2


def cases(work: Path, env: dict[str, str], installs: list[Install]) -> list[Case]:
    """Every timed run. TAB runs what the completion scripts run (cli/shell.py): the
    interpreter with -S and the package's folder, in this environment and in each install."""
    direct = json.loads(subprocess.run([PYTHON, "-c", DIRECT], env=env, capture_output=True, check=True).stdout)
    changing = work / "changing.toml"
    shutil.copyfile(BUNDLED, changing)
    references = [Case(name, [PYTHON, "-c", code], env) for name, code in REFERENCES.items()]
    tab = [
        Case(f"TAB in {shell}: salary --level ", direct, request, TAB_RATIO, QUERY_MIB)
        for shell, request in completion_requests(env).items()
    ]
    bash = completion_requests(env)["bash"]
    for install in installs:
        tab += [
            Case(f"TAB in {shell}, {install.name} install", install.direct, request, TAB_RATIO, QUERY_MIB)
            for shell, request in completion_requests(env).items()
        ]
        # What the scripts ran before they skipped the launcher: the installer's console script.
        tab.append(Case(f"TAB in bash, {install.name}, console script", [install.console_script], bash))
    return [
        *references,
        Case("salary --level senior", [*COMMAND, "salary", "--level", "senior"], env, 7.0, QUERY_MIB),
        Case("path", [*COMMAND, "path"], env, 7.0, QUERY_MIB),
        Case("skills --json", [*COMMAND, "skills", "--json"], env, 5.5, QUERY_MIB),
        Case("salary --level senior --json", [*COMMAND, "salary", "--level", "senior", "--json"], env, 5.5, QUERY_MIB),
        Case("--help", [*COMMAND, "--help"], env, 6.0, QUERY_MIB),
        *tab,
        Case(
            "first run after a data change",
            [*COMMAND, "--data", str(changing), "salary", "--json"],
            env,
            16.0,
            touch_data=changing,
        ),
        # As if installed without compiling bytecode and never run: every module is compiled
        # on the way in. What `uv tool install --compile-bytecode` saves (see README).
        Case("salary --json, no compiled bytecode", [*COMMAND, "salary", "--json"], uncompiled(work, env, "salary")),
        Case("TAB in bash, no compiled bytecode", direct, uncompiled(work, bash, "tab", direct)),
    ]


def uncompiled(work: Path, env: dict[str, str], name: str, argv: list[str] | None = None) -> dict[str, str]:
    """`env` in which mlcareer and its libraries have no compiled bytecode, and write none.

    The bytecode goes to a folder of its own (PYTHONPYCACHEPREFIX), filled by one run;
    then the part for the installed packages and the checkout is removed, so that every
    run compiles those and only those, as after an install that compiled nothing.
    """
    prefix = work / f"bytecode-{name}"
    argv = argv or [*COMMAND, "salary", "--json"]
    subprocess.run(argv, env={**env, "PYTHONPYCACHEPREFIX": str(prefix)}, capture_output=True)
    for folder in {sysconfig.get_paths()["purelib"], str(REPO)}:
        shutil.rmtree(prefix / Path(folder).relative_to(Path(folder).anchor), ignore_errors=True)
    return {**env, "PYTHONPYCACHEPREFIX": str(prefix), "PYTHONDONTWRITEBYTECODE": "1"}


def floors(env: dict[str, str]) -> dict[str, list[str]]:
    return {FLOOR: [PYTHON, "-c", "pass"], TYPER_FLOOR: [PYTHON, "-c", "import typer"]}


# What the libraries alone cost, beside the floors: a table cannot be drawn without
# importing Rich, nor a data file validated without importing pydantic and building
# the models' validator. They show how much of a command's time is mlcareer's own.
# mlcareer turns the cyclic garbage collector off (ml_career/entry.py); the first
# reference shows what that alone does to the floor.
REFERENCES = {
    "ref: import typer, collector off": "import gc; gc.disable(); import typer; gc.freeze()",
    "ref: typer + Rich table": "import typer, rich.console, rich.table",
    "ref: typer + Rich table, collector off": (
        "import gc; gc.disable(); import typer, rich.console, rich.table; gc.freeze()"
    ),
    "ref: typer + pydantic validator": (
        "import typer; from ml_career.dataset.models import CareerData; CareerData.model_rebuild()"
    ),
}


def measure(all_cases: list[Case], env: dict[str, str], rounds: int) -> tuple[dict[str, Timing], dict[str, Timing]]:
    floor_cases = [Case(name, argv, env) for name, argv in floors(env).items()]
    floor_timings = {case.name: Timing([], {}, 0) for case in floor_cases}
    case_timings = {case.name: Timing([], {}, 0) for case in all_cases}
    for case in [*floor_cases, *all_cases]:  # warm-up: compile bytecode, fill caches
        run_once(case.argv, case.env)
    # Each round runs everything once in its own order: a run right after a large
    # one is slower, and a fixed order would charge that to the same command each time.
    order = random.Random(20261121)
    edits = 0
    for _ in range(rounds):
        this_round: dict[str, float] = {}
        cpu_round: dict[str, float] = {}
        everything = [*floor_cases, *all_cases]
        order.shuffle(everything)
        for case in everything:
            if case.touch_data is not None:
                edits += 1
                with case.touch_data.open("a", encoding="utf-8") as data:
                    data.write(f"# edit {edits}\n")
            elapsed, peak, cpu = run_once(case.argv, case.env)
            this_round[case.name] = elapsed
            cpu_round[case.name] = cpu
            timing = floor_timings.get(case.name) or case_timings[case.name]
            timing.seconds.append(elapsed)
            timing.peak_bytes = max(timing.peak_bytes, peak)
        for case in all_cases:
            for floor in floor_timings:
                case_timings[case.name].ratios.setdefault(floor, []).append(this_round[case.name] / this_round[floor])
            case_timings[case.name].cpu_ratios.append(cpu_round[case.name] / max(cpu_round[FLOOR], 1e-6))
    return floor_timings, case_timings


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
    print(f"{'run':36} {'median':>9} {'x pass':>7} {'x typer':>8} {'cpu x pass':>10} {'budget':>16} {'peak MiB':>9}")
    for name, timing in floor_timings.items():
        ratio = "" if name == FLOOR else f"{statistics.median(case_ratio(timing, floor_timings)):6.2f}x"
        print(
            f"{name:36} {statistics.median(timing.seconds) * 1000:7.1f}ms {ratio:>7} {'':>8} {'':>10} {'floor':>16} "
            f"{timing.peak_bytes / MIB:9.1f}"
        )
    within = True
    for case in all_cases:
        timing = case_timings[case.name]
        median_ms = statistics.median(timing.seconds) * 1000
        to_pass = statistics.median(timing.ratios[FLOOR])
        to_typer = statistics.median(timing.ratios[TYPER_FLOOR])
        peak = timing.peak_bytes / MIB
        budget = []
        ok = True
        if case.budget_ratio is not None:
            budget.append(f"<={case.budget_ratio}x")
            ok &= to_pass <= case.budget_ratio
        if case.budget_mib is not None:
            budget.append(f"<={case.budget_mib:.0f}MiB")
            ok &= peak <= case.budget_mib
        mark = "" if not budget else ("ok" if ok else "OVER")
        within &= ok
        print(
            f"{case.name:36} {median_ms:7.1f}ms {to_pass:6.2f}x {to_typer:7.2f}x "
            f"{statistics.median(timing.cpu_ratios):9.2f}x "
            f"{' '.join(budget) or ('reference' if case.name in REFERENCES else ''):>16} {peak:9.1f} {mark}"
        )
    return within


def case_ratio(timing: Timing, floor_timings: dict[str, Timing]) -> list[float]:
    """A floor's own times over `python -c pass`, paired by round."""
    return [a / b for a, b in zip(timing.seconds, floor_timings[FLOOR].seconds, strict=True)]


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
        installs, not_installed = install_all(work, PYTHON, env, options.quick)
        all_cases = cases(work, env, installs)
        from importlib.metadata import version

        print(
            f"python {sys.version.split()[0]}, typer {version('typer')}, pydantic {version('pydantic')}, "
            f"rich {version('rich')} on {sys.platform}, {os.cpu_count()} cores; {rounds} rounds"
        )
        floor_timings, case_timings = measure(all_cases, env, rounds)
        within = report(floor_timings, case_timings, all_cases)
        for line in not_installed:
            print(f"not timed: {line}")
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
