"""A self-assessment drawn from what the sources say suits someone to the work.

It is a reflection aid, not a validated test: the statements restate the
sources' own words, and the result only sorts the user's answers into
strengths and concerns, each shown beside the text it came from.
"""

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ml_career import strict_json
from ml_career.dataset.names import pick
from ml_career.errors import UsageError
from ml_career.provenance import Article, Mlcareer, Yours
from ml_career.queries.provenance import ComputedValue, Reading, SourceRef, computed_value, reading, source_refs, whose

if TYPE_CHECKING:
    from ml_career.advisor.asking import Ask
    from ml_career.dataset.models import CareerData

SCALE = {
    1: "strongly disagree",
    2: "disagree",
    3: "neither agree nor disagree",
    4: "agree",
    5: "strongly agree",
}
STATEMENTS_REASON = (
    "mlcareer turns what the articles say suits someone to the work into statements you can rate; "
    "each is shown with the words it rests on"
)
ANSWER_INPUT = "your answer from 1 to 5 (--answer, --answers or at the prompt)"
AVERAGE_FORMULA = "average = the sum of your answers / the number of statements, rounded to 2 decimals"
AVERAGE_ASSUMPTIONS = ["every statement counts the same", "the steps from 1 to 5 are the same size"]
ANSWERED = Yours(ANSWER_INPUT)
STATEMENTS = Mlcareer(STATEMENTS_REASON)
DISCLAIMER = (
    "This is a reflection aid built from what the sources say about the work, "
    "not a validated psychological test. Use it to think, not to decide."
)


class Basis(NamedTuple):
    """What a statement rests on: an article's words, or mlcareer's reading of them."""

    text: str
    provenance: Article | Mlcareer


class Answer(NamedTuple):
    """The number you gave a statement: yours, and nothing else in it."""

    value: int
    provenance: Yours  # ANSWERED


class Judged(NamedTuple):
    """A statement (mlcareer's wording), your answer to it, and the scale's words for that answer."""

    id: str
    statement: str
    answer: Answer
    answer_label: str
    basis: Basis
    provenance: Mlcareer  # STATEMENTS: the statement is mlcareer's wording


class FitReport(NamedTuple):
    disclaimer: str
    strengths: list[Judged]
    concerns: list[Judged]
    neutral: list[Judged]
    average: ComputedValue
    next_steps: list[Reading]  # mlcareer's advice, each with the reason
    statements: Reading  # whose the statements are
    career: str
    sources: list[SourceRef]


def statement_ids(career: "CareerData") -> list[str]:
    return [statement.id for statement in career.fit]


def parse_answer(career: "CareerData", given: str) -> tuple[str, int]:
    """`curiosity=4` as (statement id, 4); names are matched loosely, with suggestions."""
    name, separator, value = given.partition("=")
    if not separator:
        raise UsageError(f"an answer looks like ID=1..5, such as {statement_ids(career)[0]}=4, not {given!r}")
    statement = pick("statement", name, [([s.id, s.statement], s.id) for s in career.fit])
    return statement, parse_score(value, statement)


