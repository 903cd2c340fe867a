"""What a plan starts from: each input given, saved, answered at a prompt, or defaulted."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from ml_career.advisor.asking import Ask
from ml_career.advisor.plan import PlanInputs, default_inputs, resolve_education, resolve_inputs
from ml_career.advisor.progress import saved_rung
from ml_career.dataset.names import NONE_CHOICE, is_none_choice
from ml_career.queries.education import resolve_degree, resolve_residency
from ml_career.queries.ladder import resolve_rung

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

INPUT_NAMES = ("education", "residency", "level", "target", "degree")


def plan_inputs(
    career: CareerData, given: dict[str, str | None], ask: Ask | None = None
) -> tuple[PlanInputs, dict[str, str]]:
    """The checked inputs and how each was chosen: given, saved, answered or default."""
    chosen = {name: "given" for name, value in given.items() if value is not None}
    values = {name: given.get(name) for name in INPUT_NAMES}
    if values["level"] is None and (saved := saved_rung(career)):
        values["level"] = saved
        chosen["level"] = "saved"
    if ask is not None:
        for name, (question, parse) in _questions(career).items():
            if values[name] is None:
                default = default_inputs(career, values["level"]).get(name) or NONE_CHOICE
                values[name] = ask(question, default, parse)
                chosen[name] = "answered"
    return resolve_inputs(career, **values), chosen


def _questions(career: CareerData) -> dict[str, tuple[str, Callable[[str], str]]]:
    def current_rung(typed: str) -> str:
        return NONE_CHOICE if is_none_choice(typed) else resolve_rung(career, typed)

    rungs = ", ".join(rung.id for rung in career.ladder)
    degrees = ", ".join(degree.id for degree in career.education.degrees)
    return {
        "education": (f"Your highest degree now ({NONE_CHOICE}, {degrees})", partial(resolve_education, career)),
        "residency": ("In-state or out-of-state student", partial(resolve_residency, career)),
        "level": (f"Your current rung ({NONE_CHOICE}, {rungs})", current_rung),
        "target": (f"The rung you aim for ({rungs})", partial(resolve_rung, career)),
        "degree": (f"The highest degree you will earn ({degrees})", partial(resolve_degree, career)),
    }
