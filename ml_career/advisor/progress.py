"""Skill progress, roadmap style: each skill done, learning, skipped or pending."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from ml_career.advisor.state import read_state, state_file, update_state
from ml_career.dataset.names import is_none_choice, pick

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, Skill

STATUSES = ("done", "learning", "skipped", "pending")
FINISHED = ("done", "skipped")


class ProgressRow(NamedTuple):
    id: str
    name: str
    group: str
    status: str
    finished: bool  # done or skipped: counted in the percentage
    provenance: str = "you"  # the status is what you marked


COUNT_FORMULA = "each status counted over the skills tracked; percent = (done + skipped) / all skills"


class Counts(NamedTuple):
    done: int
    learning: int
    skipped: int
    pending: int
    provenance: str = "computed"
    formula: str = COUNT_FORMULA


class ProgressReport(NamedTuple):
    skills: list[ProgressRow]
    counts: Counts
    percent: float
    state_file: str
    rung: str | None = None
    changed: str | None = None
    asked: str | None = None  # the skill asked about (`progress NAME`), whose status is shown first


def tracked_skills(career: CareerData) -> list[tuple[str, Skill]]:
    """(group title, skill) for every skill tracked: the roadmap groups, or all when none is marked."""
    groups = [group for group in career.skill_groups if group.roadmap] or list(career.skill_groups)
    return [(group.title, skill) for group in groups for skill in group.skills]


def resolve_skill(career: CareerData, typed: str) -> str:
    # A tool names its skill too ("git" is Software Development and Version Control);
    # where two skills share a tool, the first listed keeps it.
    choices = [([skill.id, skill.name, *skill.tools], skill.id) for _, skill in tracked_skills(career)]
    return pick("skill", typed, choices)


def resolve_status(typed: str) -> str:
    return pick("status", typed, [([status], status) for status in STATUSES])


def statuses(career: CareerData) -> dict[str, str]:
    """Each tracked skill's saved status; skills never marked are pending."""
    saved = _career_entry(read_state(), career.career.id)
    return {skill.id: saved.get(skill.id, "pending") for _, skill in tracked_skills(career)}


def mark(career: CareerData, skill: str, status: str) -> ProgressReport:
    """Save `status` for `skill` (names matched loosely) and report the new progress."""
    skill_id = resolve_skill(career, skill)
    new_status = resolve_status(status)

    def change(state: dict[str, Any]) -> None:
        careers = state["careers"]
        entry = careers.setdefault(career.career.id, {})
        if new_status == "pending":
            entry.pop(skill_id, None)
        else:
            entry[skill_id] = new_status

    update_state(change)
    return progress_report(career, changed=skill_id)


def update_progress(
    career: CareerData, skill: str | None = None, status: str | None = None, rung: str | None = None
) -> ProgressReport:
    """What `progress` was asked: mark a skill, record the rung, or (neither) show where things stand."""
    if skill is not None and status is None:
        return progress_report(career)._replace(asked=resolve_skill(career, skill))
    if rung is not None:
        save_rung(career, rung)
    if skill is not None and status is not None:
        return mark(career, skill, status)
    return progress_report(career, changed="rung" if rung is not None else None)


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


def progress_report(career: CareerData, changed: str | None = None) -> ProgressReport:
    current = statuses(career)
    rows = [
        ProgressRow(skill.id, skill.name, group, current[skill.id], current[skill.id] in FINISHED)
        for group, skill in tracked_skills(career)
    ]
    tally = {status: sum(1 for row in rows if row.status == status) for status in STATUSES}
    counts = Counts(tally["done"], tally["learning"], tally["skipped"], tally["pending"])
    finished = sum(1 for row in rows if row.finished)
    percent = round(100 * finished / len(rows), 1) if rows else 0.0
    titles = {rung.id: rung.title for rung in career.ladder}
    rung = saved_rung(career)
    return ProgressReport(
        skills=rows,
        counts=counts,
        percent=percent,
        state_file=str(state_file()),
        rung=titles[rung] if rung else None,
        changed=changed,
    )


def _career_entry(state: dict[str, Any], career_id: str) -> dict[str, str]:
    entry = state["careers"].get(career_id, {})
    if not isinstance(entry, dict):
        return {}
    return {skill: status for skill, status in entry.items() if status in STATUSES}