def parse_score(value: Any, statement: str) -> int:
    """One of the ASCII digits 1 to 5 (as text or a whole number), or a UsageError.

    str.isdigit would also take '²', '٤' or a fullwidth 4, and int() a 5,000-digit answer.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value in SCALE:
        return value
    text = value.strip() if isinstance(value, str) else None
    if text is None or len(text) != 1 or text not in "12345":
        shown = repr(value if text is None else text)
        shown = shown if len(shown) <= 24 else shown[:21] + "..."
        raise UsageError(f"the answer for {statement!r} must be a whole number from 1 to 5, not {shown}")
    return int(text)


def read_answers_file(career: "CareerData", path: Path) -> dict[str, int]:
    """Answers kept in a JSON or TOML file mapping statement ids to 1..5."""
    from ml_career.reading import read_limited

    try:
        text = read_limited(path).decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: cannot read the answers: not UTF-8 text") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read the answers: {error.strerror or error}") from None
    try:
        if path.suffix.lower() == ".toml":
            import tomllib

            document: Any = tomllib.loads(text)
        else:
            document = strict_json.loads(text)
    except RecursionError:
        raise UsageError(f"{path}: the answers are nested too deeply") from None
    except strict_json.RepeatedKey as error:
        raise UsageError(f"{path}: {error}; give each answer once") from None
    except ValueError as error:
        if (repeated := strict_json.toml_repeated_key(text, str(error))) is not None:
            raise UsageError(f"{path}: the key {repeated} is given more than once; give each answer once") from None
        raise UsageError(f"{path}: not valid {'TOML' if path.suffix.lower() == '.toml' else 'JSON'}: {error}") from None
    if not isinstance(document, dict):
        raise UsageError(f"{path}: the answers must map statement ids to numbers from 1 to 5")
    answers: dict[str, int] = {}
    named: dict[str, str] = {}  # statement id -> the key that answered it
    for name, value in document.items():
        statement = pick("statement", name, [([s.id, s.statement], s.id) for s in career.fit])
        if statement in named:
            raise UsageError(f"{path}: {_answered_twice(statement, named[statement], name)}")
        named[statement] = name
        answers[statement] = parse_score(value, statement)
    return answers


def _answered_twice(statement: str, first: str, second: str) -> str:
    # Two spellings of one statement (`curiosity` and `Curiosity`) would otherwise keep the last silently.
    return f"{statement!r} is answered twice (as {first!r} and {second!r}); give each answer once"


def collect_answers(
    career: "CareerData", given: list[str], answers_file: Path | None, ask: "Ask | None"
) -> dict[str, int]:
    """Answers from a file, then from ID=N options, then (with `ask`) one question per statement left."""
    answers = read_answers_file(career, answers_file) if answers_file else {}
    typed: dict[str, str] = {}  # statement id -> the --answer that gave it; an option overrides the file
    for answer in given:
        statement, score = parse_answer(career, answer)
        if statement in typed:
            raise UsageError(f"--answer: {_answered_twice(statement, typed[statement], answer)}")
        typed[statement] = answer
        answers[statement] = score
    missing = missing_statements(career, answers)
    if missing and ask is None:
        raise UsageError(
            f"fit needs an answer for each statement; missing: {', '.join(missing)}\n"
            "Give them as --answer ID=1..5 or --answers FILE, or run fit in a terminal to be asked."
        )
    statements = {s.id: s.statement for s in career.fit}
    for statement_id in missing:
        assert ask is not None
        answers[statement_id] = ask(
            f"{statements[statement_id]} (1-5)", "3", partial(parse_score, statement=statement_id)
        )
    return answers


def missing_statements(career: "CareerData", answers: dict[str, int]) -> list[str]:
    return [statement.id for statement in career.fit if statement.id not in answers]


def fit_report(career: "CareerData", answers: dict[str, int]) -> FitReport:
    """Answers of 4-5 are strengths and 1-2 concerns, each beside the source text behind it."""
    if not career.fit:
        raise UsageError("this data set has no self-assessment statements")
    if missing := missing_statements(career, answers):
        raise UsageError(f"no answer for: {', '.join(missing)}")
    judged = [
        Judged(
            s.id,
            s.statement,
            Answer(answers[s.id], ANSWERED),
            SCALE[answers[s.id]],
            Basis(s.basis, whose(s)),
            STATEMENTS,
        )
        for s in career.fit
    ]
    strengths = [j for j in judged if j.answer.value >= 4]
    concerns = [j for j in judged if j.answer.value <= 2]
    neutral = [j for j in judged if j.answer.value == 3]
    average = round(sum(j.answer.value for j in judged) / len(judged), 2)
    return FitReport(
        disclaimer=DISCLAIMER,
        strengths=strengths,
        concerns=concerns,
        neutral=neutral,
        average=computed_value(average, AVERAGE_FORMULA, AVERAGE_ASSUMPTIONS),
        next_steps=_next_steps(career, concerns, strengths),
        statements=reading("The statements are mlcareer's wording", STATEMENTS_REASON),
        career=career.career.title,
        sources=source_refs(career),
    )


def _next_steps(career: "CareerData", concerns: list[Judged], strengths: list[Judged]) -> list[Reading]:
    """mlcareer's advice on what to do next, each step with the answers that call for it."""
    steps = []
    if concerns:
        steps.append(
            reading(
                "Read what the sources say about the hard parts before committing: `mlcareer role` "
                "(worst aspects, work-life balance).",
                "advice for answers that disagree",
            )
        )
        steps.append(
            reading(
                f"Ask people already in the role how they handle the {len(concerns)} "
                f"concern{'s' if len(concerns) != 1 else ''} above.",
                "advice: the articles describe the work, not how people cope with it",
            )
        )
    if len(strengths) >= len(concerns):
        steps.append(
            reading(
                "Turn interest into a route with time and money: `mlcareer plan`.",
                "advice for at least as many agreeing answers as disagreeing ones",
            )
        )
    steps.append(
        reading(
            "Track the skills as you learn them: `mlcareer progress`.",
            "advice for everyone",
        )
    )
    if career.internships:
        steps.append(
            reading(
                "Test the work first-hand with an internship: `mlcareer internships`.",
                "advice, since the data set lists internships",
            )
        )
    return steps
