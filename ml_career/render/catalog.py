"""Views of what the articles say as they stand: role, outlook, jobs, internships, sources, search."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ml_career.queries.internships import InternshipsReport
from ml_career.queries.jobs import JobsReport
from ml_career.queries.outlook import OutlookReport
from ml_career.queries.role import RoleReport
from ml_career.queries.search import SearchReport
from ml_career.queries.sources import SourcesReport
from ml_career.queries.wording import publisher_label
from ml_career.render.registry import view
from ml_career.render.widgets import (
    DIM,
    HEADING,
    WARNING,
    Citations,
    Column,
    age_cell,
    bullets,
    cited_heading,
    grid,
    highlighted,
    paragraph,
    stale_note,
    title,
)


@view(RoleReport)
def role_view(report: RoleReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = [title(f"What a {report.title} is and does"), Text(report.summary)]
    for passage in report.passages:
        parts.append(cited_heading(passage.title or "", passage, citations))
        parts.append(Padding(paragraph(passage.text), (0, 0, 0, 2)))
    for listing in report.responsibilities:
        parts.append(cited_heading(listing.title, listing, citations))
        parts.append(bullets(listing.items))
    for aspects in (report.best_aspects, report.worst_aspects):
        if aspects is not None:
            parts.append(cited_heading(aspects.title, aspects, citations))
            parts.append(bullets(aspects.items))
    if report.work_life_balance is not None:
        balance = report.work_life_balance
        parts.append(cited_heading(balance.title or "Work-life balance", balance, citations))
        parts.append(Padding(paragraph(balance.text), (0, 0, 0, 2)))
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
        Column("Figure", justify="right", no_wrap=True),
        Column("What it measures", ratio=3),
        Column("Period", ratio=1),
        Column("Publisher", ratio=1),
        Column("As of", no_wrap=True),
        Column(f"Age {citations.mark(report.figures[0].freshness)}" if report.figures else "Age", no_wrap=True),
        Column("Src", no_wrap=True),
    ]
    rows = [
        [
            Text(row.shown),
            Text(row.measure),
            Text(row.period or "-"),
            Text(publisher_label(row.publisher)),
            Text(row.freshness.as_of or "undated"),
            age_cell(row.freshness),
            Text(citations.mark(row)),
        ]
        for row in report.figures
    ]
    if rows:
        parts.append(grid(columns, rows, width))
    if any(row.freshness.stale for row in report.figures):
        parts.append(stale_note())
    if report.drivers:
        parts.append(title("What drives demand"))
        parts.append(bullets(report.drivers))
    for statement in report.statements:
        line = Text("- ")
        line.append(statement.text)
        citations.marked(line, statement)
        parts.append(line)
    if not rows and not report.statements and not report.summary:
        parts.append(Text("The data set has no outlook figures.", style=DIM))
    parts.append(citations.key())
    return Group(*parts)


@view(JobsReport)
def jobs_view(report: JobsReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    parts: list[RenderableType] = [title(f"Who hires a {report.career}")]
    if report.industries:
        rows = [[Text(i.name), Text(i.work), Text(citations.mark(i))] for i in report.industries]
        parts.append(Text("Industries", style=HEADING))
        parts.append(grid([Column("Industry", ratio=1), Column("The work", ratio=3), Column("Src")], rows, width))
    if report.employer_types:
        rows = [
            [Text(e.name), Text(e.work), Text(", ".join(e.examples) or "-"), Text(citations.mark(e))]
            for e in report.employer_types
        ]
        columns = [
            Column("Type of company", ratio=2),
            Column("The work", ratio=4),
            Column("Examples", ratio=2),
            Column("Src"),
        ]
        parts.append(Text("Companies that hire", style=HEADING))
        parts.append(grid(columns, rows, width))
    if report.career_paths:
        parts.append(Text("Career paths after graduating", style=HEADING))
        for path in report.career_paths:
            line = Text(f"  {path.name}: ", style=HEADING)
            line.append(path.description)
            citations.marked(line, path)
            parts.append(line)
    if report.entry_roles is not None:
        parts.append(cited_heading(report.entry_roles.title, report.entry_roles, citations))
        parts.append(bullets(report.entry_roles.items))
    if report.related_careers is not None:
        related = report.related_careers
        parts.append(cited_heading(related.title, related, citations))
        parts.append(
            bullets(related.items) if related.items else Text(f"  {related.note or 'None listed.'}", style=DIM)
        )
    if len(parts) == 1:
        parts.append(Text("The data set says nothing about who hires.", style=DIM))
    parts.append(citations.key())
    return Group(*parts)


@view(InternshipsReport)
def internships_view(report: InternshipsReport, width: int) -> RenderableType:
    citations = Citations(report.sources)
    rows = [
        [Text(i.name), Text(i.description), Text(", ".join(i.examples) or "-"), Text(citations.mark(i))]
        for i in report.internships
    ]
    columns = [Column("Kind", ratio=1), Column("What it involves", ratio=4), Column("Examples", ratio=1), Column("Src")]
    parts: list[RenderableType] = [title(f"Internships for a future {report.career}")]
    parts.append(grid(columns, rows, width) if rows else Text("The data set lists no internships.", style=DIM))
    parts.append(citations.key())
    return Group(*parts)


@view(SourcesReport)
def sources_view(report: SourcesReport, width: int) -> RenderableType:
    marks = Citations([])
    parts: list[RenderableType] = [title("Publishers cited")]
    for publisher in report.publishers:
        heading = Text(publisher.publisher, style=HEADING)
        heading.append(f" {marks.mark(publisher)}", style=DIM)
        heading.append(f"  ({len(publisher.figures)} figure{'s' if len(publisher.figures) != 1 else ''})", style=DIM)
        parts.append(heading)
        rows = [
            [
                Text(f.value),
                Text(f.measure),
                Text(f.freshness.as_of or "undated"),
                age_cell(f.freshness),
                Text(f"{f.shown_by} ({f.kind})"),
                Text(f.source),
            ]
            for f in publisher.figures
        ]
        columns = [
            Column("Figure", justify="right", no_wrap=True),
            Column("What it measures", ratio=3),
            Column("As of", no_wrap=True),
            Column(f"Age {marks.mark(publisher.figures[0].freshness)}" if publisher.figures else "Age", no_wrap=True),
            Column("Shown by", no_wrap=True),
            Column("Article", ratio=1),
        ]
        parts.append(Padding(grid(columns, rows, width - 2), (0, 0, 0, 2)))
    parts.append(title("Articles"))
    for article in report.articles:
        line = Text(article.id, style=HEADING)
        line.append(f"  {article.title}\n")
        line.append(f"  {article.figures} figures", style=DIM)
        if article.publishers:
            line.append(f"; cites {', '.join(article.publishers)}", style=DIM)
        if article.note:
            line.append(f"\n  {article.note.text} {marks.mark(article.note)}", style=DIM)
        parts.append(line)
    parts.append(marks.key())
    return Group(*parts)


@view(SearchReport)
def search_view(report: SearchReport, width: int) -> RenderableType:
    if not report.hits:
        message = Text(f"No match for {report.query!r}.", style=WARNING)
        if report.suggestions:
            message.append(" Did you mean " + " or ".join(repr(s) for s in report.suggestions) + "?")
        else:
            message.append(" Try a shorter or more general word, such as 'salary', 'skills' or 'degree'.")
        return message
    citations = Citations(report.sources)
    parts: list[RenderableType] = [
        Text(f"{len(report.hits)} match{'es' if len(report.hits) != 1 else ''} for {report.query!r}", style=HEADING)
    ]
    for hit in report.hits:
        line = highlighted(hit.title, hit.title_matches)
        line.stylize(HEADING)
        line.append(f"  {hit.section}, shown by: mlcareer {hit.command} {citations.mark(hit)}", style=DIM)
        parts.append(line)
        if hit.text:
            parts.append(Padding(highlighted(hit.text, hit.text_matches), (0, 0, 0, 2)))
    parts.append(citations.key())
    return Group(*parts)
