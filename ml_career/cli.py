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
            parser=_file_name,
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
    from ml_career.progress import statuses
    from ml_career.skills import skills_report

    career = _career(ctx)
    report = skills_report(career, category, statuses(career))
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
        Path | None,
        typer.Argument(help="The data file to check (default: the one in use).", show_default=False, parser=_file_name),
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


EducationOption = Annotated[
    str | None, typer.Option("--education", "-e", help="Your highest degree now: none, bachelor or master.")
]
ResidencyOption = Annotated[str | None, typer.Option("--residency", "-r", help="in-state or out-of-state.")]
LevelOption = Annotated[str | None, typer.Option("--level", "-l", help="Your current rung, or none.")]
TargetOption = Annotated[str | None, typer.Option("--target", "-t", help="The rung to reach, e.g. senior.")]
DegreeOption = Annotated[str | None, typer.Option("--degree", "-d", help="The highest degree to earn: bachelor or master.")]


def _plan(
    career: CareerData,
    given: dict[str, str | None],
    interactive: bool,
) -> Any:
    """The plan for the given inputs; in a terminal, the missing ones are asked for."""
    from ml_career.plan import default_inputs, plan_report, resolve_inputs

    chosen = {name: "given" for name, value in given.items() if value is not None}
    values = dict(given)
    if interactive:
        values, chosen = _ask_plan_inputs(career, values, chosen)
    inputs = resolve_inputs(career, **values)
    defaults = default_inputs(career, inputs.level)
    if values.get("target") is None and defaults["target"]:
        chosen.setdefault("target", "default")
    return plan_report(career, inputs, chosen)


def _ask_plan_inputs(
    career: CareerData, values: dict[str, str | None], chosen: dict[str, str]
) -> tuple[dict[str, str | None], dict[str, str]]:
    from ml_career.asking import ask
    from ml_career.education import resolve_degree, resolve_residency
    from ml_career.ladder import resolve_rung
    from ml_career.plan import default_inputs, resolve_education

    rungs = ", ".join(rung.id for rung in career.ladder)
    degrees = ", ".join(degree.id for degree in career.education.degrees)
    questions = {
        "education": (f"Your highest degree now (none, {degrees})", resolve_education),
        "residency": ("In-state or out-of-state student", lambda typed: resolve_residency(career, typed)),
        "level": (f"Your current rung (none, {rungs})", lambda typed: typed if typed == "none" else resolve_rung(career, typed)),
        "target": (f"The rung you aim for ({rungs})", lambda typed: resolve_rung(career, typed)),
        "degree": (f"The highest degree you will earn ({degrees})", lambda typed: resolve_degree(career, typed)),
    }
    for name, (question, parse) in questions.items():
        if values.get(name) is not None:
            continue
        defaults = default_inputs(career, values.get("level"))
        default = defaults.get(name) or "none"
        check = (lambda typed, p=parse: p(career, typed)) if name == "education" else parse
        values[name] = ask(question, default, check)
        chosen[name] = "answered"
    return values, chosen


@app.command()
def plan(
    ctx: typer.Context,
    education: EducationOption = None,
    residency: ResidencyOption = None,
    level: LevelOption = None,
    target: TargetOption = None,
    degree: DegreeOption = None,
    as_json: JsonFlag = False,
) -> None:
    """A personal plan to a target rung: the steps, the years, the tuition and the skills left.

    In a terminal, inputs you leave out are asked for; otherwise the defaults are used and shown
    (no degree yet, in-state, not yet working, the next rung up, a bachelor's degree).

    Example: mlcareer plan --residency in-state --target senior
    """
    from ml_career.asking import stdin_is_terminal

    career = _career(ctx)
    given = {"education": education, "residency": residency, "level": level, "target": target, "degree": degree}
    _show(_plan(career, given, interactive=stdin_is_terminal()), career, as_json)


@app.command()
def fit(
    ctx: typer.Context,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", "-a", help="An answer as ID=1..5 (1 strongly disagree, 5 strongly agree); repeat it."),
    ] = None,
    answers_file: Annotated[
        Path | None,
        typer.Option("--answers", help="A JSON or TOML file mapping statement ids to 1..5.", parser=_file_name),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """A short self-assessment: strengths and concerns, each tied to the source text behind it.

    A reflection aid, not a validated test. In a terminal it asks each statement in turn;
    otherwise give every answer with --answer or --answers.

    Example: mlcareer fit --answers my_answers.json
    """
    from ml_career.asking import ask, stdin_is_terminal
    from ml_career.errors import UsageError
    from ml_career.fit import fit_report, missing_statements, parse_answer, parse_score, read_answers_file

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
            answers[statement_id] = ask(question, "3", lambda typed, sid=statement_id: parse_score(typed, sid))
    _show(fit_report(career, answers), career, as_json)


@app.command()
def progress(
    ctx: typer.Context,
    skill: Annotated[str | None, typer.Argument(help="The skill to mark, e.g. 'deep learning'.", show_default=False)] = None,
    status: Annotated[
        str | None, typer.Argument(help="done, learning, skipped or pending.", show_default=False)
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Mark skills done, learning, skipped or pending; alone, show every skill and the percentage.

    Example: mlcareer progress "deep learning" done
    """
    from ml_career.errors import UsageError
    from ml_career.progress import mark, progress_report

    career = _career(ctx)
    if skill is not None and status is None:
        raise UsageError("give a status after the skill: done, learning, skipped or pending")
    report = mark(career, skill, status) if skill is not None and status is not None else progress_report(career)
    _show(report, career, as_json)


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="markdown, html or svg.")] = "markdown",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of stdout.", show_default=False, parser=_file_name),
    ] = None,
    education: EducationOption = None,
    residency: ResidencyOption = None,
    level: LevelOption = None,
    target: TargetOption = None,
    degree: DegreeOption = None,
) -> None:
    """Write the plan and the progress as a Markdown checklist, an HTML page or an SVG picture.

    Example: mlcareer export --format html --output plan.html --target senior
    """
    from ml_career.atomic import write_atomically
    from ml_career.export import FORMATS, export_document
    from ml_career.freshness import today
    from ml_career.names import pick
    from ml_career.progress import progress_report

    career = _career(ctx)
    chosen_format = pick("format", fmt, [([name, *(["md"] if name == "markdown" else [])], name) for name in FORMATS])
    given = {"education": education, "residency": residency, "level": level, "target": target, "degree": degree}
    document = export_document(
        career, _plan(career, given, interactive=False), progress_report(career), chosen_format, today().isoformat()
    )
    if output is None:
        sys.stdout.write(document)
        return
    try:
        write_atomically(output, document)
    except OSError as error:
        from ml_career.errors import MlCareerError

        raise MlCareerError(f"{output}: cannot write: {error.strerror or error}") from None
    typer.echo(f"Wrote {output} ({chosen_format}).", err=True)
