"""The options several commands share."""

from pathlib import Path
from typing import Annotated

import typer

from ml_career.cli import completion


def file_name(text: str) -> Path:
    """A file name as typed. No system accepts an empty name or a NUL byte in one: say so instead of crashing.

    An empty name would otherwise become Path(""), which is ".", the current folder.
    """
    if not text:
        raise typer.BadParameter("the file name is empty; give the name of a file")
    if "\x00" in text:
        raise typer.BadParameter("a file name cannot contain a NUL byte")
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
ResidencyOption = Annotated[
    str | None,
    typer.Option(
        "--residency",
        "-r",
        metavar="RESIDENCY",
        help="in-state or out-of-state.",
        autocompletion=completion.residencies,
    ),
]
EducationOption = Annotated[
    str | None,
    typer.Option(
        "--education",
        "-e",
        metavar="EDUCATION",
        help="Your highest degree now: none, bachelor or master.",
        autocompletion=completion.educations,
    ),
]
LevelOption = Annotated[
    str | None,
    typer.Option(
        "--level", "-l", metavar="RUNG", help="Your current rung, or none.", autocompletion=completion.current_rungs
    ),
]
TargetOption = Annotated[
    str | None,
    typer.Option(
        "--target", "-t", metavar="RUNG", help="The rung to reach, e.g. senior.", autocompletion=completion.rungs
    ),
]
DegreeOption = Annotated[
    str | None,
    typer.Option(
        "--degree",
        "-d",
        metavar="DEGREE",
        help="The highest degree to earn: bachelor or master.",
        autocompletion=completion.degrees,
    ),
]
AssumeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--assume",
        metavar="STEP=DURATION",
        help="Your own duration for a step the sources give none: experience=1y, junior=18m; repeat it.",
    ),
]
StartOption = Annotated[
    str | None,
    typer.Option("--start", metavar="YYYY-MM", help="The month you begin: dates every step of the plan."),
]
