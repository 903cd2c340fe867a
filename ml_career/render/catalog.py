"""Views of what the articles say as they stand: role, outlook, jobs, internships, sources, search."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from ml_career.queries.internships import InternshipsReport
from ml_career.queries.jobs import JobsReport
from ml_career.queries.outlook import OutlookReport
from ml_career.queries.provenance import MEASURE_REASON, SHOWN_REASON
from ml_career.queries.role import RoleReport
from ml_career.queries.search import SearchReport
from ml_career.queries.sources import SourcesReport
from ml_career.queries.wording import publisher_label
from ml_career.render.disclosure import Disclosure, column_mark
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    HEADING,
    WARNING,
    Bar,
    Citations,
    Column,
    bullets,
    cited_heading,
    dated,
    dated_line,
    grid,
    hanging,
    heads_own_words,
    highlighted,
    indented,
    paragraph,
    stale_note,
    statement,
    title,
)


@view(RoleReport)
def role_view(report: RoleReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    answer: list[RenderableType] = [
        title(f"What a {report.title} is and does"),
        citations.marked(Text(report.summary.text), report.summary),
    ]
    for listing in report.responsibilities:
        answer.extend(_listed(listing, citations))
    for aspects in (report.best_aspects, report.worst_aspects):
        if aspects is not None:
            answer.extend(_listed(aspects, citations))
    passages = [*report.passages, *([report.work_life_balance] if report.work_life_balance else [])]
    if passages:
        answer.append(title("The articles' passages, in full with --sources"))
        for passage in passages:
            answer.append(hanging("- ", _passage_heading(passage, citations), 0))
    answered = citations.used()
    detail: list[RenderableType] = []
    for passage in passages:
        if passage.title is not None:
            detail.append(cited_heading(passage.title, citations))
        text = paragraph(passage.text)
        detail.append(indented(text if heads_own_words(passage.title) else citations.marked(text, passage)))
    return Disclosure(answer, detail, citations, answered)


def _passage_heading(passage: Any, citations: Citations) -> Text:
    """A passage named by its heading and the marks of the heading and of its words."""
    if passage.title is None:
        return citations.marked(Text("Work-life balance"), passage)
    shown = cited_heading(passage.title, citations)
    return shown if heads_own_words(passage.title) else citations.marked(shown, passage)


def _listed(listing: Any, citations: Citations) -> list[RenderableType]:
    """A list the articles give: its heading with the mark, then one line an item; where the heading
    is mlcareer's, the mark of the list's own words follows it."""
    shown = cited_heading(listing.title, citations)
    if not heads_own_words(listing.title):
        citations.marked(shown, listing)
    return [shown, bullets(listing.items)]


@view(OutlookReport)
def outlook_view(report: OutlookReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    answer: list[RenderableType] = [title(f"Outlook for a {report.career}")]
    if report.summary:
        answer.append(citations.marked(Text(report.summary.text), report.summary))
    columns = [
        Column(f"Figure {citations.reading(SHOWN_REASON)}", justify="right", no_wrap=True),
        Column(f"What it measures, period {citations.reading(MEASURE_REASON)}", ratio=3),
        Column("Publisher", ratio=1),
        Column(
            f"As of, age {citations.mark(report.figures[0].freshness)}" if report.figures else "As of, age",
            no_wrap=True,
        ),
    ]
    rows: list[list[Text | Bar]] = [
        [
            Text(row.shown.text),
            Text(row.measure.text).append(f", {row.period.text}" if row.period else "", style=DIM),
            citations.marked(Text(publisher_label(row.publisher)), row),
            dated_line(row.freshness),
        ]
        for row in report.figures
    ]
    if rows:
        answer.append(grid(columns, rows, width))
    if any(row.freshness.stale for row in report.figures):
        answer.append(stale_note())
    if report.drivers or report.statements:
        answer.append(
            Text(
                f"The drivers of demand, and {len(report.statements)} more statements from the articles: --sources.",
                style=DIM,
            )
        )
    if not rows and not report.statements and not report.summary:
        answer.append(Text("The data set has no outlook figures.", style=DIM))
    answered = citations.used()
    detail: list[RenderableType] = []
    if report.drivers_heading is not None:
        detail.append(cited_heading(report.drivers_heading, citations))
        detail.append(bullets([f"{driver.text} {citations.mark(driver)}" for driver in report.drivers]))
    for said in report.statements:
        detail.append(hanging("- ", citations.marked(Text(said.text), said), 0))
    return Disclosure(answer, detail, citations, answered)


@view(JobsReport)
def jobs_view(report: JobsReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    answer: list[RenderableType] = [title(f"Who hires a {report.career}")]
    named = (
        ("Industries", report.industries),
        ("Companies that hire", report.employer_types),
        ("Career paths after graduating", report.career_paths),
    )
    for heading, items in named:
        if items:
            answer.extend(_one_line_each(heading, items, citations))
    if report.entry_roles is not None:
        roles = report.entry_roles
        listed = citations.marked(Text(", ".join(roles.items)), roles.title)
        if not heads_own_words(roles.title):
            citations.marked(listed, roles)
        answer.append(statement(f"{roles.title.text}: ", listed))
    if report.related_careers is not None:
        related = report.related_careers
        if related.items:
            said = citations.marked(Text(", ".join(related.items)), related.title)
        elif related.note is not None:
            said = citations.marked(Text(related.note.text), related.note)
        else:
            said = Text("None listed.", style=DIM)
        answer.append(statement(f"{related.title.text}: ", said))
    if len(answer) == 1:
        answer.append(Text("The data set says nothing about who hires.", style=DIM))
    answered = citations.used()
    detail: list[RenderableType] = []
    for heading, items in named:
        if items:
            detail.append(title(f"{heading}: the work"))
        for item in items:
            work = str(getattr(item, "work", None) or getattr(item, "description", ""))
            detail.append(indented(statement(f"{item.name}: ", citations.marked(Text(work), item))))
    return Disclosure(answer, detail, citations, answered)


def _one_line_each(heading: str, items: Any, citations: Citations) -> list[RenderableType]:
    """A heading, then one line an item with its examples; one article's mark on the heading."""
    shared = column_mark(citations, items)
    lines: list[RenderableType] = [title(f"{heading} {shared}".strip())]
    for item in items:
        line = Text(item.name)
        if examples := getattr(item, "examples", None):
            line.append(f": {', '.join(examples)}", style=DIM)
        lines.append(hanging("- ", line if shared else citations.marked(line, item)))
    return lines


