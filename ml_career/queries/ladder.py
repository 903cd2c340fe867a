"""The progression ladder: its rungs in order and the step up from each."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.dataset.names import pick
from ml_career.provenance import Article, Mlcareer
from ml_career.queries.provenance import SourceRef, source_refs, whose
from ml_career.queries.salary import RungPay, RungSalary, role_pay, rung_salary

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, Rung


class RungDetail(NamedTuple):
    description: str
    provenance: Article | Mlcareer
    salary: RungSalary


class RungRow(NamedTuple):
    position: int
    id: str
    title: str
    detail: RungDetail | None  # only for the rungs a view describes: all, or yours and the next
    provenance: Article | Mlcareer  # whose the rung (its title) is


class PathReport(NamedTuple):
    rungs: list[RungRow]
    current: RungRow | None
    next_rung: RungRow | None
    message: str | None
    career: str
    sources: list[SourceRef]
    role_pay: list[RungPay]  # the role as a whole, all levels: once, apart from the rungs


def resolve_rung(career: "CareerData", typed: str) -> str:
    """The id of the rung that `typed` names, with suggestions when none does."""
    return pick("rung", typed, rung_choices(career))


def rung_choices(career: "CareerData") -> list[tuple[list[str], str]]:
    """Every rung with the names it answers to: its own, and those of the pay level matched to it."""
    linked = {level.rung: level for level in career.pay.levels if level.rung}
    choices: list[tuple[list[str], str]] = []
    for rung in career.ladder:
        names = [rung.id, rung.title, *rung.aliases]
        if level := linked.get(rung.id):
            names += [level.id, level.label, *level.aliases]
        choices.append((names, rung.id))
    return choices


def path_report(career: "CareerData", level: str | None = None, saved: str | None = None) -> PathReport:
    """The whole ladder; with `level` (or the `saved` rung), that rung and the one above it."""
    ladder = list(career.ladder)
    if level is None and saved is None:
        rungs = [_rung_row(career, position, rung, True) for position, rung in enumerate(ladder, start=1)]
        return PathReport(rungs, None, None, None, career.career.title, source_refs(career), role_pay(career))
    rung_id = resolve_rung(career, level) if level is not None else str(saved)
    index = next(i for i, rung in enumerate(ladder) if rung.id == rung_id)
    rungs = [_rung_row(career, i + 1, rung, i in (index, index + 1)) for i, rung in enumerate(ladder)]
    current = rungs[index]
    next_rung = rungs[index + 1] if index + 1 < len(rungs) else None
    message = None
    if next_rung is None:
        message = f"{current.title} is the top of the ladder: the sources describe no rung above it."
    return PathReport(rungs, current, next_rung, message, career.career.title, source_refs(career), role_pay(career))


def _rung_row(career: "CareerData", position: int, rung: "Rung", detailed: bool) -> RungRow:
    if not detailed:
        return RungRow(position, rung.id, rung.title, None, whose(rung))
    detail = RungDetail(rung.description, whose(rung), rung_salary(career, rung.id))
    return RungRow(position, rung.id, rung.title, detail, whose(rung))
