"""Commands for the data file itself: validate, schema."""

from pathlib import Path
from typing import Annotated

import typer

from ml_career.cli import completion
from ml_career.cli.context import data_option
from ml_career.cli.options import JsonFlag, file_name
from ml_career.errors import EXIT_ERROR

commands = typer.Typer()


@commands.command()
def validate(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="The data file to check (default: the one in use).",
            show_default=False,
            metavar="FILE",
            parser=file_name,
            autocompletion=completion.files,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Check a data file and list every problem in it.

    Problems are listed as FILE: field.path: message, then the command exits 1.
    A valid file gets a short summary and exit 0.

    \b
    Examples:
      mlcareer validate data/ml_engineer.toml
    """
    from ml_career.dataset.validation import validation_report
    from ml_career.render.output import show

    report = validation_report(file, data_option(ctx))
    show(report, as_json)
    if not report.valid:
        if not as_json:
            count = len(report.problems)
            from ml_career.render.messages import note

            note(f"{count} problem{'s' if count != 1 else ''} found.")
        raise typer.Exit(EXIT_ERROR)


@commands.command()
def schema() -> None:
    """Print the JSON Schema of the data file.

    \b
    Examples:
      mlcareer schema > career.schema.json
    """
    from ml_career.dataset.validation import json_schema
    from ml_career.render.output import write_json

    write_json(json_schema())
