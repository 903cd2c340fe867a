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
        found = candidates(_career(ctx) if reads_data else None)
        if always:
            return [(candidate.value, candidate.help) for candidate in found]
        return _matching(found, incomplete)

    SOURCES[complete] = Source(candidates.__name__, candidates, reads_data, always)
    return complete


# What a parameter that takes a file completes to: the shell scripts turn it into the shell's own file completion.
FILES = "__mlcareer_files__"


def _files(career: CareerData | None) -> list[Candidate]:
    return [Candidate(FILES, "")]


Choices = Sequence[tuple[Sequence[str], object]]


def offered(choices: Choices, described: bool = True) -> list[Candidate]:
    """The candidates for a command's choices, each the names it answers to and what it resolves to.

    A choice's first name is offered and every name finds it, so completion offers
    what the command accepts and nothing else; the second name, a title or label,
    describes it where `described`.
    """
    found: dict[str, Candidate] = {}
    for names, _ in choices:
        kept = [name for name in names if name]
        if kept and kept[0] not in found:
            found[kept[0]] = Candidate(kept[0], kept[1] if described and len(kept) > 1 else "", kept[1:])
    return list(found.values())


# Each source below is the list its command resolves what is typed with: one place, written once.


def _levels(career: CareerData | None) -> list[Candidate]:
    from ml_career.queries.salary import level_choices

    return offered(level_choices(career)) if career else []


def _input_choices(name: str, career: CareerData | None) -> list[Candidate]:
    """A plan input's values, from its one description: the list the option resolves with."""
    from ml_career.advisor.input_descriptions import INPUTS

    return offered(INPUTS[name].named_choices(career)) if career else []


def _rungs(career: CareerData | None) -> list[Candidate]:
    from ml_career.queries.ladder import rung_choices

    return offered(rung_choices(career)) if career else []


def _targets(career: CareerData | None) -> list[Candidate]:
    return _input_choices("target", career)


def _current_rungs(career: CareerData | None) -> list[Candidate]:
    return _input_choices("level", career)


def _entry_roles(career: CareerData | None) -> list[Candidate]:
    return _input_choices("from", career)


def _categories(career: CareerData | None) -> list[Candidate]:
    from ml_career.queries.skills import category_choices

    return offered(category_choices(career)) if career else []


def _skills(career: CareerData | None) -> list[Candidate]:
    from ml_career.queries.items import item_names, tracked_items

    return offered([(item_names(item), item) for item in tracked_items(career)]) if career else []


def _statuses(career: CareerData | None) -> list[Candidate]:
    from ml_career.advisor.progress import status_choices

    return offered(status_choices())


def _progress_words(career: CareerData | None) -> list[Candidate]:
    return [*_skills(career), *_statuses(career)]


def _residencies(career: CareerData | None) -> list[Candidate]:
    from ml_career.queries.education import residency_choices

    return offered(residency_choices(career)) if career else []


def _degrees(career: CareerData | None) -> list[Candidate]:
    from ml_career.queries.education import degree_choices

    return offered(degree_choices(career)) if career else []


def _degrees_to_earn(career: CareerData | None) -> list[Candidate]:
    return _input_choices("degree", career)


def _educations(career: CareerData | None) -> list[Candidate]:
    return _input_choices("education", career)


def _formats(career: CareerData | None) -> list[Candidate]:
    from ml_career.render.formats import format_choices

    return offered(format_choices(), described=False)


def _readings(career: CareerData | None) -> list[Candidate]:
    from ml_career.advisor.gap import READ_AS_CHOICES

    return [Candidate(names[0], f"read as a {kind}", names[1:]) for names, kind in READ_AS_CHOICES]


files = completes(_files, reads_data=False, always=True)
readings = completes(_readings, reads_data=False)
levels = completes(_levels)
rungs = completes(_rungs)
targets = completes(_targets)
current_rungs = completes(_current_rungs)
entry_roles = completes(_entry_roles)
categories = completes(_categories)
skills = completes(_skills)
statuses = completes(_statuses, reads_data=False)
progress_words = completes(_progress_words)
residencies = completes(_residencies)
degrees = completes(_degrees)
degrees_to_earn = completes(_degrees_to_earn)
educations = completes(_educations)
formats = completes(_formats, reads_data=False)
