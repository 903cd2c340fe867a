"""Progress, roadmap style: each skill and each tool done, learning, skipped or pending, with a note."""

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from ml_career.advisor.standing import education_text, save_rung, saved_education, saved_rung
from ml_career.advisor.state import read_state, state_file, update_state
from ml_career.dataset.names import pick
from ml_career.errors import UsageError
from ml_career.provenance import Computed, Provenance, Words, Yours
from ml_career.queries.items import (
    NOTE_INPUT,
    STATUS_INPUT,
    Item,
    ItemWords,
    UserNote,
    group_titles,
    item_words,
    resolve_item,
    tools_done,
    tracked_items,
    whose_group,
    whose_status,
)
from ml_career.queries.provenance import ComputedValue, computed_value

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

STATUSES = ("done", "learning", "skipped", "pending")
FINISHED = ("done", "skipped")
NOTE_LIMIT = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class ProgressRow(NamedTuple):
    id: str
    name: str
    kind: str  # skill or tool
    group: str
    status: str
    finished: bool  # done or skipped: counted in the percentage
    skill_ids: list[str]  # a tool: the skills that name it
    tools_done: int | None  # a skill with tools: how many are done or skipped
    tools_total: int | None
    note: UserNote | None
    # Each field says whose it is: the name and group are the article's (or mlcareer's), the
    # status yours where you marked it, else mlcareer's default ("not started", pending).
    name_provenance: Provenance
    group_provenance: Provenance
    status_provenance: Provenance
    ids: list[str] = []  # noqa: RUF012 - every id it answers to: a skill named in several groups has several
    groups: list[str] = []  # noqa: RUF012 - a skill: every group that names it
    done_by_tools: ComputedValue | None = None  # a skill you left pending whose tools say it is done


DONE_BY_TOOLS = computed_value(
    1,
    "a skill is done when its tools are: one of a set or an example done, each other tool done or skipped",
    ["how each skill's tools are needed is mlcareer's reading of the article's words (plan --json: need)"],
)


COUNT_FORMULA = "each status counted over every skill and tool; percent = (done + skipped) / all items"
COUNTED = Computed(COUNT_FORMULA)


class Counts(NamedTuple):
    done: int
    learning: int
    skipped: int
    pending: int
    provenance: Computed  # COUNTED


class ProgressReport(NamedTuple):
    items: list[ProgressRow]
    counts: Counts
    percent: float
    state_file: str
    group_titles: list[Words]  # the titles of the rows' groups and whose words: rows name theirs by title
    rung: str | None = None
    asked: str | None = None  # the item asked about (`progress NAME`), whose status is shown first
    shown: list[str] = []  # noqa: RUF012  # the filters the list is cut by: "status done", "group Learned"
    education: str | None = None  # your education as saved: "Bachelor's degree; 1 year done of the Master's degree"


def status_choices() -> list[tuple[list[str], str]]:
    return [([status], status) for status in STATUSES]


def resolve_status(typed: str) -> str:
    return pick("status", typed, status_choices())


def statuses(career: "CareerData") -> dict[str, str]:
    """Each item's saved status; items never marked are pending."""
    saved = _career_entry(read_state(), career.career.id)
    return {item.id: _first_saved(item, saved, "pending") for item in tracked_items(career)}


def _first_saved(item: Item, saved: dict[str, str], default: str) -> str:
    """What is saved under the item's id, or under another id it has (a skill named in several groups)."""
    return next((saved[key] for key in (item.id, *item.ids) if key in saved), default)


def saved_notes(career: "CareerData") -> dict[str, str]:
    """The user's note on each item that has one.

    A note longer than a note may be (edited into the file by hand) is shown to its
    first NOTE_LIMIT characters and an ellipsis, so that no view or export does work
    in proportion to it; the file itself keeps it whole.
    """
    entry = read_state().get("notes", {}).get(career.career.id, {})
    if not isinstance(entry, dict):
        return {}
    notes = {key: text for key, text in entry.items() if isinstance(text, str)}
    found = {item.id: _first_saved(item, notes, "") for item in tracked_items(career)}
    return {key: _bounded(text) for key, text in found.items() if text}


def _bounded(note: str) -> str:
    return note if len(note) <= NOTE_LIMIT else note[:NOTE_LIMIT].rstrip() + "\u2026"


