"""The mlcareer command line: options in, a report out, as a view or as JSON.

Commands only wire options to the query functions and hand the result to a
renderer; `main` is the single error boundary that turns every failure into a
one- or two-line message and an exit code.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import sys

import typer
from typer.core import TyperGroup

from ml_career.boundary import PROG_NAME, guarded
from ml_career.errors import EXIT_ERROR
from ml_career.loading import load_career

if TYPE_CHECKING:
    from ml_career.models import CareerData



class GuardedGroup(TyperGroup):
    """The command group, run inside the error boundary however it is invoked.

    The console script, `python -m ml_career` and the test runner all call
    `main`, so each sees the same messages and exit codes.
    """

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        parent = super()

        def run() -> Any:
            return parent.main(args, prog_name or PROG_NAME, complete_var, standalone_mode=False, **extra)

        code = guarded(run)
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    name=PROG_NAME,
    cls=GuardedGroup,
    help="The career advisor for Machine Learning Engineers: pay, ladder, skills, education, "
    "with every figure traced to its source.",
    # Plain help: Rich help costs more start-up than a query does (benchmarks/README.md).
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print the facts as JSON on stdout, and nothing else.")]


def _career(ctx: typer.Context) -> CareerData:
    data: Path | None = ctx.obj
    return load_career(data)


def _show(report: Any, career: CareerData, as_json: bool) -> None:
    """The one place a report leaves: as JSON, or as the view built for people."""
    if as_json:
        from ml_career.output import write_json

        write_json(report)
    else:
        # Imported here: Rich costs start-up that JSON output never needs.
        from ml_career.output import print_view

        print_view(report, career)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"mlcareer {version('mlcareer')}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _global_options(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Career data file to use instead of the bundled one (also: MLCAREER_DATA).",
            dir_okay=True,
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", help="Show the version and exit.", is_eager=True, callback=_version)
    ] = False,
) -> None:
    """The career advisor for Machine Learning Engineers: pay, ladder, skills, education,
    with every figure traced to its source.

    Example: mlcareer salary --level senior
    """
    ctx.obj = data
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@app.command()
def salary(
    ctx: typer.Context,
    level: Annotated[
        str | None,
        typer.Option("--level", "-l", help="A ladder rung or reported level: junior, senior, median, average..."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """What the career pays, level by level, with each figure's publisher and date.

    Example: mlcareer salary --level senior
    """
    from ml_career.salary import salary_report

    career = _career(ctx)
    report = salary_report(career, level)
    _show(report, career, as_json)


@app.command()
def path(
    ctx: typer.Context,
    level: Annotated[str | None, typer.Option("--level", "-l", help="Your rung: show it and the step up.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """The progression ladder in order, or one rung and the step up from it.

    Example: mlcareer path --level senior
    """
    from ml_career.ladder import path_report

    career = _career(ctx)
    report = path_report(career, level)
    _show(report, career, as_json)


@app.command()
def skills(
    ctx: typer.Context,
    category: Annotated[
        str | None, typer.Option("--category", "-c", help="One skill group: useful, learned, specialties...")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """The skill groups, with the tools and frameworks the sources name.

    Example: mlcareer skills --category learned
    """
    from ml_career.skills import skills_report

    career = _career(ctx)
    report = skills_report(career, category)
    _show(report, career, as_json)


@app.command()
def education(
    ctx: typer.Context,
    residency: Annotated[
        str | None, typer.Option("--residency", "-r", help="in-state or out-of-state.")
    ] = None,
    degree: Annotated[str | None, typer.Option("--degree", "-d", help="bachelor or master.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Degrees, how long they take, what they cost, and computed totals.

    Example: mlcareer education --residency in-state --degree bachelor
    """
    from ml_career.education import education_report

    career = _career(ctx)
    report = education_report(career, residency=residency, degree=degree)
    _show(report, career, as_json)


@app.command()
def resources(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Where to learn: the web resources, what each offers, and its address.

    Example: mlcareer resources
    """
    from ml_career.resources import resources_report

    career = _career(ctx)
    report = resources_report(career)
    _show(report, career, as_json)


@app.command()
def role(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """What the job is and does: responsibilities, best and worst aspects, work-life balance.

    Example: mlcareer role
    """
    from ml_career.role import role_report

    career = _career(ctx)
    _show(role_report(career), career, as_json)


@app.command()
def outlook(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Every growth and demand figure, with its publisher, period, date and age.

    Example: mlcareer outlook
    """
    from ml_career.freshness import today
    from ml_career.outlook import outlook_report

    career = _career(ctx)
    _show(outlook_report(career, today()), career, as_json)


@app.command()
def jobs(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Who hires: industries and the work each does, company types, career paths.

    Example: mlcareer jobs
    """
    from ml_career.jobs import jobs_report

    career = _career(ctx)
    _show(jobs_report(career), career, as_json)


@app.command()
def internships(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """The kinds of internship and what each involves.

    Example: mlcareer internships
    """
    from ml_career.internships import internships_report

    career = _career(ctx)
    _show(internships_report(career), career, as_json)


@app.command()
def sources(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Every publisher and article cited, and the figures that cite each.

    Example: mlcareer sources
    """
    from ml_career.freshness import today
    from ml_career.sources import sources_report

    career = _career(ctx)
    _show(sources_report(career, today()), career, as_json)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for, e.g. kaggle or 'tensorflow serving'.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many matches.")] = 20,
    as_json: JsonFlag = False,
) -> None:
    """Search everything the data set says; each match names the command that shows it.

    Matching ignores case and forgives plurals and small typos. Exits 1 when nothing matches.

    Example: mlcareer search kaggle
    """
    from ml_career.search import search as search_data

    career = _career(ctx)
    report = search_data(career, text, limit=limit)
    _show(report, career, as_json)
    if not report.hits:
        raise typer.Exit(EXIT_ERROR)


@app.command()
def validate(
    ctx: typer.Context,
    file: Annotated[
        Path | None, typer.Argument(help="The data file to check (default: the one in use).", show_default=False)
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Check a data file and list every problem as FILE: field.path: message.

    Exits 0 with a short summary when the file is valid, 1 when it is not.

    Example: mlcareer validate data/ml_engineer.toml
    """
    from ml_career.errors import DataFileError
    from ml_career.loading import check_data_file, resolve_data_path

    data_file = file or resolve_data_path(ctx.obj)
    try:
        career = check_data_file(data_file)
    except DataFileError as error:
        problems = error.lines()
        if as_json:
            from ml_career.output import write_json

            write_json({"file": str(data_file), "valid": False, "problems": [
                {"where": p.where, "message": p.message, "line": p.line} for p in error.problems
            ]})
        else:
            typer.echo("\n".join(problems))
            typer.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    from ml_career.data_summary import data_summary

    summary = data_summary(career)
    if as_json:
        from ml_career.output import write_json

        write_json({"file": str(data_file), "valid": True, "problems": [], "counts": summary})
    else:
        counts = ", ".join(f"{count} {name}" for name, count in summary.items())
        typer.echo(f"{data_file}: valid. {career.career.title}: {counts}.")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the data file, for editors that validate as you type.

    Example: mlcareer schema > career.schema.json
    """
    from ml_career.models import CareerData
    from ml_career.output import write_json

    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **CareerData.model_json_schema()}
    write_json(document)
