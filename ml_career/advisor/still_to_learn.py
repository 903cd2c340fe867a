"""What is still to learn for a target: each skill not done, with the tools still to learn and how each is needed.

A skill is done when you mark it, or when its tools say so: one of a set ("Python,
R, or Julia") or an example ("e.g., AWS") done, and every tool needed with the
others done or skipped. One skill of a pick-one group (the specialties) is enough,
and each is optional. A group tied to a rung (what the Lead's description asks
for) is listed only for a target at that rung or above.
"""

from typing import TYPE_CHECKING, Literal, NamedTuple

from ml_career.advisor.progress import FINISHED, saved_notes, saved_statuses, statuses
from ml_career.provenance import Mlcareer, Provenance
from ml_career.queries.items import (
    Item,
    ItemNote,
    group_titles,
    item_notes,
    item_words,
    tracked_items,
    whose_group,
    whose_status,
)
from ml_career.queries.needs import Need, effective_statuses
from ml_career.queries.provenance import Reading, reading

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, SkillGroup

SkillNeed = Literal["required", "optional"]
ToolNeedShown = Literal["required", "one-of"]


class ToolToLearn(NamedTuple):
    """A tool still to learn, and how the article's words say it is needed (mlcareer's reading of them)."""

    id: str
    name: str
    need: ToolNeedShown
    alternatives: list[str]  # one-of: the other tools any of which will do
    kind: str  # one-of, examples or all: how the words give the tools
    words: str | None  # the article's words the need is read from
    # mlcareer's reading of the words (or of a tool named with the others and no such words), and
    # the article whose words these are
    provenance: Mlcareer


class PlanSkill(NamedTuple):
    """A skill still to learn (not done, by you or by its tools), with its tools still to learn."""

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
    groups: list[str] = []  # noqa: RUF012 - a named tuple's default, never changed in place
    need: SkillNeed = "required"
    need_reading: Reading | None = None  # optional: why one of its group is enough (mlcareer's reading)
    alternatives: list[str] = []  # noqa: RUF012 - optional: the others of its group, any one of which will do
    tools: list[ToolToLearn] = []  # noqa: RUF012 - each tool still to learn, with its need


def applies_to(group: "SkillGroup", target: str | None, rungs: list[str]) -> bool:
    """A group tied to a rung counts for a target at that rung or above; every other group always."""
    if group.rung is None or target is None or group.rung not in rungs or target not in rungs:
        return True
    return rungs.index(target) >= rungs.index(group.rung)


def skills_to_learn(career: "CareerData", target: str | None = None) -> list[PlanSkill]:
    """Every skill the target asks for that is not done, with the tools still to learn."""
    items = tracked_items(career)
    marked = saved_statuses(career)  # what you saved, by the ids you saved it under
    saved = statuses(career)
    status = effective_statuses({item.id: item.needs for item in items}, saved)
    notes = saved_notes(career)
    words = item_words(career)
    titles = group_titles(career)
    by_id = {item.id: item for item in items}
    rungs = [rung.id for rung in career.ladder]
    skills_by_id = {skill.id: skill for group in career.skill_groups for skill in group.skills}
    resources = {resource.id: resource for resource in career.resources}
    members = group_members(career, items)
    words_source = {n.words: g.source for g in career.skill_groups for skill in g.skills for n in skill.tool_needs}
    groups_of: dict[str, list[SkillGroup]] = {}
    for group in career.skill_groups:
        for member in members[group.id]:
            groups_of.setdefault(member, []).append(group)
    left = []
    for item in items:
        groups = groups_of.get(item.id, [])
        if item.kind != "skill" or status[item.id] in FINISHED:
            continue
        if not any(applies_to(group, target, rungs) for group in groups):
            continue
        picked = next((group for group in groups if group.pick_one_reason is not None), None)
        if picked is not None and len(groups) > 1:
            picked = None  # named in another group too, where it is needed
        if picked is not None and any(status[other] in FINISHED for other in members[picked.id]):
            continue  # one of a pick-one group is done: the others are no longer to learn
        records = [skills_by_id[data_id] for data_id in item.ids if data_id in skills_by_id]
        skill = next((record for record in records if record.resources), records[0])
        resource = next((resources[r] for r in skill.resources if r in resources), None)
        suggestion = None
        if resource is not None:
            where = " ".join(filter(None, [resource.name, resource.url]))
            suggestion = reading(where, skill.resources_reason or "mlcareer's suggestion")
        named_by = groups[0].source  # the article that names the skill's tools, where no words say how
        tools = [tool for need in item.needs for tool in _tools_left(need, status, by_id, words_source, named_by)]
        saved_under = next((i for i in item.ids if i in marked), item.id)
        others = [by_id[other].name for other in members[picked.id] if other != item.id] if picked else []
        left.append(
            PlanSkill(
                id=item.id,
                name=item.name,
                group=item.group,
                status=saved[item.id],
                suggestion=suggestion,
                tools_to_learn=[tool.name for tool in tools],
                tools_total=len(item.tools),
                notes=item_notes([item, *(i for i in items if i.id in item.tools)], notes, words),
                name_provenance=words[item.id].name,
                group_provenance=whose_group(titles, item.group),
                status_provenance=whose_status(saved_under, marked),
                tools_provenance=words[item.id].name,
                groups=list(item.groups),
                need="optional" if picked else "required",
                need_reading=reading(OPTIONAL, picked.pick_one_reason or "") if picked else None,
                alternatives=others,
                tools=tools,
            )
        )
    return left


OPTIONAL = "optional: one skill of its group is enough"


def effective_done(career: "CareerData", saved: dict[str, str]) -> set[str]:
    """The items done: marked done by you, or skills whose tools say so."""
    status = effective_statuses({item.id: item.needs for item in tracked_items(career)}, saved)
    return {identifier for identifier, found in status.items() if found == "done"}


def skills_counted(career: "CareerData", target: str | None = None) -> int:
    """How many skills the target asks for: what still-to-learn counts against."""
    rungs = [rung.id for rung in career.ladder]
    members = group_members(career, tracked_items(career))
    return len({i for group in career.skill_groups if applies_to(group, target, rungs) for i in members[group.id]})


def group_members(career: "CareerData", items: list[Item]) -> dict[str, list[str]]:
    """Each group's skills as items, each once: a skill named in several groups is one item."""
    item_of = {data_id: item.id for item in items if item.kind == "skill" for data_id in item.ids}
    return {group.id: list(dict.fromkeys(item_of[skill.id] for skill in group.skills)) for group in career.skill_groups}


def _tools_left(
    need: Need, status: dict[str, str], by_id: dict[str, Item], words_source: dict[str, str], named_by: str
) -> list[ToolToLearn]:
    """The tools of `need` still to learn: none once it is met, else each not done or skipped."""
    from ml_career.queries.needs import met

    if met(need, lambda tool: status.get(tool, "pending")):
        return []
    left = [tool for tool in need.tools if status.get(tool, "pending") not in FINISHED]
    shown: ToolNeedShown = "required" if need.kind == "all" else "one-of"
    return [
        ToolToLearn(
            id=tool,
            name=by_id[tool].name,
            need=shown,
            alternatives=[by_id[other].name for other in left if other != tool] if shown == "one-of" else [],
            kind=need.kind,
            words=need.words,
            provenance=Mlcareer(need.reason, words_source.get(need.words, named_by) if need.words else named_by),
        )
        for tool in left
    ]
