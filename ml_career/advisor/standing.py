"""Where you stand, as saved with `progress`: your rung, your highest degree, the years of a degree done.

The state file keeps them per career: `"rungs": {career: rung}` and
`"education": {career: {"highest": degree or "none", "months_done": n}}`,
`months_done` being the time already spent on the next degree (the one you are
studying for). A file without `education` is a file saved before it existed:
nothing is assumed from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from ml_career.advisor.state import read_state, update_state
from ml_career.advisor.timeline import months_text
from ml_career.dataset.names import NONE_CHOICE, is_none_choice
from ml_career.errors import UsageError
from ml_career.provenance import Yours

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, Degree


YEARS_DONE_FORM = "Valid form: --years-done DURATION, the time spent on the degree you study for: 3y, 18m"


SAVED_EDUCATION = Yours("saved with `mlcareer progress --education` (and --years-done)")


class Education(NamedTuple):
    """Your education as saved: the highest degree held, and time spent on the one you study for."""

    highest: str
    studying: str | None  # the next degree, when you have spent time on it
    months_done: int | None
    provenance: Yours  # SAVED_EDUCATION


def saved_education(career: CareerData) -> Education | None:
    entry = read_state().get("education", {}).get(career.career.id)
    if not isinstance(entry, dict):
        return None
    highest = entry.get("highest")
    degrees = {degree.id for degree in career.education.degrees}
    if highest != NONE_CHOICE and highest not in degrees:
        return None  # saved against another data file; the plan asks again
    months = entry.get("months_done")
    following = next_degree(career, highest)
    if type(months) is not int or months <= 0 or following is None:
        return Education(highest, None, None, SAVED_EDUCATION)
    return Education(highest, following.id, min(months, following.years_max * 12), SAVED_EDUCATION)


def education_text(career: CareerData, education: Education) -> str:
    """`no degree yet; 3 years done of the Bachelor's degree in computer science`."""
    from ml_career.advisor.input_descriptions import INPUTS

    labels = {choice.value: choice.label for choice in INPUTS["education"].choices(career)}
    text = labels.get(education.highest, education.highest)
    following = next_degree(career, education.highest)
    if education.months_done and following is not None:
        text += f"; {months_text(education.months_done)} done of the {following.title}"
    return text


def saved_standing(career: CareerData) -> dict[str, str]:
    """The plan inputs you saved with `progress`: your rung, your education, the time spent on a degree."""
    found: dict[str, str] = {}
    if rung := saved_rung(career):
        found["level"] = rung
    if (education := saved_education(career)) is not None:
        found["education"] = education.highest
        if education.months_done is not None:
            found["months_done"] = str(education.months_done)
    return found


def saved_rung(career: CareerData) -> str | None:
    """The rung the user said they are at (`progress --rung`), if it is still on the ladder."""
    rung = read_state().get("rungs", {}).get(career.career.id)
    return rung if rung in {r.id for r in career.ladder} else None


def save_rung(career: CareerData, typed: str) -> None:
    """Remember the user's rung ("none" forgets it); path and plan start from it."""
    from ml_career.queries.ladder import resolve_rung

    rung = None if is_none_choice(typed) else resolve_rung(career, typed)

    def change(state: dict[str, Any]) -> None:
        rungs = state.setdefault("rungs", {})
        if rung is None:
            rungs.pop(career.career.id, None)
        else:
            rungs[career.career.id] = rung

    update_state(change)


def next_degree(career: CareerData, highest: str) -> Degree | None:
    """The degree that follows the one you hold: the first that needs it (or needs none, with no degree)."""
    wanted = None if highest == NONE_CHOICE else highest
    return next((degree for degree in career.education.degrees if degree.requires == wanted), None)


def save_education(career: CareerData, education: str | None, done: str | None) -> None:
    """Keep your highest degree (`education`) and the years done of the next one (`done`, a duration)."""
    from ml_career.advisor.assumptions import parse_duration
    from ml_career.advisor.input_descriptions import INPUTS

    current = saved_education(career)
    highest = INPUTS["education"].resolve(career, education) if education is not None else None
    if highest is None:
        highest = current.highest if current is not None else NONE_CHOICE
    months = None
    if done is not None:
        following = next_degree(career, highest)
        if following is None:
            raise UsageError(f"--years-done {done!r}: there is no degree after the one you hold to have years done of")
        months = parse_duration(done, lambda reason: UsageError(f"--years-done {done!r}: {reason}.\n{YEARS_DONE_FORM}"))
        if months > following.years_max * 12:
            raise UsageError(
                f"--years-done {done!r}: the {following.title} takes {following.years_max} years at most.\n"
                f"{YEARS_DONE_FORM}, up to {following.years_max}y"
            )
    elif current is not None and current.highest == highest:
        months = current.months_done  # the same degree: keep the years already saved

    def change(state: dict[str, Any]) -> None:
        entry: dict[str, Any] = {"highest": highest}
        if months:
            entry["months_done"] = months
        state.setdefault("education", {})[career.career.id] = entry

    update_state(change)
