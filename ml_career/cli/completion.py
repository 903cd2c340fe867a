"""Shell completion of values: levels, rungs, skills, categories, formats, statuses.

Typer calls these while the shell completes a word. They read the same data as
the commands (honouring --data) and stay silent when it cannot be read: a
completion that prints an error would corrupt the user's command line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import typer

from ml_career.dataset.names import NONE_CHOICE

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

Candidates = list[tuple[str, str]]


def _career(ctx: typer.Context) -> CareerData | None:
    from ml_career.cli.context import career

    try:
        return career(ctx)
    except Exception:  # whatever it is, printing it would corrupt the command line being completed
        return None


def _matching(pairs: Iterable[tuple[str, str]], incomplete: str) -> Candidates:
    wanted = incomplete.casefold()
    return [(value, help_text) for value, help_text in pairs if value.casefold().startswith(wanted)]


def levels(ctx: typer.Context, incomplete: str) -> Candidates:
    career = _career(ctx)
    if career is None:
        return []
    pairs = [(rung.id, rung.title) for rung in career.ladder]
    pairs += [(level.id, level.label) for level in career.pay.levels if not level.rung]
    return _matching(pairs, incomplete)


def rungs(ctx: typer.Context, incomplete: str) -> Candidates:
    career = _career(ctx)
    return _matching([(rung.id, rung.title) for rung in career.ladder] if career else [], incomplete)


def current_rungs(ctx: typer.Context, incomplete: str) -> Candidates:
    return _matching([(NONE_CHOICE, "not yet working in the field")], incomplete) + rungs(ctx, incomplete)


def categories(ctx: typer.Context, incomplete: str) -> Candidates:
    career = _career(ctx)
    return _matching([(group.id, group.title) for group in career.skill_groups] if career else [], incomplete)


def skills(ctx: typer.Context, incomplete: str) -> Candidates:
    from ml_career.queries.items import tracked_items

    career = _career(ctx)
    return _matching([(item.id, item.name) for item in tracked_items(career)] if career else [], incomplete)


def statuses(incomplete: str) -> Candidates:
    from ml_career.advisor.progress import STATUSES

    return _matching([(status, "") for status in STATUSES], incomplete)


def residencies(ctx: typer.Context, incomplete: str) -> Candidates:
    career = _career(ctx)
    pairs = [(r.id, r.label) for r in career.education.residencies] if career else []
    return _matching(pairs, incomplete)


def degrees(ctx: typer.Context, incomplete: str) -> Candidates:
    career = _career(ctx)
    return _matching([(d.id, d.title) for d in career.education.degrees] if career else [], incomplete)


def educations(ctx: typer.Context, incomplete: str) -> Candidates:
    return _matching([(NONE_CHOICE, "no degree yet")], incomplete) + degrees(ctx, incomplete)


def formats(incomplete: str) -> Candidates:
    from ml_career.render.export import FORMATS

    return _matching([(name, "") for name in FORMATS], incomplete)
