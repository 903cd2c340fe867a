"""The run's global options, read in one place: commands and completion load the same data file.

`--data`, `--no-pager` and `--no-input` are declared once, on the command group
(cli/app.py). Each command takes them too (`with_global_options`), after its
name as before it, as gh's persistent flags are; a value given after the name
wins over one given before it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer._click.core import ParameterSource  # Typer 0.28 vendors Click

from ml_career.run_options import RunOptions, use

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

GLOBAL_OPTIONS = RunOptions._fields


def run_options(ctx: Any) -> RunOptions:
    """The global options given on the command line that `ctx` belongs to, outermost first."""
    chain = []
    while ctx is not None:
        chain.append(ctx)
        ctx = ctx.parent
    given: dict[str, Any] = {}
    for each in reversed(chain):
        for name in GLOBAL_OPTIONS:
            source = each.get_parameter_source(name)
            if source is not None and source is not ParameterSource.DEFAULT:
                given[name] = each.params[name]
    return RunOptions(**given)


def with_global_options(command: Any, group: Any) -> None:
    """Give `command` the group's global options; they set the run's options before it runs."""
    command.params += [copy.copy(param) for param in group.params if param.name in GLOBAL_OPTIONS]
    run_command = command.callback

    def callback(**values: Any) -> Any:
        use(run_options(_current_context()))
        return run_command(**{name: value for name, value in values.items() if name not in GLOBAL_OPTIONS})

    command.callback = callback
    command.format_options = lambda ctx, formatter: _format_options(command, ctx, formatter)


def _format_options(command: Any, ctx: Any, formatter: Any) -> None:
    """The command's own arguments and options, then the global ones, as gh lists its inherited flags."""
    sections: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": [], "Global options": []}
    for param in command.get_params(ctx):
        if (record := param.get_help_record(ctx)) is None:
            continue
        if param.param_type_name == "argument":
            sections["Arguments"].append(record)
        else:
            sections["Global options" if param.name in GLOBAL_OPTIONS else "Options"].append(record)
    for title, records in sections.items():
        if records:
            with formatter.section(title):
                formatter.write_dl(records)


def _current_context() -> Any:
    from typer._click.globals import get_current_context

    return get_current_context()


def data_option(ctx: typer.Context) -> Path | None:
    """The --data the command line of `ctx` was given, if any (read from `ctx`: completion runs no callback)."""
    return run_options(ctx).data


def career(ctx: typer.Context) -> CareerData:
    """The validated data the command line was pointed at."""
    from ml_career.dataset.loading import load_career

    return load_career(data_option(ctx))
