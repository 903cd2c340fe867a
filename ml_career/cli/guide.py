"""Help on the command line: on mlcareer, on one command, and on the environment it reads."""

from typing import Annotated

import typer

from ml_career.cli import completion as complete

commands = typer.Typer()

# The one list of the variables mlcareer reads, shown by `mlcareer help environment`.
ENVIRONMENT = (
    ("MLCAREER_DATA", "career data file to use (as --data)"),
    ("MLCAREER_HOME", "folder for saved progress (default: the user data folder)"),
    ("MLCAREER_CACHE_DIR", "folder for validated data (default: the user cache folder)"),
    ("MLCAREER_TODAY", "the day ages are counted to, as YYYY-MM-DD (default: today)"),
    ("MLCAREER_DEBUG", "set to 1 to see the traceback of an unexpected error"),
    ("MLCAREER_PAGER", "pager for long output; then PAGER; default: less -FRX"),
    ("PAGER", "pager for long output, when MLCAREER_PAGER is not set"),
    ("NO_COLOR", "set to turn colour off"),
    ("FORCE_COLOR", "set to keep colour on where output is not a terminal"),
)
TOPICS = {"environment": "The environment variables mlcareer reads."}


def _topics(career: object) -> list[complete.Candidate]:
    from ml_career.wiring import COMMAND_MODULES

    return [
        *(complete.Candidate(name, "") for name in COMMAND_MODULES),
        *(complete.Candidate(name, about) for name, about in TOPICS.items()),
    ]


_subjects = complete.completes(_topics, reads_data=False)


def environment_help(ctx: typer.Context) -> str:
    """The environment variables, each described in the columns left beside its name, as help is."""
    formatter = ctx.make_formatter()
    with formatter.section("Environment"):
        formatter.write_dl(list(ENVIRONMENT))
    return formatter.getvalue().rstrip("\n")


@commands.command("help")
def help_command(
    ctx: typer.Context,
    command: Annotated[
        str | None,
        typer.Argument(
            help="The command to explain, or environment.",
            metavar="COMMAND",
            show_default=False,
            autocompletion=_subjects,
        ),
    ] = None,
) -> None:
    """Help on mlcareer, on one command, or on the environment.

    \b
    Examples:
      mlcareer help
      mlcareer help salary
      mlcareer help environment
    """
    root = ctx.find_root()
    if command is None:
        typer.echo(root.get_help())
        return
    if command in TOPICS:
        typer.echo(environment_help(ctx))
        return
    found = root.command.get_command(root, command)  # type: ignore[attr-defined]
    if found is None:
        from ml_career.cli.usage import UnknownCommand

        raise UnknownCommand(command, root)
    typer.echo(found.get_help(typer.Context(found, info_name=command, parent=root)))
