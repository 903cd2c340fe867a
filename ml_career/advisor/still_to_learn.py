"""What is still to learn: every skill not done or skipped, with its tools still to learn and your notes."""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.advisor.progress import FINISHED, saved_notes, saved_statuses, statuses
from ml_career.provenance import Provenance
from ml_career.queries.items import ItemNote, item_notes, item_words, tracked_items, whose_status
from ml_career.queries.provenance import Reading

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


class PlanSkill(NamedTuple):
    """A skill still to learn (not done or skipped), with its tools still to learn."""

    id: str
    name: str
    group: str
    status: str
    suggestion: Reading | None  # where to learn it: mlcareer's suggestion, with the reason
    tools_to_learn: list[str]  # whose these names are: tools_provenance
    tools_total: int
    notes: list[ItemNote]
    # The name and group are the article's (or mlcareer's); the status yours where you marked it
    # with `progress`, else mlcareer's default.
    name_provenance: Provenance
    group_provenance: Provenance
    status_provenance: Provenance
    tools_provenance: Provenance


def skills_to_learn(career: "CareerData") -> list[PlanSkill]:
    """Every skill not done or skipped, with the tools it names that are not done or skipped either."""
    saved = saved_statuses(career)
    progress = statuses(career)
    notes = saved_notes(career)
    items = tracked_items(career)
    words = item_words(career)
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
                notes=item_notes([item, *(i for i in items if i.id in item.tools)], notes, words),
                name_provenance=words[item.id].name,
                group_provenance=words[item.id].group,
                status_provenance=whose_status(item.id, saved),
                tools_provenance=words[item.id].name,
            )
        )
    return left
