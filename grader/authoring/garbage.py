"""Garbage submissions and numerically equivalent ones: what `grader validate` grades to prove
that the tests give no points for nothing and take none for rounding.

Garbage: a file whose every graded function returns the same kind of nothing (None, 0, zeros of
the right shape, its first argument, a constant array of the right shape). No test may give it
a point; a property test ("leaves its inputs alone") that would is gated on the function's value
tests (grader.testing, `requires=`).

Rounding: the solution with every float result moved by what computing it along another path
(a tanh-based sigmoid, log-sum-exp instead of a shifted softmax, einsum instead of matmul) may
change: relative RELATIVE_NOISE, and ABSOLUTE_NOISE of the result's scale near zero. Integral
values (counts, labels, 0/1 outputs) are exact in any formulation and stay. A test that fails
it checks the reference's last bits, not what the handout promises.

Both are Python source applied over a copy of the solution's namespace: validate runs them in
this process (trusted: written here), tests write them as submission files for `grader grade`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from grader.models import TestResult
from grader.run.reference import SOLUTION_MODULE_PREFIX, read_solution_file, run_solution_code
from grader.student.check import called_functions
from grader.testing import TestCase

if TYPE_CHECKING:
    from grader.authoring.findings import Report

GARBAGE = {
    "none": "every graded function returns None",
    "zero": "every graded function returns 0",
    "zeros": "every graded function returns zeros of the right shape",
    "first_argument": "every graded function returns its first argument",
    "constant": "every graded function returns a constant array of the right shape",
}
"""Kinds of garbage -> how `grader validate` describes them."""

RELATIVE_NOISE = 1e-12
ABSOLUTE_NOISE = 1e-15

_PRELUDE = '''
import numpy as _np


def _like(value, fill):
    """`value` with every number and array replaced by `fill` (structure and shapes kept)."""
    if isinstance(value, dict):
        return {k: _like(v, fill) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return type(value)(_like(v, fill) for v in value)
    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().numpy()
    if isinstance(value, _np.ndarray):
        return _np.full(value.shape, fill, dtype=_np.float64)
    if isinstance(value, bool | int | float | _np.number):
        return type(value)(fill) if not isinstance(value, bool) else bool(fill)
    return value


def _rounded(value, scale=None):
    """`value` with its non-integral floats moved by rounding-sized amounts."""
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return type(value)(_rounded(v) for v in value)
    if hasattr(value, "detach"):
        value = value.detach().numpy()
    if isinstance(value, float | _np.floating) and not isinstance(value, bool):
        return float(_rounded(_np.array([value]))[0])
    if isinstance(value, _np.ndarray) and value.dtype.kind == "f" and value.size and \\
            _np.all(_np.isfinite(value)) and not _np.all(value == _np.round(value)):
        signs = _np.where(_np.arange(value.size).reshape(value.shape) % 2 == 0, 1.0, -1.0)
        scale = float(_np.max(_np.abs(value)))
        return value * (1 + signs * {relative!r}) + signs * {absolute!r} * scale
    return value


def _garbage(original, kind):
    def function(*args, **kwargs):
        if kind == "none":
            return None
        if kind == "zero":
            return 0
        if kind == "first_argument":
            return args[0] if args else None
        if kind == "rounded":
            return _rounded(original(*args, **kwargs))
        try:  # the shape of the right answer; garbage never raises what the solution raises
            value = original(*args, **kwargs)
        except Exception:
            return 0
        return _like(value, 0.0 if kind == "zeros" else 3.5)
    function.__name__ = original.__name__
    function.__qualname__ = original.__qualname__
    return function
'''


def overlay_source(api: tuple[str, ...], kind: str) -> str:
    """Python source that, run after the solution's code in the same namespace, replaces every
    function in `api` by its `kind` of garbage (a key of GARBAGE) or by its 'rounded' twin."""
    lines = [_PRELUDE.replace("{relative!r}", repr(RELATIVE_NOISE))
             .replace("{absolute!r}", repr(ABSOLUTE_NOISE))]
    lines += [f"{name} = _garbage({name}, {kind!r})" for name in api]
    return "\n".join(lines) + "\n"


def overlay_module(solution: ModuleType, api: tuple[str, ...], kind: str) -> ModuleType:
    """A copy of the (trusted) solution module with `overlay_source` applied. A solution file
    is run afresh in the copy, so its functions look their names up there: a test that takes a
    name away (`student.hide`, an imported notebook's `del squares`) sees the same effect."""
    module = ModuleType(f"{solution.__name__}__{kind}")
    path = getattr(solution, "__file__", None)
    if solution.__name__.startswith(SOLUTION_MODULE_PREFIX) and path is not None:
        module.__file__ = path
        run_solution_code(read_solution_file(Path(path)).code, path, module.__dict__)
    else:
        module.__dict__.update({k: v for k, v in vars(solution).items()
                                if not k.startswith("__")})
    exec(compile(overlay_source(api, kind), f"<{kind} overlay>", "exec"), module.__dict__)
    return module


Grade = Callable[[ModuleType], list[TestResult]]
"""Runs every test against a (trusted) module in this process (validate.run_local)."""


def garbage_problems(tests: list[TestCase], api: tuple[str, ...], solution: ModuleType,
                     grade: Grade) -> tuple[list[tuple[str, str]], int]:
    """(where, message) for every test that gives a point to some kind of garbage, and how many
    kinds were graded."""
    earned: dict[str, list[str]] = {}
    calls = {t.name: called_functions(t.func) & set(api) for t in tests}
    for kind, what in GARBAGE.items():
        results = grade(overlay_module(solution, api, kind))
        for test, result in zip(tests, results, strict=True):
            if result.points > 0 and calls[test.name]:  # a test of notebook values only
                # (student.variable) checks no function: garbage functions change nothing there
                earned.setdefault(test.name, []).append(
                    f"{result.points:g} of {test.points:g} when {what}")
    problems = [(f"{test.source_file}:{test.line}", (
        f"test {test.name} gives points to garbage ({'; '.join(earned[test.name])}); compare "
        "the function's values, or gate the test on its value tests with "
        "@test_case(..., requires=(...))")) for test in tests if test.name in earned]
    return problems, len(GARBAGE)


def rounding_problems(tests: list[TestCase], api: tuple[str, ...], solution: ModuleType,
                      grade: Grade) -> list[tuple[str, str]]:
    """(where, message) for every test that fails the solution with rounding-sized changes."""
    results = grade(overlay_module(solution, api, "rounded"))
    return [(f"{test.source_file}:{test.line}", (
        f"test {test.name} fails a numerically equivalent formulation of the solution (every "
        f"float result moved by {RELATIVE_NOISE:g} relative and {ABSOLUTE_NOISE:g} of its scale "
        f"absolute): {result.message or result.status}. A student computing along another path "
        "(tanh-based sigmoid, log-sum-exp, einsum) would lose these points; loosen its rtol/atol "
        "to what the handout promises (absolute near zero, relative elsewhere)"))
        for test, result in zip(tests, results, strict=True)
        if result.points < result.max_points]


def check(tests: list[TestCase], api: tuple[str, ...], solution: ModuleType, report: Report,
          grade: Grade) -> None:
    """validate's checks: no points for garbage, none lost to rounding."""
    problems, kinds = garbage_problems(tests, api, solution, grade)
    for where, message in problems:
        report.add(where, message)
    if not problems:
        report.passed.append(f"garbage: 0 points for each of {kinds} kinds (None, 0, zeros, "
                             "first argument, a constant)")
    rounding = rounding_problems(tests, api, solution, grade)
    for where, message in rounding:
        report.add(where, message)
    if not rounding:
        report.passed.append("rounding: full marks with every float result moved by rounding")
