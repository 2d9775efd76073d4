"""Instructor solution files with solution markers: the solution module and the student's stub.

An assignment's `reference` is either a dotted module name (the bundled six: `reference.<m>`)
or a solution file in the assignment folder (`reference = "solution.py"` or
`"solution.ipynb"`). A solution file is plain Python (a notebook: its code cells, in order)
with marked regions, in nbgrader's documented format:

    def relu_forward(x):
        \"\"\"...\"\"\"
        ### BEGIN SOLUTION
        return np.maximum(x, 0.0)
        ### END SOLUTION

    ### BEGIN HIDDEN TESTS
    assert relu_forward(np.array([-1.0]))[0] == 0.0   # a self-check, never shipped
    ### END HIDDEN TESTS

The solution is the file as written (markers are comments). The student's stub replaces each
solution region by `# YOUR CODE HERE` + `raise NotImplementedError()` at the BEGIN line's
indentation and drops hidden-test regions; every other line (imports, signatures, docstrings,
prompts, provided helpers) is kept. The graded functions (STUDENT_API) are the top-level
functions holding a solution region, unless the file declares `STUDENT_API = (...)` itself.

Mutants (for `grader validate`) are wrong versions of a solution module: one graded function
returns zeros, its negation or None, swallows its errors, or scribbles on its array arguments.
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import importlib
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from grader.config import Assignment
from grader.collect.cells import SKIP_TAG
from grader.errors import BatchError
from grader.testing import TestCase, load_tests_file

SOLUTION_SUFFIXES = (".py", ".ipynb")
STUB_LINES = ("# YOUR CODE HERE", "raise NotImplementedError()")

MARKER = re.compile(
    r"^(?P<indent>[ \t]*)#+\s*(?P<verb>BEGIN|END)\s+(?P<kind>SOLUTION|HIDDEN TESTS)\s*$")
Kind = Literal["SOLUTION", "HIDDEN TESTS"]


class MarkerError(Exception):
    """A malformed solution file; the message names the file and line and the fix."""


@dataclass(frozen=True)
class Region:
    """One marked region: lines `begin` and `end` (1-based, the marker lines themselves)."""

    kind: Kind
    begin: int
    end: int
    indent: str


def is_solution_file(reference: str) -> bool:
    """Whether an assignment.reference names a solution file rather than a module."""
    return reference.endswith(SOLUTION_SUFFIXES)


def where(path: Path | str, line: int, cells: tuple[int, ...] = ()) -> str:
    """`path:line`, or for a notebook `path: cell N, line M` (cells: first line of each cell)."""
    if not cells:
        return f"{path}:{line}"
    index = max(i for i, start in enumerate(cells) if start <= line)
    return f"{path}: cell {index + 1}, line {line - cells[index] + 1}"


def find_regions(source: str, path: Path | str = "<source>",
                 cells: tuple[int, ...] = ()) -> list[Region]:
    """The marked regions of `source`, validated: every BEGIN has its END of the same kind,
    regions do not nest, a notebook region does not span cells."""
    regions: list[Region] = []
    open_: tuple[Kind, int, str] | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        match = MARKER.match(line)
        if match is None:
            continue
        kind: Kind = "SOLUTION" if match["kind"] == "SOLUTION" else "HIDDEN TESTS"
        if match["verb"] == "BEGIN":
            if open_ is not None:
                raise MarkerError(
                    f"{where(path, number, cells)}: ### BEGIN {kind} inside the {open_[0]} region "
                    f"opened at {where(path, open_[1], cells)}; close that one first with "
                    f"### END {open_[0]}")
            open_ = (kind, number, match["indent"])
            continue
        if open_ is None:
            raise MarkerError(f"{where(path, number, cells)}: ### END {kind} without a "
                              f"### BEGIN {kind} above it; add the BEGIN line or delete this one")
        if open_[0] != kind:
            raise MarkerError(f"{where(path, number, cells)}: ### END {kind} closes the "
                              f"{open_[0]} region opened at {where(path, open_[1], cells)}; "
                              f"write ### END {open_[0]}")
        if cells and where(path, open_[1], cells).split(",")[0] != where(
                path, number, cells).split(",")[0]:
            raise MarkerError(f"{where(path, open_[1], cells)}: the {kind} region is not closed "
                              "in its cell; put ### END in the same cell")
        regions.append(Region(kind, open_[1], number, open_[2]))
        open_ = None
    if open_ is not None:
        raise MarkerError(f"{where(path, open_[1], cells)}: ### BEGIN {open_[0]} is never "
                          f"closed; add ### END {open_[0]} after the region")
    return regions


def strip_markers(source: str, path: Path | str = "<source>", cells: tuple[int, ...] = ()) -> str:
    """The student's version: solution regions become the stub lines, hidden-test regions go."""
    regions = {r.begin: r for r in find_regions(source, path, cells)}
    lines = source.splitlines()
    out: list[str] = []
    number = 1
    while number <= len(lines):
        region = regions.get(number)
        if region is None:
            out.append(lines[number - 1])
            number += 1
            continue
        if region.kind == "SOLUTION":
            out.extend(region.indent + stub for stub in STUB_LINES)
        number = region.end + 1
    return "\n".join(out).rstrip() + "\n"


