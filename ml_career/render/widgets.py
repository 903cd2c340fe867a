"""The pieces every view is built from: tables that fit the terminal, bars, ages, citations.

Every string that comes from the data is wrapped in `Text`, and consoles are
made with markup off, so text such as "[bold]" or "Array[int]" prints as typed.

Layout rules every view gets from here:
- nothing a view shows is cut with "...": table cells fold, and `grid` lays a
  table out only when every column gets its readable width; otherwise it drops
  the columns a view marked as droppable (saying so), and then stacks records;
- wrapped lines keep their indentation (`indented`, `hanging`, `bullets`);
- bars are drawn with block characters when the output's encoding has them,
  with `#` otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple

from rich.console import Group, RenderableType
from rich.text import Text

from ml_career.provenance import Article, Computed, Marked, Mlcareer, Words, Yours, provenance_of
from ml_career.queries.freshness import STALE_AFTER_MONTHS
from ml_career.queries.wording import money, publisher_label
from ml_career.render.drawing import BAR_MIN, BAR_WIDTH, Bar, bar, meter
from ml_career.render.layout import NARROW, Column, Hanging, grid, hanging, indented

# The drawing and the layout, for views to find here with the rest.
__all__ = ["BAR_MIN", "BAR_WIDTH", "NARROW", "Bar", "Column", "Hanging", "bar", "grid", "hanging", "indented", "meter"]

if TYPE_CHECKING:
    from ml_career.queries.freshness import Freshness
    from ml_career.queries.provenance import SourceRef
    from ml_career.queries.salary import RungPay, RungSalary

DIM = "dim"
HEADING = "bold"
WARNING = "yellow"


def short_age(months: int) -> str:
    years, rest = divmod(months, 12)
    return f"{years}y {rest}m" if years else f"{rest}m"


def age_cell(fresh: Freshness) -> Text:
    """`4y 5m !` for a figure that may be out of date, `unknown` for an undated one."""
    if fresh.age_months is None:
        return Text("unknown", style=DIM)
    if fresh.stale:
        return Text(f"{short_age(fresh.age_months)} !", style=WARNING)
    return Text(short_age(fresh.age_months))


def dated(fresh: Freshness) -> Text:
    """The date a figure is as of, and its age on the line below: `2022-06` / `4y 5m !`."""
    shown = Text(fresh.as_of or "undated")
    shown.append("\n")
    shown.append_text(age_cell(fresh))
    return shown


def dated_line(fresh: Freshness) -> Text:
    """The date a figure is as of and its age on one line, `2022-06 4y 5m !`; `undated` alone."""
    if fresh.as_of is None:
        return Text("undated", style=DIM)
    return Text(f"{fresh.as_of} ").append_text(age_cell(fresh))


def stale_note() -> Text:
    return Text(f"! more than {STALE_AFTER_MONTHS} months old today: may be out of date.", style=WARNING)


def bullets(items: list[str]) -> RenderableType:
    return Group(*(hanging("- ", Text(item)) for item in items))


def heads_own_words(words: Words | None) -> bool:
    """True where a heading is its article's own, so its mark covers the words under it too."""
    return words is not None and isinstance(words.whose, Article)


def cited_heading(words: Words, citations: Citations) -> Text:
    """A heading followed by the mark of whose words the heading is."""
    return citations.marked(heading(words.text), words)


class UsedMarks(NamedTuple):
    """The marks used so far: (mark, title) per article, how many formulas and readings, and yours."""

    articles: tuple[tuple[str, str], ...]
    computed: int
    readings: int
    yours: bool


