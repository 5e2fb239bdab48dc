"""The layout keeps its promises: a pure core, no import circles between the pipeline's stages,
and the habits (lint, format, types) hold on every commit."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "meetings"


def imports_of(path: Path) -> set[str]:
    """The absolute module names a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                if node.module:
                    found.add(".".join([*base, node.module]))
                else:  # "from . import chrome": the names are modules of the package
                    found.update(".".join([*base, alias.name]) for alias in node.names)
            elif node.module:
                found.add(node.module)
    return found


def test_the_core_is_pure_python_with_no_django_and_nothing_outside_the_core():
    offenders = {}
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        bad = sorted(
            name
            for name in imports_of(path)
            if name.split(".")[0] in {"django", "rest_framework", "drf_spectacular", "psycopg"}
            or (name.startswith("meetings") and not name.startswith("meetings.core"))
        )
        if bad:
            offenders[str(path.relative_to(ROOT))] = bad
    assert offenders == {}


def test_no_import_circle_between_modules_of_the_app():
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        graph[module] = {name for name in imports_of(path) if name.startswith("meetings.")}
    modules = set(graph)
    graph = {m: {d for d in deps if d in modules and d != m} for m, deps in graph.items()}
    # Tarjan's strongly connected components: any component of two or more modules is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for dep in sorted(graph[node]):
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in on_stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert circles == []


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is not installed in this environment (make venv installs it)"
    return found


def test_ruff_lint_and_format_are_clean():
    lint = subprocess.run(
        [tool("ruff"), "check", "--quiet", str(ROOT)], capture_output=True, text=True, cwd=ROOT
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = subprocess.run(
        [tool("ruff"), "format", "--check", "--quiet", str(ROOT)], capture_output=True, text=True, cwd=ROOT
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_the_core_type_checks():
    result = subprocess.run([tool("mypy")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_browser_tests_never_wait_on_a_predicate_the_pages_csp_forbids():
    # Playwright polls a predicate given as a string, when it is not true at once, by eval inside
    # the page; the site's Content-Security-Policy (script-src 'self') forbids that, so such a wait
    # fails only when the page is slower than the test: a flaky test. Wait on selectors, the URL or
    # expect() instead.
    offending = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "wait_for_function"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                offending.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offending, offending
