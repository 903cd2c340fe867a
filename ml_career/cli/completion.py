"""Shell completion of values: levels, rungs, skills, categories, formats, statuses.

Typer calls these while the shell completes a word. They read the same data as
the commands (honouring --data) and stay silent when it cannot be read: a
completion that prints an error would corrupt the user's command line.

Each completion function draws on a source, a list of candidates made from the
data (or from the code alone); `SOURCES` names them, so that the completion
index (cli/completion_index.py) can list every candidate once per data file and
answer later requests without Typer (cli/instant_completion.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import typer

from ml_career.dataset.names import NONE_CHOICE

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

Candidates = list[tuple[str, str]]


class Candidate(NamedTuple):
    """A value to offer, its description, and the other names that should find it (aliases)."""

    value: str
    help: str
    names: Sequence[str] = ()


class Source:
    """Where a completion function's candidates come from."""

    # A plain class: this module is imported on every run, and a named tuple costs ten times as much to define.
    __slots__ = ("always", "candidates", "name", "reads_data")

    def __init__(
        self, name: str, candidates: Callable[[CareerData | None], list[Candidate]], reads_data: bool, always: bool
    ) -> None:
        self.name = name
        self.candidates = candidates
        self.reads_data = reads_data
        # Offered whatever has been typed: the files marker, which the shell turns into its own file completion.
        self.always = always


SOURCES: dict[Callable[..., Any], Source] = {}


def _career(ctx: typer.Context) -> CareerData | None:
    from ml_career.cli.context import career

    try:
        return career(ctx)
    except Exception:  # whatever it is, printing it would corrupt the command line being completed
        return None


def _matching(candidates: list[Candidate], incomplete: str) -> Candidates:
    """The ids whose id, title or alias begins with what was typed, ignoring case and separators:
    `Deep` and `deep l` both offer deep-learning. The id is what is offered, since it needs no quoting."""
    from ml_career.dataset.names import normalise

    wanted = normalise(incomplete)
    return [
        (value, help_text)
        for value, help_text, names in candidates
        if any(normalise(name).startswith(wanted) for name in (value, help_text, *names) if name)
    ]


def completes(
    candidates: Callable[[CareerData | None], list[Candidate]], *, reads_data: bool = True, always: bool = False
) -> Callable[[typer.Context, str], Candidates]:
    """The completion function Typer calls for a parameter whose values are `candidates`."""

    def complete(ctx: typer.Context, incomplete: str) -> Candidates:
        offered = candidates(_career(ctx) if reads_data else None)
        if always:
            return [(candidate.value, candidate.help) for candidate in offered]
        return _matching(offered, incomplete)

    SOURCES[complete] = Source(candidates.__name__, candidates, reads_data, always)
    return complete


# What a parameter that takes a file completes to: the shell scripts turn it into the shell's own file completion.
FILES = "__mlcareer_files__"


def _files(career: CareerData | None) -> list[Candidate]:
    return [Candidate(FILES, "")]


def _levels(career: CareerData | None) -> list[Candidate]:
    if career is None:
        return []
    found = [Candidate(rung.id, rung.title, rung.aliases) for rung in career.ladder]
    return found + [Candidate(level.id, level.label, level.aliases) for level in career.pay.levels if not level.rung]


def _rungs(career: CareerData | None) -> list[Candidate]:
    return [Candidate(rung.id, rung.title, rung.aliases) for rung in career.ladder] if career else []


def _current_rungs(career: CareerData | None) -> list[Candidate]:
    return [Candidate(NONE_CHOICE, "not yet working in the field"), *_rungs(career)]


def _categories(career: CareerData | None) -> list[Candidate]:
    return [Candidate(group.id, group.title) for group in career.skill_groups] if career else []


def _skills(career: CareerData | None) -> list[Candidate]:
    from ml_career.queries.items import tracked_items

    return [Candidate(item.id, item.name) for item in tracked_items(career)] if career else []


def _statuses(career: CareerData | None) -> list[Candidate]:
    from ml_career.advisor.progress import STATUSES

    return [Candidate(status, "") for status in STATUSES]


def _residencies(career: CareerData | None) -> list[Candidate]:
    return [Candidate(r.id, r.label) for r in career.education.residencies] if career else []


def _degrees(career: CareerData | None) -> list[Candidate]:
    return [Candidate(d.id, d.title) for d in career.education.degrees] if career else []


def _educations(career: CareerData | None) -> list[Candidate]:
    return [Candidate(NONE_CHOICE, "no degree yet"), *_degrees(career)]


def _formats(career: CareerData | None) -> list[Candidate]:
    from ml_career.render.export import FORMATS

    return [Candidate(name, "") for name in FORMATS]


def _readings(career: CareerData | None) -> list[Candidate]:
    from ml_career.advisor.gap import READ_AS_CHOICES

    return [Candidate(names[0], f"read as a {kind}", names[1:]) for names, kind in READ_AS_CHOICES]


files = completes(_files, reads_data=False, always=True)
readings = completes(_readings, reads_data=False)
levels = completes(_levels)
rungs = completes(_rungs)
current_rungs = completes(_current_rungs)
categories = completes(_categories)
skills = completes(_skills)
statuses = completes(_statuses, reads_data=False)
residencies = completes(_residencies)
degrees = completes(_degrees)
educations = completes(_educations)
formats = completes(_formats, reads_data=False)
