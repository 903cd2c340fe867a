"""Progress, roadmap style: each skill and each tool done, learning, skipped or pending, with a note."""

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from ml_career.advisor.state import read_state, state_file, update_state
from ml_career.dataset.names import is_none_choice, pick
from ml_career.errors import UsageError
from ml_career.provenance import Kind
from ml_career.queries.items import Item, UserNote, resolve_item, tools_done, tracked_items
from ml_career.queries.provenance import Computed

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData

STATUSES = ("done", "learning", "skipped", "pending")
DEFAULT_STATUS_REASON = "not started: mlcareer's default for an item you have not marked with `progress`"
STATUS_INPUT = "marked with `mlcareer progress`, saved in the state file"
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
    # The status: yours where you marked it, else mlcareer's default ("not started", pending).
    provenance: Kind = Kind.YOU
    reason: str | None = None
    input: str | None = STATUS_INPUT
    ids: list[str] = []  # noqa: RUF012 - every id it answers to: a skill named in several groups has several
    groups: list[str] = []  # noqa: RUF012 - a skill: every group that names it
    done_by_tools: Computed | None = None  # a skill you left pending whose tools say it is done


DONE_BY_TOOLS = Computed(
    1,
    "a skill is done when its tools are: one of a set or an example done, each other tool done or skipped",
    ["how each skill's tools are needed is mlcareer's reading of the article's words (plan --json: need)"],
)


COUNT_FORMULA = "each status counted over every skill and tool; percent = (done + skipped) / all items"


class Counts(NamedTuple):
    done: int
    learning: int
    skipped: int
    pending: int
    provenance: Kind = Kind.COMPUTED
    formula: str = COUNT_FORMULA


class ProgressReport(NamedTuple):
    items: list[ProgressRow]
    counts: Counts
    percent: float
    state_file: str
    rung: str | None = None
    changed: str | None = None
    note_changed: str | None = None  # "kept" or "removed"
    status_changed: bool = False
    asked: str | None = None  # the item asked about (`progress NAME`), whose status is shown first


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
    """The user's note on each item that has one."""
    entry = read_state().get("notes", {}).get(career.career.id, {})
    notes = {key: text for key, text in entry.items() if isinstance(text, str)} if isinstance(entry, dict) else {}
    return {item.id: _first_saved(item, notes, "") for item in tracked_items(career) if _first_saved(item, notes, "")}


def clean_note(text: str) -> str:
    cleaned = _CONTROL.sub("", text).strip()
    if not cleaned:
        raise UsageError("a note needs some text; use --clear-note to remove one")
    if len(cleaned) > NOTE_LIMIT:
        raise UsageError(f"a note holds at most {NOTE_LIMIT} characters (this one has {len(cleaned)})")
    return cleaned


def update_progress(
    career: "CareerData",
    name: str | None = None,
    status: str | None = None,
    rung: str | None = None,
    note: str | None = None,
    clear_note: bool = False,
) -> ProgressReport:
    """What `progress` was asked: mark an item, keep or remove its note, record the rung, or show
    (all of it, or the one item named without a status)."""
    if note is not None and clear_note:
        raise UsageError("give --note TEXT or --clear-note, not both")
    if name is None and (note is not None or clear_note):
        raise UsageError("name the skill or tool the note is about: mlcareer progress NAME --note TEXT")
    if name is not None and status is None and note is None and not clear_note and rung is None:
        return progress_report(career)._replace(asked=resolve_item(career, name).id)
    if rung is not None:
        save_rung(career, rung)
    if name is None:
        return progress_report(career, changed="rung" if rung is not None else None)
    item = resolve_item(career, name)
    new_status = resolve_status(status) if status is not None else None
    new_note = clean_note(note) if note is not None else None

    def change(state: dict[str, Any]) -> None:
        if new_status is not None:
            entry = state["careers"].setdefault(career.career.id, {})
            for other in item.ids:  # a status saved under another of its ids gives way to this one
                entry.pop(other, None)
            if new_status == "pending":
                entry.pop(item.id, None)
            else:
                entry[item.id] = new_status
        if new_note is not None or clear_note:
            notes = state.setdefault("notes", {}).setdefault(career.career.id, {})
            for other in item.ids:
                if other != item.id:
                    notes.pop(other, None)
            if clear_note:
                notes.pop(item.id, None)
            else:
                notes[item.id] = new_note

    update_state(change)
    note_changed = "removed" if clear_note else "kept" if new_note is not None else None
    report = progress_report(career, changed=item.id, note_changed=note_changed)
    return report._replace(status_changed=new_status is not None)


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


