"""The view of `validate`: one line per problem, or one line of what a valid file holds."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from ml_career.dataset.validation import ValidationReport
from ml_career.render.registry import view


@view(ValidationReport)
def validation_view(report: ValidationReport, width: int) -> RenderableType:
    # Lines that editors, scripts and grep read (FILE:LINE: field: message), so they are never wrapped.
    if not report.valid:
        return Text("\n".join(report.problem_lines), no_wrap=True)
    counts = ", ".join(f"{count} {name}" for name, count in report.counts.items())
    return Text(f"{report.file}: valid. {report.title}: {counts}.", no_wrap=True)
