"""What the roadmap shows, as lines of text: each a function of the reports alone, no Textual.

The interactive roadmap (render/roadmap_app.py) lays these lines out and reacts to
keys; keeping the wording here lets tests read it without a terminal, and keeps the
marks the same as the views': `[n]` an article, `[m]` mlcareer's reading, `[c]`
computed, `[y]` yours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.console import RenderableType
from rich.padding import Padding
from rich.text import Text

from ml_career.provenance import Yours
from ml_career.queries.needs import Need
from ml_career.queries.wording import money, publisher_label
from ml_career.render.widgets import Citations
from ml_career.text_safety import printable

if TYPE_CHECKING:
    from ml_career.advisor.plan import PlanReport, PlanStep
    from ml_career.advisor.progress import ProgressReport, ProgressRow
    from ml_career.queries.ladder import PathReport
    from ml_career.queries.salary import RungSalary
    from ml_career.queries.skills import SkillGroupRow, SkillRow, SkillsReport

# A mark a person can read without colour: what the status is, at a glance.
STATUS_MARKS = {"done": "[x]", "learning": "[~]", "skipped": "[-]", "pending": "[ ]"}
STATUS_STYLES = {"done": "green", "learning": "yellow", "skipped": "dim", "pending": ""}
# Space walks this cycle; `s` skips. What the user never marked is mlcareer's default, "not started".
CYCLE = ("pending", "learning", "done")
DEFAULT_STATUS_WORDS = "not started (mlcareer's default: you have not marked it)"


def next_status(status: str) -> str:
    """pending -> learning -> done -> pending; a skipped item starts again at learning."""
    if status not in CYCLE:
        return CYCLE[1]
    return CYCLE[(CYCLE.index(status) + 1) % len(CYCLE)]


def shown(text: str) -> str:
    """Text from the data or the user, fit for one line of a terminal."""
    return printable(text, single_line=True)


class RoadmapLine(NamedTuple):
    """One line of the skills screen: a group's heading, a skill, or a tool nested under its skill."""

    key: str  # unique on the screen: a tool named by two skills shows under each
    item_id: str | None  # the progress item, None for a heading
    depth: int  # 0 heading, 1 skill, 2 tool
    text: Text


class Terms(NamedTuple):
    """How the articles ask for each item: a skill's tools by need, and the groups where one is enough."""

    needs: dict[str, tuple[Need, ...]]  # a skill's id -> its tools, one of a set, examples, or all
    pick_one: dict[str, str]  # a group's id -> mlcareer's reading that one skill of it is enough


NEED_HEADINGS = {"one-of": "one of these:", "examples": "any one, for example:"}


def skill_lines(
    progress: ProgressReport, skills: SkillsReport, terms: Terms, citations: Citations, wanted: str = ""
) -> list[RoadmapLine]:
    """Groups as sections, each skill with its status and note, its tools nested under it.

    A skill named in several groups shows in each (one item, one status). Tools any one
    of which will do sit under "one of these:"; a group where one skill is enough reads
    "pick one". `wanted` filters by name (case and spacing ignored): a skill is kept when
    it or one of its tools matches, a heading when anything under it is kept.
    """
    rows = {key: row for row in progress.items for key in (row.id, *row.ids)}
    needle = " ".join(wanted.casefold().split())
    lines: list[RoadmapLine] = []
    for group in skills.groups:
        kept: list[RoadmapLine] = []
        for skill in group.skills:
            row = rows.get(skill.id)
            if row is None:
                continue
            place = f"{group.id}/{row.id}"
            tool_lines = _tool_lines(row, rows, terms, citations, place, needle, _matches(skill.name, needle))
            if needle and not _matches(skill.name, needle) and not tool_lines:
                continue
            kept.append(RoadmapLine(place, row.id, 1, item_text(row, citations, _hint(row))))
            kept += tool_lines
        if kept:
            heading = Text(shown(group.title.text), style="bold")
            heading.append(f" {citations.mark(group.title)}", style="dim")
            if group.id in terms.pick_one:
                heading.append(" pick one ", style="bold")
                heading.append(citations.reading(terms.pick_one[group.id]), style="dim")
            lines.append(RoadmapLine(f"group:{group.id}", None, 0, heading))
            lines += kept
    return lines


