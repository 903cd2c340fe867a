"""Commands about the user's own path: plan, fit, progress, gap, export."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from ml_career.cli import completion
from ml_career.cli.context import career, data_option
from ml_career.cli.options import (
    AssumeOption,
    DegreeOption,
    EducationOption,
    FromOption,
    JsonFlag,
    LevelOption,
    ResidencyOption,
    SourcesFlag,
    StartOption,
    TargetOption,
    file_name,
)
from ml_career.render.formats import FORMATS, format_names

commands = typer.Typer()


@commands.command()
def plan(
    ctx: typer.Context,
    level: LevelOption = None,
    target: TargetOption = None,
    from_role: FromOption = None,
    education: EducationOption = None,
    degree: DegreeOption = None,
    residency: ResidencyOption = None,
    assume: AssumeOption = None,
    start: StartOption = None,
    as_json: JsonFlag = False,
    with_sources: SourcesFlag = False,
) -> None:
    """A plan to a target rung: time, money, your own timeline.

    In a terminal, the inputs you leave out are asked for, but only those whose answer changes
    the plan; Enter, or no terminal, takes mlcareer's default, shown as such. A rung (--level,
    or saved with progress --rung) means the entry steps are behind you; so does --from for
    the entry-level work. The sources give durations for degrees only: --assume fills the
    other steps with yours, or gives the years left of a degree you study for.

    \b
    Examples:
      mlcareer plan --assume bachelor=1y
      mlcareer plan --education bachelor --from software-engineer -t engineer
      mlcareer plan --level senior --target director
      mlcareer plan --target senior --start 2027-01 \\
        --assume experience=1y --assume junior=2y --assume engineer=3y
    """
    from ml_career.advisor.assumptions import parse_assumptions, parse_start
    from ml_career.advisor.inputs import plan_inputs
    from ml_career.advisor.plan import plan_report
    from ml_career.cli.prompting import prompt_if_terminal
    from ml_career.render.output import show

    data = career(ctx)
    assumed, begin = parse_assumptions(data, assume or []), parse_start(start)
    given = _given(level, target, from_role, education, degree, residency)
    show(plan_report(data, *plan_inputs(data, given, prompt_if_terminal()), assumed, begin), as_json, with_sources)


def _given(
    level: str | None,
    target: str | None,
    from_role: str | None,
    education: str | None,
    degree: str | None,
    residency: str | None,
) -> dict[str, str | None]:
    """The plan inputs as typed, by the names their descriptions give them."""
    typed = {"level": level, "target": target, "from": from_role}
    return {**typed, "education": education, "degree": degree, "residency": residency}


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
    with_sources: SourcesFlag = False,
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
    show(
        fit_report(data, collect_answers(data, answer or [], answers_file, fit_prompt_if_terminal())),
        as_json,
        with_sources,
    )


@commands.command()
def progress(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME]... [STATUS]",
            help="Skills or tools, by name or id ('computer vision', git, tool.pytorch), "
            "then done, learning, skipped or pending.",
            show_default=False,
            autocompletion=completion.progress_words,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", metavar="TEXT", help="Keep a note on the items: a course, a link, what you did."),
    ] = None,
    clear_note: Annotated[bool, typer.Option("--clear-note", help="Remove the items' note.")] = False,
    rung: Annotated[
        str | None,
        typer.Option(
            "--rung",
            metavar="RUNG",
            help="Record the rung you are at (none to forget it); path and plan start from it.",
            autocompletion=completion.current_rungs,
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            metavar="STATUS",
            help="List only the items of this status.",
            autocompletion=completion.statuses,
        ),
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            "-g",
            metavar="GROUP",
            help="List only the items of this skill group.",
            autocompletion=completion.categories,
        ),
    ] = None,
    education: Annotated[
        str | None,
        typer.Option(
            "--education",
            metavar="EDUCATION",
            help="Record your highest degree now (none, bachelor, master); plan starts from it.",
            autocompletion=completion.educations,
        ),
    ] = None,
    years_done: Annotated[
        str | None,
        typer.Option(
            "--years-done",
            metavar="DURATION",
            help="Record the time spent on the degree you study for (3y): plan charges the years left only.",
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Mark skills and tools done, and keep notes on them.

    Alone, it lists every skill and tool, its status and note, and the percentage done or skipped.
    A write names the items, then the status, and confirms in a line.
    A name that fits several items lists them with their ids; give the id.

    \b
    Examples:
      mlcareer progress
      mlcareer progress --status learning
      mlcareer progress "computer vision" git tool.pytorch done
      mlcareer progress git learning --note "Pro Git, chapter 3"
      mlcareer progress tool.pytorch --clear-note
      mlcareer progress --rung engineer
      mlcareer progress --education none --years-done 3y
    """
    from ml_career.advisor.progress import update_progress
    from ml_career.render.output import show

    data = career(ctx)
    if education is not None or years_done is not None:
        from ml_career.advisor.standing import save_education

        save_education(data, education, years_done)
    recorded = education is not None or years_done is not None
    show(update_progress(data, words, rung, note, clear_note, status, group, education_changed=recorded), as_json)


