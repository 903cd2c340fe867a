"""The skills the career asks for, grouped as the sources group them."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.dataset.names import pick
from ml_career.provenance import Article, Mlcareer, Provenance, Words
from ml_career.queries.items import ItemNote, item_notes, item_words, tools_done, tracked_items, whose_status
from ml_career.queries.provenance import Reading, SourceRef, heading_of, reading, source_refs, whose

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, Skill


class SkillRow(NamedTuple):
    id: str
    name: str
    description: str | None
    tools: list[str]
    suggestion: Reading | None  # where to learn it: mlcareer's suggestion, never the articles'
    provenance: Article | Mlcareer  # the words of its group's article, or mlcareer's
    status_provenance: Provenance | None  # with progress: yours where you saved it, else mlcareer's default
    status: str | None = None  # with progress: set with `progress`, else pending
    tools_done: int | None = None  # with progress: the tools done or skipped
    notes: list[ItemNote] = []  # noqa: RUF012 - a named tuple's default, never changed in place


class SkillGroupRow(NamedTuple):
    id: str
    title: Words
    description: str | None
    roadmap: bool
    skills: list[SkillRow]
    provenance: Article | Mlcareer


class SkillsReport(NamedTuple):
    groups: list[SkillGroupRow]
    category: str | None
    sources: list[SourceRef]


def category_choices(career: "CareerData") -> list[tuple[list[str], str]]:
    return [([group.id, group.title], group.id) for group in career.skill_groups]


def resolve_category(career: "CareerData", typed: str) -> str:
    return pick("category", typed, category_choices(career))


def _suggestion(skill: "Skill", names: dict[str, str]) -> Reading | None:
    if not skill.resources:
        return None
    where = ", ".join(names[resource] for resource in skill.resources)
    return reading(f"learn with {where}", skill.resources_reason or "mlcareer's suggestion")


def skills_report(
    career: "CareerData",
    category: str | None = None,
    statuses: dict[str, str] | None = None,
    notes: dict[str, str] | None = None,
) -> SkillsReport:
    """Every skill group, or only `category`; `statuses` (the ones you saved) adds progress, pending elsewhere."""
    wanted = resolve_category(career, category) if category is not None else None
    resource_names = {resource.id: resource.name for resource in career.resources}
    # A skill named in several groups is one item, whatever id it has in each group.
    items = {data_id: item for item in tracked_items(career) for data_id in item.ids or (item.id,)}
    words = item_words(career)
    groups = []
    for group in career.skill_groups:
        if wanted is not None and group.id != wanted:
            continue
        skills = [
            SkillRow(
                id=skill.id,
                name=skill.name,
                description=skill.description,
                tools=list(skill.tools),
                suggestion=_suggestion(skill, resource_names),
                provenance=whose(skill, group.source),
                status=statuses.get(items[skill.id].id, "pending") if statuses is not None else None,
                tools_done=tools_done(items[skill.id], statuses, ("done", "skipped"))
                if statuses is not None and items[skill.id].tools
                else None,
                notes=item_notes(
                    [items[skill.id], *(items[tool] for tool in items[skill.id].tools)], notes or {}, words
                ),
                status_provenance=whose_status(skill.id, statuses) if statuses is not None else None,
            )
            for skill in group.skills
        ]
        groups.append(
            SkillGroupRow(group.id, heading_of(group), group.description, group.roadmap, skills, whose(group))
        )
    return SkillsReport(groups=groups, category=wanted, sources=source_refs(career))
