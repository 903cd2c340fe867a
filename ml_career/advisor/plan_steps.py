"""The steps of a plan: degrees to earn (or finish), the entry-level work, the rungs, each with its duration."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.assumptions import EXPERIENCE, Assumed
from ml_career.advisor.timeline import assumed_input, months_range_text, months_text
from ml_career.provenance import Article, Computed, Mlcareer, Words, Yours
from ml_career.queries.education import TOTAL_ASSUMPTION, cost_rows
from ml_career.queries.provenance import NAME_REASON, mlcareer_words, whose

if TYPE_CHECKING:
    from ml_career.advisor.inputs import PlanInputs
    from ml_career.dataset.models import CareerData, Degree, Rung


class PlanStep(NamedTuple):
    kind: str  # degree, experience, current (your rung now), rung
    title: str
    detail: Words  # the step's text (the article's), or mlcareer's name of the degree
    years_min: int | None
    years_max: int | None
    provenance: Article | Mlcareer  # whose the step's title and words are
    # Whose the time spent in it is: the article's, yours, computed (the years left of a degree);
    # None where there is no such time: the target, and a step no one gives a duration for.
    duration_provenance: Article | Yours | Computed | None
    cost_min: int | None = None
    cost_max: int | None = None
    currency: str | None = None
    tuition_how: Computed | None = None  # the tuition is computed: average x years (left)
    id: str = ""  # the degree, experience, or the rung: what --assume names
    months_min: int | None = None  # time spent in this step before the next; None where no one gives it
    months_max: int | None = None
    # The article the duration and tuition come from, where it is not the one the step's words cite.
    figures_source: str | None = None
    leads_from: Words | None = None  # mlcareer's addition: the entry-level roles another list names
    years_left: str | None = None  # a degree you study for: how the time left of it was found


ROLES_REASON = "mlcareer's addition: the article's list of entry-level positions, placed under this step's words"


CURRENT_REASON = "mlcareer's heading for the time you spend at the rung you gave or saved, before the next"


def rung_step(rung: "Rung") -> PlanStep:
    owner = whose(rung)
    return PlanStep("rung", rung.title, Words(rung.description, owner), None, None, owner, None, id=rung.id)


def current_step(rung: "Rung") -> PlanStep:
    """Your time at your rung now: mlcareer's heading, your rung."""
    title = f"Time as {rung.title} (your rung now)"
    heading = Mlcareer(CURRENT_REASON)
    return PlanStep("current", title, Words("", heading), None, None, heading, None, id=rung.id)


def with_duration(step: PlanStep, assumed: Assumed, last: bool) -> PlanStep:
    """The step with the time spent in it: the article's for a degree, yours where you gave one."""
    if last:
        return step  # the target: reaching it ends the plan
    if step.months_min is not None:
        return step  # a degree in progress: the time left is already worked out
    if step.years_min is not None and step.years_max is not None:
        # The degree's years: the article the figures come from, else the one the step's words cite.
        cited = step.figures_source or step.provenance.source or ""
        return step._replace(
            months_min=step.years_min * 12, months_max=step.years_max * 12, duration_provenance=Article(cited)
        )
    if step.id in assumed:
        typed, months = assumed[step.id]
        return step._replace(months_min=months, months_max=months, duration_provenance=assumed_input(step.id, typed))
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
            owner = whose(step)
            steps.append(
                PlanStep(
                    "experience",
                    step.title,
                    Words(step.text, owner),
                    None,
                    None,
                    owner,
                    None,
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
        provenance=Article(source),
        duration_provenance=None,
        cost_min=cost.total_min if cost else None,
        cost_max=cost.total_max if cost else None,
        currency=cost.currency if cost else None,
        tuition_how=Computed(TOTAL_ASSUMPTION) if cost else None,
        id=degree.id,
        figures_source=degree.source if degree.source != source else None,
    )
    if degree.id in assumed:
        typed, left_min = assumed[degree.id]
        left_max = left_min
        how = f"years left: {typed}, as you assumed (--assume {degree.id}={typed})"
        duration: Yours | Computed = assumed_input(degree.id, typed)
    elif months_done:
        left_min, left_max = max(degree.years_min * 12 - months_done, 0), max(degree.years_max * 12 - months_done, 0)
        how = (
            f"years left = the degree's {degree.years_min}-{degree.years_max} years - {months_text(months_done)} "
            "done (yours, saved with progress)"
            if degree.years_min != degree.years_max
            else f"years left = the degree's {degree.years_min} years - {months_text(months_done)} done "
            "(yours, saved with progress)"
        )
        duration = Computed(how)
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
        tuition_how=Computed(formula) if cost else None,
        months_min=left_min,
        months_max=left_max,
        duration_provenance=duration,
        years_left=how,
    )