class Citations:
    """Marks each fact with whose word it is, and prints the key of the marks used.

    [1], [2]... cite an article; [c1]... a computation (its formula and assumptions);
    [m1]... mlcareer's own reading (its reason); [y] what you gave or assumed.
    An article's mark is its place in the data file's sources, the same in every view,
    export and search result; the others are numbered in order of first use, and the same
    reason or formula keeps its mark.
    """

    def __init__(self, sources: list[SourceRef]) -> None:
        self._titles = {source.id: source.named for source in sources}
        self._numbers = {source.id: number for number, source in enumerate(sources, 1)}
        self._order: list[str] = []
        self._computed: list[str] = []
        self._readings: list[str] = []
        self._yours = False
        self._given: set[str] | None = None  # within `once`: mlcareer's marks given so far

    @contextmanager
    def once(self) -> Iterator[None]:
        """Within this, each reading or computation is marked the first time only: for rows or
        figures that share one reading, which one mark covers. Nested, it is the outer one."""
        outer = self._given
        self._given = set() if outer is None else outer
        try:
            yield
        finally:
            self._given = outer

    def _first(self, mark: str) -> str:
        if self._given is None:
            return mark
        if mark in self._given:
            return ""
        self._given.add(mark)
        return mark

    def cite(self, source: str | None) -> str:
        if source is None:
            return ""
        if source not in self._order:
            self._order.append(source)
        return f"[{self._number(source)}]"

    def _number(self, source: str) -> int:
        # An article the report does not list (no view should cite one) follows the listed ones.
        if source not in self._numbers:
            self._numbers[source] = len(self._numbers) + 1
        return self._numbers[source]

    def computed(self, formula: str, assumptions: list[str] | tuple[str, ...] = ()) -> str:
        line = formula + "".join(f"; assuming {assumption}" for assumption in assumptions)
        if line not in self._computed:
            self._computed.append(line)
        return self._first(f"[c{self._computed.index(line) + 1}]")

    def reading(self, reason: str) -> str:
        if reason not in self._readings:
            self._readings.append(reason)
        return self._first(f"[m{self._readings.index(reason) + 1}]")

    def yours(self) -> str:
        self._yours = True
        return "[y]"

    def mark(self, fact: Marked, *, every_time: bool = False) -> str:
        """The mark for any fact: its provenance (a `Words`' owner, a `Provenance`, or the one it holds).

        `every_time`: marked even within `once`, for words that must say whose they are where
        they stand (a label on a line of its own, which no header covers)."""
        if every_time:
            given, self._given = self._given, None
            try:
                return self.mark(fact)
            finally:
                self._given = given
        match provenance_of(fact):
            case Computed(formula, assumptions):
                return self.computed(formula, assumptions)
            case Mlcareer(reason, source):
                # mlcareer's reading of an article's words: the article it reads, then the reading.
                return self.cite(source) + self.reading(reason)
            case Yours():
                return self.yours()
            case Article(source):
                return self.cite(source or None)

    def marked(self, text: Text, fact: Marked) -> Text:
        """`text` followed by the dim mark of `fact`'s provenance."""
        if mark := self.mark(fact):
            text.append(f" {mark}", style=DIM)
        return text

    def entries(self) -> list[tuple[str, str]]:
        """(mark, what it means) for every mark used, in the order of the key."""
        cited = sorted(self._order, key=self._number)
        entries = [
            (f"[{self._number(source)}]", f"article {source}: {self._titles.get(source, '')}") for source in cited
        ]
        entries += [(f"[c{n}]", f"computed by mlcareer: {line}") for n, line in enumerate(self._computed, 1)]
        entries += [
            (f"[m{n}]", f"mlcareer's reading, not the articles': {why}") for n, why in enumerate(self._readings, 1)
        ]
        if self._yours:
            entries.append(("[y]", "yours: what you gave, chose or assumed"))
        return entries

    def used(self) -> UsedMarks:
        """The marks used so far, for a short key of the part of a view built until now."""
        cited = sorted(self._order, key=self._number)
        articles = tuple((f"[{self._number(source)}]", self._titles.get(source) or source) for source in cited)
        return UsedMarks(articles, len(self._computed), len(self._readings), self._yours)

    def lines(self) -> list[str]:
        return [f"{mark} {meaning}" for mark, meaning in self.entries()]

    def key(self) -> RenderableType:
        """One line per mark used, wrapped lines aligned after the mark."""
        return Group(
            *(hanging(Text(f"{mark} ", style=DIM), Text(meaning, style=DIM), 0) for mark, meaning in self.entries())
        )


def salary_line(label: str, salary: RungSalary, citations: Citations) -> Text:
    """What a rung pays: its own figures, or "no figure" (the role's figures are shown apart, once)."""
    line = heading(label)
    if salary.missing is not None:
        line.append(salary.missing.text, style=WARNING)
        line.append(f" {citations.mark(salary.missing)}", style=DIM)
    _figures(line, salary.figures, citations)
    return line


ROLE_PAY_LABEL = "The role as a whole, all levels: "
# How a plan input was chosen, in words: left out, or Enter at a prompt, makes the choice mlcareer's.
CHOSEN_WORDS = {"default": "mlcareer's default"}


def role_pay_line(figures: Sequence[RungPay], citations: Citations) -> Text | None:
    """The figures for the role as a whole, once, apart from the rungs; None when there are none."""
    if not figures:
        return None
    line = heading(ROLE_PAY_LABEL)
    with citations.once():  # figures of one reading (all levels): its mark on the first
        _figures(line, figures, citations)
    return line


def _figures(line: Text, figures: Sequence[RungPay], citations: Citations) -> None:
    for index, figure in enumerate(figures):
        line.append(", " if index else "")
        line.append(f"{money(figure.amount, figure.currency)} ({publisher_label(figure.publisher)}")
        line.append(f", {figure.as_of or 'undated'}) {citations.mark(figure)}")
        if figure.scope is not None:
            line.append(citations.mark(figure.scope), style=DIM)
        if figure.match is not None:
            line.append(f" {figure.match.text} {citations.mark(figure.match)}", style=DIM)


def heading(text: str) -> Text:
    """Bold text that more text can follow without turning bold: the style is on the span."""
    shown = Text()
    shown.append(text, style=HEADING)
    return shown


def labelled(label: str, text: str) -> Text:
    """A bold label followed by plain text: only the label is bold."""
    line = heading(label)
    line.append(text)
    return line


def statement(label: str, text: Text | str) -> Hanging:
    """A bold label and its plain text, wrapped lines indented under the label."""
    return hanging(heading(label), text if isinstance(text, Text) else Text(text), 0, align=False)


def title(text: str) -> Text:
    return heading(text)


def paragraph(text: str | None) -> Text:
    return Text(text or "")


def highlighted(text: str, spans: list[tuple[int, int]]) -> Text:
    shown = Text(text)
    for start, end in spans:
        shown.stylize("bold reverse", start, end)
    return shown
