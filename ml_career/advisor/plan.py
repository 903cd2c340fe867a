"""A personal plan: from where the user stands to a target rung, with time and money."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.still_to_learn import PlanSkill, skills_counted, skills_to_learn
from ml_career.advisor.timeline import EXPERIENCE, Segment, Start, Timeline, build_timeline
from ml_career.dataset.names import NONE_CHOICE, is_none_choice, pick
from ml_career.errors import UsageError
from ml_career.provenance import Article, Mlcareer, Words, Yours
from ml_career.queries.education import (
    TOTAL_ASSUMPTION,
    cost_rows,
    degree_chain,
    pathway_total,
    resolve_degree,
    resolve_residency,
)
from ml_career.queries.ladder import resolve_rung
from ml_career.queries.provenance import (
    ARTICLE,
    MLCAREER,
    NAME_REASON,
    YOU,
    Formula,
    Kind,
    Reading,
    SourceRef,
    mlcareer_words,
    source_refs,
    words_of,
)
from ml_career.queries.salary import RungSalary, rung_salary

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, Degree


class PlanInputs(NamedTuple):
    """What the plan starts from; each is an id already checked against the data."""

    education: str
    residency: str
    level: str | None
    target: str
    degree: str


class PlanInput(NamedTuple):
    name: str
    value: str
    label: str
    chosen: str  # "given", "answered", "saved" or "default"
    provenance: Kind  # yours, or mlcareer's default
    reason: str | None  # why mlcareer chose a default


DEFAULT_REASONS = {
    "education": "mlcareer assumes you have no degree yet, since you did not say",
    "residency": "mlcareer assumes the first residency the article lists, since you did not say",
    "level": "mlcareer assumes you are not yet working in the field, since you did not say",
    "target": "mlcareer takes the rung above yours as the target, since you did not say",
    "degree": "mlcareer plans for the first degree the article lists, since you did not say",
}
ORDER_REASON = (
    "The order of the steps is mlcareer's: it follows the steps one article gives, places the degrees "
    "another article describes where those steps name them, and then climbs the ladder rung by rung."
)
TOTAL_FORMULA = "total = the sum of the durations of the steps that have one"


class PlanStep(NamedTuple):
    kind: str
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
    tuition_how: Formula | None = None  # the tuition is computed: average x years
    id: str = ""  # the degree, experience, or the rung: what --assume names
    months_min: int | None = None  # time spent in this step before the next; None where no one gives it
    months_max: int | None = None
    duration_provenance: Kind | None = None  # article, you; None for the target and for what no one gives
    # The article the duration and tuition come from, where it is not the one the step's words cite.
    figures_source: str | None = None
    leads_from: Words | None = None  # mlcareer's addition: the entry-level roles another list names


class PlanReport(NamedTuple):
    inputs: list[PlanInput]
    steps: list[PlanStep]
    years_min: int
    years_max: int
    years_note: str | None
    total_formula: str
    order: Reading
    years_how: Formula  # years_min and years_max are computed
    tuition_min: int | None
    tuition_max: int | None
    currency: str | None
    tuition_assumption: str | None
    tuition_how: Formula | None  # tuition_min and tuition_max are computed
    skills_to_learn: list[PlanSkill]
    skills_total: int
    entry_salary: RungSalary
    target_salary: RungSalary
    notes: list[str]
    career: str
    sources: list[SourceRef]
    timeline: Timeline | None = None


def education_choices(career: "CareerData") -> list[tuple[list[str], str]]:
    choices = [([NONE_CHOICE, "no degree", "nothing", "high school"], NONE_CHOICE)]
    choices += [([d.id, d.title, *d.aliases], d.id) for d in career.education.degrees]
    return choices


def resolve_education(career: "CareerData", typed: str) -> str:
    return pick("education", typed, education_choices(career))


def default_inputs(career: "CareerData", level: str | None = None) -> dict[str, str | None]:
    """The defaults, in the order they would be asked: a student starting out, in-state."""
    rungs = [rung.id for rung in career.ladder]
    current = rungs.index(level) if level in rungs else -1
    required = {d.requires for d in career.education.degrees if d.requires}
    first_degree = next((d.id for d in career.education.degrees if d.id not in required), None)
    lowest = next((d.id for d in career.education.degrees if d.requires is None), first_degree)
    return {
        "education": NONE_CHOICE,
        "residency": career.education.residencies[0].id if career.education.residencies else None,
        "level": None,
        "target": rungs[min(current + 1, len(rungs) - 1)] if rungs else None,
        "degree": lowest,
    }


def resolve_inputs(
    career: "CareerData",
    education: str | None,
    residency: str | None,
    level: str | None,
    target: str | None,
    degree: str | None,
) -> PlanInputs:
    """Typed values checked against the data; None takes the default."""
    if not career.ladder:
        raise UsageError("this data set has no ladder, so there is nothing to plan towards")
    level_id = None if level is None or is_none_choice(level) else resolve_rung(career, level)
    defaults = default_inputs(career, level_id)
    return PlanInputs(
        education=resolve_education(career, education) if education else NONE_CHOICE,
        residency=resolve_residency(career, residency) if residency else (defaults["residency"] or ""),
        level=level_id,
        target=resolve_rung(career, target) if target else (defaults["target"] or ""),
        degree=resolve_degree(career, degree) if degree else (defaults["degree"] or ""),
    )


def plan_report(
    career: "CareerData",
    inputs: PlanInputs,
    chosen: dict[str, str] | None = None,
    assumed: dict[str, tuple[str, int]] | None = None,
    start: Start | None = None,
) -> PlanReport:
    """The steps from `inputs` to the target rung, their durations, costs and the skills left.

    `assumed` ({step: (typed, months)}) fills the durations the sources do not give;
    `start` dates the steps.
    """
    rungs = list(career.ladder)
    rung_ids = [rung.id for rung in rungs]
    current = rung_ids.index(inputs.level) if inputs.level else -1
    target = rung_ids.index(inputs.target)
    if target <= current:
        raise UsageError(
            f"the target {rungs[target].title!r} is not above your current rung {rungs[current].title!r}; "
            "choose a higher --target"
        )
    assumed = assumed or {}
    held = {d.id for d in degree_chain(career, inputs.education)} if inputs.education != NONE_CHOICE else set()
    to_earn = [d for d in degree_chain(career, inputs.degree) if d.id not in held] if inputs.degree else []
    steps = _education_steps(career, inputs, to_earn, working=current >= 0)
    for rung in rungs[current + 1 : target + 1]:
        kind, reason = words_of(rung)
        steps.append(
            PlanStep(
                "rung",
                rung.title,
                Words(
                    rung.description, Article(rung.source) if kind == ARTICLE else Mlcareer(reason or "", rung.source)
                ),
                None,
                None,
                source=rung.source,
                provenance=kind,
                reason=reason,
                id=rung.id,
            )
        )
    steps = [_with_duration(step, assumed, last=number == len(steps)) for number, step in enumerate(steps, start=1)]
    segments = [_segment(s) for s in steps[:-1]]
    if current >= 0:
        now = rungs[current]
        typed = assumed.get(now.id)
        segments.insert(
            0,
            _segment(
                PlanStep(
                    "current",
                    f"Time as {now.title} (your rung now)",
                    Words("", Yours("--level")),
                    None,
                    None,
                    id=now.id,
                    months_min=typed[1] if typed else None,
                    months_max=typed[1] if typed else None,
                    duration_provenance=YOU if typed else None,
                )
            ),
        )
    timeline = build_timeline(segments, [(s.id, s.title) for s in steps], assumed, start)

    known = [s for s in steps if s.years_min is not None and s.years_max is not None]
    years_note = None
    if timeline.missing:
        open_steps = [segment.title.text.rstrip(".") for segment in segments if segment.months_min is None]
        years_note = (
            f"The sources give no duration for {len(open_steps)} of the steps ({', '.join(open_steps)}); "
            f"the total counts only the steps with one. Give yours with --assume STEP=DURATION "
            f"(STEP: {', '.join(timeline.missing)})."
        )
    tuition = pathway_total(career, to_earn, inputs.residency) if to_earn else None
    notes = []
    if to_earn and tuition is None:
        notes.append("The sources give no tuition figure for some of these degrees, so no total is computed.")
    notes += [
        f"Your assumption {a.step}={a.typed} is not used: {a.step} is not a step of this plan."
        for a in timeline.assumptions
        if not a.used
    ]

    entry_rung = rungs[max(current, 0)]
    return PlanReport(
        inputs=_described_inputs(career, inputs, chosen or {}),
        steps=steps,
        years_min=sum(s.years_min or 0 for s in known),
        years_max=sum(s.years_max or 0 for s in known),
        years_note=years_note,
        total_formula=f"total = {timeline.formula}" if assumed or start else TOTAL_FORMULA,
        order=Reading("Steps in mlcareer's order", ORDER_REASON),
        years_how=Formula(f"total = {timeline.formula}" if assumed or start else TOTAL_FORMULA),
        tuition_min=tuition.total_min if tuition else None,
        tuition_max=tuition.total_max if tuition else None,
        currency=tuition.currency if tuition else None,
        tuition_assumption=TOTAL_ASSUMPTION if tuition else None,
        tuition_how=Formula(TOTAL_ASSUMPTION) if tuition else None,
        skills_to_learn=skills_to_learn(career, inputs.target),
        skills_total=skills_counted(career, inputs.target),
        entry_salary=rung_salary(career, entry_rung.id),
        target_salary=rung_salary(career, rungs[target].id),
        notes=notes,
        career=career.career.title,
        sources=source_refs(career),
        timeline=timeline if assumed or start else None,
    )


ROLES_REASON = "mlcareer's addition: the article's list of entry-level positions, placed under this step's words"
NO_DURATION = "the sources give no duration for this step; give yours with --assume STEP=DURATION"


def _segment(step: PlanStep) -> Segment:
    """The time spent in `step`, and whose word it is: the article's, yours, or no one's yet."""
    title = Words(step.title, Article(step.source) if step.source else Yours("--level"))
    if step.duration_provenance == ARTICLE:
        source = step.figures_source or step.source
        return Segment(step.id, title, step.months_min, step.months_max, ARTICLE, source=source)
    if step.duration_provenance == YOU:
        return Segment(step.id, title, step.months_min, step.months_max, YOU)
    return Segment(step.id, title, None, None, MLCAREER, reason=NO_DURATION)


def _with_duration(step: PlanStep, assumed: dict[str, tuple[str, int]], last: bool) -> PlanStep:
    """The step with the time spent in it: the article's for a degree, yours where you gave one."""
    if last:
        return step  # the target: reaching it ends the plan
    if step.years_min is not None and step.years_max is not None:
        return step._replace(
            months_min=step.years_min * 12, months_max=step.years_max * 12, duration_provenance=ARTICLE
        )
    if step.id in assumed:
        months = assumed[step.id][1]
        return step._replace(months_min=months, months_max=months, duration_provenance=YOU)
    return step


