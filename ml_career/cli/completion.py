"""Shell completion of values: levels, rungs, skills, categories, formats, statuses.

Typer calls these while the shell completes a word. They read the same data as
the commands (honouring --data) and stay silent when it cannot be read: a
completion that prints an error would corrupt the user's command line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

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


def _matching(pairs: Iterable[tuple[str, str] | tuple[str, str, Iterable[str]]], incomplete: str) -> Candidates:
    """The ids whose id, title or alias begins with what was typed, ignoring case and separators:
    `Deep` and `deep l` both offer deep-learning. The id is what is offered, since it needs no quoting."""
    from ml_career.dataset.names import normalise

    wanted = normalise(incomplete)
    offered: Candidates = []
    for value, help_text, *more in pairs:
        names = [value, help_text, *(more[0] if more else [])]
        if any(normalise(name).startswith(wanted) for name in names if name):
            offered.append((value, help_text))
    return offered


# What a parameter that takes a file completes to: the shell scripts turn it into the shell's own file completion.
FILES = "__mlcareer_files__"


def files(incomplete: str) -> Candidates:
    return [(FILES, "")]


def unfiltered(command: Any) -> None:
    """Offer what the completion functions here return, as they return it.

    Typer keeps only candidates that begin with the typed text, case and all, so
    `Deep` would lose deep-learning and a file name would lose the files marker.
    These functions match for themselves (ignoring case, against names too).
    """
    from typer._click.shell_completion import CompletionItem  # Typer 0.28 vendors Click

    for param in command.params:
        compat = param._custom_shell_complete
        if compat is None or compat.__closure__ is None:
            continue
        cells = dict(zip(compat.__code__.co_freevars, compat.__closure__, strict=True))
        if "autocompletion" not in cells:
            continue
        source = cells["autocompletion"].cell_contents

        def complete(ctx: Any, param: Any, incomplete: str, source: Any = source) -> list[Any]:
            offered = source(ctx, [], incomplete)
            return [
                CompletionItem(item[0], help=item[1] or None) if isinstance(item, tuple) else CompletionItem(item)
                for item in offered
            ]

        param._custom_shell_complete = complete


def levels(ctx: typer.Context, incomplete: str) -> Candidates:
    career = _career(ctx)
    if career is None:
        return []
    pairs: list[tuple[str, str, list[str]]] = [(rung.id, rung.title, list(rung.aliases)) for rung in career.ladder]
    pairs += [(level.id, level.label, list(level.aliases)) for level in career.pay.levels if not level.rung]
    return _matching(pairs, incomplete)


def rungs(ctx: typer.Context, incomplete: str) -> Candidates:
    career = _career(ctx)
    return _matching(
        [(rung.id, rung.title, list(rung.aliases)) for rung in career.ladder] if career else [], incomplete
    )


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
