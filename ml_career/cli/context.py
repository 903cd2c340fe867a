"""The one place that reads --data: commands and completion load the same data file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ml_career.dataset.models import CareerData


def data_option(ctx: typer.Context) -> Path | None:
    """The --data given to the whole command line, if any."""
    value = ctx.find_root().params.get("data")
    return value if isinstance(value, Path) else None


def career(ctx: typer.Context) -> CareerData:
    """The validated data the command line was pointed at."""
    from ml_career.dataset.loading import load_career

    return load_career(data_option(ctx))
