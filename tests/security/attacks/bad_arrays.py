"""Attack: arrays that are not plain numbers or are absurdly large.

Object and structured dtypes, a broadcast view of 10^12 entries, datetime, strings. Refused
without materialising them. Expected: 0 points, the grader's memory unaffected.
"""
import numpy as np


def add_bias(X):
    return np.broadcast_to(np.float64(1.0), (10**6, 10**6))


def scale(x, c):
    return np.array([c * v for v in x], dtype=object)


def safe_div(a, b):
    return np.zeros(1, dtype=[("a", "f8"), ("b", "i4")])


def apply(f, x):
    return np.array(["2020-01-01"], dtype="datetime64[D]")


def count_positive(x):
    return np.array(["3"])
