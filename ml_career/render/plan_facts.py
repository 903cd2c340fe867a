"""Each fact of the plan formatted once, with its mark: the plan's view and every export show these lines.

A line is an `Item`: its text, the mark of whose word it is, a bold label where
it has one, and a checkbox for a skill. The terminal view lays them out; the
Markdown and HTML exports write them as list items.
"""

from typing import TYPE_CHECKING, NamedTuple

from ml_career.provenance import Article
from ml_career.queries.wording import money, money_range, publisher_label, years_range
from ml_career.render.timeline import step_duration, timeline_inputs, timeline_rows, total_text
from ml_career.render.widgets import CHOSEN_WORDS, ROLE_PAY_LABEL

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ml_career.advisor.plan import PlanReport, PlanStep
    from ml_career.advisor.progress import ProgressReport
    from ml_career.provenance import Provenance
    from ml_career.queries.provenance import Reading
    from ml_career.queries.salary import RungPay, RungSalary
    from ml_career.render.widgets import Citations


class Item(NamedTuple):
    """One line of a section: its text, its provenance mark, and a checkbox where it has one."""

    text: str
    mark: str = ""
    label: str = ""  # a bold lead-in, such as "Total:"
    checked: bool | None = None


def starting_items(plan: "PlanReport", marks: "Citations") -> list[Item]:
    """Each input of the plan: what it is (its words marked where they are mlcareer's, not the
    article's), and whether you gave it or it is mlcareer's default."""
    with marks.once():  # inputs whose words share one reading: its mark on the first
        return [
            Item(
                f"{given.label}{own_mark(given.label_provenance, marks)}"
                f" ({CHOSEN_WORDS.get(given.chosen, given.chosen)})",
                marks.mark(given),
                label=f"{given.name}:",
            )
            for given in plan.inputs
        ]


def own_mark(whose: "Provenance", marks: "Citations") -> str:
    """The mark of words that are mlcareer's; none for the article's, cited where the view shows them."""
    return "" if isinstance(whose, Article) else f" {marks.mark(whose)}".rstrip()


def name_mark(whose: "Provenance", marks: "Citations") -> str:
    """`own_mark` of a name in a list of names: on every name of mlcareer's, even where a reading
    is marked once, since no header covers a name and an unmarked one reads as the article's."""
    return "" if isinstance(whose, Article) else f" {marks.mark(whose, every_time=True)}"


def step_items(plan: "PlanReport", marks: "Citations") -> list[Item]:
    """One line a step: its title, then its time and tuition."""
    count = len(plan.steps)
    return [
        Item(f"{step.title} ({step_summary(step, marks, n == count)})", marks.mark(step))
        for n, step in enumerate(plan.steps, start=1)
    ]


def top_items(plan: "PlanReport", marks: "Citations") -> list[Item]:
    """At the top rung, in place of a total: that you are at the top, and what the article says of the role."""
    if plan.at_top is None:
        return []
    top = plan.at_top
    return [Item(top.message.text, marks.mark(top.message)), Item(f"{top.title}: {top.description}", marks.mark(top))]


def total_item(plan: "PlanReport", marks: "Citations") -> Item | None:
    """The plan's whole total time ("unknown" naming the steps without a duration) and tuition,
    with the marks of the formulas behind them; None at the top rung, where nothing is left to climb."""
    if plan.total is None:
        return None
    totals = total_text(plan.total, marks)
    if plan.tuition_min is not None and plan.tuition_max is not None and plan.currency:
        totals += f"; tuition {money_range(plan.tuition_min, plan.tuition_max, plan.currency)}"
        if plan.tuition_assumption:
            totals += f" {marks.computed(plan.tuition_assumption)}"
    return Item(totals, label="Total:")


def order_and_notes(plan: "PlanReport", marks: "Citations") -> list[Item]:
    """Whose order the steps are in (none at the top rung), and what the totals leave out."""
    order = [Item(plan.order.text, marks.mark(plan.order))] if plan.at_top is None else []
    return order + [Item(note) for note in (plan.years_note, *plan.notes) if note]


def salary_items(plan: "PlanReport", marks: "Citations") -> list[Item]:
    """What the entry point and the target pay (the target only, at the top rung), then the role's
    figures for all levels, once, apart from the rungs."""
    wanted = (("Entry point", plan.entry_salary), ("Target", plan.target_salary))
    with marks.once():  # the entry point and the target read one way: its mark on the first
        return _salary_items(plan, marks, wanted)


