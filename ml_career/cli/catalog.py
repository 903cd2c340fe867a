"""Commands that answer from the articles as they stand: role, outlook, jobs, internships, sources, search."""

from typing import Annotated

import typer

from ml_career.cli.context import career
from ml_career.cli.options import JsonFlag, SourcesFlag
from ml_career.errors import EXIT_ERROR

commands = typer.Typer()


@commands.command()
def role(ctx: typer.Context, as_json: JsonFlag = False, with_sources: SourcesFlag = False) -> None:
    """What the job is and does, its best and worst sides.

    \b
    Examples:
      mlcareer role
    """
    from ml_career.queries.role import role_report
    from ml_career.render.output import show

    show(role_report(career(ctx)), as_json, with_sources)


@commands.command()
def outlook(ctx: typer.Context, as_json: JsonFlag = False, with_sources: SourcesFlag = False) -> None:
    """Growth and demand figures, each with its age.

    \b
    Examples:
      mlcareer outlook
    """
    from ml_career.queries.freshness import today
    from ml_career.queries.outlook import outlook_report
    from ml_career.render.output import show

    show(outlook_report(career(ctx), today()), as_json, with_sources)


@commands.command()
def jobs(ctx: typer.Context, as_json: JsonFlag = False, with_sources: SourcesFlag = False) -> None:
    """Who hires: industries, companies, career paths.

    \b
    Examples:
      mlcareer jobs
    """
    from ml_career.queries.jobs import jobs_report
    from ml_career.render.output import show

    show(jobs_report(career(ctx)), as_json, with_sources)


@commands.command()
def internships(ctx: typer.Context, as_json: JsonFlag = False, with_sources: SourcesFlag = False) -> None:
    """The kinds of internship and what each involves.

    \b
    Examples:
      mlcareer internships
    """
    from ml_career.queries.internships import internships_report
    from ml_career.render.output import show

    show(internships_report(career(ctx)), as_json, with_sources)


@commands.command()
def sources(ctx: typer.Context, as_json: JsonFlag = False, with_sources: SourcesFlag = False) -> None:
    """The publishers and articles behind every figure.

    \b
    Examples:
      mlcareer sources
    """
    from ml_career.queries.freshness import today
    from ml_career.queries.sources import sources_report
    from ml_career.render.output import show

    show(sources_report(career(ctx), today()), as_json, with_sources)


@commands.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for, e.g. kaggle or 'tensorflow serving'.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, metavar="N", help="Show at most this many matches.")
    ] = 20,
    as_json: JsonFlag = False,
    with_sources: SourcesFlag = False,
) -> None:
    """Search everything the data set says.

    Matching ignores case and forgives plurals and small typos; each match names the
    command that shows it. Exits 1 when nothing matches.

    \b
    Examples:
      mlcareer search kaggle
      mlcareer search "tensorflow serving" --json
    """
    from ml_career.queries.search import search as search_data
    from ml_career.render.output import show

    report = search_data(career(ctx), text, limit=limit)
    show(report, as_json, with_sources)
    if not report.hits:
        raise typer.Exit(EXIT_ERROR)
