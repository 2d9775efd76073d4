"""Attack: import the reference or the grader from inside the worker.

Adds likely folders to sys.path (the repo, the parent's cwd through /proc) and imports the
reference module; also tries grader internals. Expected under bubblewrap: every import fails,
every function raises, 0 points.
"""
import importlib
import os
import sys

REF = None
for extra in ("/work/main", "/proc/1/cwd", f"/proc/{os.getppid()}/cwd", "..", "../.."):
    sys.path.insert(0, extra)
for name in ("tests.fixtures.toy_reference", "toy_reference", "grader.run.runner", "reference"):
    try:
        module = importlib.import_module(name)
    except Exception:
        continue
    if hasattr(module, "count_positive"):
        REF = module


def _ref(name):
    if REF is None:
        raise NotImplementedError("the attack found nothing")
    return getattr(REF, name)


def add_bias(X):
    return _ref("add_bias")(X)


def scale(x, c):
    return _ref("scale")(x, c)


def safe_div(a, b):
    return _ref("safe_div")(a, b)


def apply(f, x):
    return _ref("apply")(f, x)


def count_positive(x):
    return _ref("count_positive")(x)