def _salary_items(
    plan: "PlanReport", marks: "Citations", wanted: "tuple[tuple[str, RungSalary], tuple[str, RungSalary]]"
) -> list[Item]:
    salaries = [
        Item(salary_text(salary, marks), label=f"{label}, {salary.rung}:")
        for label, salary in (wanted[1:] if plan.at_top else wanted)
    ]
    if plan.role_pay:
        salaries.append(Item(figures_text(plan.role_pay, marks), label=ROLE_PAY_LABEL.strip()))
    return salaries


def timeline_items(plan: "PlanReport", marks: "Citations") -> list[Item]:
    """Your inputs to the timeline, then each milestone: the time spent and when it begins."""
    if plan.timeline is None or not (plan.timeline.start or plan.timeline.assumptions):
        return []
    items = [Item(given, label="Yours:") for given in timeline_inputs(plan.timeline, marks)]
    with marks.once():  # every date is computed one way: its mark on the first
        rows = timeline_rows(plan.timeline, marks)
    return items + [Item(f"{row.title}: {row.spent}; begins {row.begins}", label=f"{row.step}:") for row in rows]


def step_summary(step: "PlanStep", marks: "Citations", last: bool = False) -> str:
    parts = []
    if yours := step_duration(step.months_min, step.months_max, step.duration_provenance, marks):
        parts.append(yours)
    elif step.years_min is not None and step.years_max is not None:
        cited = f" {marks.cite(step.figures_source)}" if step.figures_source else ""
        parts.append(years_range(step.years_min, step.years_max) + cited)
    elif last:
        parts.append("the target")
    elif step.kind == "current":
        parts.append("time here not given")
    else:
        parts.append("duration not given in the articles")
    if step.cost_min is not None and step.cost_max is not None and step.currency:
        formula = f" {marks.cite(step.figures_source)}{marks.mark(step.tuition_how)}" if step.tuition_how else ""
        parts.append(f"tuition {money_range(step.cost_min, step.cost_max, step.currency)}{formula}")
    return "; ".join(parts)


def figures_text(figures: "Sequence[RungPay]", marks: "Citations") -> str:
    """Figures one after another; figures of one reading (all levels) have its mark on the first."""
    with marks.once():
        return _figures_text(figures, marks)


def _figures_text(figures: "Sequence[RungPay]", marks: "Citations") -> str:
    return "; ".join(
        f"{money(f.amount, f.currency)} ({publisher_label(f.publisher)}, {f.as_of or 'undated'}) {marks.mark(f)}"
        + (marks.mark(f.scope) if f.scope is not None else "")
        + (f", {f.match.text} {marks.mark(f.match)}" if f.match else "")
        for f in figures
    )


def salary_text(salary: "RungSalary", marks: "Citations") -> str:
    """A rung's own figures, or "no figure": the role's figures for all levels are shown apart, once."""
    if salary.missing is None:
        return figures_text(salary.figures, marks)
    return f"{salary.missing.text} {marks.mark(salary.missing)}"


def suggestion_text(suggestion: "Reading", marks: "Citations") -> str:
    """Where to learn a skill: `learn with Kaggle https://www.kaggle.com/ [m4]`."""
    return f"learn with {suggestion.text} {marks.mark(suggestion)}".rstrip()


def tools_done_text(done: int | None, total: int) -> str:
    return f"{done or 0}/{total} tools done or skipped"


def note_text(marks: "Citations", text: str, on: str | None = None) -> str:
    """`[y] your note: text`, or `[y] your note on PyTorch: text` where the item needs naming."""
    return f"{marks.yours()} your note{f' on {on}' if on else ''}: {text}"


def skill_items(plan: "PlanReport", progress: "ProgressReport", marks: "Citations") -> list[Item]:
    """Every skill and tool with its status, where to learn it and your note: a checklist."""
    suggestions = {skill.id: skill.suggestion for skill in plan.skills_to_learn}
    items = []
    with marks.once():  # skills learnt in one place share that suggestion: its mark on the first
        for row in progress.items:
            name = row.name + name_mark(row.name_provenance, marks)
            text = name if row.kind == "skill" else f"tool: {name}"
            text += f" ({row.status})" if row.status != "pending" else ""
            if row.tools_total:
                text += f", {tools_done_text(row.tools_done, row.tools_total)}"
            suggestion = suggestions.get(row.id)
            if suggestion is not None:
                text += f": {suggestion_text(suggestion, marks)}"
            if row.note:
                text += f"; {note_text(marks, row.note.text)}"
            items.append(Item(text, marks.yours() if row.status != "pending" else "", checked=row.finished))
    return items
