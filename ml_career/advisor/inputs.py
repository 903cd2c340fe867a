"""What a plan starts from: each input given, saved, answered at a prompt, or mlcareer's default.

Only the questions whose answer changes the plan are asked: no residency without
a degree to earn, no degree once you work at a rung. Enter at a prompt takes
mlcareer's default, and the plan says so: the choice is mlcareer's, not yours.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.input_descriptions import INPUTS, PLAN_INPUTS, Choice, InputDescription
from ml_career.advisor.input_words import label_words
from ml_career.dataset.names import NONE_CHOICE
from ml_career.errors import UsageError
from ml_career.provenance import Mlcareer, Provenance, Yours
from ml_career.queries.provenance import LABEL_REASON

if TYPE_CHECKING:
    from ml_career.advisor.asking import AskOrDefault
    from ml_career.dataset.models import CareerData, Degree

# How an input was chosen. Only "default" is mlcareer's word; the others are yours.
GIVEN, SAVED, ANSWERED, DEFAULT = "given", "saved", "answered", "default"


class PlanInputs(NamedTuple):
    """What the plan starts from; each is an id already checked against the data."""

    education: str
    residency: str
    level: str | None
    target: str
    degree: str
    from_role: str | None = None
    months_done: int | None = None  # of the degree you are studying for, as saved with `progress`


class PlanInput(NamedTuple):
    name: str
    value: str
    label: str
    chosen: str  # "given", "answered", "saved" or "default"
    provenance: Yours | Mlcareer  # of the value: yours (where you gave it), or mlcareer's default (why)
    label_provenance: Provenance  # the label is the article's or mlcareer's words, never yours


def resolve_inputs(
    career: CareerData,
    education: str | None = None,
    residency: str | None = None,
    level: str | None = None,
    target: str | None = None,
    degree: str | None = None,
    from_role: str | None = None,
) -> PlanInputs:
    """Typed values checked against the data; None takes mlcareer's default (nothing saved is read)."""
    given = {"education": education, "residency": residency, "level": level, "target": target, "degree": degree}
    return _choose(career, {**given, "from": from_role}, {}, None)[0]


def plan_inputs(
    career: CareerData, given: dict[str, str | None], ask: AskOrDefault | None = None
) -> tuple[PlanInputs, dict[str, str]]:
    """The checked inputs and how each was chosen: given, saved, answered or default."""
    from ml_career.advisor.standing import saved_standing

    return _choose(career, given, saved_standing(career), ask)


def _choose(
    career: CareerData, given: dict[str, str | None], saved: dict[str, str], ask: AskOrDefault | None
) -> tuple[PlanInputs, dict[str, str]]:
    if not career.ladder:
        raise UsageError("this data set has no ladder, so there is nothing to plan towards")
    values: dict[str, str] = {}
    chosen: dict[str, str] = {}
    for described in PLAN_INPUTS:
        name = described.name
        typed = given.get(name)
        if typed is not None:
            values[name], chosen[name] = described.resolve(career, typed), GIVEN
        elif name in saved:
            values[name], chosen[name] = saved[name], SAVED
        else:
            default = default_value(career, name, values)
            answer = None
            if ask is not None and matters(career, name, values, given):
                answer = ask(question(career, described, values), default, _parser(career, described, values))
            values[name], chosen[name] = (default, DEFAULT) if answer is None else (answer, ANSWERED)
    _check_target(career, values)
    level = None if values["level"] == NONE_CHOICE else values["level"]
    months = saved.get("months_done")
    inputs = PlanInputs(
        education=values["education"],
        residency=values["residency"],
        level=level,
        target=values["target"],
        degree=values["degree"],
        from_role=None if values["from"] == NONE_CHOICE else values["from"],
        # The time done is of the degree after the one saved: it holds only with the saved education.
        months_done=int(months) if months is not None and level is None and chosen["education"] == SAVED else None,
    )
    return inputs, chosen


def default_value(career: CareerData, name: str, values: dict[str, str]) -> str:
    """mlcareer's choice for `name`, given the inputs before it (each with the reason its description gives)."""
    rungs = [rung.id for rung in career.ladder]
    working = values.get("level", NONE_CHOICE) != NONE_CHOICE
    if name == "target":
        current = rungs.index(values["level"]) if working else -1
        return rungs[min(current + 1, len(rungs) - 1)]
    if name == "degree":
        lowest = next((d.id for d in career.education.degrees if d.requires is None), None)
        return lowest if lowest is not None and not working else NONE_CHOICE
    if name == "residency":
        return career.education.residencies[0].id if career.education.residencies else ""
    return NONE_CHOICE  # level, from, education: not working, in no entry role, no degree yet


