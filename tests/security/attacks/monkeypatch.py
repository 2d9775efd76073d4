"""Attack: monkey-patch numpy and builtins so that every comparison passes.

The patches live in the worker only; the tests compare in the trusted process with an
untouched numpy. The functions return garbage. Expected: 0 points.
"""
import builtins

import numpy as np
import numpy.testing

numpy.testing.assert_allclose = lambda *a, **k: None
np.testing.assert_array_equal = lambda *a, **k: None
np.allclose = lambda *a, **k: True
np.array_equal = lambda *a, **k: True
builtins.isinstance = lambda obj, cls: True
builtins.AssertionError = type("AssertionError", (Exception,), {})


def add_bias(X):
    return np.zeros((1, 1))


def scale(x, c):
    x[:] = 0
    return x


def safe_div(a, b):
    return 0.0


def apply(f, x):
    return -1


def count_positive(x):
    return -1
