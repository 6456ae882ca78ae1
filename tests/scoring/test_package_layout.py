"""The modules of scoring depend on each other in one direction: no import cycle.

Imports inside functions count too: a lazy import hides a cycle from the interpreter, not
from a reader. Imports under ``if TYPE_CHECKING:`` do not count (they never run).
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "scoring"


def module_files() -> dict[str, Path]:
    """Dotted module name → file, for every module of the package."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imported(node: ast.AST, modules: dict[str, Path]) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        # from package import submodule names the submodule; from module import name the module
        return {f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules
                else node.module for alias in node.names}
    return set()


def _nodes(tree: ast.Module):
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports anywhere in its code."""
    modules = module_files()
    graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets = set().union(*(_imported(node, modules) for node in _nodes(tree)))
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One path per cycle found by a depth-first search (empty when the graph has none)."""
    state: dict[str, str] = {}
    found: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for following in sorted(graph[node]):
            if state.get(following) == "open":
                found.append([*path[path.index(following):], following])
            elif following not in state:
                visit(following, [*path, following])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return found


def test_the_scoring_modules_import_each_other_without_cycles():
    graph = import_graph()
    assert {"scoring.xlsform.read", "scoring.xlsform.write", "scoring.engine.score"} <= set(graph)
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
