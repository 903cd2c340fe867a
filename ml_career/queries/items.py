"""The items a user can track: every skill of every group, and every tool the skills name.

A skill keeps its id from the data. A tool's id is `tool.` and its name folded
(`tool.pytorch`, `tool.google-cloud`): a data set's ids have no dot, so the two
never clash, and a shell completes the id as one word (a colon would split it).
`tool:pytorch` is read as `tool.pytorch`. A tool named by two skills (Python)
is one item, counted under both.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from ml_career.dataset.names import close_names, normalise
from ml_career.errors import UsageError
from ml_career.provenance import Article, Kind, Mlcareer, Provenance, Words, Yours

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData, Skill
    from ml_career.queries.needs import Need

TOOL_PREFIX = "tool."
DEFAULT_STATUS_REASON = "not started: mlcareer's default for an item you have not marked with `progress`"
STATUS_INPUT = "marked with `mlcareer progress`, saved in the state file"
NOTE_INPUT = "kept with `mlcareer progress --note`, saved in the state file"


class Item(NamedTuple):
    id: str
    name: str
    kind: str  # "skill" or "tool"
    group: str  # the group's title; a tool's is its first skill's group
    skills: tuple[str, ...]  # a skill: itself; a tool: the skills that name it
    tools: tuple[str, ...] = ()  # a skill: the ids of the tools it names
    ids: tuple[str, ...] = ()  # every id of the data this item is: a skill named in several groups has several
    groups: tuple[str, ...] = ()  # a skill: every group that names it
    needs: "tuple[Need, ...]" = ()  # a skill: how its tools are needed, as the articles say it


class AmbiguousName(UsageError):
    """A name that fits more than one item: the candidates are listed, none is picked."""


def tool_id(name: str) -> str:
    return TOOL_PREFIX + normalise(name)


def tracked_items(career: "CareerData") -> list[Item]:
    """Every skill, once, each followed by the tools it names for the first time.

    A skill named in several groups, or named as a tool of another skill ("deep
    learning" among the data skills), is one item: marked once, counted once, shown
    in each of its groups. Its id is the one that spells its name, else its first.
    """
    from ml_career.queries.needs import skill_needs

    records: dict[str, list[tuple[str, Skill]]] = {}  # a skill's folded name -> (group, record), in order
    for group in career.skill_groups:
        for skill in group.skills:
            records.setdefault(normalise(skill.name), []).append((group.title, skill))
    skill_id = {key: next((s.id for _, s in found if s.id == key), found[0][1].id) for key, found in records.items()}
    tool_names = {normalise(tool) for found in records.values() for _, skill in found for tool in skill.tools}

    def item_of(tool: str) -> str:
        return skill_id.get(normalise(tool)) or tool_id(tool)

    items: list[Item] = []
    tools_seen: dict[str, int] = {}  # a tool's id -> its position among items
    tool_skills: dict[str, list[str]] = {}
    for key, found in records.items():
        identifier = skill_id[key]
        tools = tuple(dict.fromkeys(item_of(tool) for _, skill in found for tool in skill.tools))
        needs = tuple(need for _, skill in found for need in skill_needs(skill, item_of))
        as_tool = [TOOL_PREFIX + key] if key in tool_names else []
        ids = tuple(dict.fromkeys([identifier, *(skill.id for _, skill in found), *as_tool]))
        groups = tuple(dict.fromkeys(group for group, _ in found))
        items.append(Item(identifier, found[0][1].name, "skill", groups[0], (identifier,), tools, ids, groups, needs))
        for _, skill in found:
            for name in skill.tools:
                tool = item_of(name)
                if tool.startswith(TOOL_PREFIX):
                    tool_skills.setdefault(tool, [])
                    if identifier not in tool_skills[tool]:
                        tool_skills[tool].append(identifier)
                    if tool not in tools_seen:
                        tools_seen[tool] = len(items)
                        items.append(Item(tool, name, "tool", groups[0], (), ids=(tool,)))
    return [item._replace(skills=tuple(tool_skills[item.id])) if item.kind == "tool" else item for item in items]


def item_names(item: Item) -> list[str]:
    """What an item answers to: its id, its names, and a tool's id without `tool.`."""
    names = [item.id, *spoken_names(item)]
    if item.kind == "tool":
        names.append(item.id.removeprefix(TOOL_PREFIX))
    return names


def spoken_names(item: Item) -> list[str]:
    """The names people write: the name, and its parts around brackets ("Natural Language Processing", "NLP")."""
    names = [item.name]
    if "(" in item.name and item.name.endswith(")"):
        outside, _, inside = item.name[:-1].partition("(")
        names += [outside.strip(), inside.strip()]
    return names


def resolve_item(career: "CareerData", typed: str) -> Item:
    """The one item `typed` names; an id always wins, several names fitting is an error listing them."""
    items = tracked_items(career)
    wanted = typed.strip().casefold()
    if wanted.startswith("tool:"):
        wanted = TOOL_PREFIX + wanted.removeprefix("tool:")
    for item in items:
        if wanted in (item.id, *item.ids):
            return item
    key = normalise(typed)
    exact = [item for item in items if key and key in {normalise(name) for name in item_names(item)}]
    if len(exact) == 1:
        return exact[0]
    if exact:
        raise AmbiguousName(ambiguity_message(typed, exact))
    prefixed = [item for item in items if key and any(normalise(name).startswith(key) for name in item_names(item))]
    if len(prefixed) == 1:
        return prefixed[0]
    if 1 < len(prefixed) <= 6:
        raise AmbiguousName(ambiguity_message(typed, prefixed))
    raise UsageError(unknown_item_message(typed, items))


def unknown_item_message(typed: str, items: list[Item]) -> str:
    ids: dict[str, list[str]] = {}
    for item in items:
        for name in item_names(item):
            ids.setdefault(normalise(name), [])
            if item.id not in ids[normalise(name)]:
                ids[normalise(name)].append(item.id)
    close = close_names(normalise(typed), ids, limit=2)
    suggested = list(dict.fromkeys(identifier for name in close for identifier in ids[name]))[:4]
    message = f"unknown item {typed!r}."
    if suggested:
        message += " Did you mean " + " or ".join(repr(s) for s in suggested) + "?"
    hint = "Give a skill or tool that `mlcareer progress` lists, by id (deep-learning, tool.pytorch) or name."
    return f"{message}\n{hint}"


def ambiguity_message(typed: str, candidates: list[Item]) -> str:
    lines = [f"{typed!r} fits {len(candidates)} items; give one of their ids:"]
    lines += [f"  {item.id}  {item.name} ({item.kind}, {item.group})" for item in candidates]
    return "\n".join(lines)


class UserNote(NamedTuple):
    """A note the user keeps on an item: their words, shown as theirs."""

    text: str
    provenance: Yours  # NOTE_INPUT


class ItemWords(NamedTuple):
    """Whose an item's name is: the article's, or mlcareer's with the reason."""

    name: Provenance


def group_titles(career: "CareerData", named: Iterable[str] | None = None) -> list[Words]:
    """Each skill group's title (of those `named`, where given) and whose words it is: a report
    carries them once, and its rows name their groups by title (a skill in several groups is in
    groups of different words)."""
    from ml_career.queries.provenance import heading_of

    shown = None if named is None else set(named)
    return [heading_of(group) for group in career.skill_groups if shown is None or group.title in shown]


def whose_group(titles: list[Words], title: str) -> Provenance:
    return next(words.whose for words in titles if words.text == title)


def item_words(career: "CareerData") -> dict[str, ItemWords]:
    """Each item's `ItemWords`: a tool's name is as the words of the first skill naming it."""
    words: dict[str, ItemWords] = {}
    for group in career.skill_groups:
        for skill in group.skills:
            mlcareers = skill.provenance == Kind.MLCAREER
            name: Provenance = Mlcareer(skill.reason or "", group.source) if mlcareers else Article(group.source)
            for identifier in (skill.id, *(tool_id(tool) for tool in skill.tools)):
                words.setdefault(identifier, ItemWords(name))
    return words


def whose_status(item_id: str, saved: dict[str, str]) -> Provenance:
    """An item's status is yours if you saved it, else mlcareer's default."""
    return Yours(STATUS_INPUT) if item_id in saved else Mlcareer(DEFAULT_STATUS_REASON)


def tools_done(item: Item, statuses: dict[str, str], finished: tuple[str, ...]) -> int:
    return sum(1 for tool in item.tools if statuses.get(tool) in finished)


class ItemNote(NamedTuple):
    """A user's note with the item it is on, for views that list notes apart from the items."""

    id: str
    name: str
    text: str  # yours: the note; the name is the item's, whose its name_provenance says
    name_provenance: Provenance
    provenance: Yours  # the note is yours: NOTE_INPUT


def item_notes(items: list[Item], notes: dict[str, str], words: dict[str, ItemWords]) -> list[ItemNote]:
    return [
        ItemNote(item.id, item.name, notes[item.id], words[item.id].name, Yours(NOTE_INPUT))
        for item in items
        if item.id in notes
    ]
