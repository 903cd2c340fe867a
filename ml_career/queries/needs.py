"""How a skill's tools are needed, as the articles say it, and when a skill is done by its tools.

An article's words say how a skill's tools are needed: "Python, R, or Julia" offers
one of a set, "cloud platforms (e.g., AWS, Azure, Google Cloud)" gives examples, and
a tool named in no such words is required with the others. The data file records
the words and the need they say (a skill's `tool_needs`); reading the words so is
mlcareer's, and each need says so with the words it was read from.
"""

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Literal, NamedTuple

from ml_career.dataset.names import names_in

if TYPE_CHECKING:
    from ml_career.dataset.models import Skill

NeedKind = Literal["one-of", "examples", "all"]
FINISHED = ("done", "skipped")
# One reason per kind, so that every need of a kind shares one mark; each need keeps its own words.
REASONS: dict[NeedKind, str] = {
    "one-of": "the article joins these tools with 'or', so any one of them will do",
    "examples": "the article gives these tools as examples ('e.g.'), so any one of them will do",
    "all": "the article names these tools together, with no 'or' or 'e.g.', so each of them is needed",  # no words
}


class Need(NamedTuple):
    """A set of a skill's tools and how they are needed: one of them, an example of them, or all."""

    kind: NeedKind
    tools: tuple[str, ...]  # item ids
    words: str | None  # the article's words the kind is read from; None for tools needed all together

    @property
    def reason(self) -> str:
        return REASONS[self.kind]


def skill_needs(skill: "Skill", item_of: Callable[[str], str]) -> list[Need]:
    """The needs the data gives `skill`'s tools; the tools in none of them are needed all together."""
    needs = []
    placed: set[str] = set()
    for given in skill.tool_needs:
        tools = [tool for tool in names_in(given.words, skill.tools) if tool not in placed]
        placed.update(tools)
        needs.append(Need(given.need, tuple(dict.fromkeys(item_of(tool) for tool in tools)), given.words))
    rest = tuple(dict.fromkeys(item_of(tool) for tool in skill.tools if tool not in placed))
    return [*needs, Need("all", rest, None)] if rest else needs


def met(need: Need, status: Callable[[str], str]) -> bool:
    """One of a set or an example: one of them done. All: each done or skipped."""
    if need.kind == "all":
        return all(status(tool) in FINISHED for tool in need.tools)
    return any(status(tool) == "done" for tool in need.tools)


def effective_statuses(needs_of: Mapping[str, tuple[Need, ...]], saved: Mapping[str, str]) -> dict[str, str]:
    """Each item's status (`needs_of` maps every item to its needs): yours where you set one;
    else a skill whose tools meet all its needs is done."""
    result: dict[str, str] = {}
    visiting: set[str] = set()

    def status(item_id: str) -> str:
        if item_id in result:
            return result[item_id]
        own = saved.get(item_id, "pending")
        needs = needs_of.get(item_id, ())
        if own != "pending" or not needs or item_id in visiting:
            return own  # a skill that is a tool of itself, through others, is never done by itself
        visiting.add(item_id)
        found = "done" if all(met(need, status) for need in needs) else "pending"
        visiting.discard(item_id)
        result[item_id] = found
        return found

    for item_id in needs_of:
        result[item_id] = status(item_id)
    return result
