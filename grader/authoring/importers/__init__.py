"""Importers: nbgrader source notebooks and Otter Assign master notebooks -> assignment folders.

Both produce the same folder, the format `grader new` writes and this engine grades:

    <out>/assignment.toml   module, title, reference = "solution.py"
    <out>/solution.py       the notebook's code cells in order, markdown as comments, solution
                            regions as ### BEGIN/END SOLUTION (the release strips them)
    <out>/visible_tests.py  one @test_case per visible test cell
    <out>/hidden_tests.py   one @test_case per hidden test cell (or hidden region)

A test cell becomes a test function whose body is the cell's code, with each function the
notebook defines bound to the student's version first (`relu = student.relu`) and each notebook
variable to its value, so the assert statements of the original run unchanged against the
sandboxed student code (grader.authoring.importers.testcode).
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from grader.authoring.importers.testcode import has_autotest, plotted_output, test_function
from grader.authoring.scaffold import module_name
from grader.config import load_assignment
from grader.run.reference import import_reference
from grader.testing import load_assignment_tests


class ImportError_(Exception):
    """The notebook cannot be imported; the message names the cell and the fix."""


@dataclass(frozen=True)
class ImportedTest:
    name: str
    visibility: Literal["visible", "hidden"]
    points: float
    code: str
    """The cell's code (markers removed), to run with the notebook's functions bound."""
    origin: str
    """Where it came from, for the docstring: e.g. 'cell 5 (grade_id test_relu)'."""
    expected: str | None = None
    """Otter: the recorded text/plain output the last expression must reproduce."""


@dataclass
class Imported:
    """What an importer read from a notebook."""

    title: str
    solution: str
    tests: list[ImportedTest]
    notes: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    """Graded parts that cannot be carried over (the import then exits non-zero)."""
    helpers: list[str] = field(default_factory=list)
    seed_cells: int | None = None
    """Seed random and numpy before every cell of a submission ([load] seed_cells: Otter)."""
    """Functions the test cells define at their top level: later cells of the notebook may use
    them (one kernel), so both tests files define them."""


def cell_source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def read_notebook(path: Path) -> list[dict[str, Any]]:
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ImportError_(f"{path}: not a Jupyter notebook (nbformat 4): {exc}") from exc
    if not isinstance(cells, list):
        raise ImportError_(f"{path}: not a Jupyter notebook: 'cells' is not a list")
    return cells


def title_of(cells: list[dict[str, Any]], default: str) -> str:
    """The first top-level heading (`# Title`) outside fenced code (Otter's ```otter config
    block starts with `# ASSIGNMENT CONFIG`); a notebook without one (nbgrader's problem1
    starts at `## Part A`) keeps `default`."""
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            fenced = False
            for line in cell_source(cell).splitlines():
                fenced = fenced != line.lstrip().startswith("```")
                if line.startswith("# ") and not fenced:
                    return line.lstrip("#").strip() or default
    return default


def as_comment(markdown: str) -> str:
    return "\n".join(f"# {line}".rstrip() for line in markdown.strip().splitlines())


def _targets(node: ast.stmt) -> list[str]:
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.For):
        targets = [node.target]
    return [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]


def definitions(solution: str) -> tuple[list[str], list[str], list[str]]:
    """(top-level function names, top-level variable names, top-level import lines)."""
    tree = ast.parse(solution)
    functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    variables = list(dict.fromkeys(name for n in tree.body for name in _targets(n)
                                   if name not in functions))
    lines = solution.splitlines()
    imports = ["\n".join(lines[n.lineno - 1:n.end_lineno]) for n in tree.body
               if isinstance(n, ast.Import | ast.ImportFrom) and n.end_lineno is not None]
    return functions, variables, imports


def test_helpers(code: str) -> list[str]:
    """The top-level function definitions of a test cell's code."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    return [ast.get_source_segment(code, n) or "" for n in tree.body
            if isinstance(n, ast.FunctionDef)]


