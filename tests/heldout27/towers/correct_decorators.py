"""Sigmoid towers with conversion and vectorisation done by small decorators: @as_float_array
turns named arguments into float arrays, @scalar_in_scalar_out gives a float back for a number,
@checks_points checks P, @unit_height builds a tower of any height from one of height 1; the API
functions are thin bodies.

Correct solution (style: decorators).
"""

import functools
import inspect

import numpy as np


def as_float_array(*names):
    """Hands fn the named arguments as float64 numpy arrays."""
    def decorate(fn):
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            for name in names:
                bound.arguments[name] = np.asarray(bound.arguments[name], dtype=np.float64)
            return fn(*bound.args, **bound.kwargs)
        return wrapper
    return decorate


def scalar_in_scalar_out(fn):
    """Gives a Python float back when the answer is 0-d."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        out = np.asarray(fn(*args, **kwargs), dtype=np.float64)
        return float(out) if out.ndim == 0 else out
    return wrapper


def checks_points(fn):
    """Raises ValueError unless P has shape (m, 2)."""
    @functools.wraps(fn)
    def wrapper(P, *args, **kwargs):
        if np.ndim(P) != 2 or np.shape(P)[1] != 2:
            raise ValueError("P must have shape (m, 2)")
        return fn(P, *args, **kwargs)
    return wrapper


def unit_height(fn):
    """fn builds a tower of height 1; the wrapper scales it to the height h."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        bound = inspect.signature(fn).bind(*args, **kwargs)
        h = bound.arguments["h"]
        bound.arguments["h"] = 1.0
        return h * fn(*bound.args, **bound.kwargs)
    return wrapper


@scalar_in_scalar_out
@as_float_array("z")
def sigmoid(z):
    """The logistic function, through e^{-|z|} so that nothing overflows."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


@scalar_in_scalar_out
@unit_height
@as_float_array("x")
def tower_1d(x, a, b, h, w):
    """σ(w(x - a)) - σ(w(x - b)), scaled by the decorator."""
    return h * (sigmoid(w * (x - a)) - sigmoid(w * (x - b)))


@checks_points
@as_float_array("P")
def tower_2d(P, box, h, w):
    """h·σ(w(Tx + Ty - 1.5)) over the box (a1, b1, a2, b2)."""
    a1, b1, a2, b2 = box
    Tx = tower_1d(P[:, 0], a1, b1, 1.0, w)
    Ty = tower_1d(P[:, 1], a2, b2, 1.0, w)
    return h * sigmoid(w * (Tx + Ty - 1.5))


@scalar_in_scalar_out
@as_float_array("f_values", "x")
def approximate_1d(f_values, lo, hi, w, x):
    """The sum of one tower per bin, of height f at the bin's midpoint."""
    edges = np.linspace(lo, hi, f_values.shape[0] + 1)
    return sum((tower_1d(x, edges[j], edges[j + 1], f_values[j], w)
                for j in range(f_values.shape[0])), np.zeros_like(x))