def saved_rung(career: "CareerData") -> str | None:
    """The rung the user said they are at (`progress --rung`), if it is still on the ladder."""
    rung = read_state().get("rungs", {}).get(career.career.id)
    return rung if rung in {r.id for r in career.ladder} else None


def save_rung(career: "CareerData", typed: str) -> None:
    """Remember the user's rung ("none" forgets it); path and plan start from it."""
    from ml_career.queries.ladder import resolve_rung

    rung = None if is_none_choice(typed) else resolve_rung(career, typed)

    def change(state: dict[str, Any]) -> None:
        rungs = state.setdefault("rungs", {})
        if rung is None:
            rungs.pop(career.career.id, None)
        else:
            rungs[career.career.id] = rung

    update_state(change)


def saved_statuses(career: "CareerData") -> dict[str, str]:
    """The statuses you marked and saved; an item missing here has mlcareer's default."""
    return _career_entry(read_state(), career.career.id)


def status_provenance(item_id: str, saved: dict[str, str]) -> tuple[Kind, str | None, str | None]:
    """(kind, reason, input) of an item's status: yours if you saved it, else mlcareer's default."""
    if item_id in saved:
        return Kind.YOU, None, STATUS_INPUT
    return Kind.MLCAREER, DEFAULT_STATUS_REASON, None


def progress_row(
    item: Item,
    current: dict[str, str],
    notes: dict[str, str],
    saved: dict[str, str] | None = None,
    effective: dict[str, str] | None = None,
) -> ProgressRow:
    status = current.get(item.id, "pending")
    marked = current if saved is None else saved
    kind, reason, given = status_provenance(next((i for i in item.ids if i in marked), item.id), marked)
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
        note=UserNote(notes[item.id]) if item.id in notes else None,
        provenance=kind,
        reason=reason,
        input=given,
        ids=list(item.ids),
        groups=list(item.groups),
        done_by_tools=DONE_BY_TOOLS if by_tools else None,
    )


def progress_report(
    career: "CareerData", changed: str | None = None, note_changed: str | None = None
) -> ProgressReport:
    from ml_career.queries.needs import effective_statuses

    saved = saved_statuses(career)
    items = tracked_items(career)
    current = {item.id: _first_saved(item, saved, "pending") for item in items}
    notes = saved_notes(career)
    effective = effective_statuses({item.id: item.needs for item in items}, current)
    rows = [progress_row(item, current, notes, saved, effective) for item in items]
    tally = {status: sum(1 for row in rows if row.status == status) for status in STATUSES}
    counts = Counts(tally["done"], tally["learning"], tally["skipped"], tally["pending"])
    finished = sum(1 for row in rows if row.finished)
    percent = round(100 * finished / len(rows), 1) if rows else 0.0
    titles = {rung.id: rung.title for rung in career.ladder}
    rung = saved_rung(career)
    return ProgressReport(
        items=rows,
        counts=counts,
        percent=percent,
        state_file=str(state_file()),
        rung=titles[rung] if rung else None,
        changed=changed,
        note_changed=note_changed,
    )


def _career_entry(state: dict[str, Any], career_id: str) -> dict[str, str]:
    entry = state["careers"].get(career_id, {})
    if not isinstance(entry, dict):
        return {}
    return {item: status for item, status in entry.items() if status in STATUSES}
