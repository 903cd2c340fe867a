"""Commands about pay and the ladder: salary, path."""

from typing import Annotated

import typer

from ml_career.cli import completion
from ml_career.cli.context import career
from ml_career.cli.options import JsonFlag, SourcesFlag

commands = typer.Typer()


@commands.command()
def salary(
    ctx: typer.Context,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            "-l",
            metavar="LEVEL",
            help="A ladder rung or reported level: junior, senior, median, average...",
            autocompletion=completion.levels,
        ),
    ] = None,
    as_json: JsonFlag = False,
    with_sources: SourcesFlag = False,
) -> None:
    """What the career pays, level by level, with sources.

    Levels are ladder rungs (junior, senior...) or reported levels (median, average...).
    A level the sources give no figure for is said so, beside the figures that exist.

    \b
    Examples:
      mlcareer salary
      mlcareer salary --level senior
      mlcareer salary --level junior --json
    """
    from ml_career.queries.salary import salary_report
    from ml_career.render.output import show

    show(salary_report(career(ctx), level), as_json, with_sources)


@commands.command()
def path(
    ctx: typer.Context,
    level: Annotated[
        str | None,
        typer.Option(
            "--level", "-l", metavar="RUNG", help="Your rung: show it and the step up.", autocompletion=completion.rungs
        ),
    ] = None,
    as_json: JsonFlag = False,
    with_sources: SourcesFlag = False,
) -> None:
    """The progression ladder, and the step up from a rung.

    \b
    Examples:
      mlcareer path
      mlcareer path --level senior
    """
    from ml_career.advisor.standing import saved_rung
    from ml_career.queries.ladder import path_report
    from ml_career.render.output import show

    data = career(ctx)
    show(path_report(data, level, saved=saved_rung(data)), as_json, with_sources)