def _tool_lines(
    skill: ProgressRow,
    rows: dict[str, ProgressRow],
    terms: Terms,
    citations: Citations,
    place: str,
    needle: str,
    every: bool,
) -> list[RoadmapLine]:
    """A skill's tools, under the words that say how they are needed; only the matching ones when filtered."""
    needs = terms.needs.get(skill.id) or (Need("all", tuple(_tool_ids(skill, rows)), None),)
    lines: list[RoadmapLine] = []
    for need in needs:
        tools = [rows[tool] for tool in need.tools if tool in rows]
        tools = [tool for tool in tools if every or _matches(tool.name, needle)]
        if not tools:
            continue
        if need.kind in NEED_HEADINGS or (need.kind == "all" and len(needs) > 1):
            label = Text(f"  {NEED_HEADINGS.get(need.kind, 'and each of these:')} ", style="italic")
            label.append(citations.reading(need.reason), style="dim")
            lines.append(RoadmapLine(f"need:{place}/{need.kind}/{len(lines)}", None, 2, label))
        lines += [RoadmapLine(f"{place}/{tool.id}", tool.id, 2, item_text(tool, citations)) for tool in tools]
    return lines


def _tool_ids(skill: ProgressRow, rows: dict[str, ProgressRow]) -> list[str]:
    found = {row.id: None for row in rows.values() if row.kind == "tool" and skill.id in row.skill_ids}
    return list(found)


def _matches(name: str, needle: str) -> bool:
    return not needle or needle in " ".join(name.casefold().split())


def _hint(row: ProgressRow) -> str:
    if row.tools_total:
        return f"{row.tools_done} of {row.tools_total} tools"
    return ""


def item_text(row: ProgressRow, citations: Citations, hint: str = "") -> Text:
    """`[x] Python  note: ...` with the status styled, the note marked as yours."""
    text = Text()
    text.append(STATUS_MARKS[row.status], style=STATUS_STYLES[row.status])
    text.append(" ")
    text.append(shown(row.name))
    if hint:
        text.append(f"  {hint}", style="dim")
    if row.status != "pending":  # a status you marked; pending is mlcareer's default, "not started"
        text.append(f" {citations.mark(row.status_provenance)}", style="dim")
    if row.note is not None:
        text.append("  note: ", style="dim")
        text.append(shown(row.note.text), style="italic")
        text.append(f" {citations.mark(row.note)}", style="dim")
    return text


COUNTER_KEY = "[c] computed by mlcareer: (done + skipped) / every skill and tool"


def counter(progress: ProgressReport) -> str:
    """The header's live count: what is finished (done or skipped) of every item (computed)."""
    finished = sum(1 for row in progress.items if row.finished)
    return f"{finished} of {len(progress.items)} done or skipped ({progress.percent:g}%) [c]"


def item_detail(progress: ProgressReport, skills: SkillsReport, item_id: str) -> Text:
    """The detail pane: the item's status and note, the article's words, and the key of their marks."""
    rows = {row.id: row for row in progress.items}
    row = rows.get(item_id)
    if row is None:
        return Text("")
    citations = Citations(skills.sources)
    by_id = {skill.id: (skill, group) for group in skills.groups for skill in group.skills}
    detail = Text()
    detail.append(shown(row.name), style="bold")
    detail.append(f"  ({row.kind}, id {row.id})\n", style="dim")
    if row.status == "pending":
        detail.append(f"Status: {DEFAULT_STATUS_WORDS} {citations.mark(row.status_provenance)}\n")
    else:
        detail.append(f"Status: {row.status} {citations.mark(row.status_provenance)}\n")
    if row.done_by_tools is not None:
        detail.append(f"Done by its tools {citations.mark(row.done_by_tools)}\n")
    if row.note is not None:
        detail.append("Your note: ")
        detail.append(shown(row.note.text), style="italic")
        detail.append(f" {citations.mark(row.note)}\n")
    skill_ids = [row.id] if row.kind == "skill" else row.skill_ids
    for skill_id in skill_ids:
        if skill_id in by_id:
            skill, group = by_id[skill_id]
            detail.append_text(_skill_words(skill, group, citations, tool=row.name if row.kind == "tool" else None))
    for mark, meaning in citations.entries():
        detail.append(f"\n{mark} {shown(meaning)}", style="dim")
    return detail