def _education_steps(
    career: "CareerData", inputs: PlanInputs, to_earn: list["Degree"], working: bool
) -> list[PlanStep]:
    """Degrees and experience in the order the sources give the steps to the job."""
    earning = {degree.id: degree for degree in to_earn}
    placed: set[str] = set()
    steps: list[PlanStep] = []
    entry_roles = career.education.entry_roles
    for step in career.education.steps:
        if step.degree is not None:
            degree = earning.get(step.degree)
            if degree is None:
                continue
            placed.add(degree.id)
            steps.append(_degree_step(career, degree, inputs.residency, step.title, step.source))
        elif not working:
            leads_from = None
            if entry_roles is not None and entry_roles.items:
                roles = f"Roles that lead there: {', '.join(entry_roles.items)}."
                leads_from = mlcareer_words(roles, ROLES_REASON, entry_roles.source)
            kind, reason = words_of(step)
            detail = Words(step.text, Article(step.source) if kind == ARTICLE else Mlcareer(reason or "", step.source))
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
        _degree_step(career, d, inputs.residency, f"Earn a {d.title}", d.source) for d in to_earn if d.id not in placed
    ]
    return unplaced + steps


def _degree_step(career: "CareerData", degree: "Degree", residency: str, title: str, source: str) -> PlanStep:
    """A degree to earn; its title and citation come from the step that names it, when one does."""
    cost = next((c for c in cost_rows(career) if c.degree == degree.id and c.residency == residency), None)
    return PlanStep(
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


def _described_inputs(career: "CareerData", inputs: PlanInputs, chosen: dict[str, str]) -> list[PlanInput]:
    degrees = {d.id: d.title for d in career.education.degrees}
    residencies = {r.id: r.label for r in career.education.residencies}
    rungs = {r.id: r.title for r in career.ladder}
    labels = {
        "education": degrees.get(inputs.education, "no degree yet"),
        "residency": residencies.get(inputs.residency, inputs.residency),
        "level": rungs[inputs.level] if inputs.level else "not yet working in the field",
        "target": rungs[inputs.target],
        "degree": degrees.get(inputs.degree, inputs.degree),
    }
    values = {
        "education": inputs.education,
        "residency": inputs.residency,
        "level": inputs.level or NONE_CHOICE,
        "target": inputs.target,
        "degree": inputs.degree,
    }
    described = []
    for name in values:
        how = chosen.get(name, "default")
        own = how != "default"
        described.append(
            PlanInput(
                name, values[name], labels[name], how, YOU if own else MLCAREER, None if own else DEFAULT_REASONS[name]
            )
        )
    return described
