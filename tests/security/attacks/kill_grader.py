"""Attack: SIGKILL the grader, the worker's parent, and nothing else (the real thing that ended
a batch in the root fallback: rc -9, no scores.csv, every other student's run lost).

Under bubblewrap the parent is the sandbox's own init; at the uid level the grader is root and
the signal is refused. Expected: 0 points and the batch completes. At the `none` level the grader
really dies: tests/security/test_levels.py shows that a re-run resumes and that the submission
is quarantined as crashed after the second death.
"""
import contextlib
import os
import signal


def _kill_grader():
    with contextlib.suppress(OSError):
        os.kill(os.getppid(), signal.SIGKILL)


def add_bias(X):
    _kill_grader()
    raise NotImplementedError("the grader survived")


def scale(x, c):
    _kill_grader()
    raise NotImplementedError("the grader survived")


def safe_div(a, b):
    raise NotImplementedError


def apply(f, x):
    raise NotImplementedError


def count_positive(x):
    raise NotImplementedError