def matters(career: CareerData, name: str, values: dict[str, str], given: dict[str, str | None]) -> bool:
    """Whether the answer to `name` can change this plan, given the inputs before it."""
    working = values.get("level", NONE_CHOICE) != NONE_CHOICE
    if name == "level":
        return True
    if name == "target":
        return not working or values["level"] != career.ladder[-1].id
    if name == "from":
        has_roles = career.education.entry_roles is not None and bool(career.education.entry_roles.items)
        return not working and has_roles and any(step.degree is None for step in career.education.steps)
    if name == "education":
        return not working or given.get("degree") is not None
    if name == "degree":
        held = {d.id for d in held_degrees(career, values.get("education", NONE_CHOICE))}
        return not working and any(d.id not in held for d in career.education.degrees)
    # residency: what the tuition depends on, so it matters only with a degree to earn
    to_earn = degrees_to_earn(career, values.get("education", NONE_CHOICE), values.get("degree", NONE_CHOICE))
    return bool(to_earn) and len(career.education.residencies) > 1


def question(career: CareerData, described: InputDescription, values: dict[str, str]) -> str:
    return f"{described.question} ({', '.join(choice.value for choice in _offered(career, described, values))})"


def _offered(career: CareerData, described: InputDescription, values: dict[str, str]) -> list[Choice]:
    choices = described.choices(career)
    if described.name == "target" and values.get("level", NONE_CHOICE) != NONE_CHOICE:
        above = [rung.id for rung in career.ladder]
        above = above[above.index(values["level"]) + 1 :]
        choices = [choice for choice in choices if choice.value in above]
    return choices


def _parser(career: CareerData, described: InputDescription, values: dict[str, str]) -> Callable[[str], str]:
    def parse(typed: str) -> str:
        value = described.resolve(career, typed)
        _check_target(career, {**values, described.name: value})
        return value

    return parse


def _check_target(career: CareerData, values: dict[str, str]) -> None:
    """A target below your rung is refused; at the top rung, the top is the target and the plan says so."""
    if "target" not in values or values.get("level", NONE_CHOICE) == NONE_CHOICE:
        return
    rungs = {rung.id: (index, rung.title) for index, rung in enumerate(career.ladder)}
    (current, now), (target, aim) = rungs[values["level"]], rungs[values["target"]]
    at_top = current == len(rungs) - 1
    if target < current or (target == current and not at_top):
        raise UsageError(f"the target {aim!r} is not above your current rung {now!r}; choose a higher --target")


def held_degrees(career: CareerData, education: str) -> list[Degree]:
    from ml_career.queries.education import degree_chain

    return degree_chain(career, education) if education != NONE_CHOICE else []


def degrees_to_earn(career: CareerData, education: str, degree: str) -> list[Degree]:
    """The degrees between the one you hold and the one you aim for, first earned first."""
    from ml_career.queries.education import degree_chain

    if degree == NONE_CHOICE:
        return []
    held = {d.id for d in held_degrees(career, education)}
    return [d for d in degree_chain(career, degree) if d.id not in held]


def described_inputs(career: CareerData, inputs: PlanInputs, chosen: dict[str, str]) -> list[PlanInput]:
    """Each input that shapes this plan (given, or one that changes it), its label, how it was chosen, whose word."""
    values = {
        "level": inputs.level or NONE_CHOICE,
        "target": inputs.target,
        "from": inputs.from_role or NONE_CHOICE,
        "education": inputs.education,
        "degree": inputs.degree,
        "residency": inputs.residency,
    }
    given: dict[str, str | None] = {name: values[name] for name, how in chosen.items() if how == GIVEN}
    whose_label = label_words(career, inputs.education, inputs.level, inputs.target, inputs.degree, inputs.from_role)
    shown = []
    for described in PLAN_INPUTS:
        name = described.name
        how = chosen.get(name, DEFAULT)
        own = how != DEFAULT
        labels = {choice.value: choice.label for choice in described.choices(career)}
        if not own and not matters(career, name, values, given):
            continue  # a residency with no degree to earn: it changes nothing here
        shown.append(
            PlanInput(
                name,
                values[name],
                labels.get(values[name], values[name]),
                how,
                Yours(_where_given(name, described.flags[0], how)) if own else Mlcareer(INPUTS[name].default_reason),
                whose_label.get(name, Mlcareer(LABEL_REASON)),
            )
        )
    return shown


# The `progress` option that saves an input plan reads back: your rung, your education.
SAVED_WITH = {"level": "--rung", "education": "--education"}


def _where_given(name: str, flag: str, how: str) -> str:
    """Where you gave an input: its option, your answer at the prompt, or what you saved."""
    if how == SAVED:
        return f"saved with `mlcareer progress {SAVED_WITH.get(name, flag)}`, in the state file"
    if how == ANSWERED:
        return f"your answer at the prompt ({flag})"
    return flag
