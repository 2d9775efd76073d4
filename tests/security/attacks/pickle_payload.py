"""Attack: return objects whose unpickling runs code in the grader (__reduce__).

Nothing is ever unpickled on the trusted side, so the payload never runs: the calls fail as
values that cannot cross. Expected: 0 points, and no marker file on the grader's side.
"""
import os

MARKER = "/tmp/nngrader-attack-pickle-marker"


class Payload:
    def __reduce__(self):
        return (os.system, (f"touch {MARKER}",))


def add_bias(X):
    return Payload()


def scale(x, c):
    raise NotImplementedError


def safe_div(a, b):
    return [Payload()]


def apply(f, x):
    return {"value": Payload()}


def count_positive(x):
    return (Payload(),)
