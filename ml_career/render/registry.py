"""Which view shows which report: a table from report type to view, filled by the view modules.

Each view module registers its views with `@view(ReportType)`, so the type
checker sees that a view takes the report it is registered for. A run renders
one report, so only the view module for that report's module is imported:
importing every view module would import every query module with it.
ml_career/wiring.py, derived from the decorators, says which module that is.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from rich.console import RenderableType

from ml_career.wiring import VIEW_MODULES

if TYPE_CHECKING:
    from ml_career.render.disclosure import Disclosure

R = TypeVar("R")
# A view returns its renderable, or a Disclosure: its answer and the detail --sources adds.
View = Callable[[R, int], "RenderableType | Disclosure"]

_views: dict[type, Callable[[Any, int], RenderableType | Disclosure]] = {}


def view(report_type: type[R]) -> Callable[[View[R]], View[R]]:
    """Register the decorated function as the view of `report_type`."""

    def register(function: View[R]) -> View[R]:
        _views[report_type] = function
        return function

    return register


def registered_views() -> dict[type, Callable[[Any, int], RenderableType | Disclosure]]:
    """Every view, once each view module has registered its own."""
    for name in sorted(set(VIEW_MODULES.values())):
        importlib.import_module(f"ml_career.render.{name}")
    return dict(_views)


def derived_view_modules() -> dict[str, str]:
    """Each report module's view module, read from the @view decorators: what ml_career/wiring.py holds."""
    import os
    import pkgutil

    for module in pkgutil.iter_modules([os.path.dirname(__file__)]):
        importlib.import_module(f"ml_career.render.{module.name}")
    found = {report.__module__: function.__module__.rpartition(".")[2] for report, function in _views.items()}
    return dict(sorted(found.items()))


def render(report: object, width: int, sources: bool = False) -> RenderableType:
    """The view of any report at `width` columns, with its full detail if `sources`: one renderable,
    printed once by the caller."""
    from ml_career.render.disclosure import Disclosure, shown

    report_type = type(report)
    if report_type not in _views and report_type.__module__ in VIEW_MODULES:
        importlib.import_module(f"ml_career.render.{VIEW_MODULES[report_type.__module__]}")
    drawn = _views[report_type](report, width)
    return shown(drawn, sources) if isinstance(drawn, Disclosure) else drawn
