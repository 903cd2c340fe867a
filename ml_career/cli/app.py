"""The command group: global options, and each command built only when it runs.

The commands live in one module per family (cli/commands.py lists them);
ml_career/wiring.py, derived from their decorators, says which module holds
each command, so that a run imports the one family it uses. Every way in - the console script,
`python -m ml_career`, the test runner - goes through `GuardedGroup.main`, so
each sees the same messages and exit codes.
"""

import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ml_career.cli import completion
from ml_career.cli.boundary import PROG_NAME, guarded, prepare_process
from ml_career.cli.commands import COMPLETE_VAR, FAMILIES
from ml_career.cli.context import run_options, with_global_options
from ml_career.cli.help_width import FittingContext, keep_short_help_whole
from ml_career.cli.options import file_name
from ml_career.run_options import fresh_run, use
from ml_career.wiring import COMMAND_MODULES


class GuardedGroup(TyperGroup):
    """The command group, run inside the error boundary however it is invoked."""

    context_class = FittingContext  # help that fits a narrow terminal

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if COMPLETE_VAR in os.environ:  # a shell asks for candidates: Typer's protocol answers it
            from ml_career.cli.completion_index import answer_line
            from ml_career.cli.typer_compat import use_answer_format

            use_answer_format(answer_line)

        def run() -> Any:
            return TyperGroup.main(self, args, prog_name or PROG_NAME, complete_var, standalone_mode=False, **extra)

        with fresh_run():
            code = guarded(run)
        if standalone_mode:
            sys.exit(code)
        return code

    @staticmethod
    def command_names() -> list[str]:
        return list(COMMAND_MODULES)

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        return self.command_names()

    def get_command(self, ctx: typer.Context, name: str) -> Any:  # type: ignore[override]
        if name not in self.commands and name in COMMAND_MODULES:
            family = importlib.import_module(f"ml_career.cli.{COMMAND_MODULES[name]}")
            info = next(i for i in family.commands.registered_commands if command_name(i) == name)
            command = typer.main.get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)
            command.parse_args = _keeping_extra_words(command.parse_args)  # type: ignore[method-assign]
            with_global_options(command, self)
            command.context_class = FittingContext
            keep_short_help_whole(command)
            if COMPLETE_VAR in os.environ:
                from ml_career.cli.typer_compat import unfiltered

                unfiltered(command)
            self.commands[name] = command
        return self.commands.get(name)

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        if COMPLETE_VAR in os.environ:
            from ml_career.cli.typer_compat import unfiltered

            unfiltered(self)
        return params

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # An unknown name fails with the name kept as typed, for the suggestion to read.
        if (
            args
            and not args[0].startswith("-")
            and not ctx.resilient_parsing
            and self.get_command(ctx, args[0]) is None
        ):
            from ml_career.cli.usage import UnknownCommand

            raise UnknownCommand(args[0], ctx)
        return super().resolve_command(ctx, args)


def _keeping_extra_words(parse_args: Any) -> Any:
    """A command's parser that fails on stray words with the words kept, for the suggestion to read."""

    def parse(ctx: Any, args: list[str]) -> Any:
        strict = not ctx.allow_extra_args
        ctx.allow_extra_args = True
        rest = parse_args(ctx, args)
        if strict and ctx.args and not ctx.resilient_parsing:
            from ml_career.cli.usage import ExtraArguments

            raise ExtraArguments(list(ctx.args), ctx)
        return rest

    return parse


def command_name(info: Any) -> str:
    return str(info.name or typer.main.get_command_name(info.callback.__name__))


def derived_command_modules() -> dict[str, str]:
    """Each command's module, read from the decorators of every family: what ml_career/wiring.py holds."""
    found: dict[str, str] = {}
    for family in FAMILIES:
        for info in importlib.import_module(f"ml_career.cli.{family}").commands.registered_commands:
            found[command_name(info)] = family
    return found


app = typer.Typer(
    name=PROG_NAME,
    cls=GuardedGroup,
    # Plain help: Rich help costs more start-up than a query does (benchmarks/README.md).
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    # Typer's --install-completion/--show-completion pick the shell they run in and write
    # Typer's scripts; mlcareer's own (cli/shell.py) are printed for the shell named.
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_completion(value: str | None) -> None:
    if value is not None:
        from ml_career.cli.shell import print_script

        print_script(value)
        raise typer.Exit()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"mlcareer {version('mlcareer')}")
        raise typer.Exit()


@app.callback(
    invoke_without_command=True,
    epilog="\b\nThe global options work after the command too: mlcareer salary --no-pager\n"
    "Environment variables: mlcareer help environment",
)
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
            autocompletion=completion.files,
        ),
    ] = None,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Print long output straight to the terminal, not through a pager.")
    ] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt: use the defaults for what is left out.")
    ] = False,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="SHELL",
            help="Print the completion script for bash, zsh or fish (as: mlcareer completion SHELL).",
            is_eager=True,
            callback=_show_completion,
            show_default=False,
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
      mlcareer help COMMAND
    """
    use(run_options(ctx))
    if ctx.invoked_subcommand is None:
        from ml_career.cli.context import career
        from ml_career.queries.freshness import today
        from ml_career.queries.overview import overview_report
        from ml_career.render.output import show

        show(overview_report(career(ctx), today()), as_json=False)


def run(argv: Sequence[str] | None = None) -> int:
    """Run mlcareer with `argv` (default: the process arguments); return the exit code."""
    prepare_process()
    command = typer.main.get_command(app)
    return int(command.main(args=argv, prog_name=PROG_NAME, standalone_mode=False))
