"""Which view shows which report: a table from report type to view, filled by the view modules.

Each view module registers its views with `@view(ReportType)`, so the type
checker sees that a view takes the report it is registered for. A run renders
one report, so only the view module for that report's module is imported:
importing every view module would import every query module with it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar

from rich.console import RenderableType

R = TypeVar("R")
View = Callable[[R, int], RenderableType]

# The module that builds a report -> the module under ml_career.render that views it.
VIEW_MODULE_OF: dict[str, str] = {
    "ml_career.queries.salary": "pay",
    "ml_career.queries.ladder": "pay",
    "ml_career.queries.skills": "learning",
    "ml_career.queries.education": "learning",
    "ml_career.queries.resources": "learning",
    "ml_career.queries.role": "catalog",
    "ml_career.queries.outlook": "catalog",
    "ml_career.queries.jobs": "catalog",
    "ml_career.queries.internships": "catalog",
    "ml_career.queries.sources": "catalog",
    "ml_career.queries.search": "catalog",
    "ml_career.advisor.plan": "advisor",
    "ml_career.advisor.progress": "advisor",
    "ml_career.advisor.fit": "advisor",
    "ml_career.advisor.gap": "gap",
    "ml_career.advisor.gap_against": "gap",
    "ml_career.dataset.validation": "data",
}

_views: dict[type, Callable[[Any, int], RenderableType]] = {}


def view(report_type: type[R]) -> Callable[[View[R]], View[R]]:
    """Register the decorated function as the view of `report_type`."""

    def register(function: View[R]) -> View[R]:
        _views[report_type] = function
        return function

    return register


def registered_views() -> dict[type, Callable[[Any, int], RenderableType]]:
    """Every view, once each view module has registered its own."""
    for name in sorted(set(VIEW_MODULE_OF.values())):
        importlib.import_module(f"ml_career.render.{name}")
    return dict(_views)


def render(report: object, width: int) -> RenderableType:
    """The view of any report at `width` columns: one renderable, printed once by the caller."""
    report_type = type(report)
    if report_type not in _views and report_type.__module__ in VIEW_MODULE_OF:
        importlib.import_module(f"ml_career.render.{VIEW_MODULE_OF[report_type.__module__]}")
    return _views[report_type](report, width)
