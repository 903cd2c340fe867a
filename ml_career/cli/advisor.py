"""Commands about the user's own path: plan, fit, progress, export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ml_career.cli import completion
from ml_career.cli.context import career, data_option
from ml_career.cli.options import (
    DegreeOption,
    EducationOption,
    JsonFlag,
    LevelOption,
    ResidencyOption,
    TargetOption,
    file_name,
)

commands = typer.Typer()


@commands.command()
def plan(
    ctx: typer.Context,
    education: EducationOption = None,
    residency: ResidencyOption = None,
    level: LevelOption = None,
    target: TargetOption = None,
    degree: DegreeOption = None,
    as_json: JsonFlag = False,
) -> None:
    """A personal plan to a target rung, with time and money.

    In a terminal, inputs you leave out are asked for; otherwise the defaults are used and shown
    (no degree yet, in-state, not yet working, the next rung up, a bachelor's degree).

    \b
    Examples:
      mlcareer plan --residency in-state --target senior
      mlcareer plan --education bachelor --level engineer --target lead
    """
    from ml_career.advisor.inputs import plan_inputs
    from ml_career.advisor.plan import plan_report
    from ml_career.cli.prompting import prompt_if_terminal
    from ml_career.render.output import show

    data = career(ctx)
    given = {"education": education, "residency": residency, "level": level, "target": target, "degree": degree}
    show(plan_report(data, *plan_inputs(data, given, prompt_if_terminal())), as_json)


@commands.command()
def fit(
    ctx: typer.Context,
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            "-a",
            metavar="ID=1..5",
            help="An answer as ID=1..5 (1 strongly disagree, 5 strongly agree); repeat it.",
        ),
    ] = None,
    answers_file: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="A JSON or TOML file mapping statement ids to 1..5.",
            metavar="FILE",
            parser=file_name,
            autocompletion=completion.files,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """A short self-assessment: strengths and concerns.

    A reflection aid, not a validated test. In a terminal it asks each statement in turn;
    otherwise give every answer with --answer or --answers.

    \b
    Examples:
      mlcareer fit
      mlcareer fit --answers my_answers.json
    """
    from ml_career.advisor.fit import collect_answers, fit_report
    from ml_career.cli.prompting import fit_prompt_if_terminal
    from ml_career.render.output import show

    data = career(ctx)
    show(fit_report(data, collect_answers(data, answer or [], answers_file, fit_prompt_if_terminal())), as_json)


@commands.command()
def progress(
    ctx: typer.Context,
    skill: Annotated[
        str | None,
        typer.Argument(
            help="The skill to mark, e.g. 'deep learning'.", show_default=False, autocompletion=completion.skills
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Argument(
            help="done, learning, skipped or pending.", show_default=False, autocompletion=completion.statuses
        ),
    ] = None,
    rung: Annotated[
        str | None,
        typer.Option(
            "--rung",
            metavar="RUNG",
            help="Record the rung you are at (none to forget it); path and plan start from it.",
            autocompletion=completion.current_rungs,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Mark skills done, learning, skipped or pending.

    Alone, it shows every skill's status and the percentage done or skipped.

    \b
    Examples:
      mlcareer progress
      mlcareer progress "deep learning" done
      mlcareer progress --rung engineer
    """
    from ml_career.advisor.progress import update_progress
    from ml_career.render.output import show

    show(update_progress(career(ctx), skill, status, rung), as_json)


@commands.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="markdown, html or svg (default: from the extension of --output, else markdown).",
            autocompletion=completion.formats,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file instead of stdout.",
            show_default=False,
            metavar="FILE",
            parser=file_name,
            autocompletion=completion.files,
        ),
    ] = None,
    education: EducationOption = None,
    residency: ResidencyOption = None,
    level: LevelOption = None,
    target: TargetOption = None,
    degree: DegreeOption = None,
) -> None:
    """Share the plan and progress as Markdown, HTML or SVG.

    Takes the same inputs as plan, never prompts, and writes files atomically.
    The format follows the output file's extension (.md, .html, .svg); --format overrides it.

    \b
    Examples:
      mlcareer export
      mlcareer export --output plan.html --target senior
    """
    from ml_career.advisor.inputs import plan_inputs
    from ml_career.advisor.plan import plan_report
    from ml_career.advisor.progress import progress_report
    from ml_career.queries.freshness import today
    from ml_career.render.export import export_document, format_for

    data = career(ctx)
    chosen_format = format_for(fmt, str(output) if output is not None else None)
    given = {"education": education, "residency": residency, "level": level, "target": target, "degree": degree}
    plan_shown = plan_report(data, *plan_inputs(data, given))
    document = export_document(plan_shown, progress_report(data), chosen_format, today().isoformat())
    if output is None:
        sys.stdout.write(document)
        return
    from ml_career.advisor.state import state_file
    from ml_career.dataset.loading import resolve_data_path
    from ml_career.destination import is_standard_output, write_output
    from ml_career.text_safety import printable

    write_output(output, document, protected=(state_file(), resolve_data_path(data_option(ctx))))
    if not is_standard_output(output):
        typer.echo(f"Wrote {printable(str(output))} ({chosen_format}).", err=True)