@dataclass(frozen=True)
class SolutionFile:
    """A solution file read: its code (a notebook's code cells joined) and where cells start."""

    path: Path
    code: str
    cells: tuple[int, ...]
    """For a notebook: the first line of each code cell in `code`; () for a .py."""

    def where(self, line: int) -> str:
        return where(self.path, line, self.cells)


def _cell_source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def read_solution_file(path: Path) -> SolutionFile:
    """Read a .py, or the code cells of an .ipynb (cells tagged nn-grader:skip left out)."""

    if not path.is_file():
        raise MarkerError(f"{path}: not found (assignment.reference names it); write the "
                          "solution file or correct the name in assignment.toml")
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return SolutionFile(path, text, ())
    try:
        cells = json.loads(text).get("cells", [])
    except (json.JSONDecodeError, AttributeError) as exc:
        raise MarkerError(f"{path}: not a Jupyter notebook ({exc})") from exc
    parts: list[str] = []
    starts: list[int] = []
    line = 1
    for cell in cells:
        if cell.get("cell_type") != "code" or SKIP_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        source = _cell_source(cell).rstrip("\n")
        starts.append(line)
        parts.append(source)
        line += source.count("\n") + 3  # the cell's lines, then two blank separator lines
    return SolutionFile(path, "\n\n\n".join(parts) + "\n", tuple(starts))


def graded_functions(tree: ast.Module, regions: list[Region]) -> tuple[str, ...]:
    """Top-level functions that hold a solution region, in file order."""
    begins = [r.begin for r in regions if r.kind == "SOLUTION"]
    return tuple(
        node.name for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.end_lineno is not None
        and any(node.lineno <= begin <= node.end_lineno for begin in begins)
    )


SOLUTION_MODULE_PREFIX = "_grader_solution_"
"""Modules loaded by load_solution_module are named this prefix and a digest."""


_PRINTED: dict[str, str] = {}
"""What each solution file printed the last time it was run (its top-level prints), by path."""


def run_solution_code(code: str, path: Path | str, namespace: dict[str, Any]) -> None:
    """Run a solution file's (trusted) code in `namespace` with what it prints (a notebook's
    demo lines) kept off the grader's own output: printed_while_loading(path) has it."""
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
            exec(compile(code, str(path), "exec"), namespace)
    finally:
        _PRINTED[str(path)] = buffer.getvalue()


def printed_while_loading(path: Path | str) -> str:
    """The output of the last run of the solution file at `path` ('' if none): `grader
    validate` shows it when the solution fails."""
    return _PRINTED.get(str(path), "")


def load_solution_module(path: Path) -> ModuleType:
    """Import a solution file (trusted, instructor's code) under a name derived from its path
    and content: an edited file is imported afresh, an unchanged one only once."""
    solution = read_solution_file(path)
    digest = hashlib.sha256(f"{path.resolve()}\0{solution.code}".encode()).hexdigest()[:16]
    name = f"{SOLUTION_MODULE_PREFIX}{digest}"
    if name in sys.modules:
        return sys.modules[name]
    module = ModuleType(name)
    module.__file__ = str(path)
    sys.modules[name] = module
    try:
        run_solution_code(solution.code, path, module.__dict__)  # trusted code
    except BaseException:
        del sys.modules[name]
        raise
    if "STUDENT_API" not in module.__dict__:  # the graded functions, as a module declares them
        regions = find_regions(solution.code, path, solution.cells)
        module.__dict__["STUDENT_API"] = graded_functions(ast.parse(solution.code), regions)
    return module


def import_reference(assignment: Assignment) -> ModuleType:
    """The assignment's reference module: a dotted module name is imported; a solution file
    (an absolute path after grader.config) is loaded by path."""
    if is_solution_file(assignment.reference):
        return load_solution_module(Path(assignment.reference))
    return importlib.import_module(assignment.reference)


# ----------------------------------------------------------------------------- mutants


def load_tests(assignment: Assignment) -> list[TestCase]:
    """The assignment's tests: visible then hidden (when the hidden file exists)."""
    tests: list[TestCase] = []
    for path in (assignment.visible_tests_path, assignment.hidden_tests_path):
        if path.is_file():
            tests += load_tests_file(path)
    if not tests:
        raise BatchError(f"{assignment.folder}: no tests found; expected visible_tests.py and "
                         "hidden_tests.py with @test_case functions")
    return tests


def load_reference(assignment: Assignment) -> ModuleType:
    try:
        from grader.run.reference import import_reference

        return import_reference(assignment)
    except Exception as exc:
        raise BatchError(
            f"{assignment.folder / 'assignment.toml'}: assignment.reference "
            f"{assignment.reference!r} cannot be loaded ({exc!r}); check the module name or "
            "solution file"
        ) from exc
