"""The plan's inputs, each described once: its option, its question, its choices, its default's reason.

The command-line options (cli/options.py), the questions asked at a prompt
(advisor/inputs.py), the values completion offers (cli/completion.py) and the
inputs a plan's JSON lists are all derived from `PLAN_INPUTS`, so that no two
of them can disagree. A choice's first name is its id, the one shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ml_career.dataset.names import NONE_CHOICE, normalise

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class Choice:
    """A value an input takes: its id, the label shown for it, and the other names it answers to."""

    __slots__ = ("label", "names", "value")

    def __init__(self, value: str, label: str, names: Sequence[str] = ()) -> None:
        self.value = value
        self.label = label
        self.names = tuple(names)


class InputDescription:
    """One plan input: everything the options, prompts, completion and JSON say of it."""

    __slots__ = ("choices", "default_reason", "flags", "help", "metavar", "name", "question")

    def __init__(
        self,
        name: str,
        flags: tuple[str, ...],
        metavar: str,
        help: str,
        question: str,
        default_reason: str,
        choices: Callable[[CareerData], list[Choice]],
    ) -> None:
        self.name = name
        self.flags = flags
        self.metavar = metavar
        self.help = help
        self.question = question
        self.default_reason = default_reason
        self.choices = choices

    def named_choices(self, career: CareerData) -> list[tuple[list[str], str]]:
        """Each choice's names (its id first, then its label) and the id it resolves to: what resolve picks from."""
        return [([c.value, c.label, *c.names], c.value) for c in self.choices(career)]

    def resolve(self, career: CareerData, typed: str) -> str:
        """The id of the choice `typed` names; a UsageError names the valid ones."""
        from ml_career.dataset.names import pick

        return pick(self.name_in_messages, typed, self.named_choices(career))

    @property
    def name_in_messages(self) -> str:
        return {"level": "rung", "target": "rung", "from": "role"}.get(self.name, self.name)


NOT_WORKING = "not yet working in the field"
NO_DEGREE_HELD = "no degree yet"
NO_DEGREE_TO_EARN = "no degree to earn"
NOT_IN_AN_ENTRY_ROLE = "none of the entry-level roles"


def _rungs(career: CareerData) -> list[Choice]:
    linked = {level.rung: level for level in career.pay.levels if level.rung}
    found = []
    for rung in career.ladder:
        names = list(rung.aliases)
        if level := linked.get(rung.id):  # "entry-level" names the junior rung
            names += [level.id, level.label, *level.aliases]
        found.append(Choice(rung.id, rung.title, [rung.title, *names]))
    return found


def _current_rungs(career: CareerData) -> list[Choice]:
    return [Choice(NONE_CHOICE, NOT_WORKING), *_rungs(career)]


def _degrees(career: CareerData) -> list[Choice]:
    return [Choice(d.id, d.title, [d.title, *d.aliases]) for d in career.education.degrees]


def _educations(career: CareerData) -> list[Choice]:
    return [Choice(NONE_CHOICE, NO_DEGREE_HELD, ["no degree", "nothing", "high school"]), *_degrees(career)]


def _degrees_to_earn(career: CareerData) -> list[Choice]:
    return [*_degrees(career), Choice(NONE_CHOICE, NO_DEGREE_TO_EARN, ["no degree", "no further degree"])]


def _residencies(career: CareerData) -> list[Choice]:
    return [Choice(r.id, r.label, [r.label, *r.aliases]) for r in career.education.residencies]


def entry_role_id(role: str) -> str:
    """`Software engineer` -> `software-engineer`: the id `--from` takes, derived from the data file's list."""
    return normalise(role)


def _entry_roles(career: CareerData) -> list[Choice]:
    roles = career.education.entry_roles.items if career.education.entry_roles is not None else []
    return [Choice(NONE_CHOICE, NOT_IN_AN_ENTRY_ROLE), *(Choice(entry_role_id(role), role, [role]) for role in roles)]


# In the order a plan asks them: where you stand first, so that later questions can be skipped.
PLAN_INPUTS = (
    InputDescription(
        "level",
        ("--level", "-l"),
        "RUNG",
        "Your current rung, or none. A rung means the entry steps (degree, entry-level work) are behind you.",
        "Your current rung",
        "mlcareer assumes you are not yet working in the field, since you did not say",
        _current_rungs,
    ),
    InputDescription(
        "target",
        ("--target", "-t"),
        "RUNG",
        "The rung to reach, e.g. senior (default: the rung above yours).",
        "The rung you aim for",
        "mlcareer takes the rung above yours as the target, since you did not say",
        _rungs,
    ),
    InputDescription(
        "from",
        ("--from",),
        "ROLE",
        "An entry-level role you work in, which counts as the entry-level experience: software-engineer.",
        "Do you work in one of the roles that lead to the job",
        "mlcareer assumes you do not work in one of the roles the article names, since you did not say",
        _entry_roles,
    ),
    InputDescription(
        "education",
        ("--education", "-e"),
        "EDUCATION",
        "Your highest degree now: none, bachelor or master (default: as saved with progress).",
        "Your highest degree now",
        "mlcareer assumes you have no degree yet, since you did not say",
        _educations,
    ),
    InputDescription(
        "degree",
        ("--degree", "-d"),
        "DEGREE",
        "The highest degree to earn: bachelor, master or none.",
        "The highest degree you will earn",
        "mlcareer plans for the first degree the article lists, or none once you work at a rung, since you did not say",
        _degrees_to_earn,
    ),
    InputDescription(
        "residency",
        ("--residency", "-r"),
        "RESIDENCY",
        "in-state or out-of-state: what the tuition averages depend on.",
        "In-state or out-of-state student",
        "mlcareer assumes the first residency the article lists, since you did not say",
        _residencies,
    ),
)
INPUTS = {description.name: description for description in PLAN_INPUTS}