def clean_note(text: str) -> str:
    cleaned = _CONTROL.sub("", text).strip()
    if not cleaned:
        raise UsageError("a note needs some text; use --clear-note to remove one")
    if len(cleaned) > NOTE_LIMIT:
        raise UsageError(f"a note holds at most {NOTE_LIMIT} characters (this one has {len(cleaned)})")
    return cleaned


class ProgressChange(NamedTuple):
    """One item a write touched: its status before and after, and what became of its note."""

    id: str
    name: str
    was: str
    status: str
    name_provenance: Provenance  # the item's name is the article's or mlcareer's, never yours
    note: str | None  # "kept" or "removed"
    provenance: Yours  # the status is what you marked now: STATUS_INPUT


class ProgressWriteReport(NamedTuple):
    """What a write changed, and the percentage after it: the one line a write confirms in."""

    changes: list[ProgressChange]
    status_changed: bool  # a status was given (not only a note)
    rung: str | None  # the rung's title, when --rung was given ("none" forgets it)
    rung_changed: bool
    percent: float
    finished: int
    total: int
    state_file: str
    education: str | None  # your education as saved, when --education or --years-done was given
    education_changed: bool
    provenance: Computed  # the percentage: COUNTED


def split_words(words: list[str], writes_note: bool) -> tuple[list[str], str | None]:
    """`progress NAME... STATUS`: the names, and the status the last word gives (None for a note or a look)."""
    if len(words) < 2:
        return words, None
    if writes_note and words[-1].casefold() not in STATUSES:
        return words, None
    return words[:-1], resolve_status(words[-1])


def update_progress(
    career: "CareerData",
    words: list[str] | None = None,
    rung: str | None = None,
    note: str | None = None,
    clear_note: bool = False,
    status_filter: str | None = None,
    group: str | None = None,
    education_changed: bool = False,
) -> "ProgressReport | ProgressWriteReport":
    """What `progress` was asked: mark items, keep or remove a note, record the rung or the education
    (saved before this call), or show (the list, filtered by status or group, or the one item named
    without a status)."""
    names, new_status = split_words(list(words or []), note is not None or clear_note)
    if note is not None and clear_note:
        raise UsageError("give --note TEXT or --clear-note, not both")
    if not names and (note is not None or clear_note):
        raise UsageError("name the skill or tool the note is about: mlcareer progress NAME --note TEXT")
    if names and (status_filter is not None or group is not None):
        raise UsageError("--status and --group filter the list; to mark items: mlcareer progress NAME... STATUS")
    if len(names) == 1 and new_status is None and note is None and not clear_note and rung is None:
        if names[0].casefold() in STATUSES:
            raise UsageError(f"name the skills or tools first: mlcareer progress NAME... {names[0].casefold()}")
        return progress_report(career)._replace(asked=resolve_item(career, names[0]).id)
    if not names and rung is None and not education_changed:
        return filtered(progress_report(career), career, status_filter, group)
    items = list({item.id: item for item in (resolve_item(career, name) for name in names)}.values())
    new_note = clean_note(note) if note is not None else None
    before = statuses(career)

    def change(state: dict[str, Any]) -> None:
        entry = state["careers"].setdefault(career.career.id, {})
        notes = state.setdefault("notes", {}).setdefault(career.career.id, {})
        for item in items:
            # What is saved under another of the item's ids (a skill in several groups) gives way.
            if new_status is not None:
                for other in item.ids:
                    entry.pop(other, None)
            if new_note is not None or clear_note:
                for other in item.ids:
                    if other != item.id:
                        notes.pop(other, None)
            if new_status == "pending":
                entry.pop(item.id, None)
            elif new_status is not None:
                entry[item.id] = new_status
            if clear_note:
                notes.pop(item.id, None)
            elif new_note is not None:
                notes[item.id] = new_note

    if rung is not None:
        save_rung(career, rung)
    if items:
        update_state(change)
    note_changed = "removed" if clear_note else "kept" if new_note is not None else None
    after = progress_report(career)
    now = {row.id: row for row in after.items}
    changes = [
        ProgressChange(
            item.id,
            item.name,
            before[item.id],
            now[item.id].status,
            now[item.id].name_provenance,
            note_changed,
            Yours(STATUS_INPUT),
        )
        for item in items
    ]
    finished = sum(1 for row in after.items if row.finished)
    return ProgressWriteReport(
        changes=changes,
        status_changed=new_status is not None,
        rung=after.rung,
        rung_changed=rung is not None,
        education=after.education,
        education_changed=education_changed,
        percent=after.percent,
        finished=finished,
        total=len(after.items),
        state_file=after.state_file,
        provenance=COUNTED,
    )


