"""The command group: global options, and each command built only when it runs.

The commands live in one module per family (pay, learning, catalog, advisor,
data); this module knows their names and which module holds each, so that a
run imports the one family it uses. Every way in - the console script,
`python -m ml_career`, the test runner - goes through `GuardedGroup.main`, so
each sees the same messages and exit codes.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ml_career.cli.boundary import PROG_NAME, guarded, prepare_process
from ml_career.cli.options import file_name

# Command name -> the module under ml_career.cli that defines it, in the order `--help` lists them.
COMMANDS: dict[str, str] = {
    "salary": "pay",
    "path": "pay",
    "skills": "learning",
    "education": "learning",
    "resources": "learning",
    "role": "catalog",
    "outlook": "catalog",
    "jobs": "catalog",
    "internships": "catalog",
    "sources": "catalog",
    "search": "catalog",
    "validate": "data",
    "schema": "data",
    "plan": "advisor",
    "fit": "advisor",
    "progress": "advisor",
    "gap": "advisor",
    "export": "advisor",
}


class GuardedGroup(TyperGroup):
    """The command group, run inside the error boundary however it is invoked."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        def run() -> Any:
            return TyperGroup.main(self, args, prog_name or PROG_NAME, complete_var, standalone_mode=False, **extra)

        code = guarded(run)
        if standalone_mode:
            sys.exit(code)
        return code

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        return list(COMMANDS)

    def get_command(self, ctx: typer.Context, name: str) -> Any:  # type: ignore[override]
        if name not in self.commands and name in COMMANDS:
            family = importlib.import_module(f"ml_career.cli.{COMMANDS[name]}")
            info = next(i for i in family.commands.registered_commands if command_name(i) == name)
            self.commands[name] = typer.main.get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=None
            )
        return self.commands.get(name)


def command_name(info: Any) -> str:
    return str(info.name or typer.main.get_command_name(info.callback.__name__))


app = typer.Typer(
    name=PROG_NAME,
    cls=GuardedGroup,
    # Plain help: Rich help costs more start-up than a query does (benchmarks/README.md).
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
            show_default=False,
            metavar="PATH",
            parser=file_name,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", help="Show the version and exit.", is_eager=True, callback=_version)
    ] = False,
) -> None:
    """The career advisor for Machine Learning Engineers: pay, ladder, skills, education,
    with every figure traced to its source.

    \b
    Examples:
      mlcareer salary --level senior
      mlcareer plan --residency in-state --target senior
      mlcareer search kaggle
      mlcareer COMMAND --help
    """
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


def run(argv: Sequence[str] | None = None) -> int:
    """Run mlcareer with `argv` (default: the process arguments); return the exit code."""
    prepare_process()
    command = typer.main.get_command(app)
    return int(command.main(args=argv, prog_name=PROG_NAME, standalone_mode=False))
