"""What is still to learn: every skill not done or skipped, with its tools still to learn and your notes."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.progress import FINISHED, saved_notes, saved_statuses, status_provenance, statuses
from ml_career.queries.items import ItemNote, item_notes, tracked_items
from ml_career.queries.provenance import YOU, Kind, Reading

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class PlanSkill(NamedTuple):
    """A skill still to learn (not done or skipped), with its tools still to learn."""

    id: str
    name: str
    group: str
    status: str  # yours where you marked it with `progress`, else mlcareer's default
    suggestion: Reading | None  # where to learn it: mlcareer's suggestion, with the reason
    tools_to_learn: list[str]
    tools_total: int
    notes: list[ItemNote]
    provenance: Kind = YOU  # of the status: see status_provenance
    reason: str | None = None
    input: str | None = None


def skills_to_learn(career: "CareerData") -> list[PlanSkill]:
    """Every skill not done or skipped, with the tools it names that are not done or skipped either."""
    saved = saved_statuses(career)
    progress = statuses(career)
    notes = saved_notes(career)
    items = tracked_items(career)
    names = {item.id: item.name for item in items}
    skills_by_id = {skill.id: skill for group in career.skill_groups for skill in group.skills}
    resources = {resource.id: resource for resource in career.resources}
    left = []
    for item in items:
        if item.kind != "skill" or progress[item.id] in FINISHED:
            continue
        skill = skills_by_id[item.id]
        resource = next((resources[r] for r in skill.resources if r in resources), None)
        suggestion = None
        if resource is not None:
            where = " ".join(filter(None, [resource.name, resource.url]))
            suggestion = Reading(where, skill.resources_reason or "mlcareer's suggestion")
        kind, reason, given = status_provenance(item.id, saved)
        tools_left = [tool for tool in item.tools if progress[tool] not in FINISHED]
        left.append(
            PlanSkill(
                id=item.id,
                name=item.name,
                group=item.group,
                status=progress[item.id],
                suggestion=suggestion,
                tools_to_learn=[names[tool] for tool in tools_left],
                tools_total=len(item.tools),
                notes=item_notes([item, *(i for i in items if i.id in item.tools)], notes),
                provenance=kind,
                reason=reason,
                input=given,
            )
        )
    return left