def _skill_words(skill: SkillRow, group: SkillGroupRow, citations: Citations, tool: str | None) -> Text:
    words = Text()
    if tool is not None:
        words.append(f"Named by the skill {shown(skill.name)}", style="bold")
        words.append(" in ")
    else:
        words.append("In ")
    words.append(f"{shown(group.title.text)} {citations.mark(group.title)}\n")
    mark = citations.mark(skill)
    if skill.description:
        words.append(f'"{shown(skill.description)}" ')
        words.append(f"{mark}\n", style="dim")
    if skill.tools:
        words.append("Tools: " + ", ".join(shown(name) for name in skill.tools))
        words.append(f" {mark}\n", style="dim")
    if skill.suggestion is not None:
        words.append(f"{shown(skill.suggestion.text)} {citations.mark(skill.suggestion)}\n", style="dim")
    return words


def ladder_lines(path: PathReport) -> list[RenderableType]:
    """The six rungs, yours marked, each with its description and its pay figure or "no figure"."""
    citations = Citations(path.sources)
    lines: list[RenderableType] = []
    for rung in path.rungs:
        line = Text()
        yours = path.current is not None and rung.id == path.current.id
        line.append("> " if yours else "  ", style="bold")
        line.append(f"{rung.position}. {shown(rung.title)}", style="bold" if yours else "")
        if yours:
            line.append(f"  your rung {citations.yours()}", style="dim")
        line.append(f" {citations.mark(rung)}", style="dim")
        lines.append(line)
        if rung.detail is not None:
            about = Text(shown(rung.detail.description))
            about.append(f" {citations.mark(rung.detail)}", style="dim")
            about.append(f"\n{_pay(rung.detail.salary, citations)}")
            lines.append(Padding(about, (0, 0, 1, 5)))
    lines += [Text(f"{mark} {shown(meaning)}", style="dim") for mark, meaning in citations.entries()]
    return lines


def _pay(salary: RungSalary, citations: Citations) -> str:
    if salary.missing is not None or not salary.figures:
        return "Pay: no figure" + (f" {citations.mark(salary.missing)}" if salary.missing is not None else "")
    parts = [
        f"{money(figure.amount, figure.currency)} ({publisher_label(figure.publisher)}) {citations.mark(figure)}"
        for figure in salary.figures
    ]
    return "Pay: " + ", ".join(parts)


def plan_lines(plan: PlanReport) -> list[Text]:
    """The plan's inputs (marked yours or mlcareer's), its steps with durations, and the total."""
    citations = Citations(plan.sources)
    lines = []
    for given in plan.inputs:
        line = Text(f"{given.name}: {shown(given.label)} ")
        line.append(citations.mark(given), style="dim")
        lines.append(line)
    lines.append(Text(""))
    for step in plan.steps:
        step_line = Text(f"- {shown(step.title)}: ")
        step_line.append(_duration(step.months_min, step.months_max))
        if step.duration_provenance is not None and step.months_min is not None:
            step_line.append(f" {_duration_mark(step, citations)}", style="dim")
        lines.append(step_line)
    timeline = plan.timeline
    if timeline is not None and timeline.total_months_min is not None:
        total = _duration(timeline.total_months_min, timeline.total_months_max)
        lines.append(Text(f"Total: {total} {citations.mark(timeline)}", style="bold"))
    else:
        lines.append(Text("Total: unknown until every step has a duration", style="bold"))
    lines.append(Text(""))
    lines += [Text(f"{mark} {shown(meaning)}", style="dim") for mark, meaning in citations.entries()]
    return lines


def _duration_mark(step: PlanStep, citations: Citations) -> str:
    """Whose word a step's duration is: yours when you assumed it, else the article's figures."""
    if isinstance(step.duration_provenance, Yours):
        return citations.yours()
    return citations.cite(step.figures_source or step.provenance.source)


def _duration(low: int | None, high: int | None) -> str:
    if low is None or high is None:
        return "no duration given"
    if low == high:
        return _months(low)
    return f"{_months(low)} to {_months(high)}"


def _months(months: int) -> str:
    years, rest = divmod(months, 12)
    if not rest:
        return f"{years} year" + ("s" if years != 1 else "")
    if not years:
        return f"{rest} months"
    return f"{years}y {rest}m"
