"""The test format: plain Python functions with points and visibility on a decorator.

An assignment folder holds `visible_tests.py` (shipped to students, runnable offline) and
`hidden_tests.py` (never leaves the instructor's side). Each test is a function decorated with
`@test_case(points=..., visibility=...)`. Its parameters are filled by name:

- `student`: a proxy for the student's module. `student.add_bias(X)` runs in the sandboxed
  worker and returns plain values (numbers, strings, lists/tuples/dicts, named tuples, numeric
  numpy arrays); other objects stay in the sandbox as opaque handles a test can pass back to
  later calls. `student.call("f", ...)` gives a grader.models.Call (value, arguments after the
  call, seconds, warnings); `student.keep("f", ...)` keeps everything but plain data in the
  sandbox (tensors with their graph) and `student.fetch(value)` gets a kept value's data
  (docs/authoring.md §4, "What crosses, what stays"). Student exceptions arrive as
  `grader.errors.StudentError` (a test need not catch them).
- `ref`: the reference module for the assignment (hidden tests only; visible tests must run
  without it).
- `rng`: a `numpy.random.Generator` seeded from the assignment and test name (deterministic).

A test passes by returning None, fails by raising (use `grader.checks`, whose failures carry
student-facing messages), or returns a float in [0, 1] for partial credit.

A property test ("leaves its inputs alone", "the batch gradient is the mean of the per-sample
ones") holds for garbage too: a function returning a constant never modifies anything. Such a
test names the value tests it is worth points with, `@test_case(points=1, requires=("f_values",))`:
it still runs and reports its own failure, but earns points only when every required test
passed in full (`apply_requirements`, applied by the runner to every submission).
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from grader.models import TestResult, Visibility

INJECTABLE = ("student", "ref", "rng")
_VISIBILITIES = ("visible", "hidden", "after_due")
_ATTR = "__grader_test__"

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class TestSpec:
    """What the decorator records about a test."""

    __test__ = False  # not a pytest test class

    points: float
    visibility: Visibility
    name: str | None
    timeout: float | None
    requires: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()


@dataclass(frozen=True)
class TestCase:
    """A loaded test: its function and metadata, in file order."""

    __test__ = False  # not a pytest test class

    name: str
    points: float
    visibility: Visibility
    func: Callable[..., Any]
    params: tuple[str, ...]
    source_file: str
    line: int
    timeout: float | None = None
    """Per-call timeout override in seconds (None: the assignment's default)."""
    reference_seconds: float | None = None
    """The reference solution's longest call in this test, measured once per batch
    (grader.run.calibrate); it sets the test's per-call CPU limit. None: not measured, the
    wall-clock limit alone applies."""
    requires: tuple[str, ...] = ()
    """Tests that must pass in full for this one to earn points (a property test gated on the
    function's value tests; see the module docstring)."""
    uses: tuple[str, ...] = ()
    """Other graded functions the tested function calls in the student's own module (tower_1d
    calls sigmoid): a failure that the reference's versions of them remove is theirs, charged
    to their own tests (grader.run.runtest)."""

    def seed(self, assignment: str) -> int:
        """A stable seed from the assignment and test name, for the `rng` parameter."""
        digest = hashlib.sha256(f"{assignment}:{self.name}".encode()).digest()
        return int.from_bytes(digest[:8], "little")


class TestDefinitionError(Exception):
    """A mistake in a tests file; the message names the file, line and fix."""


def test_case(
    points: float = 1.0,
    visibility: Visibility = "hidden",
    name: str | None = None,
    timeout: float | None = None,
    requires: tuple[str, ...] | list[str] | str = (),
    uses: tuple[str, ...] | list[str] | str = (),
) -> Callable[[F], F]:
    """Mark a function as a graded test worth `points`; `requires` names the tests (of the same
    assignment) that must pass in full for it to earn them; `uses` names the student's other
    functions the tested one calls (a mistake in them is charged once: TestCase.uses)."""
    if visibility not in _VISIBILITIES:
        raise TestDefinitionError(
            f"visibility={visibility!r} is not one of {', '.join(_VISIBILITIES)}"
        )
    if not isinstance(points, int | float) or points < 0:
        raise TestDefinitionError(f"points={points!r} must be a number >= 0")
    required = (requires,) if isinstance(requires, str) else tuple(requires)
    if not all(isinstance(r, str) and r for r in required):
        raise TestDefinitionError(f"requires={requires!r} must name tests (strings)")

    used = (uses,) if isinstance(uses, str) else tuple(uses)
    if not all(isinstance(u, str) and u.isidentifier() for u in used):
        raise TestDefinitionError(f"uses={uses!r} must name the student's functions (strings)")

    def mark(func: F) -> F:
        setattr(func, _ATTR, TestSpec(float(points), visibility, name, timeout, required, used))
        return func

    return mark


test_case.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def tests_in_module(module: ModuleType, source_file: str) -> list[TestCase]:
    """Collect the decorated tests of an imported module, in source order."""
    found: list[TestCase] = []
    for attr in vars(module).values():
        spec = getattr(attr, _ATTR, None)
        if not isinstance(spec, TestSpec) or not callable(attr):
            continue
        params = tuple(inspect.signature(attr).parameters)
        line = inspect.getsourcelines(attr)[1]
        unknown = [p for p in params if p not in INJECTABLE]
        if unknown:
            raise TestDefinitionError(
                f"{source_file}:{line}: test {attr.__name__} asks for {', '.join(unknown)}; "
                f"a test's parameters may only be {', '.join(INJECTABLE)}"
            )
        found.append(
            TestCase(
                name=spec.name or attr.__name__,
                points=spec.points,
                visibility=spec.visibility,
                func=attr,
                params=params,
                source_file=source_file,
                line=line,
                timeout=spec.timeout,
                requires=spec.requires,
                uses=spec.uses,
            )
        )
    found.sort(key=lambda t: t.line)
    names = [t.name for t in found]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise TestDefinitionError(
            f"{source_file}: duplicate test names {dupes}; names must be unique"
        )
    return found


def load_tests_file(path: Path, module_name: str | None = None) -> list[TestCase]:
    """Import a tests file (trusted code: instructors' tests) and collect its tests."""
    name = module_name or f"_grader_tests_{hashlib.sha1(str(path).encode()).hexdigest()[:12]}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise TestDefinitionError(f"{path}: cannot be imported as a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise TestDefinitionError(f"{path}: importing the tests failed: {exc!r}") from exc
    return tests_in_module(module, str(path))


def load_assignment_tests(folder: Path, *, hidden: bool = True) -> list[TestCase]:
    """The tests of an assignment folder: visible_tests.py, then hidden_tests.py (if `hidden`
    and present). Test names must be unique across both files: results are keyed by name."""
    tests = load_tests_file(folder / "visible_tests.py")
    hidden_path = folder / "hidden_tests.py"
    if hidden and hidden_path.is_file():
        seen = {t.name: t for t in tests}
        for test in load_tests_file(hidden_path):
            if test.name in seen:
                first = seen[test.name]
                raise TestDefinitionError(
                    f"{test.source_file}:{test.line}: test name {test.name!r} is already used "
                    f"at {first.source_file}:{first.line}; rename one "
                    "(names are unique per assignment)"
                )
            tests.append(test)
    check_requirements(tests)
    return tests


def check_requirements(tests: list[TestCase]) -> None:
    """Every `requires` names another test of the assignment; a visible test requires only
    visible tests (students run those without the hidden ones)."""
    by_name = {t.name: t for t in tests}
    for test in tests:
        for required in test.requires:
            target = by_name.get(required)
            where = f"{test.source_file}:{test.line}: test {test.name}"
            if required == test.name:
                raise TestDefinitionError(f"{where} requires itself; name its value tests")
            if target is None:
                guess = difflib.get_close_matches(required, list(by_name), n=1)
                hint = f" (did you mean {guess[0]!r}?)" if guess else ""
                raise TestDefinitionError(
                    f"{where} requires {required!r}, which is not a test of this assignment"
                    f"{hint}; name a test defined in visible_tests.py"
                    f"{'' if test.visibility == 'visible' else ' or hidden_tests.py'}")
            elif test.visibility == "visible" and target.visibility != "visible":
                raise TestDefinitionError(
                    f"{where} requires {required!r}, a {target.visibility} test; a visible test "
                    "may require only visible tests (students run those without the others)")


def apply_requirements(tests: list[TestCase], results: list[TestResult]) -> list[TestResult]:
    """`results` (one per test, in order) with the points of every test whose `requires` did not
    all pass in full taken away: a property of a function is worth points only when the
    function computes the right thing. A required test that did not run here (a visible-only
    run) does not count against it."""
    by_name = {r.name: r for r in results}
    gated: list[TestResult] = []
    for test, result in zip(tests, results, strict=True):
        missing = [name for name in test.requires
                   if name in by_name and by_name[name].status != "passed"]
        if missing and result.points > 0:
            names = ", ".join(missing)
            result = replace(result, points=0.0, status="failed", message=(
                f"not scored: this test counts only when {names} "
                f"{'passes' if len(missing) == 1 else 'pass'} (a property such as leaving the "
                "inputs alone earns points only for a function whose values are right)"))
        gated.append(result)
    return gated
