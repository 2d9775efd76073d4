"""Run one test: the only place a test's outcome becomes a TestResult and is scored.

Every runner uses it: grading (grader.run.runner.run_tests, through the sandbox; validate
in-process),
calibration on the reference (grader.run.calibrate, in-process), the check cells of a notebook
(grader.authoring.notebook) and the toy test double. The scoring rules live here once: a test passes
by returning None, fails by raising (student errors, check failures and other exceptions each
with their own message), or returns a fraction in [0, 1] (clamped; NaN is 0; a bool or a
non-number is the test's own error).
"""

from __future__ import annotations

import math
import numbers
import time
from dataclasses import replace
from types import ModuleType
from typing import Any, cast

import numpy as np

from grader.checks.compare import Mode
from grader.config import Assignment
from grader.errors import BadValue, StudentError, StudentTimeout
from grader.models import TestResult, TestStatus
from grader.run.diagnose import Recording
from grader.run.globalrng import install, seeded
from grader.testing import TestCase, TestDefinitionError

install()  # numpy's and random's global generators: one per thread (grader.run.globalrng)


def run_test(assignment: Assignment, test: TestCase, student: Any,
             ref: ModuleType | None, *, recording: Recording | None = None) -> TestResult:
    """One test in this process; its outcome as a TestResult (never raises for student code).

    `student` is a grader.sandbox.proxy.StudentProxy (the sandbox) or a
    grader.sandbox.local.LocalStudent
    (trusted code in this process); the test gets it, `ref` and its seeded `rng`. With
    `recording` (a grader.run.diagnose.Recording of `student`) the test's calls are noted.

    A mistake is charged once: a test that `uses` the student's other functions (tower_1d's
    test, whose tower_1d calls the student's sigmoid) and fails is run again, on the same
    seeded inputs, with the reference's versions of those functions in the student's module
    (`student.using`: the sandbox calls them back here, values only). If it then earns more,
    that score stands and the message says where the mistake is: that function's own tests
    take the points — provided the student's own functions, run a third time, lose the same
    points as the first time (else the code is not reproducible: an unseeded generator or
    state kept between calls, and the first score stands). A correct submission never gets
    here (its tests pass the first time)."""
    first = _run_once(assignment, test, student, ref, recording)
    if first.status != "failed" or not test.uses or ref is None:
        return first
    functions = {name: getattr(ref, name, None) for name in test.uses}
    unknown = [name for name, f in functions.items() if not callable(f)]
    if unknown:
        return replace(first, status="error", points=0.0, message=(
            f"the test itself is broken: uses={test.uses!r} names {', '.join(unknown)}, which "
            f"the reference does not define ({test.source_file}:{test.line})"))
    with student.using(functions):
        again = _run_once(assignment, test, student, ref, None)
    if again.points <= first.points:
        return first
    # the student's own functions once more: code that draws from an unseeded generator or
    # keeps state between calls would otherwise get a second draw from the rerun alone
    own = _run_once(assignment, test, student, ref, None)
    if (own.status, own.points) != (first.status, first.points):
        return first
    names = [f"{name}()" for name in test.uses]
    mine = " and ".join(names)
    where = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return replace(again, duration=first.duration + again.duration, message=(
        f"with your own {mine} this test lost points; with the reference's in their place it "
        f"earns {again.points:g} of {again.max_points:g}: the mistake is in {where} (its own "
        f"tests take the points), not in what this test checks. {again.message}").strip())


def _run_once(assignment: Assignment, test: TestCase, student: Any, ref: ModuleType | None,
              recording: Recording | None) -> TestResult:
    student.call_timeout = float(test.timeout or assignment.limits.call_timeout)
    student.reference_seconds = test.reference_seconds  # its CPU limit (grader.run.calibrate)
    if recording is not None:
        recording.calls.clear()
    seed = test.seed(assignment.name)
    available = {"student": recording or student, "ref": ref,
                 "rng": np.random.default_rng(seed)}
    kwargs = {name: available[name] for name in test.params}
    started = time.perf_counter()

    def result(status: str, fraction: float, message: str = "", *, mistake: str | None = None,
               traceback: str = "") -> TestResult:
        return TestResult(name=test.name, points=fraction * test.points,
                          max_points=test.points, visibility=test.visibility,
                          status=cast(TestStatus, status),
                          message=message, mistake=mistake, traceback=traceback,
                          duration=time.perf_counter() - started)

    try:
        with seeded(seed):  # the global generators too: this test's own, whatever ran before
            outcome = test.func(**kwargs)
    except StudentTimeout as exc:
        return result("timeout", 0.0, exc.message)
    except StudentError as exc:
        message = f"your code raised {exc.message}" if exc.exc_type else exc.message
        objects = _objects(exc)
        return result("failed", 0.0, f"{message}. Looks like {objects}." if objects else message,
                      traceback=exc.traceback, mistake=objects)
    except TestDefinitionError as exc:
        return result("error", 0.0, f"the test itself is broken: {exc}")
    except AssertionError as exc:  # grader.checks.CheckFailure and plain asserts
        message = getattr(exc, "message", None) or str(exc) or "a check in this test failed"
        mistake = getattr(exc, "mistake", None)
        if recording is not None:  # the diagnosis replays with the failed check's tolerance
            mode = getattr(exc, "mode", None)
            recording.tolerance = mode if isinstance(mode, Mode) else None
        return result("failed", 0.0, str(message),
                      mistake=mistake if isinstance(mistake, str) else None)
    except Exception as exc:
        return result("failed", 0.0, f"the test could not use your result: "
                      f"{type(exc).__name__}: {exc}")
    status, fraction, message = _score(outcome)
    return result(status, fraction, message)


OBJECTS = "an array of dtype object cannot be sent"
"""What the codec (grader.sandbox.inside.values) says of an array of Python objects."""


def _objects(exc: StudentError) -> str | None:
    """The mistake when the student's function returned an array of Python objects (dtype
    object: np.frompyfunc's result, np.vectorize(..., otypes=[object]), np.array of values of
    mixed types) where numbers belong: the values may be right, their type is not."""
    if not isinstance(exc, BadValue) or OBJECTS not in exc.message:
        return None
    function = exc.message.split("(", 1)[0].strip()
    return (f"{function}() returns an array of Python objects (dtype object, as np.frompyfunc "
            "makes) instead of numbers (fix: convert it, e.g. np.asarray(result, dtype=float) "
            "or .astype(float))")


def _score(outcome: Any) -> tuple[str, float, str]:
    """A test's return value as (status, fraction of its points, message)."""
    if outcome is None:
        return "passed", 1.0, ""
    if isinstance(outcome, bool | np.bool_) or not isinstance(outcome, numbers.Real):
        return "error", 0.0, (f"the test returned {type(outcome).__name__}; a test returns None "
                              "or a fraction in [0, 1]")
    fraction = float(outcome)
    fraction = 0.0 if math.isnan(fraction) else min(max(fraction, 0.0), 1.0)
    if fraction == 1.0:
        return "passed", 1.0, ""
    return "failed", fraction, f"partial credit: {fraction:.0%} of this test's points"
