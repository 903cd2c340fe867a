"""Which view shows which report: a table from report type to view, filled by the view modules.

Each view module registers its views with `@view(ReportType)`, so the type
checker sees that a view takes the report it is registered for. The modules
are imported the first time a report is rendered.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar

from rich.console import RenderableType

R = TypeVar("R")
View = Callable[[R, int], RenderableType]

# The modules under ml_career.render that define views, one per command family.
VIEW_MODULES = ("pay", "learning", "catalog", "advisor", "data")

_views: dict[type, Callable[[Any, int], RenderableType]] = {}


def view(report_type: type[R]) -> Callable[[View[R]], View[R]]:
    """Register the decorated function as the view of `report_type`."""

    def register(function: View[R]) -> View[R]:
        _views[report_type] = function
        return function

    return register


def registered_views() -> dict[type, Callable[[Any, int], RenderableType]]:
    for name in VIEW_MODULES:
        importlib.import_module(f"ml_career.render.{name}")
    return dict(_views)


def render(report: object, width: int) -> RenderableType:
    """The view of any report at `width` columns: one renderable, printed once by the caller."""
    found = _views.get(type(report))
    if found is None:
        found = registered_views()[type(report)]
    return found(report, width)
