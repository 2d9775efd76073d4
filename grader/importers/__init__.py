"""Importers: nbgrader source notebooks and Otter Assign master notebooks -> assignment folders.

Both produce the same folder, the format `grader new` writes and this engine grades:

    <out>/assignment.toml   module, title, reference = "solution.py"
    <out>/solution.py       the notebook's code cells in order, markdown as comments, solution
                            regions as ### BEGIN/END SOLUTION (the release strips them)
    <out>/visible_tests.py  one @test_case per visible test cell
    <out>/hidden_tests.py   one @test_case per hidden test cell (or hidden region)

A test cell becomes a test function whose body is the cell's code, with each function the
notebook defines bound to the student's version first (`relu = student.relu`), so the assert
statements of the original run unchanged against the sandboxed student code. Only functions
cross the sandbox: a test cell that reads a notebook variable is reported (see `notes`).
"""

from __future__ import annotations

import ast
import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from grader.scaffold import module_name


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
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in cell_source(cell).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip() or default
    return default


def as_comment(markdown: str) -> str:
    return "\n".join(f"# {line}".rstrip() for line in markdown.strip().splitlines())


_COMPAT = re.compile(r"^\s*from\s+(nose\.tools|numpy\.testing)\s+import\s+.*$|"
                     r"^\s*import\s+nose(\.tools)?\s*$", re.MULTILINE)


def _globals_used(code: str) -> set[str]:
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def definitions(solution: str) -> tuple[list[str], list[str], list[str]]:
    """(top-level function names, top-level variable names, top-level import lines)."""
    tree = ast.parse(solution)
    functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    variables = [t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets
                 if isinstance(t, ast.Name)]
    lines = solution.splitlines()
    imports = ["\n".join(lines[n.lineno - 1:n.end_lineno]) for n in tree.body
               if isinstance(n, ast.Import | ast.ImportFrom) and n.end_lineno is not None]
    return functions, variables, imports


TRIPLE = '"' * 3


def _test_function(test: ImportedTest, functions: list[str]) -> str:
    code = _COMPAT.sub("", test.code).strip("\n")
    used = _globals_used(code)
    binds = [f"{name} = student.{name}" for name in functions if name in used]
    if test.expected is not None:
        tree = ast.parse(code)
        last = tree.body[-1] if tree.body else None
        if isinstance(last, ast.Expr) and last.end_lineno is not None:
            lines = code.splitlines()
            expr = ast.get_source_segment(code, last.value)
            code = "\n".join([*lines[:last.lineno - 1],
                              f"expect_output({expr}, {test.expected!r})"])
    tree = ast.parse(code)
    first = tree.body[0] if tree.body else None
    summary = ""
    if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str) and first.end_lineno is not None):
        summary = " ".join(first.value.value.split()).replace(TRIPLE, "'''").rstrip(".") + ". "
        code = "\n".join(code.splitlines()[first.end_lineno:]).strip("\n")
    body = "\n".join([*binds, code]) or "pass"
    doc = textwrap.fill(f"{TRIPLE}{summary}Imported from {test.origin}.{TRIPLE}", width=92)
    return (f"@test_case(points={test.points:g}, visibility={test.visibility!r})\n"
            f"def {test.name}(student):\n"
            f"{textwrap.indent(doc, '    ')}\n{textwrap.indent(body, '    ')}\n")


def _tests_file(kind: str, source: Path, tests: list[ImportedTest], functions: list[str],
                imports: list[str]) -> str:
    head = [f'"""{kind} tests imported from {source.name} by `grader import`. Each test runs '
            "the original\ntest cell's code with the notebook's functions bound to the "
            'student\'s versions."""', "",
            *imports,
            "from grader.importers.compat import (  # noqa: F401  nose/otter-style helpers",
            "    assert_almost_equal, assert_equal, assert_false, assert_not_equal,",
            "    assert_raises, assert_true, expect_output,",
            ")",
            "from grader.testing import test_case", ""]
    return "\n".join(head) + "".join(f"\n\n{_test_function(t, functions)}" for t in tests)


def write_assignment(imported: Imported, source: Path, out: Path, kind: str,
                     module: str | None = None) -> Path:
    """Write the folder; returns it. `out` must not exist or be empty."""
    if out.exists() and any(out.iterdir()):
        raise ImportError_(f"{out}: exists and is not empty; choose another --out")
    module = module or module_name(source.stem)
    functions, variables, imports = definitions(imported.solution)
    for test in imported.tests:
        stale = sorted(_globals_used(test.code) & set(variables) - set(functions))
        if stale:
            imported.notes.append(
                f"{test.origin}: reads notebook variable(s) {', '.join(stale)}; only functions "
                "cross the sandbox: turn the answer into a function, or edit this test")
    if not imported.tests:
        raise ImportError_(f"{source}: no autograded test cells found; nothing to grade")
    out.mkdir(parents=True, exist_ok=True)
    title = imported.title.replace("\\", "\\\\").replace('"', '\\"')
    (out / "assignment.toml").write_text(
        f"# Imported from {source.name} ({kind}) by `grader import`; check with "
        f"`grader validate {out}`.\n\n[assignment]\ntitle = \"{title}\"\n"
        f"module = \"{module}\"\nreference = \"solution.py\"\nuses_torch = false\n",
        encoding="utf-8")
    (out / "solution.py").write_text(imported.solution, encoding="utf-8")
    visible = [t for t in imported.tests if t.visibility == "visible"]
    hidden = [t for t in imported.tests if t.visibility == "hidden"]
    (out / "visible_tests.py").write_text(
        _tests_file("Visible", source, visible, functions, imports), encoding="utf-8")
    if hidden:
        (out / "hidden_tests.py").write_text(
            _tests_file("Hidden", source, hidden, functions, imports), encoding="utf-8")
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
