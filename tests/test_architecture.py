"""The layout rules of docs/architecture.md, checked on the source itself.

- dependencies point one way: ``web -> skillgraph -> libraries``; ``skillgraph`` never
  imports flask, jinja2 or the web package;
- no import cycle among ``skillgraph`` modules, nor among ``web`` modules (imports made
  inside functions count too: a lazy import hides a cycle, it does not remove it; only
  imports for type checkers, under ``if TYPE_CHECKING:``, are left out);
- no hand-written module over 450 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

from .helpers import ROOT

PACKAGES = {"skillgraph": ROOT / "skillgraph", "skillgraph_web": ROOT / "web"}
MAX_LINES = 450
#: Generated or data-only modules the size rule does not apply to (none today).
GENERATED: set[str] = set()


def _module_name(package: str, path: Path) -> str:
    rel = path.relative_to(PACKAGES[package]).with_suffix("")
    parts = [package, *rel.parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(package, path): path
        for package, root in PACKAGES.items()
        for path in sorted(root.rglob("*.py"))
    }


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules ``name`` imports at run time (absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            # ``from . import x`` imports the module ``x`` when there is one.
            for alias in node.names:
                if f"{module}.{alias.name}" in known:
                    found.add(f"{module}.{alias.name}")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    modules = _modules()
    known = set(modules)
    g = nx.DiGraph()
    for name, path in modules.items():
        g.add_node(name)
        for target in _imports(name, path, known):
            g.add_edge(name, target)
    return g


def _cycles(g: nx.DiGraph, package: str) -> list[list[str]]:
    own = g.subgraph([n for n in g if n == package or n.startswith(package + ".")])
    # A package's __init__ importing its own submodules is how packages export names.
    own = nx.DiGraph(
        (a, b) for a, b in own.edges if not (b.startswith(a + ".") and a in PACKAGES_AND_SUBS)
    )
    return [sorted(c) for c in nx.strongly_connected_components(own) if len(c) > 1]


PACKAGES_AND_SUBS = {
    _module_name(p, path) for p, root in PACKAGES.items() for path in root.rglob("__init__.py")
}


def test_the_import_graph_is_read(graph):
    # The rule below must see real edges, or it would pass on anything.
    assert graph.has_edge("skillgraph.graph", "skillgraph.careers")
    assert graph.has_edge("skillgraph.careers.model", "skillgraph.careers.paths")
    assert graph.has_edge("skillgraph_web.pages", "skillgraph_web.career_results")


@pytest.mark.parametrize("package", ["skillgraph", "skillgraph_web"])
def test_no_import_cycle(graph, package):
    assert _cycles(graph, package) == []


def test_the_cycle_check_finds_a_cycle():
    g = nx.DiGraph([("skillgraph.a", "skillgraph.b"), ("skillgraph.b", "skillgraph.a")])
    assert _cycles(g, "skillgraph") == [["skillgraph.a", "skillgraph.b"]]


def test_the_library_never_imports_the_web_layer(graph):
    forbidden = ("flask", "jinja2", "werkzeug", "skillgraph_web", "web", "pyvis")
    offenders = sorted(
        (a, b)
        for a, b in graph.edges
        if a.startswith("skillgraph.") or a == "skillgraph"
        if b.split(".")[0] in forbidden
    )
    assert offenders == []


def test_modules_stay_small():
    too_long = {
        name: n
        for name, path in _modules().items()
        if name not in GENERATED
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


def test_the_algorithms_do_not_touch_rdf(graph):
    """The career engine and the taxonomy arrays take plain data: no store, no RDF."""
    pure = [n for n in graph if n.startswith("skillgraph.careers") or n == "skillgraph.taxonomy"]
    rdf = ("pyoxigraph", "rdflib", "oxrdflib", "skillgraph.store", "skillgraph.sparql")
    offenders = sorted(
        (a, b)
        for a in pure
        for b in nx.descendants(graph, a)
        if b.startswith(rdf) or _package_of(b) in rdf
    )
    assert offenders == []


def _package_of(module: str) -> str:
    return module.rsplit(".", 1)[0]
