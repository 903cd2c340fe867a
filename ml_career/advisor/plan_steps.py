"""The steps of a plan: degrees to earn (or finish), the entry-level work, the rungs, each with its duration."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.assumptions import EXPERIENCE, Assumed
from ml_career.advisor.timeline import months_range_text, months_text
from ml_career.provenance import Article, Mlcareer, Words
from ml_career.queries.education import TOTAL_ASSUMPTION, cost_rows
from ml_career.queries.provenance import (
    ARTICLE,
    COMPUTED,
    MLCAREER,
    NAME_REASON,
    YOU,
    Formula,
    Kind,
    mlcareer_words,
    words_of,
)

if TYPE_CHECKING:
    from ml_career.advisor.inputs import PlanInputs
    from ml_career.dataset.models import CareerData, Degree, Rung


class PlanStep(NamedTuple):
    kind: str  # degree, experience, current (your rung now), rung
    title: str
    detail: Words  # the step's text (the article's), or mlcareer's name of the degree
    years_min: int | None
    years_max: int | None
    cost_min: int | None = None
    cost_max: int | None = None
    currency: str | None = None
    source: str | None = None
    provenance: Kind = ARTICLE
    reason: str | None = None
    tuition_how: Formula | None = None  # the tuition is computed: average x years (left)
    id: str = ""  # the degree, experience, or the rung: what --assume names
    months_min: int | None = None  # time spent in this step before the next; None where no one gives it
    months_max: int | None = None
    duration_provenance: Kind | None = None  # article, you, computed; None for the target and what no one gives
    # The article the duration and tuition come from, where it is not the one the step's words cite.
    figures_source: str | None = None
    leads_from: Words | None = None  # mlcareer's addition: the entry-level roles another list names
    years_left: str | None = None  # a degree you study for: how the time left of it was found


ROLES_REASON = "mlcareer's addition: the article's list of entry-level positions, placed under this step's words"


CURRENT_REASON = "mlcareer's heading for the time you spend at the rung you gave or saved, before the next"


def rung_step(rung: "Rung") -> PlanStep:
    provenance, reason = words_of(rung)
    whose = Article(rung.source) if provenance == ARTICLE else Mlcareer(reason or "", rung.source)
    detail = Words(rung.description, whose)
    return PlanStep(
        "rung", rung.title, detail, None, None, source=rung.source, provenance=provenance, reason=reason, id=rung.id
    )


def current_step(rung: "Rung") -> PlanStep:
    """Your time at your rung now: mlcareer's heading, your rung."""
    title = f"Time as {rung.title} (your rung now)"
    detail = Words("", Mlcareer(CURRENT_REASON))
    return PlanStep("current", title, detail, None, None, provenance=MLCAREER, reason=CURRENT_REASON, id=rung.id)


def with_duration(step: PlanStep, assumed: Assumed, last: bool) -> PlanStep:
    """The step with the time spent in it: the article's for a degree, yours where you gave one."""
    if last:
        return step  # the target: reaching it ends the plan
    if step.months_min is not None:
        return step  # a degree in progress: the time left is already worked out
    if step.years_min is not None and step.years_max is not None:
        return step._replace(
            months_min=step.years_min * 12, months_max=step.years_max * 12, duration_provenance=ARTICLE
        )
    if step.id in assumed:
        months = assumed[step.id][1]
        return step._replace(months_min=months, months_max=months, duration_provenance=YOU)
    return step


def education_steps(
    career: "CareerData", inputs: "PlanInputs", to_earn: list["Degree"], assumed: Assumed, skip_experience: bool
) -> list[PlanStep]:
    """Degrees and experience in the order the sources give the steps to the job."""
    earning = {degree.id: degree for degree in to_earn}
    placed: set[str] = set()
    steps: list[PlanStep] = []
    entry_roles = career.education.entry_roles
    in_progress = to_earn[0].id if to_earn and inputs.months_done else None
    for step in career.education.steps:
        if step.degree is not None:
            degree = earning.get(step.degree)
            if degree is None:
                continue
            placed.add(degree.id)
            done = inputs.months_done if degree.id == in_progress else None
            steps.append(_degree_step(career, degree, inputs.residency, step.title, step.source, assumed, done))
        elif not skip_experience:
            leads_from = None
            if entry_roles is not None and entry_roles.items:
                roles = f"Roles that lead there: {', '.join(entry_roles.items)}."
                leads_from = mlcareer_words(roles, ROLES_REASON, entry_roles.source)
            kind, reason = words_of(step)
            whose = Article(step.source) if kind == ARTICLE else Mlcareer(reason or "", step.source)
            detail = Words(step.text, whose)
            steps.append(
                PlanStep(
                    "experience",
                    step.title,
                    detail,
                    None,
                    None,
                    source=step.source,
                    provenance=kind,
                    reason=reason,
                    id=EXPERIENCE,
                    leads_from=leads_from,
                )
            )
    # Degrees no step mentions go first, in the order they are earned.
    unplaced = [
        _degree_step(
            career,
            d,
            inputs.residency,
            f"Earn a {d.title}",
            d.source,
            assumed,
            inputs.months_done if d.id == in_progress else None,
        )
        for d in to_earn
        if d.id not in placed
    ]
    return unplaced + steps


def _degree_step(
    career: "CareerData",
    degree: "Degree",
    residency: str,
    title: str,
    source: str,
    assumed: Assumed,
    months_done: int | None,
) -> PlanStep:
    """A degree to earn, or to finish: with years left (yours, or worked out from the years you saved as done),
    only those years are charged. Its title and citation come from the step that names it, when one does."""
    cost = next((c for c in cost_rows(career) if c.degree == degree.id and c.residency == residency), None)
    step = PlanStep(
        kind="degree",
        title=title,
        detail=mlcareer_words(degree.title + (f" ({degree.note})" if degree.note else ""), NAME_REASON, degree.source),
        years_min=degree.years_min,
        years_max=degree.years_max,
        cost_min=cost.total_min if cost else None,
        cost_max=cost.total_max if cost else None,
        currency=cost.currency if cost else None,
        source=source,
        tuition_how=Formula(TOTAL_ASSUMPTION) if cost else None,
        id=degree.id,
        figures_source=degree.source if degree.source != source else None,
    )
    if degree.id in assumed:
        typed, left_min = assumed[degree.id]
        left_max, whose = left_min, YOU
        how = f"years left: {typed}, as you assumed (--assume {degree.id}={typed})"
    elif months_done:
        left_min, left_max = max(degree.years_min * 12 - months_done, 0), max(degree.years_max * 12 - months_done, 0)
        whose = COMPUTED
        how = (
            f"years left = the degree's {degree.years_min}-{degree.years_max} years - {months_text(months_done)} "
            "done (yours, saved with progress)"
            if degree.years_min != degree.years_max
            else f"years left = the degree's {degree.years_min} years - {months_text(months_done)} done "
            "(yours, saved with progress)"
        )
    else:
        return step
    cost_min = round(cost.amount * left_min / 12) if cost else None
    cost_max = round(cost.amount * left_max / 12) if cost else None
    formula = (
        f"tuition = average x years left ({how}); taking each average as a per-year figure (the source does not say)"
    )
    left = Words(f"{step.detail.text}; {months_range_text(left_min, left_max)} left", step.detail.whose)
    return step._replace(
        detail=left,
        cost_min=cost_min,
        cost_max=cost_max,
        tuition_how=Formula(formula) if cost else None,
        months_min=left_min,
        months_max=left_max,
        duration_provenance=whose,
        years_left=how,
    )
