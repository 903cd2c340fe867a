"""The mlcareer command line: options in, a report out, as a view or as JSON.

Commands only wire options to the query functions and hand the result to a
renderer; `main` is the single error boundary that turns every failure into a
one- or two-line message and an exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from ml_career.cli import completion
from ml_career.cli.boundary import PROG_NAME, guarded
from ml_career.dataset.loading import load_career
from ml_career.errors import EXIT_ERROR

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class GuardedGroup(TyperGroup):
    """The command group, run inside the error boundary however it is invoked.

    The console script, `python -m ml_career` and the test runner all call
    `main`, so each sees the same messages and exit codes. Subcommands are
    built from their functions only when asked for: one run uses one command,
    and building all of them costs more start-up than the query itself.
    """

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
        return [_command_name(info) for info in commands.registered_commands]

    def get_command(self, ctx: typer.Context, name: str) -> Any:  # type: ignore[override]
        if name not in self.commands:
            info = next((i for i in commands.registered_commands if _command_name(i) == name), None)
            if info is None:
                return None
            self.commands[name] = typer.main.get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=None
            )
        return self.commands[name]


def _command_name(info: Any) -> str:
    return str(info.name or typer.main.get_command_name(info.callback.__name__))


# The subcommands live on their own Typer, so that `app` (the group and its global
# options) can build each one lazily; see GuardedGroup.get_command.
commands = typer.Typer()

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

ResidencyOption = Annotated[
    str | None,
    typer.Option(
        "--residency",
        "-r",
        metavar="RESIDENCY",
        help="in-state or out-of-state.",
        autocompletion=completion.residencies,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the facts as JSON on stdout, and nothing else.")]


def _career(ctx: typer.Context) -> CareerData:
    data: Path | None = ctx.obj
    return load_career(data)


def _show(report: Any, career: CareerData, as_json: bool) -> None:
    """The one place a report leaves: as JSON, or as the view built for people."""
    if as_json:
        from ml_career.render.output import write_json

        write_json(report)
    else:
        # Imported here: Rich costs start-up that JSON output never needs.
        from ml_career.render.output import print_view

        print_view(report, career)


def _file_name(text: str) -> Path:
    """A file name as typed. No system accepts a NUL byte in one: say so instead of crashing."""
    if "\x00" in text:
        raise typer.BadParameter("a file name cannot contain a NUL byte")
    return Path(text)


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
            parser=_file_name,
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
    ctx.obj = data
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


@commands.command()
def salary(
    ctx: typer.Context,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            "-l",
            metavar="LEVEL",
            help="A ladder rung or reported level: junior, senior, median, average...",
            autocompletion=completion.levels,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """What the career pays, level by level, with sources.

    Levels are ladder rungs (junior, senior...) or reported levels (median, average...).
    A level the sources give no figure for is said so, beside the figures that exist.

    \b
    Examples:
      mlcareer salary
      mlcareer salary --level senior
      mlcareer salary --level junior --json
    """
    from ml_career.queries.salary import salary_report

    career = _career(ctx)
    report = salary_report(career, level)
    _show(report, career, as_json)


@commands.command()
def path(
    ctx: typer.Context,
    level: Annotated[
        str | None,
        typer.Option(
            "--level", "-l", metavar="RUNG", help="Your rung: show it and the step up.", autocompletion=completion.rungs
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """The progression ladder, and the step up from a rung.

    \b
    Examples:
      mlcareer path
      mlcareer path --level senior
    """
    from ml_career.advisor.progress import saved_rung
    from ml_career.queries.ladder import path_report

    career = _career(ctx)
    report = path_report(career, level, saved=saved_rung(career))
    _show(report, career, as_json)


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
) -> None:
    """The skill groups and the tools each names.

    \b
    Examples:
      mlcareer skills
      mlcareer skills --category learned
    """
    from ml_career.advisor.progress import statuses
    from ml_career.queries.skills import skills_report

    career = _career(ctx)
    report = skills_report(career, category, statuses(career))
    _show(report, career, as_json)


@commands.command()
def education(
    ctx: typer.Context,
    residency: ResidencyOption = None,
    degree: Annotated[
        str | None,
        typer.Option("--degree", "-d", metavar="DEGREE", help="bachelor or master.", autocompletion=completion.degrees),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Degrees: how long, what they cost, computed totals.

    Totals are average x years, assuming the averages are per year of study.

    \b
    Examples:
      mlcareer education
      mlcareer education --residency in-state --degree bachelor
    """
    from ml_career.queries.education import education_report

    career = _career(ctx)
    report = education_report(career, residency=residency, degree=degree)
    _show(report, career, as_json)


