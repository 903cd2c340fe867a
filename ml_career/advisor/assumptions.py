"""Parsing what you assume: `--assume STEP=DURATION` and `--start YYYY-MM`, every number bounded.

A STEP is `experience`, a rung (the time you expect to spend there before the
next step) or a degree (the years you have left of it: `--assume bachelor=1y`
for a student in their third year of four). Each step is assumed once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from ml_career.dataset.names import normalise
from ml_career.errors import UsageError

if TYPE_CHECKING:
    from ml_career.advisor.timeline import Start
    from ml_career.dataset.models import CareerData, Degree

EXPERIENCE = "experience"
MAX_YEARS = 50
MAX_MONTHS = MAX_YEARS * 12
# At most 4 digits before the point and 2 after: "9" * 400 is refused as text, before any arithmetic.
_DURATION = re.compile(r"^(?P<number>\d{1,4}(?:\.\d{1,2})?)\s*(?P<unit>y|yr|yrs|years?|m|mo|mos|months?)$", re.ASCII)
_START = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$", re.ASCII)
FIRST_YEAR, LAST_YEAR = 1900, 2200
DURATION_FORMS = f"DURATION is a number of years or months: 18m, 2y, 1.5y (up to {MAX_YEARS} years)"

Assumed = dict[str, tuple[str, int]]  # step -> (the duration as typed, months)


def valid_steps(career: CareerData) -> list[str]:
    return [EXPERIENCE, *(rung.id for rung in career.ladder), *(degree.id for degree in career.education.degrees)]


def parse_assumptions(career: CareerData, typed: list[str]) -> Assumed:
    """`["junior=2y", ...]` as {step: (typed duration, months)}; anything malformed exits 2 with the forms."""
    found: Assumed = {}
    for entry in typed:
        step_text, equals, duration = entry.partition("=")
        if not equals or not step_text.strip() or not duration.strip():
            raise bad_assumption(career, entry, "expected STEP=DURATION")
        step = _resolve_step(career, entry, step_text)
        if step in found:
            raise bad_assumption(
                career, entry, f"{step} is assumed twice ({step}={found[step][0]} already); give it once"
            )
        found[step] = (duration.strip(), parse_duration(duration, partial(bad_assumption, career, entry)))
    return found


def parse_duration(text: str, refuse: Callable[[str], UsageError]) -> int:
    """`18m` -> 18, `1.5y` -> 18 (months, to the nearest month); `refuse(reason)` is raised otherwise."""
    cleaned = text.strip().casefold()
    shown = cleaned if len(cleaned) <= 20 else cleaned[:17] + "..."
    if cleaned.startswith("-"):
        raise refuse("a duration cannot be negative")
    matched = _DURATION.match(cleaned)
    if matched is None:
        digits = re.match(r"^\d+", cleaned)
        if digits is not None and len(digits.group()) > 4:
            raise refuse(f"{shown!r} is over {MAX_YEARS} years")
        raise refuse(f"{shown!r} is not a duration")
    number = float(matched["number"])
    months = round(number * 12 if matched["unit"].startswith("y") else number)
    if months > MAX_MONTHS:
        raise refuse(f"{shown} is over {MAX_YEARS} years")
    return months


def check_degrees_assumed(career: CareerData, assumed: Assumed, to_earn: list[Degree]) -> None:
    """A degree's assumption is the years you have left of it: only for a degree the plan earns, within its length."""
    earning = {degree.id: degree for degree in to_earn}
    for degree in career.education.degrees:
        if degree.id not in assumed:
            continue
        typed, months = assumed[degree.id]
        entry = f"{degree.id}={typed}"
        if degree.id not in earning:
            plan_has = ", ".join(earning) or "none"
            raise bad_assumption(
                career, entry, f"{degree.id} is not a degree this plan earns (it earns: {plan_has})", in_plan=to_earn
            )
        if months > degree.years_max * 12:
            raise bad_assumption(
                career,
                entry,
                f"the {degree.title} takes {degree.years_max} years at most, so no more than that can be left",
                in_plan=to_earn,
            )


def parse_start(typed: str | None) -> Start | None:
    from ml_career.advisor.timeline import START_INPUT, Start
    from ml_career.provenance import Yours

    if typed is None:
        return None
    matched = _START.match(typed.strip())
    valid = f"Valid form: --start YYYY-MM, from {FIRST_YEAR}-01 to {LAST_YEAR}-12, e.g. --start 2027-01"
    if matched is None or not 1 <= int(matched["month"]) <= 12:
        raise UsageError(f"--start {typed!r} is not a month.\n{valid}")
    if not FIRST_YEAR <= int(matched["year"]) <= LAST_YEAR:
        raise UsageError(f"--start {typed!r}: the year is outside {FIRST_YEAR} to {LAST_YEAR}.\n{valid}")
    return Start(typed.strip(), Yours(START_INPUT))


def _resolve_step(career: CareerData, entry: str, typed: str) -> str:
    key = normalise(typed)
    if key == EXPERIENCE:
        return EXPERIENCE
    named = [(rung.id, rung.title, *rung.aliases) for rung in career.ladder]
    named += [(degree.id, degree.title, *degree.aliases) for degree in career.education.degrees]
    for names in named:
        if key in {normalise(name) for name in names}:
            return names[0]
    raise bad_assumption(career, entry, f"unknown step {typed.strip()!r}")


def bad_assumption(career: CareerData, entry: str, reason: str, in_plan: list[Degree] | None = None) -> UsageError:
    shown = entry if len(entry) <= 60 else entry[:57] + "..."
    degrees = [d.id for d in in_plan] if in_plan is not None else [d.id for d in career.education.degrees]
    steps = [EXPERIENCE, *(rung.id for rung in career.ladder)]
    degree_form = f"; or DEGREE=YEARS LEFT for a degree you study for ({', '.join(degrees)})" if degrees else ""
    return UsageError(
        f"--assume {shown!r}: {reason}.\n"
        f"Valid form: --assume STEP=DURATION; STEP is one of {', '.join(steps)}{degree_form}; {DURATION_FORMS}"
    )
