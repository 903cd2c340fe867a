"""The view of bare `mlcareer`: quick facts, each with its mark, then what to try next."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ml_career.queries.overview import OverviewReport
from ml_career.queries.salary import SalaryRow
from ml_career.queries.wording import money, publisher_label, years_range
from ml_career.render.disclosure import short_key
from ml_career.render.registry import view
from ml_career.render.widgets import DIM, HEADING, Citations, hanging, title

# Three commands that answer the next questions, and what each answers.
TRY_NEXT = (
    ("mlcareer salary --level senior", "what a rung pays, and from whom"),
    ("mlcareer plan --target senior", "the steps to a rung: time and money"),
    ("mlcareer education", "degrees: how long, what they cost"),
)
LABEL_WIDTH = 19


@view(OverviewReport)
def overview_view(report: OverviewReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = [title(f"{report.career}: quick facts")]
    facts: list[tuple[str, Text]] = [
        ("Entry-level pay", _pay(report.entry_pay, citations)),
        ("Senior pay", _pay(report.senior_pay, citations)),
    ]
    if report.degree is not None:
        degree = citations.marked(Text(report.degree.title.text), report.degree.title)
        years = Text(f", {years_range(report.degree.years_min, report.degree.years_max)}")
        degree.append_text(citations.marked(years, report.degree))
        facts.append(("Typical education", degree))
    if report.degree_costs:
        costs = Text(
            "; ".join(
                f"{money(row.total_max, row.currency)} {row.residency_label.text.lower()}"
                for row in report.degree_costs
            )
        )
        costs.append(f" {citations.computed(report.total_assumption)}", style=DIM)
        citations.marked(costs, report.degree_costs[0].residency_label)
        facts.append(("Tuition in total", costs))
    with citations.once():  # the figures' measures are one reading: its mark on the first
        for index, row in enumerate(report.outlook):
            outlook = Text(f"{row.shown.text} {row.measure.text}")
            outlook.append(f", {row.period.text}" if row.period else "")
            citations.marked(outlook, row.measure)
            outlook.append(f" ({publisher_label(row.publisher)})")
            facts.append(("Outlook" if not index else "", citations.marked(outlook, row)))
    if report.not_entry_level is not None:
        quote = citations.marked(Text(f'No: "{report.not_entry_level.text}"'), report.not_entry_level)
    else:
        quote = Text("the articles do not say", style=DIM)
    facts.append(("Entry-level job?", quote))
    for label, fact in facts:
        parts.append(hanging(Text(label.ljust(LABEL_WIDTH), style=HEADING), fact, 0))
    parts.extend(short_key(citations.used()))
    parts.append(Text("Try next:", style=HEADING))
    longest = max(len(command) for command, _ in TRY_NEXT)
    for command, answers in TRY_NEXT:
        parts.append(hanging(Text(f"  {command.ljust(longest)}  "), Text(answers, style=DIM), 0))
    parts.append(Text("Every command and option: mlcareer --help"))
    return Group(*parts)


def _pay(row: SalaryRow | None, citations: Citations) -> Text:
    if row is None:
        return Text("no figure in the articles", style=DIM)
    pay = Text(f"{money(row.amount, row.currency)} ({publisher_label(row.publisher)}, {row.as_of or 'undated'})")
    citations.marked(pay, row)
    return pay
