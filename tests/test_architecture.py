"""The package's shape: layers whose imports go one way, small modules, a view for every report."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "ml_career"
# Lowest first: a module may import from its own layer and the layers before it.
LAYERS = ("foundation", "dataset", "queries", "advisor", "render", "cli", "entry")
FOUNDATION = {"errors", "atomic"}
ENTRY = {"entry", "__main__", "__init__"}
MAX_LINES = 400


def layer_of(module: str) -> str:
    """`ml_career.queries.salary` -> queries; the process entry sits above the command line it starts."""
    parts = module.split(".")[1:]
    if parts and parts[0] in LAYERS:
        return parts[0]
    if (parts and parts[0] in ENTRY | {""}) or not parts:
        return "entry"
    return "foundation"


class Import(NamedTuple):
    importer: str
    imported: str
    line: int


def module_name(path: Path, package: Path) -> str:
    relative = path.relative_to(package.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1] if len(parts) > 1 else parts
    return ".".join(parts)


def imports_of(path: Path, package: Path) -> list[Import]:
    """Every import of the package's own modules in `path`, at any depth (lazy imports too)."""
    importer = module_name(path, package)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                target = name if (package / Path(*name.split(".")[1:])).with_suffix(".py").exists() else node.module
                if target.split(".")[0] == package.name:
                    found.append(Import(importer, target, node.lineno))
        elif isinstance(node, ast.Import):
            found += [Import(importer, a.name, node.lineno) for a in node.names if a.name.startswith(package.name)]
    return found


def all_imports(package: Path) -> list[Import]:
    return [imp for path in sorted(package.rglob("*.py")) for imp in imports_of(path, package)]


def upward_imports(package: Path) -> list[str]:
    return [
        f"{imp.importer}:{imp.line} imports {imp.imported} ({layer_of(imp.importer)} -> {layer_of(imp.imported)})"
        for imp in all_imports(package)
        if LAYERS.index(layer_of(imp.imported)) > LAYERS.index(layer_of(imp.importer))
    ]


def import_cycles(package: Path) -> list[list[str]]:
    graph: dict[str, set[str]] = {}
    for imp in all_imports(package):
        if imp.imported != imp.importer:
            graph.setdefault(imp.importer, set()).add(imp.imported)
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the current path, 2 finished

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return cycles


def test_imports_go_one_way_only() -> None:
    assert upward_imports(PACKAGE) == []


def test_no_import_cycles() -> None:
    assert import_cycles(PACKAGE) == []


def _broken_copy(tmp_path: Path, module: str, line: str) -> Path:
    import shutil

    copy = tmp_path / "ml_career"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n\ndef _broken() -> None:\n    {line}\n")
    return copy


def test_the_direction_check_catches_a_lazy_upward_import(tmp_path: Path) -> None:
    copy = _broken_copy(tmp_path, "queries/salary.py", "from ml_career.render.output import show")
    assert upward_imports(copy) == [
        f"ml_career.queries.salary:{_last_line(copy / 'queries/salary.py')} imports "
        "ml_career.render.output (queries -> render)"
    ]


def test_the_cycle_check_catches_a_cycle_within_a_layer(tmp_path: Path) -> None:
    copy = _broken_copy(tmp_path, "queries/wording.py", "from ml_career.queries.salary import salary_report")
    pair = {"ml_career.queries.salary", "ml_career.queries.wording"}
    assert [cycle for cycle in import_cycles(copy) if set(cycle) == pair] != []


def _last_line(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_400_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_layer_packages_are_empty_namespaces() -> None:
    for layer in LAYERS[1:-1]:
        assert (PACKAGE / layer / "__init__.py").read_text(encoding="utf-8") == "", layer


def test_every_report_type_has_a_view() -> None:
    """Every NamedTuple whose name ends in Report, anywhere below render/, is registered."""
    import importlib

    from ml_career.render.registry import registered_views

    views = registered_views()
    report_types = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path, PACKAGE)
        if layer_of(name) not in ("dataset", "queries", "advisor"):
            continue
        module = importlib.import_module(name)
        report_types += [
            value
            for key, value in vars(module).items()
            if key.endswith("Report") and isinstance(value, type) and value.__module__ == name
        ]
    assert len(report_types) >= 15
    assert [t.__qualname__ for t in report_types if t not in views] == []


def test_each_report_is_viewed_by_the_module_named_for_it() -> None:
    """A run imports one view module: the one the registry names for the report's module."""
    from ml_career.render.registry import registered_views
    from ml_career.wiring import VIEW_MODULES

    for report_type, view_function in registered_views().items():
        assert view_function.__module__ == f"ml_career.render.{VIEW_MODULES[report_type.__module__]}"


def test_the_wiring_is_what_the_decorators_say() -> None:
    """ml_career/wiring.py is derived, never kept by hand: it holds what the @command and @view say."""
    from ml_career.cli.app import derived_command_modules
    from ml_career.render.registry import derived_view_modules
    from ml_career.wiring import COMMAND_MODULES, VIEW_MODULES

    assert list(COMMAND_MODULES.items()) == list(derived_command_modules().items())
    assert derived_view_modules() == VIEW_MODULES


def test_every_module_that_defines_commands_is_a_family() -> None:
    import importlib

    from ml_career.cli.commands import FAMILIES

    defining = [
        path.stem
        for path in sorted((PACKAGE / "cli").glob("*.py"))
        if hasattr(importlib.import_module(f"ml_career.cli.{path.stem}"), "commands")
    ]
    assert sorted(defining) == sorted(FAMILIES)
