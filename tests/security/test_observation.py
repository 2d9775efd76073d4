"""What a submission can observe about the call it is in: a hidden test's call and a visible
test's call with the same arguments look exactly the same from inside the worker.

The worker receives only the function name and the argument values; the test's name,
visibility, points, the reference and the expected values stay in the trusted process. What a
submission CAN observe is documented in docs/SECURITY.md: the argument values, the order of
the calls (tests run in file order: visible first, then hidden) and the time between calls.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader.run.runner import run_submission
from grader.testing import TestCase
from tests.fixtures.engine import MODES, submission, toy

OBSERVER = '''
import gc
import os
import sys
import time

_last = [time.monotonic()]


def _frames():
    seen, frame = [], sys._getframe(1)
    while frame is not None:
        local = {k: sorted(v) if isinstance(v, dict) else type(v).__name__
                 for k, v in frame.f_locals.items() if not k.startswith("__")}
        seen.append((frame.f_code.co_filename, frame.f_code.co_name, frame.f_lineno,
                     sorted(local.items(), key=str)))
        frame = frame.f_back
    return seen


def observe(x):
    """Everything this process can see about the call, as text (timing left out)."""
    names = sorted({type(o).__name__ for o in gc.get_objects()
                    if type(o).__module__ not in ("builtins", "numpy")})
    return repr({
        "frames": _frames(),
        "argv": sys.argv,
        "environ": dict(os.environ),
        "cwd": os.getcwd(),
        "fds": sorted(os.listdir("/proc/self/fd")),
        "modules": sorted(sys.modules),
        "x": (x.dtype.str, x.shape, x.flags.writeable, x.tobytes().hex()),
        "object_types": names,
    })
'''


def observing_test(name: str, visibility: str, seen: dict[str, str]) -> TestCase:
    def body(student, rng):
        x = np.arange(6.0).reshape(2, 3)
        seen[name] = student.observe(x)

    return TestCase(name=name, points=1.0, visibility=visibility,  # type: ignore[arg-type]
                    func=body, params=("student", "rng"), source_file=__file__, line=1)


@pytest.mark.parametrize("mode", MODES)
def test_hidden_and_visible_calls_are_indistinguishable_inside_the_worker(mode):
    seen: dict[str, str] = {}
    tests = [observing_test("visible_one", "visible", seen),
             observing_test("hidden_one", "hidden", seen),
             observing_test("after_due_one", "after_due", seen),
             observing_test("visible_two", "visible", seen)]
    result = run_submission(toy(), submission(OBSERVER), tests, mode=mode)
    assert [t.status for t in result.tests] == ["passed"] * 4, result.tests
    assert len(seen) == 4
    assert seen["hidden_one"] == seen["visible_one"] == seen["after_due_one"] \
        == seen["visible_two"]
    for word in ("visible_one", "hidden_one", "after_due", "points", "visibility",
                 "toy_reference"):
        assert word not in seen["hidden_one"], word
