"""A personal plan: from where the user stands to a target rung, with time and money.

The total is the whole plan's, your assumptions included, and it is unknown
(None) while any step before the target has no duration: never a sum that
quietly leaves steps out.
"""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.assumptions import Assumed, check_degrees_assumed
from ml_career.advisor.inputs import PlanInput, PlanInputs, degrees_to_earn, described_inputs
from ml_career.advisor.plan_steps import (
    PlanStep,
    current_step,
    education_steps,
    rung_step,
    with_duration,
)
from ml_career.advisor.still_to_learn import PlanSkill, skills_counted, skills_to_learn
from ml_career.advisor.timeline import Segment, Start, Timeline, build_timeline, months_range_text
from ml_career.provenance import Article, Computed, Kind, Mlcareer, Words
from ml_career.queries.education import TOTAL_ASSUMPTION
from ml_career.queries.items import group_titles, tracked_items
from ml_career.queries.provenance import Reading, SourceRef, reading, source_refs, whose
from ml_career.queries.salary import RungPay, RungSalary, role_pay, rung_salary

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

__all__ = ["PlanInput", "PlanInputs", "PlanReport", "PlanStep", "PlanTotal", "TopRung", "plan_report"]

ORDER_REASON = (
    "The order of the steps is mlcareer's: it follows the steps one article gives, places the degrees "
    "another article describes where those steps name them, and then climbs the ladder rung by rung."
)
NO_DURATION = "the sources give no duration for this step; give yours with --assume STEP=DURATION"
TOP_REASON = "the ladder the article gives ends at this rung"
NOTHING_TO_CLIMB = Computed("total = nothing: there is no rung above yours to reach")


class PlanTotal(NamedTuple):
    """The whole plan's time, and how it adds up: unknown (None) while a step lacks a duration."""

    months_min: int | None
    months_max: int | None
    known_months_min: int | None  # the steps with a duration, added up; None when none has one
    known_months_max: int | None
    unknown: list[str]  # the steps (by title) that lack a duration
    rests_on: list[Kind]  # whose durations it adds up: article, you, computed
    provenance: Computed  # the formula: every step's duration added up


class TopRung(NamedTuple):
    """At the top of the ladder: what the article says of the role, and that there is no rung above."""

    title: str
    description: str
    message: Reading
    provenance: Article | Mlcareer  # the rung's words


class PlanReport(NamedTuple):
    inputs: list[PlanInput]
    steps: list[PlanStep]
    years_min: int | float | None  # the whole plan's total; None while a step's duration is unknown
    years_max: int | float | None
    years_note: str | None
    total_formula: str
    order: Reading
    years_how: Computed  # years_min and years_max are computed
    tuition_min: int | None
    tuition_max: int | None
    currency: str | None
    tuition_assumption: str | None
    tuition_how: Computed | None  # tuition_min and tuition_max are computed
    skills_to_learn: list[PlanSkill]
    skills_total: int
    entry_salary: RungSalary
    target_salary: RungSalary
    notes: list[str]
    career: str
    sources: list[SourceRef]
    months_min: int | None
    months_max: int | None
    unknown_durations: list[str]  # the steps (by title) that lack a duration
    role_pay: list[RungPay]  # the figures for the role as a whole, all levels: shown once, apart from the rungs
    total: PlanTotal | None  # None at the top rung: nothing to climb
    total_provenance: Computed  # the total's: years_how
    group_titles: list[Words]  # the titles of the skills' groups and whose words: skills name theirs by title
    timeline: Timeline | None = None  # with --assume or --start: your dated timeline
    at_top: TopRung | None = None


