"""Views of what the articles say as they stand: role, outlook, jobs, internships, sources, search."""

from __future__ import annotations

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
def role_view(report: RoleReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = [
        title(f"What a {report.title} is and does"),
        citations.marked(Text(report.summary.text), report.summary),
    ]
    for passage in [*report.passages, *([report.work_life_balance] if report.work_life_balance else [])]:
        if passage.title is not None:
            parts.append(cited_heading(passage.title, citations))
        text = paragraph(passage.text)
        parts.append(indented(text if heads_own_words(passage.title) else citations.marked(text, passage)))
    for listing in [*report.responsibilities, *(a for a in (report.best_aspects, report.worst_aspects) if a)]:
        parts.append(cited_heading(listing.title, citations))
        parts.append(bullets(listing.items))
        if not heads_own_words(listing.title):
            parts.append(indented(Text(citations.mark(listing), style=DIM)))
    parts.append(citations.key())
    return Group(*parts)


@view(OutlookReport)
def outlook_view(report: OutlookReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = [title(f"Outlook for a {report.career}")]
    if report.summary:
        summary = Text(report.summary)
        citations.marked(summary, report)
        parts.append(summary)
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
            Text(row.measure.text).append(f"\n{row.period.text if row.period else '-'}", style=DIM),
            citations.marked(Text(publisher_label(row.publisher)), row),
            dated(row.freshness),
        ]
        for row in report.figures
    ]
    if rows:
        parts.append(grid(columns, rows, width))
    if any(row.freshness.stale for row in report.figures):
        parts.append(stale_note())
    if report.drivers_heading is not None:
        parts.append(cited_heading(report.drivers_heading, citations))
        parts.append(bullets([f"{driver.text} {citations.mark(driver)}" for driver in report.drivers]))
    for said in report.statements:
        parts.append(hanging("- ", citations.marked(Text(said.text), said), 0))
    if not rows and not report.statements and not report.summary:
        parts.append(Text("The data set has no outlook figures.", style=DIM))
    parts.append(citations.key())
    return Group(*parts)


@view(JobsReport)
def jobs_view(report: JobsReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = [title(f"Who hires a {report.career}")]
    if report.industries:
        rows: list[list[Text | Bar]] = [[citations.marked(Text(i.name), i), Text(i.work)] for i in report.industries]
        parts.append(title("Industries"))
        parts.append(grid([Column("Industry", ratio=1), Column("The work", ratio=3)], rows, width))
    if report.employer_types:
        rows = [
            [citations.marked(Text(e.name), e), Text(e.work), Text(", ".join(e.examples) or "-")]
            for e in report.employer_types
        ]
        columns = [Column("Type of company", ratio=2), Column("The work", ratio=4), Column("Examples", ratio=2)]
        parts.append(title("Companies that hire"))
        parts.append(grid(columns, rows, width))
    if report.career_paths:
        parts.append(title("Career paths after graduating"))
        for path in report.career_paths:
            parts.append(indented(statement(f"{path.name}: ", citations.marked(Text(path.description), path))))
    if report.entry_roles is not None:
        parts.append(cited_heading(report.entry_roles.title, citations))
        parts.append(bullets(report.entry_roles.items))
        if not heads_own_words(report.entry_roles.title):
            parts.append(indented(Text(citations.mark(report.entry_roles), style=DIM)))
    if report.related_careers is not None:
        related = report.related_careers
        parts.append(cited_heading(related.title, citations))
        if related.items:
            parts.append(bullets(related.items))
        elif related.note is not None:
            parts.append(indented(citations.marked(Text(related.note.text, style=DIM), related.note)))
        else:
            parts.append(indented(Text("None listed.", style=DIM)))
    if len(parts) == 1:
        parts.append(Text("The data set says nothing about who hires.", style=DIM))
    parts.append(citations.key())
    return Group(*parts)


@view(InternshipsReport)
def internships_view(report: InternshipsReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    rows: list[list[Text | Bar]] = [
        [citations.marked(Text(i.name), i), Text(i.description), Text(", ".join(i.examples) or "-")]
        for i in report.internships
    ]
    columns = [Column("Kind", ratio=1), Column("What it involves", ratio=4), Column("Examples", ratio=1)]
    parts: list[RenderableType] = [title(f"Internships for a future {report.career}")]
    parts.append(grid(columns, rows, width) if rows else Text("The data set lists no internships.", style=DIM))
    parts.append(citations.key())
    return Group(*parts)


@view(SourcesReport)
def sources_view(report: SourcesReport, width: int) -> RenderableType:
    marks = Citations(report.sources)
    parts: list[RenderableType] = [title("Publishers cited")]
    for publisher in report.publishers:
        heading = title(publisher.publisher)
        heading.append(f" {marks.mark(publisher)}", style=DIM)
        heading.append(f"  ({len(publisher.figures)} figure{'s' if len(publisher.figures) != 1 else ''})", style=DIM)
        parts.append(heading)
        rows: list[list[Text | Bar]] = [
            [
                Text(f.value.text),
                Text(f.measure.text),
                dated(f.freshness),
                Text(f"{f.shown_by} ({f.kind})"),
                Text(f.source),
            ]
            for f in publisher.figures
        ]
        columns = [
            Column(f"Figure {marks.reading(SHOWN_REASON)}", justify="right", no_wrap=True),
            Column(f"What it measures {marks.reading(MEASURE_REASON)}", ratio=3),
            Column(
                f"As of, age {marks.mark(publisher.figures[0].freshness)}" if publisher.figures else "As of, age",
                no_wrap=True,
            ),
            Column("Shown by", ratio=1),
            Column("Article", ratio=1),
        ]
        parts.append(indented(grid(columns, rows, width - 2)))
    parts.append(title("Articles"))
    for article in report.articles:
        named = Text(article.title) if article.title is not None else Text("(untitled) ")
        if article.description is not None:
            named.append(f"{article.description.text} {marks.mark(article.description)}", style=DIM)
        parts.append(statement(f"{marks.cite(article.id)} {article.id}  ", named))
        if article.reading is not None:
            parts.append(indented(Text(f"{article.reading.text} {marks.mark(article.reading)}", style=DIM)))
        line = Text(f"{article.figures} figures", style=DIM)
        if article.publishers:
            line.append(f"; cites {', '.join(article.publishers)}", style=DIM)
        parts.append(indented(line))
        if article.note:
            parts.append(indented(Text(f"{article.note.text} {marks.mark(article.note)}", style=DIM)))
    parts.append(marks.key())
    return Group(*parts)


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
    for hit in report.hits:
        line = highlighted(hit.title, hit.title_matches)
        line.stylize(HEADING)
        whose = " ".join(dict.fromkeys(citations.mark(part) for part in hit.parts))
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
