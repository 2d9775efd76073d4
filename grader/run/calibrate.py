"""Per-test CPU limits measured on the reference solution, once per batch and process.

A fixed limit per call (10 s by default) is what an endless loop costs: every looping test of
every looping student burns it, and at class scale those few students dominate the batch.
Judges of programming contests set limits as a multiple of the model solution's time; so does
this grader. Before a batch, each test runs once in this process with the reference solution
standing in for the student (grader.sandbox.local.LocalStudent, trusted code only). The longest
single
call it made becomes the test's `reference_seconds`; a student's call in that test may then use
`cpu_factor` times that in CPU seconds, never less than `min_cpu_seconds` and never more than
the wall-clock `call_timeout` (grader.sandbox.proxy enforces it on the sandbox's CPU account, which
a
busy machine does not inflate).

The measurement is generous to students: it is wall-clock time of the reference's function
(at least its CPU time, measured by grader.sandbox.inside.invoke as in the worker), includes the
time its
callbacks took (their values cross the codec as in the sandbox), and is repeated (the minimum
kept) only where the factor, not the floor, decides the limit. A test that does not pass with
the reference gets no CPU limit (its wall-clock limit still applies): `grader validate` reports
such a test.
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType
from typing import Any

from grader.config import Assignment
from grader.models import Call
from grader.run.runtest import run_test
from grader.sandbox.cpu import cpu_allowed, floor_decides
from grader.sandbox.local import LocalStudent
from grader.testing import TestCase

REPEATS = 3
"""Runs of a test at most, where the factor decides its limit (the shortest run counts)."""


class _TimedStudent(LocalStudent):
    """A LocalStudent that remembers its longest call (a call that raises is not counted: the
    test then does not pass and gets no CPU limit)."""

    def __init__(self, module: ModuleType) -> None:
        super().__init__(module)
        self.longest = 0.0

    def _call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any], *,
              keep: bool) -> Call:
        call = super()._call(name, args, kwargs, keep=keep)
        # the function's own time (grader.sandbox.inside.invoke)
        self.longest = max(self.longest, call.seconds)
        return call


def _longest_call(assignment: Assignment, test: TestCase, reference: ModuleType,
                  ref: Any) -> float | None:
    """The reference's longest call in one run of `test`; None if the test does not pass."""
    student = _TimedStudent(reference)
    if run_test(assignment, test, student, ref).status != "passed":
        return None
    return student.longest


def calibrate(assignment: Assignment, tests: list[TestCase], reference: ModuleType, *,
              ref: Any = None) -> list[TestCase]:
    """`tests` with `reference_seconds` measured (None where the reference does not pass).

    `reference` is the plain reference module (it stands in for the student, uncached);
    `ref` is what the tests get as their `ref` parameter (default: `reference`; the batch's
    memoized reference, which this run fills)."""
    limits = assignment.limits
    if cpu_allowed(limits, 0.0) is None:  # CPU limits turned off: nothing to measure
        return list(tests)
    ref = reference if ref is None else ref
    measured: list[TestCase] = []
    for test in tests:
        if "student" not in test.params:
            measured.append(test)
            continue
        best = _longest_call(assignment, test, reference, ref)
        for _ in range(REPEATS - 1):
            if best is None or floor_decides(limits, best):
                break
            again = _longest_call(assignment, test, reference, ref)
            best = None if again is None else min(best, again)
        measured.append(replace(test, reference_seconds=best))
    return measured


def cpu_limit(assignment: Assignment, test: TestCase) -> float | None:
    """The CPU seconds one call of `test` may use before any timeout in the submission
    (None: the wall-clock limit alone applies)."""
    cpu = cpu_allowed(assignment.limits, test.reference_seconds)
    wall = float(test.timeout or assignment.limits.call_timeout)
    return cpu if cpu is not None and cpu < wall else None


def summary(assignment: Assignment, tests: list[TestCase]) -> str:
    """One line for `grader validate`: how many tests get which per-call limit."""
    limits = assignment.limits
    groups: dict[str, int] = {}
    for test in tests:
        if "student" not in test.params:
            continue
        cpu = cpu_limit(assignment, test)
        wall = float(test.timeout or limits.call_timeout)
        key = f"{wall:g} s wall-clock only" if cpu is None else f"{cpu:.3g} s of CPU"
        groups[key] = groups.get(key, 0) + 1
    slowest = max((t.reference_seconds for t in tests if t.reference_seconds is not None),
                  default=None)
    parts = [f"{n} test{'s' if n > 1 else ''} {key}" for key, n in groups.items()]
    line = "time limits per call: " + (", ".join(parts) or "none measured")
    if slowest is not None:
        line += f" (the reference's longest call: {slowest * 1000:.2g} ms)"
    return line
