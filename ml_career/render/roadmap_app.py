"""`mlcareer roadmap`: skills, ladder and plan on one keyboard-driven screen (Textual).

Only the roadmap command imports this module, so Textual costs no other command
anything. The app knows reports only: what it reads and every change it makes go
through a `RoadmapSource` (cli/roadmap.py), which saves with the same locked,
atomic write as `progress` and re-reads the state before each write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.console import Group
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from ml_career.errors import MlCareerError
from ml_career.render.roadmap_lines import (
    COUNTER_KEY,
    Terms,
    counter,
    item_detail,
    ladder_lines,
    next_status,
    plan_lines,
    shown,
    skill_lines,
)
from ml_career.render.widgets import Citations

if TYPE_CHECKING:
    from ml_career.advisor.plan import PlanReport
    from ml_career.advisor.progress import ProgressReport
    from ml_career.queries.ladder import PathReport
    from ml_career.queries.skills import SkillsReport

TABS = ("skills", "ladder", "plan")
NARROW = 60
KEYS = (
    ("up/down, j/k", "move"),
    ("space", "pending -> learning -> done"),
    ("s", "skip (again: back to pending)"),
    ("n", "edit the note: Enter saves, Esc cancels (empty: removes it)"),
    ("/", "filter by name: Enter keeps it, Esc clears it"),
    ("tab", "next screen: skills, ladder, plan"),
    ("?", "these keys"),
    ("q", "quit"),
)
PLAN_FIELDS = (
    ("target", "Target rung", "e.g. senior"),
    ("level", "Your rung now", "none, or e.g. junior"),
    ("from", "Your work now", "none, or e.g. software-engineer"),
    ("education", "Your highest degree now", "none, bachelor or master"),
    ("assume", "Your durations", "e.g. experience=1y junior=2y"),
)


class RoadmapSource(Protocol):
    """Everything the roadmap reads and changes, as reports."""

    def progress(self) -> ProgressReport: ...
    def skills(self) -> SkillsReport: ...
    def terms(self) -> Terms: ...
    def ladder(self) -> PathReport: ...
    def plan(self, given: dict[str, str]) -> PlanReport: ...
    def set_status(self, item_id: str, status: str) -> ProgressReport: ...
    def set_note(self, item_id: str, text: str | None) -> ProgressReport: ...
    def changed_elsewhere(self) -> bool: ...


class KeysScreen(ModalScreen[None]):
    """`?`: every key, one line each; any key closes it."""

    DEFAULT_CSS = "KeysScreen { align: center middle; } #keys { width: auto; padding: 1 2; border: round $accent; }"

    def compose(self) -> ComposeResult:
        lines = Text("Keys\n", style="bold")
        for keys, what in KEYS:
            lines.append(f"{keys:<14}{what}\n")
        lines.append(f"\n{COUNTER_KEY}\n", style="dim")
        lines.append("Each screen ends with the key of its other marks: [1] an article, [m1] mlcareer's\n", style="dim")
        lines.append("reading, [c1] a computation, [y] what you gave or saved.\n", style="dim")
        lines.append("\nPress any key to close.", style="dim")
        yield Static(lines, id="keys")

    def on_key(self) -> None:
        self.dismiss()


class Roadmap(App[None]):
    """Three screens over one state file; every change is saved at once."""

    TITLE = "mlcareer roadmap"
    ENABLE_COMMAND_PALETTE = False
    # Below 60 columns the list needs every column: the detail pane steps aside.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]  # noqa: RUF012 - as Textual declares it
    CSS = """
    #counter { height: 1; padding: 0 1; background: $panel; }
    #tabs { height: 1fr; }
    Screen.-narrow #detail { display: none; }
    #items { width: 3fr; }
    #detail { width: 2fr; padding: 0 1; border-left: solid $panel; }
    #editor { display: none; dock: bottom; }
    #editor.open { display: block; }
    #message { height: auto; max-height: 4; padding: 0 1; color: $warning; }
    .row { height: 1; }
    .row Static { width: 26; padding: 0 1; }
    .row Input { border: none; height: 1; padding: 0; width: 1fr; }
    .row Input:focus { background: $boost; }
    #plan-lines { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_tab", "Screen", priority=True),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("ctrl+z", "suspend_process", "Suspend", show=False),  # `fg` brings it back
        Binding("question_mark", "keys", "Keys"),
        Binding("space", "cycle", "Status"),
        Binding("s", "skip", "Skip"),
        Binding("n", "note", "Note"),
        Binding("slash", "filter", "Filter"),
        Binding("j", "down", "Down", show=False),
        Binding("k", "up", "Up", show=False),
        # The arrows move the list's cursor, scroll the ladder, and step between the plan's fields.
        Binding("down", "down", "Down", show=False, priority=True),
        Binding("up", "up", "Up", show=False, priority=True),
        Binding("escape", "cancel", "Cancel", show=False),
    ]

    def __init__(self, source: RoadmapSource) -> None:
        super().__init__()
        self.source = source
        self.report = source.progress()
        self.skills_report = source.skills()
        self.wanted = ""  # the name filter
        self.editing: str | None = None  # "note" or "filter" while the editor is open
        self.plan_given: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Static(self._counter_text(), id="counter")
        with TabbedContent(initial="skills", id="tabs"):
            with TabPane("Skills", id="skills"), Vertical():
                with Horizontal():
                    yield OptionList(id="items")
                    with VerticalScroll(id="detail"):
                        yield Static(id="detail-text")
                yield Input(id="editor")
            with TabPane("Ladder", id="ladder"), VerticalScroll(id="ladder-scroll"):
                yield Static(id="ladder-text")
            with TabPane("Plan", id="plan"), VerticalScroll():
                for name, label, placeholder in PLAN_FIELDS:
                    with Horizontal(classes="row"):
                        yield Static(label)
                        yield Input(placeholder=placeholder, id=f"field-{name}")
                yield Static(id="plan-lines")
        yield Static(id="message")
        yield Footer()

    def on_mount(self) -> None:
        self._fill_items()
        self.query_one("#ladder-text", Static).update(Group(*ladder_lines(self.source.ladder())))
        self._replan()
        self.query_one("#items", OptionList).focus()
        self.set_interval(1.0, self._check_elsewhere)

    # --- the skills screen ---------------------------------------------------------------

    def _counter_text(self) -> Text:
        return Text(f"Skills and tools: {counter(self.report)}", style="bold")

    def _fill_items(self, keep: str | None = None) -> None:
        items = self.query_one("#items", OptionList)
        terms = self.source.terms()
        lines = skill_lines(self.report, self.skills_report, terms, Citations(self.skills_report.sources), self.wanted)
        highlighted = keep if keep is not None else self._highlighted_key()
        items.clear_options()
        items.add_options(
            [Option(_indent(line.depth, line.text), id=line.key, disabled=line.item_id is None) for line in lines]
        )
        keys = [line.key for line in lines]
        if highlighted in keys:
            items.highlighted = keys.index(highlighted)
        else:
            items.highlighted = next((i for i, line in enumerate(lines) if line.item_id is not None), None)
        self.query_one("#counter", Static).update(self._counter_text())
        self._show_detail()

    def _highlighted_key(self) -> str | None:
        option = self.query_one("#items", OptionList).highlighted_option
        return option.id if option is not None else None

    def _highlighted_item(self) -> str | None:
        key = self._highlighted_key()
        if key is None or key.startswith(("group:", "need:")):
            return None
        return key.rpartition("/")[2]

    def _show_detail(self) -> None:
        item = self._highlighted_item()
        text = item_detail(self.report, self.skills_report, item) if item else Text("")
        self.query_one("#detail-text", Static).update(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def _on_skills(self) -> bool:
        return self.query_one("#tabs", TabbedContent).active == "skills" and self.editing is None

    def _save(self, change: str) -> None:
        """Apply one change through the source; a state that cannot be saved is said, never lost."""
        item = self._highlighted_item()
        if item is None:
            return
        before = {row.id: (row.status, row.note) for row in self.report.items}
        try:
            if change == "note":
                typed = self.query_one("#editor", Input).value.strip()
                self.report = self.source.set_note(item, typed or None)
            else:
                self.report = self.source.set_status(item, change)
        except MlCareerError as error:
            self._say(" ".join(error.lines()))
            return
        saved = next(row for row in self.report.items if row.id == item)
        others = [
            row.name for row in self.report.items if row.id != item and before.get(row.id) != (row.status, row.note)
        ]
        what = ("note kept" if saved.note else "note removed") if change == "note" else saved.status
        self._say("; ".join(filter(None, [f"Saved: {saved.name}, {what}", _elsewhere(others)])))
        self._fill_items()

    def action_cycle(self) -> None:
        if self._on_skills() and (item := self._highlighted_item()):
            self._save(next_status(self._status_of(item)))

    def action_skip(self) -> None:
        if self._on_skills() and (item := self._highlighted_item()):
            self._save("pending" if self._status_of(item) == "skipped" else "skipped")

    def _status_of(self, item: str) -> str:
        return next(row.status for row in self.report.items if row.id == item)

    def action_note(self) -> None:
        if self._on_skills() and (item := self._highlighted_item()):
            note = next(row.note for row in self.report.items if row.id == item)
            self._open_editor("note", note.text if note else "", "your note; Enter saves, Esc cancels")

    def action_filter(self) -> None:
        if self._on_skills():
            self._open_editor("filter", self.wanted, "filter by name; Enter keeps it, Esc clears it")

    def _open_editor(self, purpose: str, value: str, placeholder: str) -> None:
        editor = self.query_one("#editor", Input)
        self.editing = purpose
        editor.value, editor.placeholder = value, placeholder
        editor.add_class("open")
        editor.focus()

    def _close_editor(self) -> None:
        self.editing = None
        self.query_one("#editor", Input).remove_class("open")
        self.query_one("#items", OptionList).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "editor" and self.editing == "filter":
            self.wanted = event.value
            self._fill_items()
        elif event.input.id and event.input.id.startswith("field-"):
            self.plan_given[event.input.id.removeprefix("field-")] = event.value
            self._replan()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "editor":
            if self.editing == "note":
                self._save("note")
            self._close_editor()

    def action_cancel(self) -> None:
        if self.editing == "filter":
            self.wanted = ""
            self._fill_items()
        if self.editing is not None:
            self._close_editor()

    def action_down(self) -> None:
        if self.editing is None:
            self._move("action_cursor_down", "focus_next")

    def action_up(self) -> None:
        if self.editing is None:
            self._move("action_cursor_up", "focus_previous")

    def _move(self, cursor: str, focus: str) -> None:
        active = self.query_one("#tabs", TabbedContent).active
        if active == "plan":
            getattr(self.screen, focus)()
        elif active == "ladder":
            scroll = self.query_one("#ladder-scroll", VerticalScroll)
            scroll.scroll_down() if cursor == "action_cursor_down" else scroll.scroll_up()
        elif isinstance(self.focused, OptionList):
            getattr(self.focused, cursor)()

    # --- the other screens ---------------------------------------------------------------

    def action_next_tab(self) -> None:
        if self.editing is not None:
            return
        tabs = self.query_one("#tabs", TabbedContent)
        tabs.active = TABS[(TABS.index(tabs.active) + 1) % len(TABS)]
        if tabs.active == "skills":
            self.query_one("#items", OptionList).focus()
        elif tabs.active == "plan":
            self.query_one("#field-target", Input).focus()
        else:
            self.query_one("#ladder-scroll", VerticalScroll).focus()

    def _replan(self) -> None:
        given = {name: value.strip() for name, value in self.plan_given.items() if value.strip()}
        try:
            shown_lines = plan_lines(self.source.plan(given))
        except MlCareerError as error:
            shown_lines = [Text("Not a plan yet: ", style="bold") + Text(shown(" ".join(error.lines())))]
        self.query_one("#plan-lines", Static).update(_joined(shown_lines))

    def action_keys(self) -> None:
        if self.editing is None:
            self.push_screen(KeysScreen())

    def _check_elsewhere(self) -> None:
        """A `progress` run from another shell: show its change without waiting for a key."""
        if not self.source.changed_elsewhere():
            return
        before = {row.id: (row.status, row.note) for row in self.report.items}
        try:
            self.report = self.source.progress()
        except MlCareerError as error:
            self._say(" ".join(error.lines()))
            return
        changed = [row.name for row in self.report.items if before.get(row.id) != (row.status, row.note)]
        if changed:
            message = _elsewhere(changed)
            self._say(message[0].upper() + message[1:])
            self._fill_items()
        self._replan()

    def _say(self, message: str) -> None:
        self.query_one("#message", Static).update(Text(shown(message)) if message else "")


def _elsewhere(names: list[str]) -> str:
    if not names:
        return ""
    listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"changed in another shell, now shown: {listed}"


def _indent(depth: int, text: Text) -> Text:
    return Text("  " * max(depth - 1, 0)) + text if depth else text


def _joined(lines: list[Text]) -> Text:
    return Text("\n").join(lines)