@view(InternshipsReport)
def internships_view(report: InternshipsReport, width: int) -> Disclosure:
    citations = Citations(report.sources)
    answer: list[RenderableType] = [title(f"Internships for a future {report.career}")]
    if report.internships:
        answer.extend(_one_line_each("Kinds of internship", report.internships, citations))
    else:
        answer.append(Text("The data set lists no internships.", style=DIM))
    answered = citations.used()
    detail: list[RenderableType] = [
        statement(f"{i.name}: ", citations.marked(Text(i.description), i)) for i in report.internships
    ]
    return Disclosure(answer, detail, citations, answered)


@view(SourcesReport)
def sources_view(report: SourcesReport, width: int) -> RenderableType:
    marks = Citations(report.sources)
    parts: list[RenderableType] = [title("Publishers cited")]
    # Each publisher's table is a block of its own, so each carries its marks: a header mark
    # covers its own table only, and a later table without one would read as the article's words.
    for publisher in report.publishers:
        parts.extend(_publisher(publisher, marks, width))
    parts.append(title("Articles"))
    with marks.once():  # mlcareer's notes on the articles are one reading: its mark on the first
        for article in report.articles:
            named = Text(article.title) if article.title is not None else Text("(untitled) ")
            if article.description is not None:
                named.append(f"{article.description.text} {marks.mark(article.description)}", style=DIM)
            parts.append(statement(f"{marks.cite(article.id)} {article.id}  ", named))
            if article.reading is not None:
                parts.append(
                    indented(Text(f"{article.reading.text} {marks.mark(article.reading)}".rstrip(), style=DIM))
                )
            line = Text(f"{article.figures} figures", style=DIM)
            if article.publishers:
                line.append(f"; cites {', '.join(article.publishers)}", style=DIM)
            parts.append(indented(line))
            if article.note:
                parts.append(indented(Text(f"{article.note.text} {marks.mark(article.note)}".rstrip(), style=DIM)))
    parts.append(marks.key())
    return Group(*parts)


def _publisher(publisher: Any, marks: Citations, width: int) -> list[RenderableType]:
    """A publisher's name and the table of its figures."""
    heading = title(publisher.publisher)
    heading.append(f" {marks.mark(publisher)}".rstrip(), style=DIM)
    heading.append(f"  ({len(publisher.figures)} figure{'s' if len(publisher.figures) != 1 else ''})", style=DIM)
    rows: list[list[Text | Bar]] = [
        [
            Text(f.value.text),
            Text(f.measure.text),
            dated(f.freshness),
            Text(f"{f.shown_by} ({f.kind})"),
            Text(f.provenance.source),
        ]
        for f in publisher.figures
    ]
    age = marks.mark(publisher.figures[0].freshness) if publisher.figures else ""
    columns = [
        Column(f"Figure {marks.reading(SHOWN_REASON)}".strip(), justify="right", no_wrap=True),
        Column(f"What it measures {marks.reading(MEASURE_REASON)}".strip(), ratio=3),
        Column(f"As of, age {age}".strip(), no_wrap=True),
        Column("Shown by", ratio=1),
        Column("Article", ratio=1),
    ]
    return [heading, indented(grid(columns, rows, width - 2))]


@view(SearchReport)
def search_view(report: SearchReport, width: int) -> RenderableType:
    if not report.hits:
        message = Text(f"No match for {_echoed(report.query)}.", style=WARNING)
        if report.suggestions:
            message.append(" Did you mean " + " or ".join(repr(s) for s in report.suggestions) + "?")
        else:
            message.append(" Try a shorter or more general word, such as 'salary', 'skills' or 'degree'.")
        return message
    citations = Citations(report.sources)
    parts: list[RenderableType] = [
        Text(
            f"{len(report.hits)} match{'es' if len(report.hits) != 1 else ''} for {_echoed(report.query)}",
            style=HEADING,
        )
    ]
    with citations.once():  # every hit is mlcareer's in the same way: that mark on the first
        for hit in report.hits:
            line = highlighted(hit.title, hit.title_matches)
            line.stylize(HEADING)
            whose = " ".join(dict.fromkeys(filter(None, (citations.mark(part) for part in hit.parts))))
            line.append(
                f"  {hit.section}, shown by: mlcareer {hit.command} {citations.mark(hit)} {whose}".rstrip(), style=DIM
            )
            parts.append(line)
            if hit.text:
                parts.append(indented(highlighted(hit.text, hit.text_matches)))
    parts.append(citations.key())
    return Group(*parts)


def _echoed(query: str, longest: int = 60) -> str:
    """The query as typed, shortened when long: a pasted page need not be printed back whole."""
    return (
        repr(query)
        if len(query) <= longest
        else repr(query[:longest]) + f" (and {len(query) - longest} more characters)"
    )
