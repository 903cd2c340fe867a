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