def _tests_file(kind: str, source: Path, tests: list[ImportedTest], functions: list[str],
                variables: list[str], imports: list[str], helpers: list[str]) -> str:
    head = [f'"""{kind} tests imported from {source.name} by `grader import`. Each test runs '
            "the original\ntest cell's code with the notebook's functions bound to the "
            'student\'s versions."""', "",
            *imports,
            "from grader.run.compat import (  # noqa: F401  nose/otter-style helpers",
            "    assert_almost_equal, assert_equal, assert_false, assert_not_equal,",
            "    assert_raises, assert_true, compare_autotests, expect_output,",
            ")",
            "from grader.testing import test_case", "",
            *(f"\n{helper}\n" for helper in helpers)]
    bodies = [test_function(t.name, t.points, t.visibility, t.code, t.origin, functions,
                            variables, t.expected) for t in tests]
    return "\n".join(head) + "".join(f"\n\n{body}" for body in bodies)


def write_assignment(imported: Imported, source: Path, out: Path, kind: str,
                     module: str | None = None) -> Path:
    """Write the folder; returns it. `out` must not exist or be empty."""
    if out.exists() and any(out.iterdir()):
        raise ImportError_(f"{out}: exists and is not empty; choose another --out")
    module = module or module_name(source.stem)
    functions, variables, imports = definitions(imported.solution)
    imported.tests[:] = [replace(t, visibility="hidden") if has_autotest(t.code) else t
                         for t in imported.tests]  # compared with the reference: hidden
    if not imported.tests:
        raise ImportError_(f"{source}: no autograded test cells found; nothing to grade")
    for test in imported.tests:
        plotted = plotted_output(test.code)
        if plotted is not None:
            imported.lost.append(
                f"{test.origin}: test {test.name} ({test.points:g} points) inspects plotted "
                f"output ({plotted}): figures are drawn in the student's sandbox and do not "
                "cross it; test the values the plot shows, or grade the plot by hand")
    out.mkdir(parents=True, exist_ok=True)
    title = imported.title.replace("\\", "\\\\").replace('"', '\\"')
    (out / "assignment.toml").write_text(
        f"# Imported from {source.name} ({kind}) by `grader import`; check with "
        f"`grader validate {out}`.\n\n[assignment]\ntitle = \"{title}\"\n"
        f"module = \"{module}\"\nreference = \"solution.py\"\nuses_torch = false\n"
        + ("" if imported.seed_cells is None else
           f"\n[load]\nseed_cells = {imported.seed_cells}  # the source's intercell seeding\n"),
        encoding="utf-8")
    (out / "solution.py").write_text(imported.solution, encoding="utf-8")
    visible = [t for t in imported.tests if t.visibility == "visible"]
    hidden = [t for t in imported.tests if t.visibility == "hidden"]
    (out / "visible_tests.py").write_text(
        _tests_file("Visible", source, visible, functions, variables, imports,
                    imported.helpers), encoding="utf-8")
    if hidden:
        (out / "hidden_tests.py").write_text(
            _tests_file("Hidden", source, hidden, functions, variables, imports,
                    imported.helpers), encoding="utf-8")
    return out


def unique_name(raw: str, taken: set[str]) -> str:
    """A unique Python identifier for a test from a grade_id / question name."""
    name = re.sub(r"\W+", "_", raw).strip("_") or "test"
    name = f"test_{name}" if not name[0].isalpha() else name
    unique, n = name, 2
    while unique in taken:
        unique, n = f"{name}_{n}", n + 1
    taken.add(unique)
    return unique


def failing_on_solution(folder: Path) -> list[str]:
    """The imported tests that the source's own solution does not pass, run in this process
    (trusted code) with the grader's scoring: what would be scored differently."""
    from grader.authoring.validate import run_local

    assignment = load_assignment(folder)
    tests = load_assignment_tests(folder)
    solution = import_reference(assignment)
    return [f"test {test.name} ({test.points:g} points) fails on the notebook's own solution: "
            f"{result.message or result.status}"
            for test, result in zip(tests, run_local(assignment, tests, solution, solution),
                                    strict=True) if result.points < result.max_points]
