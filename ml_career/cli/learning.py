"""Commands about what to learn and where: skills, education, resources."""

from typing import Annotated

import typer

from ml_career.cli import completion
from ml_career.cli.context import career
from ml_career.cli.options import JsonFlag, ResidencyOption, SourcesFlag

commands = typer.Typer()


@commands.command()
def skills(
    ctx: typer.Context,
    category: Annotated[
        str | None,
        typer.Option(
            "--category",
            "-c",
            metavar="CATEGORY",
            help="One skill group: useful, learned, specialties...",
            autocompletion=completion.categories,
        ),
    ] = None,
    as_json: JsonFlag = False,
    with_sources: SourcesFlag = False,
) -> None:
    """The skill groups and the tools each names.

    \b
    Examples:
      mlcareer skills
      mlcareer skills --category learned
    """
    from ml_career.advisor.progress import saved_notes, saved_statuses
    from ml_career.queries.skills import skills_report
    from ml_career.render.output import show

    data = career(ctx)
    show(skills_report(data, category, saved_statuses(data), saved_notes(data)), as_json, with_sources)


@commands.command()
def education(
    ctx: typer.Context,
    residency: ResidencyOption = None,
    degree: Annotated[
        str | None,
        typer.Option("--degree", "-d", metavar="DEGREE", help="bachelor or master.", autocompletion=completion.degrees),
    ] = None,
    as_json: JsonFlag = False,
    with_sources: SourcesFlag = False,
) -> None:
    """Degrees: how long, what they cost, computed totals.

    Totals are average x years, assuming the averages are per year of study.

    \b
    Examples:
      mlcareer education
      mlcareer education --residency in-state --degree bachelor
    """
    from ml_career.queries.education import education_report
    from ml_career.render.output import show

    show(education_report(career(ctx), residency=residency, degree=degree), as_json, with_sources)


@commands.command()
def resources(ctx: typer.Context, as_json: JsonFlag = False, with_sources: SourcesFlag = False) -> None:
    """Where to learn: web resources and what each offers.

    \b
    Examples:
      mlcareer resources
      mlcareer resources --json
    """
    from ml_career.queries.resources import resources_report
    from ml_career.render.output import show

    show(resources_report(career(ctx)), as_json, with_sources)