@commands.command()
def gap(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A JSON Resume (.json) or a plain text resume or job posting; - reads stdin.",
            show_default=False,
            autocompletion=completion.files,
        ),
    ],
    read_as: Annotated[
        str | None,
        typer.Option(
            "--as",
            metavar="KIND",
            help="Read plain text as a 'posting' or a 'resume' (default: guessed).",
            autocompletion=completion.readings,
        ),
    ] = None,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar="POSTING",
            help="A job posting (plain text; - reads stdin) to compare the resume with: shown, missing, extra.",
            autocompletion=completion.files,
        ),
    ] = None,
    mark: Annotated[
        bool,
        typer.Option("--mark", help="Record as done what the file claims and you never set; lists each change."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="With --mark: list what it would change, and change nothing.")
    ] = False,
    as_json: JsonFlag = False,
    with_sources: SourcesFlag = False,
) -> None:
    """What a resume or a posting names, and the gap between them.

    A reading aid, not a score: "mentioned" is not "mastered". Names match whatever their case,
    plural or punctuation, only as whole words, and as the common spellings the data file gives
    (GCP for Google Cloud). For a job posting it also lists the terms it names that the data set
    does not have. --against POSTING lists what the posting asks that the resume shows (or your
    progress marks done), what is missing, and what the resume has that the posting does not ask.
    --mark records as done what the file claims (a list entry, a tool's name), never an item whose
    status you set and never from a weak match ("the data science team"); --dry-run shows it first.

    \b
    Examples:
      mlcareer gap resume.json
      mlcareer gap resume.json --against posting.txt
      mlcareer gap posting.txt --as posting
      pbpaste | mlcareer gap -
      mlcareer gap resume.json --mark --dry-run
    """
    from ml_career.advisor.gap import gap_report, mark_mentioned, resolve_read_as
    from ml_career.advisor.resume import STDIN, read_input
    from ml_career.errors import UsageError
    from ml_career.render.output import show

    if dry_run and not mark:
        raise UsageError("--dry-run goes with --mark: mlcareer gap FILE --mark --dry-run")
    if against == STDIN and file == STDIN:
        raise UsageError("only one of FILE and --against can read stdin (-)")
    data = career(ctx)
    kind = resolve_read_as(read_as) if read_as is not None else None
    report = gap_report(data, read_input(file, sys.stdin.buffer), kind)
    posting = gap_report(data, read_input(against, sys.stdin.buffer, posting=True), "job posting") if against else None
    if mark:
        report = mark_mentioned(data, report, dry_run)
    if posting is None:
        show(report, as_json, with_sources)
        return
    from ml_career.advisor.gap_against import compare

    show(compare(data, report, posting), as_json, with_sources)


@commands.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"{format_names()}; default: from the --output suffix, else {FORMATS[0].name}.",
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
    level: LevelOption = None,
    target: TargetOption = None,
    from_role: FromOption = None,
    education: EducationOption = None,
    degree: DegreeOption = None,
    residency: ResidencyOption = None,
    assume: AssumeOption = None,
    start: StartOption = None,
) -> None:
    """Share the plan: Markdown, a web page, a picture, a calendar.

    Takes the same inputs as plan, never prompts, and writes files atomically.
    The calendar (ics) has one event per milestone, so it needs --start and a duration for every step.

    \b
    Examples:
      mlcareer export
      mlcareer export --format html --output plan.html --target senior
      mlcareer export -o plan.ics --target senior --start 2027-01 \\
        --assume experience=1y --assume junior=2y --assume engineer=3y
    """
    from datetime import UTC, datetime

    from ml_career.advisor.assumptions import parse_assumptions, parse_start
    from ml_career.advisor.inputs import plan_inputs
    from ml_career.advisor.plan import plan_report
    from ml_career.advisor.progress import progress_report
    from ml_career.queries.freshness import today
    from ml_career.render.formats import export_document, resolve_format

    data = career(ctx)
    chosen_format = resolve_format(fmt, output.suffix if output is not None else "")
    assumed, begin = parse_assumptions(data, assume or []), parse_start(start)
    given = _given(level, target, from_role, education, degree, residency)
    plan_shown = plan_report(data, *plan_inputs(data, given), assumed, begin)
    # The real time, whatever MLCAREER_TODAY says: a calendar orders revisions by it.
    now = datetime.now(UTC)
    document = export_document(plan_shown, progress_report(data), chosen_format, today().isoformat(), now)
    from ml_career.advisor.state import state_file
    from ml_career.dataset.loading import resolve_data_path
    from ml_career.destination import is_standard_output, write_output
    from ml_career.text_safety import printable

    protected = () if output is None else (state_file(), resolve_data_path(data_option(ctx)))
    write_output(output, document, protected=protected)
    if output is not None and not is_standard_output(output):
        from ml_career.render.messages import note

        note(f"Wrote {printable(str(output), single_line=True)} ({chosen_format.name}).")
