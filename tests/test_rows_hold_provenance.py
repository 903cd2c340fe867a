"""Every row a report carries holds its provenance: required, an object with its details.

Walks every named tuple the queries and the advisor define. A row (anything but a report
or one of the few working tuples below) must have a `provenance` field (or, for a row of
several owners, a `NAME_provenance` for each), typed as one of the
kinds of ml_career.provenance and without a default, so building one without it is a
TypeError; `None` only where the fact itself can be
absent. No row keeps a flat `source`, `quote`, `reason`, `formula` or `input` beside it.
"""

import importlib
import inspect
import pkgutil
import types
from typing import Any, NamedTuple, get_type_hints

import pytest

import ml_career.advisor
import ml_career.queries
from ml_career.provenance import KINDS, Article, Mlcareer, Words, provenance_of
from ml_career.queries.salary import SalaryRow

# Tuples that are no fact of a report: what the user gives, the data set's items as the
# advisor works with them, and a matcher's working parts. Each holds no words of its own.
NOT_ROWS = {
    "queries.items.Item",
    "queries.items.ItemWords",
    "queries.needs.Need",
    "advisor.gap.Marking",
    "advisor.inputs.PlanInputs",
    "advisor.matching.Token",
    "advisor.matching.Match",
    "advisor.resume.Piece",
    "advisor.resume.Document",
}
# A provenance that may be absent because the fact is: the reason is the field's comment.
MAY_BE_ABSENT = {
    "queries.salary.LevelChoice.rung_title_provenance",  # a pay level that matches no rung
    "queries.salary.LevelChoice.level_label_provenance",  # a rung with no pay level
    "queries.skills.SkillRow.status_provenance",  # skills without progress: no status shown
    "advisor.plan_steps.PlanStep.duration_provenance",  # the target, and a step no one gives a time
}
FLAT_DETAILS = {"source", "quote", "reason", "formula", "input", "assumptions"}
# A field with a detail's name that is a fact of its own: the durations you assumed.
OWN_FACTS = {"advisor.timeline.Timeline.assumptions"}


def _named_tuples() -> list[tuple[str, type]]:
    found = []
    for package in (ml_career.queries, ml_career.advisor):
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            for name, value in vars(module).items():
                named_tuple = inspect.isclass(value) and issubclass(value, tuple) and hasattr(value, "_fields")
                if named_tuple and value.__module__ == module.__name__:
                    found.append((f"{module.__name__.removeprefix('ml_career.')}.{name}", value))
    return found


NAMED_TUPLES = _named_tuples()
ROWS = [(name, row) for name, row in NAMED_TUPLES if name not in NOT_ROWS and not name.endswith("Report")]


def _kinds(annotation: Any) -> set[Any]:
    members = annotation.__args__ if isinstance(annotation, types.UnionType) else (annotation,)
    return set(members)


def test_the_walk_finds_the_rows() -> None:
    names = {name for name, _ in ROWS}
    assert {"queries.salary.SalaryRow", "advisor.plan_steps.PlanStep", "advisor.gap.GapItem"} <= names
    assert len(ROWS) > 50
    assert {name for name, _ in NAMED_TUPLES} >= NOT_ROWS


@pytest.mark.parametrize(("name", "row"), ROWS, ids=[name for name, _ in ROWS])
def test_every_row_holds_a_required_provenance_object(name: str, row: Any) -> None:
    hints = get_type_hints(row)
    # A row of several owners (a progress row) says whose each field is in NAME_provenance instead.
    held = [field for field in row._fields if field == "provenance" or field.endswith("_provenance")]
    assert held, f"{name} holds no provenance"
    for field in row._fields:
        if field != "provenance" and not field.endswith("_provenance"):
            continue
        kinds = _kinds(hints[field])
        absent = f"{name}.{field}" in MAY_BE_ABSENT
        assert kinds - {types.NoneType} <= set(KINDS), f"{name}.{field}: {hints[field]} is no provenance"
        assert (types.NoneType in kinds) == absent, f"{name}.{field}: None only where the fact can be absent"
        assert field not in row._field_defaults, f"{name}.{field} has a default"
    flat = {field for field in row._fields if field in FLAT_DETAILS and f"{name}.{field}" not in OWN_FACTS}
    assert not flat, f"{name} keeps {sorted(flat)} beside its provenance"


@pytest.mark.parametrize(("name", "row"), ROWS, ids=[name for name, _ in ROWS])
def test_a_row_built_without_its_provenance_is_refused(name: str, row: Any) -> None:
    for left_out in (field for field in row._fields if field == "provenance" or field.endswith("_provenance")):
        given = {field: None for field in row._fields if field not in row._field_defaults and field != left_out}
        with pytest.raises(TypeError, match=left_out):
            row(**given)


def test_provenance_of_reads_only_what_holds_one() -> None:
    words = Words("Senior", Mlcareer("a label"))
    assert provenance_of(words) == Mlcareer("a label")
    assert provenance_of(Article("000")) == Article("000")
    row = SalaryRow._make([None] * (len(SalaryRow._fields) - 1) + [Article("000", "a quote")])
    assert provenance_of(row) == Article("000", "a quote")

    class Flat(NamedTuple):
        text: str
        source: str

    # A fact that names its article beside it, as rows once did, is a bug: never silently an article's.
    with pytest.raises(TypeError, match="Flat holds no provenance"):
        provenance_of(Flat("words", "000"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str holds no provenance"):
        provenance_of("article")  # type: ignore[arg-type]


def test_a_fact_of_its_own_keeps_its_name_and_never_hides_a_detail() -> None:
    from ml_career.provenance import Computed
    from ml_career.render.output import to_jsonable

    class Totalled(NamedTuple):
        assumptions: list[str]  # the user's own, as the timeline's are
        provenance: Computed

    assert to_jsonable(Totalled(["junior=2y"], Computed("total = a + b"))) == {
        "assumptions": ["junior=2y"],
        "provenance": "computed",
        "formula": "total = a + b",
    }
    with pytest.raises(ValueError, match=r"Totalled\.assumptions hides its provenance's assumptions"):
        to_jsonable(Totalled(["junior=2y"], Computed("total = a + b", ("a year is 12 months",))))
