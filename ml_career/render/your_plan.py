"""Parts of the plan and progress views that show what is yours: the timeline, what is left, every item."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text

from ml_career.render.plan_facts import name_mark, note_text, own_mark, suggestion_text, tools_done_text
from ml_career.render.timeline import timeline_inputs, timeline_rows
from ml_career.render.widgets import DIM, HEADING, Column, grid

if TYPE_CHECKING:
    from ml_career.advisor.plan import PlanReport
    from ml_career.advisor.progress import ProgressReport
    from ml_career.advisor.still_to_learn import PlanSkill
    from ml_career.advisor.timeline import Timeline
    from ml_career.provenance import Provenance, Words
    from ml_career.render.widgets import Citations

STATUS_STYLES = {"done": "green", "learning": "yellow", "skipped": DIM, "pending": ""}


def timeline_parts(timeline: Timeline, marks: Citations, width: int) -> list[RenderableType]:
    parts: list[RenderableType] = [Text("Your timeline", style=HEADING)]
    given = timeline_inputs(timeline, marks)
    if given:
        parts.append(Text("Your inputs: " + ", ".join(given)))
    rows = [[Text(r.step), Text(r.title), Text(r.spent), Text(r.begins)] for r in timeline_rows(timeline, marks)]
    columns = [
        Column("Step", ratio=1),
        Column("Milestone", ratio=3),
        Column("Time spent", ratio=2),
        Column("Begins" if timeline.start else "After", ratio=2),
    ]
    parts.append(grid(columns, rows, width))
    return parts


def skills_left_names(skills: list[PlanSkill], marks: Citations) -> Text:
    """The answer's one line of what is left: each skill by name, a pick-one group as "GROUP: one of ...".

    Each of mlcareer's names carries its reading's mark, the article's are cited where they are shown."""
    optional: dict[str, list[PlanSkill]] = {}
    names = []
    with marks.once():
        for skill in skills:
            if skill.need == "optional":
                optional.setdefault(skill.group, []).append(skill)
            else:
                names.append(skill.name + name_mark(skill.name_provenance, marks))
        for group, choices in optional.items():
            reading = choices[0].need_reading
            mark = f" {marks.mark(reading)}" if reading else ""
            group_mark = name_mark(choices[0].group_provenance, marks)
            names.append(f"{group}{group_mark}: one of {', '.join(skill.name for skill in choices)}{mark}")
    return Text("; ".join(names))


def skills_left_parts(report: PlanReport, marks: Citations, width: int) -> list[RenderableType]:
    if not report.skills_to_learn:
        return [Text("Every skill is done or skipped.", style=HEADING)]
    parts: list[RenderableType] = [
        Text(f"Skills still to learn ({len(report.skills_to_learn)} of {report.skills_total}):", style=HEADING)
    ]
    rows = []
    optional: dict[str, list[PlanSkill]] = {}  # one row for each pick-one group: any one of them is enough
    for skill in report.skills_to_learn:
        if skill.need == "optional":
            optional.setdefault(skill.group, []).append(skill)
            continue
        name = own_words(Text(skill.name), skill.name_provenance, marks)
        name.append("\n")
        name.append_text(groups_words(skill.groups or [skill.group], report.group_titles, marks))
        for note in skill.notes:
            name.append("\n" + note_text(marks, note.text, None if note.id == skill.id else note.name), style="italic")
        tools = tools_cell(skill, marks)
        where = Text(suggestion_text(skill.suggestion, marks)) if skill.suggestion else Text("-")
        rows.append([name, Text(f"{skill.status} {marks.mark(skill.status_provenance)}"), tools, where])
    for group, skills in optional.items():
        reading = skills[0].need_reading
        name = own_words(Text(group), skills[0].group_provenance, marks)
        name.append(f"\n{reading.text} {marks.mark(reading)}" if reading else "\noptional", style=DIM)
        choices = Text("one of " + ", ".join(skill.name for skill in skills))
        rows.append([name, Text("-"), choices, Text("-")])
    columns = [
        Column("Skill", ratio=2, names=True),
        Column("Status", no_wrap=True),
        Column("Tools still to learn", ratio=2),
        Column("Where to learn", ratio=2),
    ]
    parts.append(grid(columns, rows, width))
    return parts


def groups_words(groups: list[str], titles: list[Words], marks: Citations) -> Text:
    """A skill's groups by title, each with the mark of whose words its title is."""
    whose = {words.text: words.whose for words in titles}
    shown = Text(style=DIM)
    for number, group in enumerate(groups):
        shown.append(", " if number else "")
        shown.append_text(own_words(Text(group), whose[group], marks))
    return shown


def own_words(text: Text, whose: Provenance, marks: Citations) -> Text:
    """`text` with its mark where it is mlcareer's words (the reading's mark: the article is cited
    where the view shows its words), and unmarked where it is the article's."""
    if mark := own_mark(whose, marks):
        text.append(mark, style=DIM)
    return text


def tools_cell(skill: PlanSkill, marks: Citations) -> Text:
    """The tools still to learn: "one of TensorFlow, PyTorch, Keras [m]", "e.g. Docker [m]" where any one will do."""
    pieces = []
    for _, grouped in groupby(skill.tools, key=lambda tool: (tool.need, tool.words)):
        tools = list(grouped)
        names = ", ".join(tool.name for tool in tools)
        if tools[0].need == "one-of":
            names = f"{'e.g.' if tools[0].kind == 'examples' else 'one of'} {names}"
        pieces.append(f"{names} {marks.mark(tools[0])}")
    text = Text("; ".join(pieces) or "-")
    if skill.tools_total:
        text.append(f"\n{len(skill.tools_to_learn)} of {skill.tools_total} left", style=DIM)
    return text


def progress_table(report: ProgressReport, marks: Citations, width: int) -> RenderableType:
    rows = []
    above = ""  # the group of the skill above: a run of skills in one group names it once, on its first
    for row in report.items:
        name = Text("" if row.kind == "skill" else "  tool: ")
        name.append(own_words(Text(row.name), row.name_provenance, marks))
        if row.tools_total:
            name.append(f"\n{tools_done_text(row.tools_done, row.tools_total)}", style=DIM)
        if row.done_by_tools is not None:
            name.append(f"\ndone by its tools {marks.mark(row.done_by_tools)}", style=DIM)
        if row.note:
            name.append("\n" + note_text(marks, row.note.text), style="italic")
        group = Text("")
        if row.kind == "skill" and (named := ", ".join(row.groups or [row.group])) != above:
            group = groups_words(row.groups or [row.group], report.group_titles, marks)
            above = named
        status = Text(row.status, style=STATUS_STYLES.get(row.status, ""))
        status.append(f" {marks.mark(row.status_provenance)}", style=DIM)
        rows.append([name, Text(row.id, style=DIM), group, status])
    columns = [
        Column("Skill or tool", ratio=3, names=True),
        Column("Id", ratio=2),
        Column("Group", ratio=2, names=True),
        Column("Status", no_wrap=True),
    ]
    return grid(columns, rows, width)
