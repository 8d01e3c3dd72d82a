"""The package's floors: a module imports only from its own floor or the floors below, with no circles.

Imports are read from the source (module level and inside functions: a lazy import
is still a dependency); imports under ``if TYPE_CHECKING:`` are left out, since
they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "followup"

# Lowest first. A module may import from its own floor or any floor below it.
FLOORS: list[set[str]] = [
    {"errors", "_ids", "_atomic", "_pool", "_read", "changes", "typing", "_kinds"},
    {"channels", "timing", "_holidays", "_validate", "names", "lang", "_terminal"},
    {"model", "render", "tone", "_tone_checks", "_tone_data", "_tone_scorer", "drafts", "wording"},
    {"_convert"},
    {"timeline"},
    {"steps", "fields"},
    {"schedule"},
    {"registry"},
    {"plan"},
    {"presets", "case"},
    {"codec"},
    {"interview_file", "files", "ical", "_vtimezone", "caldav", "batch", "testing"},
    {"cli", "__main__"},
]


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join(parts)


def _top(name: str) -> str:
    """``followup.ical.merge`` belongs to ``ical``; ``followup`` itself to ``__init__``."""
    return name.split(".", 1)[0] if name else "__init__"


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path) -> set[str]:
    """The ``followup`` modules a file imports at run time (``typing``, ``ical``...)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "followup":
                found.update(_top(a.name) for a in node.names if a.name != "__version__")
            elif node.module.startswith("followup."):
                found.add(_top(node.module.removeprefix("followup.")))
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("followup."):
                    found.add(_top(a.name.removeprefix("followup.")))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = _top(_module_name(path))
        if name == "__init__":
            continue  # the package's lazy re-exports of everything
        graph.setdefault(name, set()).update(_imports(path) - {name, "__init__"})
    return graph


def _floor(name: str) -> int | None:
    for i, floor in enumerate(FLOORS):
        if name in floor:
            return i
    return None


class TestFloors:
    def test_every_module_has_a_floor(self) -> None:
        unknown = sorted(name for name in _graph() if _floor(name) is None)
        assert unknown == [], f"add these modules to a floor in {__file__}: {unknown}"

    def test_no_module_imports_from_a_floor_above(self) -> None:
        graph = _graph()
        upward = sorted(
            f"{name} imports {dep}"
            for name, deps in graph.items()
            for dep in deps
            if (_floor(name) or 0) < (_floor(dep) or 0)
        )
        assert upward == []

    def test_no_import_circles(self) -> None:
        graph = _graph()
        seen: set[str] = set()

        def walk(name: str, path: list[str]) -> None:
            if name in path:
                raise AssertionError("import circle: " + " -> ".join([*path[path.index(name) :], name]))
            if name in seen:
                return
            for dep in sorted(graph.get(name, ())):
                walk(dep, [*path, name])
            seen.add(name)

        for name in sorted(graph):
            walk(name, [])

    def test_typing_is_a_leaf(self) -> None:
        assert _graph()["typing"] == set()

    def test_the_old_circles_are_gone(self) -> None:
        graph = _graph()
        assert "drafts" in graph["model"]
        assert "model" not in graph["drafts"]
        assert "plan" not in graph["registry"]
        assert "plan" not in graph["steps"]
        assert "registry" not in graph["steps"]
