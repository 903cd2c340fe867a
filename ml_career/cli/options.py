"""The options several commands share."""

import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ml_career.advisor.input_descriptions import INPUTS
from ml_career.cli import completion


def file_name(text: str) -> Path:
    """A file name as typed. No system accepts an empty name or a NUL byte in one: say so instead of crashing.

    An empty name would otherwise become Path(""), which is ".", the current folder.
    """
    if not text:
        raise typer.BadParameter("the file name is empty; give the name of a file")
    if "\x00" in text:
        raise typer.BadParameter("a file name cannot contain a NUL byte")
    if text.endswith(("/", os.sep)):
        # Path() drops the slash, and would read or replace a file of that name: the system refuses one.
        raise typer.BadParameter("the name ends with a slash, which names a folder; give the name of a file")
    return Path(text)


JsonFlag = Annotated[bool, typer.Option("--json", help="Print the facts as JSON on stdout, and nothing else.")]
SourcesFlag = Annotated[
    bool,
    typer.Option(
        "--sources",
        help="Show in full what the view marks: the articles' words, what each figure measures, "
        "the formulas and mlcareer's reasons.",
    ),
]


def _plan_option(name: str, complete: Callable[..., Any]) -> Any:
    """A plan input's option, from its one description (advisor/input_descriptions.py)."""
    described = INPUTS[name]
    first, *others = described.flags  # under Annotated, Typer reads the first as a name, not a default
    return typer.Option(first, *others, metavar=described.metavar, help=described.help, autocompletion=complete)


LevelOption = Annotated[str | None, _plan_option("level", completion.current_rungs)]
TargetOption = Annotated[str | None, _plan_option("target", completion.targets)]
FromOption = Annotated[str | None, _plan_option("from", completion.entry_roles)]
EducationOption = Annotated[str | None, _plan_option("education", completion.educations)]
DegreeOption = Annotated[str | None, _plan_option("degree", completion.degrees_to_earn)]
ResidencyOption = Annotated[str | None, _plan_option("residency", completion.residencies)]
AssumeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--assume",
        metavar="STEP=DURATION",
        help="Your own duration for a step the sources give none (experience=1y, junior=18m), or the years "
        "left of a degree you study for (bachelor=1y); repeat it, once per step.",
    ),
]
StartOption = Annotated[
    str | None,
    typer.Option("--start", metavar="YYYY-MM", help="The month you begin: dates every step of the plan."),
]
