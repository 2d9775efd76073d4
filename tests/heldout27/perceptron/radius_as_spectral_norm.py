"""R is the spectral norm of the whole matrix X instead of the largest row norm.

np.linalg.norm(X, 2) is the largest singular value of X, which is at least the largest row norm
(and grows with n): the bound is too large.

Single mistake in novikoff_bound; written from correct_decorators.
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
            bound.apply_defaults()
            for name in names:
                bound.arguments[name] = np.asarray(bound.arguments[name], dtype=np.float64)
            return fn(*bound.args, **bound.kwargs)
        return wrapper
    return decorate


def copies(name):
    """Hands fn a private float copy of the named argument, so the caller's stays unchanged."""
    def decorate(fn):
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            bound.arguments[name] = np.array(bound.arguments[name], dtype=np.float64)
            return fn(*bound.args, **bound.kwargs)
        return wrapper
    return decorate


def checks_shapes(fn):
    """X (n, d), y (n,) and, when given, w (d,)."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        X = np.asarray(bound.arguments["X"])
        y = np.asarray(bound.arguments["y"])
        if X.ndim != 2:
            raise ValueError("X must be 2-D")
        if y.shape != (X.shape[0],):
            raise ValueError("y must have one label per row of X")
        if "w" in bound.arguments and np.shape(bound.arguments["w"]) != (X.shape[1],):
            raise ValueError("w must have one weight per column of X")
        return fn(*args, **kwargs)
    return wrapper


def validate_labels(fn):
    """Raises ValueError unless every label is -1 or +1."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        y = np.asarray(signature.bind(*args, **kwargs).arguments["y"])
        if not np.all((y == 1) | (y == -1)):
            raise ValueError("labels must be -1 or +1")
        return fn(*args, **kwargs)
    return wrapper


def matrix(fn):
    """Raises ValueError unless the first argument is 2-D."""
    @functools.wraps(fn)
    def wrapper(X, *args, **kwargs):
        if np.ndim(X) != 2:
            raise ValueError("X must be 2-D")
        return fn(X, *args, **kwargs)
    return wrapper


def returns_float(fn):
    """Turns the answer into a Python float."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return float(fn(*args, **kwargs))
    return wrapper


def returns_int_array(fn):
    """Turns the answer into an int numpy array."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return np.asarray(fn(*args, **kwargs)).astype(int)
    return wrapper


def two_gaussians(n_per_class, seed):
    """Provided: class +1 ~ N(0, I), class -1 ~ N(3, I), interleaved, bias column last."""
    rng = np.random.default_rng(seed)
    positive = rng.normal(0.0, 1.0, size=(n_per_class, 2))
    negative = rng.normal(3.0, 1.0, size=(n_per_class, 2))
    points = np.empty((2 * n_per_class, 2))
    points[0::2] = positive
    points[1::2] = negative
    y = np.empty(2 * n_per_class, dtype=int)
    y[0::2] = 1
    y[1::2] = -1
    return np.hstack([points, np.ones((2 * n_per_class, 1))]), y


@matrix
@as_float_array("X")
def add_bias(X):
    """[X | 1]."""
    return np.hstack([X, np.ones((X.shape[0], 1))])


@checks_shapes
@validate_labels
@as_float_array("X")
@copies("w")
def train_perceptron(X, y, w, epochs):
    """The lecture's rule, epoch by epoch, stopping after an epoch without updates."""
    changes = []
    for _ in range(epochs):
        updates = 0
        for i in range(X.shape[0]):
            if y[i] * (w @ X[i]) <= 0:
                w = w + y[i] * X[i]
                updates += 1
        changes.append(updates)
        if updates == 0:
            break
    return w, changes


@returns_int_array
@as_float_array("w", "X")
def predict(w, X):
    """+1 where w·x > 0, else -1."""
    return np.where(X @ w > 0, 1, -1)


@returns_float
@as_float_array("X", "y", "w_star")
def novikoff_bound(X, y, w_star):
    """(R/gamma)² with R the largest row norm and gamma the normalised margin of w_star."""
    norm = np.linalg.norm(w_star)
    if norm == 0:
        raise ValueError("w_star = 0 does not separate the data")
    R = np.linalg.norm(X, 2)
    gamma = (y * (X @ w_star)).min() / norm
    if gamma <= 0:
        raise ValueError("w_star does not separate the data")
    return (R / gamma) ** 2


@matrix
@as_float_array("X")
def xor_features(X):
    """(x_u, x_v, x_u·x_v) row-wise."""
    if X.shape[1] != 2:
        raise ValueError("X must have shape (n, 2)")
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])
