"""The skills the career asks for, grouped as the sources group them."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ml_career.dataset.names import pick
from ml_career.queries.citing import SourceRef, source_refs
from ml_career.queries.items import ItemNote, item_notes, tools_done, tracked_items

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class SkillRow(NamedTuple):
    id: str
    name: str
    description: str | None
    tools: list[str]
    resources: list[str]
    status: str | None = None
    tools_done: int | None = None  # with progress: the tools done or skipped
    notes: list[ItemNote] = []  # noqa: RUF012 - a named tuple's default, never changed in place


class SkillGroupRow(NamedTuple):
    id: str
    title: str
    description: str | None
    source: str
    roadmap: bool
    skills: list[SkillRow]


class SkillsReport(NamedTuple):
    groups: list[SkillGroupRow]
    category: str | None
    sources: list[SourceRef]


def resolve_category(career: CareerData, typed: str) -> str:
    choices = [([group.id, group.title], group.id) for group in career.skill_groups]
    return pick("category", typed, choices)


def skills_report(
    career: CareerData,
    category: str | None = None,
    statuses: dict[str, str] | None = None,
    notes: dict[str, str] | None = None,
) -> SkillsReport:
    """Every skill group, or only `category`; `statuses` and `notes` add the user's progress."""
    wanted = resolve_category(career, category) if category is not None else None
    resource_names = {resource.id: resource.name for resource in career.resources}
    items = {item.id: item for item in tracked_items(career)}
    groups = []
    for group in career.skill_groups:
        if wanted is not None and group.id != wanted:
            continue
        skills = []
        for skill in group.skills:
            item = items[skill.id]
            own = [item, *(items[tool] for tool in item.tools)]
            skills.append(
                SkillRow(
                    id=skill.id,
                    name=skill.name,
                    description=skill.description,
                    tools=list(skill.tools),
                    resources=[resource_names[resource] for resource in skill.resources],
                    status=statuses.get(skill.id) if statuses is not None else None,
                    tools_done=tools_done(item, statuses, ("done", "skipped"))
                    if statuses is not None and item.tools
                    else None,
                    notes=item_notes(own, notes or {}),
                )
            )
        groups.append(SkillGroupRow(group.id, group.title, group.description, group.source, group.roadmap, skills))
    return SkillsReport(groups=groups, category=wanted, sources=source_refs(career))
