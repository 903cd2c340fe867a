"""How old a dated figure is today, and whether it may be out of date."""

import os
from datetime import date
from typing import NamedTuple

from ml_career.provenance import Computed

STALE_AFTER_MONTHS = 24
TODAY_ENV_VAR = "MLCAREER_TODAY"


AGE_FORMULA = (
    f"age = months from the figure's date to today; more than {STALE_AFTER_MONTHS} months old may be out of date. "
    "A figure dated by its year alone is taken as from December of that year."
)

AGE = Computed(AGE_FORMULA)


class Freshness(NamedTuple):
    """How old a figure is today: computed from its date, never given by an article."""

    as_of: str | None
    age_months: int | None
    age: str
    stale: bool
    provenance: Computed  # AGE


def today() -> date:
    """Today, or the date in MLCAREER_TODAY (YYYY-MM-DD) for reproducible output."""
    configured = os.environ.get(TODAY_ENV_VAR)
    if configured:
        try:
            return date.fromisoformat(configured)
        except ValueError:
            from ml_career.errors import UsageError

            raise UsageError(f"{TODAY_ENV_VAR} must be a date such as 2026-11-21, not {configured!r}") from None
    return date.today()


def freshness(as_of: str | None, on: date) -> Freshness:
    """The age of a figure dated `as_of` ("2022-06" or "2022") on the day `on`."""
    if as_of is None:
        return Freshness(None, None, "undated: its age is unknown", False, AGE)
    year, _, month = as_of.partition("-")
    # A figure dated only by its year is given the benefit of the doubt: December.
    months = (on.year - int(year)) * 12 + on.month - int(month or 12)
    months = max(months, 0)
    stale = months > STALE_AFTER_MONTHS
    age = _describe(months)
    if stale:
        age += ", may be out of date"
    return Freshness(as_of, months, age, stale, AGE)


def _describe(months: int) -> str:
    years, rest = divmod(months, 12)
    if years == 0:
        return f"{rest} month{'s' if rest != 1 else ''} old"
    if rest == 0:
        return f"{years} year{'s' if years != 1 else ''} old"
    return f"{years} year{'s' if years != 1 else ''} {rest} month{'s' if rest != 1 else ''} old"
