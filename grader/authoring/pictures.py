"""`grader validate`'s check of an assignment's pictures, `assignments/<a>/plots.py`
(grader.run.figures): the file imports; each figure draws for the solution on its own public
inputs, both as the reference (in this process) and through the student's path (the figure's
`impl` a grader.sandbox.local.LocalStudent: the proxy's semantics, trusted code only), with
the same values; and it calls a graded function on `impl` (pictures are drawn only for
functions whose tests lost points, so a figure that calls none is never drawn). Each problem
names plots.py and the figure's line.
"""

from __future__ import annotations

import time
from types import ModuleType
from typing import TYPE_CHECKING, Any

import numpy as np

from grader.config import Assignment
from grader.models import PlotKind
from grader.run import figures
from grader.sandbox.local import LocalStudent

if TYPE_CHECKING:
    from grader.authoring.findings import Report


def check(assignment: Assignment, api: tuple[str, ...], solution: ModuleType,
          report: Report) -> None:
    path = assignment.folder / figures.FILE
    if not path.is_file():
        return
    try:
        found = figures.load(assignment.folder)
    except figures.FigureError as exc:
        where, _, message = str(exc).partition(": ")
        report.add(where, message)
        return
    if not found:
        report.add(str(path), "plots.py declares no figure; mark a function "
                   "`@figure(kind, title)` (grader.run.figures) or delete the file", "warning")
        return
    drawn = 0
    for name, kind, title, function in found:
        where = f"{path}:{function.__code__.co_firstlineno}"
        problem = _problem(name, kind, title, function, api, solution)
        if problem:
            report.add(where, f"figure {name}: {problem}")
        else:
            drawn += 1
    if drawn == len(found):
        report.passed.append(f"pictures: the {drawn} figure(s) of plots.py draw for the solution")


def _problem(name: str, kind: PlotKind, title: str, function: Any,
             api: tuple[str, ...], solution: ModuleType) -> str:
    """What is wrong with one figure ('' when nothing)."""
    uses = figures.Uses(solution)
    started = time.perf_counter()
    try:
        with np.errstate(all="ignore"):
            expected = function(uses, solution)
    except Exception as exc:
        return (f"raises on the solution ({type(exc).__name__}: {exc}); fix it, else its "
                "picture is never drawn")
    seconds = time.perf_counter() - started
    graded = sorted(uses.names & set(api))
    if not graded:
        return (f"calls no graded function on impl ({', '.join(api)}), so it is never drawn "
                "(pictures show functions whose tests lost points); call impl.<function>")
    try:
        with np.errstate(all="ignore"):
            got = function(LocalStudent(solution), solution)
    except Exception as exc:
        return (f"raises through the student's path ({type(exc).__name__}: {exc}); call "
                "impl's functions with values the sandbox can send (numbers, arrays, lists)")
    plot = figures.as_plot(name, kind, title, expected, got, "")
    if plot is None:
        return (f"its values do not make a {kind!r} picture: return a dict with "
                f"{', '.join(figures.NEEDS[kind])} (grader.run.figures)")
    if plot.student is None or plot.note:
        return f"the solution's values cannot be drawn as a student's: {plot.note}"
    if not np.allclose(plot.student, plot.reference, equal_nan=True):
        return ("the solution draws differently in two runs; draw random inputs from a seeded "
                "np.random.default_rng(...) inside the figure")
    if seconds > figures.PLOT_TIMEOUT / 2:
        return (f"took {seconds:.1f} s on the solution; a student's run may take at most "
                f"{figures.PLOT_TIMEOUT:g} s: use fewer points or steps")
    return ""