@commands.command()
def resources(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Where to learn: web resources and what each offers.

    \b
    Examples:
      mlcareer resources
      mlcareer resources --json
    """
    from ml_career.queries.resources import resources_report

    career = _career(ctx)
    report = resources_report(career)
    _show(report, career, as_json)


@commands.command()
def role(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """What the job is and does, its best and worst sides.

    \b
    Examples:
      mlcareer role
    """
    from ml_career.queries.role import role_report

    career = _career(ctx)
    _show(role_report(career), career, as_json)


@commands.command()
def outlook(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Growth and demand figures, each with its age.

    \b
    Examples:
      mlcareer outlook
    """
    from ml_career.queries.freshness import today
    from ml_career.queries.outlook import outlook_report

    career = _career(ctx)
    _show(outlook_report(career, today()), career, as_json)


@commands.command()
def jobs(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Who hires: industries, companies, career paths.

    \b
    Examples:
      mlcareer jobs
    """
    from ml_career.queries.jobs import jobs_report

    career = _career(ctx)
    _show(jobs_report(career), career, as_json)


@commands.command()
def internships(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """The kinds of internship and what each involves.

    \b
    Examples:
      mlcareer internships
    """
    from ml_career.queries.internships import internships_report

    career = _career(ctx)
    _show(internships_report(career), career, as_json)


@commands.command()
def sources(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """The publishers and articles behind every figure.

    \b
    Examples:
      mlcareer sources
    """
    from ml_career.queries.freshness import today
    from ml_career.queries.sources import sources_report

    career = _career(ctx)
    _show(sources_report(career, today()), career, as_json)


@commands.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for, e.g. kaggle or 'tensorflow serving'.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, metavar="N", help="Show at most this many matches.")
    ] = 20,
    as_json: JsonFlag = False,
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

    career = _career(ctx)
    report = search_data(career, text, limit=limit)
    _show(report, career, as_json)
    if not report.hits:
        raise typer.Exit(EXIT_ERROR)


@commands.command()
def validate(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="The data file to check (default: the one in use).",
            show_default=False,
            metavar="FILE",
            parser=_file_name,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Check a data file and list every problem in it.

    Problems are listed as FILE: field.path: message, then the command exits 1.
    A valid file gets a short summary and exit 0.

    \b
    Examples:
      mlcareer validate data/ml_engineer.toml
    """
    from ml_career.dataset.loading import check_data_file, resolve_data_path
    from ml_career.errors import DataFileError

    data_file = file or resolve_data_path(ctx.obj)
    try:
        career = check_data_file(data_file)
    except DataFileError as error:
        problems = error.lines()
        if as_json:
            from ml_career.render.output import write_json

            write_json(
                {
                    "file": str(data_file),
                    "valid": False,
                    "problems": [{"where": p.where, "message": p.message, "line": p.line} for p in error.problems],
                }
            )
        else:
            typer.echo("\n".join(problems))
            typer.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    from ml_career.dataset.summary import data_summary

    summary = data_summary(career)
    if as_json:
        from ml_career.render.output import write_json

        write_json({"file": str(data_file), "valid": True, "problems": [], "counts": summary})
    else:
        counts = ", ".join(f"{count} {name}" for name, count in summary.items())
        typer.echo(f"{data_file}: valid. {career.career.title}: {counts}.")


@commands.command()
def schema() -> None:
    """Print the JSON Schema of the data file.

    \b
    Examples:
      mlcareer schema > career.schema.json
    """
    from ml_career.dataset.models import CareerData
    from ml_career.render.output import write_json

    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **CareerData.model_json_schema()}
    write_json(document)


EducationOption = Annotated[
    str | None,
    typer.Option(
        "--education",
        "-e",
        metavar="EDUCATION",
        help="Your highest degree now: none, bachelor or master.",
        autocompletion=completion.educations,
    ),
]
LevelOption = Annotated[
    str | None,
    typer.Option(
        "--level", "-l", metavar="RUNG", help="Your current rung, or none.", autocompletion=completion.current_rungs
    ),
]
TargetOption = Annotated[
    str | None,
    typer.Option(
        "--target", "-t", metavar="RUNG", help="The rung to reach, e.g. senior.", autocompletion=completion.rungs
    ),
]
DegreeOption = Annotated[
    str | None,
    typer.Option(
        "--degree",
        "-d",
        metavar="DEGREE",
        help="The highest degree to earn: bachelor or master.",
        autocompletion=completion.degrees,
    ),
]


def _plan(
    career: CareerData,
    given: dict[str, str | None],
    interactive: bool,
) -> Any:
    """The plan for the given inputs; in a terminal, the missing ones are asked for."""
    from ml_career.advisor.plan import plan_report, resolve_inputs
    from ml_career.advisor.progress import saved_rung

    chosen = {name: "given" for name, value in given.items() if value is not None}
    values = dict(given)
    if values.get("level") is None and (saved := saved_rung(career)):
        values["level"] = saved
        chosen["level"] = "saved"
    if interactive:
        values, chosen = _ask_plan_inputs(career, values, chosen)
    return plan_report(career, resolve_inputs(career, **values), chosen)


def _ask_plan_inputs(
    career: CareerData, values: dict[str, str | None], chosen: dict[str, str]
) -> tuple[dict[str, str | None], dict[str, str]]:
    from ml_career.advisor.plan import default_inputs, resolve_education
    from ml_career.cli.prompting import ask
    from ml_career.dataset.names import normalise
    from ml_career.queries.education import resolve_degree, resolve_residency
    from ml_career.queries.ladder import resolve_rung

    def current_rung(typed: str) -> str:
        return typed if normalise(typed) == "none" else resolve_rung(career, typed)

    rungs = ", ".join(rung.id for rung in career.ladder)
    degrees = ", ".join(degree.id for degree in career.education.degrees)
    questions: dict[str, tuple[str, Callable[[str], str]]] = {
        "education": (f"Your highest degree now (none, {degrees})", partial(resolve_education, career)),
        "residency": ("In-state or out-of-state student", partial(resolve_residency, career)),
        "level": (f"Your current rung (none, {rungs})", current_rung),
        "target": (f"The rung you aim for ({rungs})", partial(resolve_rung, career)),
        "degree": (f"The highest degree you will earn ({degrees})", partial(resolve_degree, career)),
    }
    for name, (question, parse) in questions.items():
        if values.get(name) is not None:
            continue
        default = default_inputs(career, values.get("level")).get(name) or "none"
        values[name] = ask(question, default, parse)
        chosen[name] = "answered"
    return values, chosen


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
    from ml_career.cli.prompting import stdin_is_terminal

    career = _career(ctx)
    given = {"education": education, "residency": residency, "level": level, "target": target, "degree": degree}
    _show(_plan(career, given, interactive=stdin_is_terminal()), career, as_json)


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
            "--answers", help="A JSON or TOML file mapping statement ids to 1..5.", metavar="FILE", parser=_file_name
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
    from ml_career.advisor.fit import fit_report, missing_statements, parse_answer, read_answers_file
    from ml_career.cli.prompting import ask, stdin_is_terminal
    from ml_career.errors import UsageError

    career = _career(ctx)
    answers = read_answers_file(career, answers_file) if answers_file else {}
    for given in answer or []:
        statement, score = parse_answer(career, given)
        answers[statement] = score
    missing = missing_statements(career, answers)
    if missing and not stdin_is_terminal():
        raise UsageError(
            f"fit needs an answer for each statement; missing: {', '.join(missing)}\n"
            "Give them as --answer ID=1..5 or --answers FILE, or run fit in a terminal to be asked."
        )
    if missing:
        typer.echo("Answer each statement from 1 (strongly disagree) to 5 (strongly agree).", err=True)
        statements = {s.id: s.statement for s in career.fit}
        for statement_id in missing:
            question = f"{statements[statement_id]} (1-5)"
            answers[statement_id] = ask(question, "3", partial(_score, statement=statement_id))
    _show(fit_report(career, answers), career, as_json)


def _score(typed: str, statement: str) -> int:
    from ml_career.advisor.fit import parse_score

    return parse_score(typed, statement)


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
    from ml_career.advisor.progress import mark, progress_report, save_rung
    from ml_career.errors import UsageError

    career = _career(ctx)
    if skill is not None and status is None:
        raise UsageError("give a status after the skill: done, learning, skipped or pending")
    if rung is not None:
        save_rung(career, rung)
    report = mark(career, skill, status) if skill is not None and status is not None else progress_report(career)
    if rung is not None and skill is None:
        report = progress_report(career, changed="rung")
    _show(report, career, as_json)


@commands.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="markdown, html or svg.", autocompletion=completion.formats
        ),
    ] = "markdown",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file instead of stdout.",
            show_default=False,
            metavar="FILE",
            parser=_file_name,
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

    \b
    Examples:
      mlcareer export
      mlcareer export --format html --output plan.html --target senior
    """
    from ml_career.advisor.progress import progress_report
    from ml_career.dataset.names import pick
    from ml_career.queries.freshness import today
    from ml_career.render.export import FORMATS, export_document

    career = _career(ctx)
    chosen_format = pick("format", fmt, [([name, *(["md"] if name == "markdown" else [])], name) for name in FORMATS])
    given = {"education": education, "residency": residency, "level": level, "target": target, "degree": degree}
    document = export_document(
        career, _plan(career, given, interactive=False), progress_report(career), chosen_format, today().isoformat()
    )
    if output is None:
        sys.stdout.write(document)
        return
    from ml_career.advisor.state import state_file
    from ml_career.dataset.loading import resolve_data_path
    from ml_career.destination import is_standard_output, write_output
    from ml_career.text_safety import printable

    write_output(output, document, protected=(state_file(), resolve_data_path(ctx.obj)))
    if not is_standard_output(output):
        typer.echo(f"Wrote {printable(str(output))} ({chosen_format}).", err=True)