def filtered(report: "ProgressReport", career: "CareerData", status: str | None, group: str | None) -> "ProgressReport":
    """The list with only the items of one status and of one skill group, the percentage still over all."""
    rows, shown = report.items, []
    if status is not None:
        wanted = resolve_status(status)
        rows, shown = [row for row in rows if row.status == wanted], [f"status {wanted}"]
    if group is not None:
        title = pick("group", group, [([g.id, g.title], g.title) for g in career.skill_groups])
        rows = [row for row in rows if title in (row.group, *row.groups)]  # a skill in several groups: in each
        shown = [*shown, f"group {title}"]
    if not shown:
        return report
    named = {title for row in rows for title in (row.group, *row.groups)}
    titles = [words for words in report.group_titles if words.text in named]
    return report._replace(items=rows, shown=shown, group_titles=titles)


def mark_done(career: "CareerData", item_ids: list[str]) -> None:
    """Record every item in `item_ids` as done, in one write, but one whose status you have set meanwhile."""
    other_ids = {item.id: item.ids for item in tracked_items(career)}

    def change(state: dict[str, Any]) -> None:
        entry = state["careers"].setdefault(career.career.id, {})
        for item_id in item_ids:
            if not any(key in entry for key in (item_id, *other_ids.get(item_id, ()))):
                entry[item_id] = "done"

    if item_ids:
        update_state(change)


def saved_statuses(career: "CareerData") -> dict[str, str]:
    """The statuses you marked and saved; an item missing here has mlcareer's default."""
    return _career_entry(read_state(), career.career.id)


def progress_row(
    item: Item,
    current: dict[str, str],
    notes: dict[str, str],
    saved: dict[str, str],
    words: ItemWords,
    group_words: Provenance,
    effective: dict[str, str] | None = None,
) -> ProgressRow:
    status = current.get(item.id, "pending")
    saved_under = next((i for i in item.ids if i in saved), item.id)
    by_tools = status == "pending" and (effective or {}).get(item.id) == "done"
    return ProgressRow(
        id=item.id,
        name=item.name,
        kind=item.kind,
        group=item.group,
        status=status,
        finished=status in FINISHED,
        skill_ids=list(item.skills) if item.kind == "tool" else [],
        tools_done=tools_done(item, current, FINISHED) if item.tools else None,
        tools_total=len(item.tools) if item.tools else None,
        note=UserNote(notes[item.id], Yours(NOTE_INPUT)) if item.id in notes else None,
        name_provenance=words.name,
        group_provenance=group_words,
        status_provenance=whose_status(saved_under, saved),
        ids=list(item.ids),
        groups=list(item.groups),
        done_by_tools=DONE_BY_TOOLS if by_tools else None,
    )


def progress_report(career: "CareerData") -> ProgressReport:
    from ml_career.queries.needs import effective_statuses

    saved = saved_statuses(career)
    items = tracked_items(career)
    current = {item.id: _first_saved(item, saved, "pending") for item in items}
    notes = saved_notes(career)
    words = item_words(career)
    effective = effective_statuses({item.id: item.needs for item in items}, current)
    groups = group_titles(career)
    rows = [
        progress_row(item, current, notes, saved, words[item.id], whose_group(groups, item.group), effective)
        for item in items
    ]
    tally = {status: sum(1 for row in rows if row.status == status) for status in STATUSES}
    counts = Counts(tally["done"], tally["learning"], tally["skipped"], tally["pending"], COUNTED)
    finished = sum(1 for row in rows if row.finished)
    percent = round(100 * finished / len(rows), 1) if rows else 0.0
    titles = {rung.id: rung.title for rung in career.ladder}
    rung = saved_rung(career)
    education = saved_education(career)
    return ProgressReport(
        items=rows,
        counts=counts,
        percent=percent,
        state_file=str(state_file()),
        rung=titles[rung] if rung else None,
        education=education_text(career, education) if education is not None else None,
        group_titles=groups,
    )


def _career_entry(state: dict[str, Any], career_id: str) -> dict[str, str]:
    entry = state["careers"].get(career_id, {})
    if not isinstance(entry, dict):
        return {}
    return {item: status for item, status in entry.items() if status in STATUSES}
