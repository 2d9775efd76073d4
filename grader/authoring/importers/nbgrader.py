"""`grader import nbgrader SOURCE_NOTEBOOK`: an nbgrader source notebook -> assignment folder.

nbgrader's documented format (cell metadata `nbgrader`: `solution`, `grade`, `grade_id`,
`points`, `locked`, `task`):

- autograded answer (code, solution: true, grade: false): solution code between
  `### BEGIN SOLUTION` / `### END SOLUTION` (a cell without them is a solution as a whole);
- autograder tests (code, grade: true, solution: false, points): assert statements, with
  `### BEGIN HIDDEN TESTS` / `### END HIDDEN TESTS` regions students do not see;
- manually graded answers and tasks (solution and grade, or task: true) are not autograded:
  left out with a note; other code cells (imports, helpers) are copied as they are.

A tests cell becomes a visible test worth its points when it has no hidden region, a hidden
test worth its points when all of it is hidden, and otherwise a hidden test with the whole cell
(nbgrader grades the cell all-or-nothing) plus a 0-point visible practice test with the part
students see.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from grader.authoring.importers import (
    Imported,
    ImportedTest,
    ImportError_,
    as_comment,
    cell_source,
    read_notebook,
    test_helpers,
    title_of,
    unique_name,
    write_assignment,
)
from grader.run.reference import MARKER, MarkerError, find_regions, strip_markers

_STUB = ("# YOUR CODE HERE", "raise NotImplementedError()")


def _meta(cell: dict[str, Any]) -> dict[str, Any]:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def _without_markers(code: str) -> str:
    """The full code of a tests cell: marker lines dropped, hidden code kept."""

    return "\n".join(line for line in code.splitlines() if not MARKER.match(line))


def _visible_part(code: str) -> str:
    stripped = strip_markers(code)
    return "\n".join(line for line in stripped.splitlines() if line not in _STUB).strip()


def _has_asserts(code: str) -> bool:
    meaningful = [line for line in code.splitlines()
                  if line.strip() and not line.strip().startswith(("#", "from ", "import ",
                                                                   '"""', "'''"))]
    return bool(meaningful)


def read_nbgrader(path: Path) -> Imported:
    cells = read_notebook(path)
    solution: list[str] = []
    tests: list[ImportedTest] = []
    notes: list[str] = []
    taken: set[str] = set()
    helpers: list[str] = []
    docstring_done = False
    for index, cell in enumerate(cells, start=1):
        meta, code, kind = _meta(cell), cell_source(cell), cell.get("cell_type")
        where = f"{path.name} cell {index}" + (f" (grade_id {meta['grade_id']})"
                                               if "grade_id" in meta else "")
        if kind == "markdown":
            if meta.get("solution") or meta.get("task"):
                notes.append(f"{where}: a manually graded answer/task; grade it by hand "
                             f"({meta.get('points', 0):g} points are not in this assignment)")
            elif not docstring_done:
                solution.insert(0, '"""' + code.strip().replace('"""', "'''") + '\n"""\n')
                docstring_done = True
            else:
                solution.append(as_comment(code))
            continue
        if kind != "code" or not code.strip():
            continue
        try:
            find_regions(code, f"{path.name}: cell {index}")
        except MarkerError as exc:
            raise ImportError_(str(exc)) from exc
        if meta.get("grade") and meta.get("solution"):
            notes.append(f"{where}: a manually graded code answer; grade it by hand")
            continue
        if meta.get("grade"):
            points = float(meta.get("points", 0) or 0)
            if points <= 0:
                notes.append(f"{where}: a tests cell with 0 points; left out")
                continue
            name = unique_name(str(meta.get("grade_id", f"cell_{index}")), taken)
            full, visible = _without_markers(code), _visible_part(code)
            helpers += test_helpers(full)
            if full.strip() == visible:
                tests.append(ImportedTest(name, "visible", points, full, where))
                continue
            tests.append(ImportedTest(name, "hidden", points, full, where))
            if _has_asserts(visible):
                tests.append(ImportedTest(unique_name(f"{name}_visible", taken), "visible", 0.0,
                                          visible, f"{path.name} cell {index}, the part "
                                          "students see (a practice check: the points are "
                                          "in the hidden test)"))
            continue
        if meta.get("solution") and "BEGIN SOLUTION" not in code:
            notes.append(f"{where}: an answer cell without ### BEGIN/END SOLUTION; the whole "
                         "cell is the solution (students get an empty cell)")
            code = f"### BEGIN SOLUTION\n{code.rstrip()}\n### END SOLUTION"
        solution.append(code.rstrip())
    return Imported(title_of(cells, path.stem), "\n\n\n".join(solution).strip() + "\n", tests,
                    notes, helpers=helpers)


def import_nbgrader(source: Path, out: Path, module: str | None = None) -> tuple[Path, Imported]:
    """Write the assignment folder for an nbgrader source notebook; (folder, what was read)."""
    imported = read_nbgrader(source)
    folder = write_assignment(imported, source, out, "nbgrader", module)
    return folder, imported
