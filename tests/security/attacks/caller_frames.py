"""Attack: read the caller's frames (and the garbage collector) for expected values.

Only the worker's own frames exist in this process; the tests and the reference are in another
process. Expected: 0 points.
"""
import gc
import sys


def _steal(name):
    frame = sys._getframe(1)
    while frame is not None:
        for key in ("ref", "expected", "want"):
            if key in frame.f_locals:
                return frame.f_locals[key]
        frame = frame.f_back
    for obj in gc.get_objects():
        if getattr(obj, "__name__", "") in ("tests.fixtures.toy_reference", "toy_reference"):
            return getattr(obj, name)
    raise NotImplementedError("no reference in this process")


def add_bias(X):
    return _steal("add_bias")(X)


def scale(x, c):
    return _steal("scale")(x, c)


def safe_div(a, b):
    return _steal("safe_div")(a, b)


def apply(f, x):
    return _steal("apply")(f, x)


def count_positive(x):
    return _steal("count_positive")(x)