def plan_report(
    career: "CareerData",
    inputs: PlanInputs,
    chosen: dict[str, str] | None = None,
    assumed: Assumed | None = None,
    start: Start | None = None,
) -> PlanReport:
    """The steps from `inputs` to the target rung, their durations, costs and the skills left.

    `assumed` ({step: (typed, months)}) fills the durations the sources do not give, and gives
    the years left of a degree in progress; `start` dates the steps.
    """
    rungs = list(career.ladder)
    rung_ids = [rung.id for rung in rungs]
    current = rung_ids.index(inputs.level) if inputs.level else -1
    target = rung_ids.index(inputs.target)
    assumed = assumed or {}
    to_earn = degrees_to_earn(career, inputs.education, inputs.degree)
    check_degrees_assumed(career, assumed, to_earn)
    shown_inputs = described_inputs(career, inputs, chosen or {})
    if target <= current:  # only the top rung gets here: a lower target is refused with the inputs
        return _top_report(career, shown_inputs, rungs[current].id)
    steps = education_steps(career, inputs, to_earn, assumed, skip_experience=current >= 0 or bool(inputs.from_role))
    if current >= 0:
        now = rungs[current]
        steps.insert(0, current_step(now))
    steps += [rung_step(rung) for rung in rungs[current + 1 : target + 1]]
    steps = [with_duration(step, assumed, last=number == len(steps)) for number, step in enumerate(steps, start=1)]
    segments = [_segment(step) for step in steps[:-1]]
    milestones = [(step.id, step.title) for step in steps if step.kind != "current"]
    timeline = build_timeline(segments, milestones, assumed, start)

    open_steps = [segment.title.text.rstrip(".") for segment in segments if segment.months_min is None]
    years_note = None
    if open_steps:
        years_note = (
            f"The sources give no duration for {len(open_steps)} of the steps ({', '.join(open_steps)}), "
            f"so the total is unknown. Give yours with --assume STEP=DURATION (STEP: {', '.join(timeline.missing)})."
        )
    degree_steps = [step for step in steps if step.kind == "degree"]
    priced = [step for step in degree_steps if step.cost_min is not None and step.cost_max is not None]
    currencies = {step.currency for step in priced}
    tuition_known = bool(degree_steps) and len(priced) == len(degree_steps) and len(currencies) == 1
    notes = []
    if degree_steps and not tuition_known:
        notes.append("The sources give no tuition figure for some of these degrees, so no total is computed.")
    notes += [
        f"Your assumption {a.step}={a.typed} is not used: {a.step} is not a step of this plan."
        for a in timeline.assumptions
        if not a.used
    ]
    low, high = timeline.total_months_min, timeline.total_months_max
    added = timeline.provenance.formula
    formula = f"total = {added}" if added else "total = nothing: no step comes before the target"
    total = PlanTotal(
        low,
        high,
        timeline.known_months_min if timeline.known_months_max else None,
        timeline.known_months_max or None,
        open_steps,
        timeline.total_rests_on,
        Computed(formula),
    )
    to_learn = skills_to_learn(career, inputs.target)
    return PlanReport(
        inputs=shown_inputs,
        steps=steps,
        years_min=_years(low),
        years_max=_years(high),
        years_note=years_note,
        total_formula=formula,
        order=reading("Steps in mlcareer's order", ORDER_REASON),
        years_how=Computed(formula),
        tuition_min=sum(step.cost_min or 0 for step in priced) if tuition_known else None,
        tuition_max=sum(step.cost_max or 0 for step in priced) if tuition_known else None,
        currency=priced[0].currency if tuition_known else None,
        tuition_assumption=_tuition_formula(degree_steps) if tuition_known else None,
        tuition_how=Computed(_tuition_formula(degree_steps)) if tuition_known else None,
        skills_to_learn=to_learn,
        skills_total=skills_counted(career, inputs.target),
        entry_salary=rung_salary(career, rungs[max(current, 0)].id),
        target_salary=rung_salary(career, rungs[target].id),
        notes=notes,
        career=career.career.title,
        sources=source_refs(career),
        timeline=timeline if assumed or start else None,
        total=total,
        total_provenance=Computed(formula),
        months_min=low,
        months_max=high,
        unknown_durations=open_steps,
        role_pay=role_pay(career),
        group_titles=titles_named(career, to_learn),
    )


def _top_report(career: "CareerData", inputs: list[PlanInput], rung_id: str) -> PlanReport:
    """At the top rung there is nothing to climb: the plan says so, with what the article says of the role."""
    rung = next(rung for rung in career.ladder if rung.id == rung_id)
    message = reading(f"You are at the top of the ladder: the sources describe no rung above {rung.title}.", TOP_REASON)
    salary = rung_salary(career, rung.id)
    to_learn = skills_to_learn(career)
    return PlanReport(
        inputs=inputs,
        steps=[],
        years_min=0,
        years_max=0,
        years_note=None,
        total_formula="total = nothing: there is no rung above yours to reach",
        order=reading("Steps in mlcareer's order", ORDER_REASON),
        years_how=NOTHING_TO_CLIMB,
        tuition_min=None,
        tuition_max=None,
        currency=None,
        tuition_assumption=None,
        tuition_how=None,
        skills_to_learn=to_learn,
        skills_total=sum(1 for item in tracked_items(career) if item.kind == "skill"),
        entry_salary=salary,
        target_salary=salary,
        notes=[],
        career=career.career.title,
        sources=source_refs(career),
        months_min=0,
        months_max=0,
        unknown_durations=[],
        role_pay=role_pay(career),
        total=None,
        total_provenance=NOTHING_TO_CLIMB,
        at_top=TopRung(rung.title, rung.description, message, whose(rung)),
        group_titles=titles_named(career, to_learn),
    )


def titles_named(career: "CareerData", skills: list[PlanSkill]) -> list[Words]:
    """The titles of the groups `skills` name, each with whose words it is."""
    return group_titles(career, (group for skill in skills for group in (skill.group, *skill.groups)))


def _years(months: int | None) -> int | float | None:
    """Months as years: 48 -> 4, 18 -> 1.5; None stays None (unknown is never 0)."""
    if months is None:
        return None
    return months // 12 if months % 12 == 0 else round(months / 12, 2)


def _tuition_formula(degree_steps: list[PlanStep]) -> str:
    if all(step.years_left is None for step in degree_steps):
        return TOTAL_ASSUMPTION
    left = "; ".join(
        f"{step.id}: {months_range_text(step.months_min or 0, step.months_max or 0)} left"
        for step in degree_steps
        if step.years_left is not None
    )
    return f"{TOTAL_ASSUMPTION} A degree you study for is charged for the years left of it only ({left})."


def _segment(step: PlanStep) -> Segment:
    """The time spent in `step`, and whose word it is: the article's, yours, computed, or no one's yet."""
    title = Words(step.title, step.provenance)
    if step.duration_provenance is not None:
        return Segment(step.id, title, step.months_min, step.months_max, step.duration_provenance)
    return Segment(step.id, title, None, None, Mlcareer(NO_DURATION))
