"""@validate_binary checks the wrong argument: it tests theta for 0/1 instead of x.

The wrapper checks args[0] (theta, the first argument after x): a valid call with theta 2 or 0.6
raises ValueError, and an x holding 2 or 0.5 is not rejected.

Single mistake in mp_neuron; written from correct_decorators.
"""

import functools

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def as_vector(fn):
    """Hands fn its first argument as a 1-D numpy array."""
    @functools.wraps(fn)
    def wrapper(x, *args, **kwargs):
        x = np.asarray(x)
        if x.ndim != 1:
            raise ValueError("x must be a 1-D array")
        return fn(x, *args, **kwargs)
    return wrapper


def validate_binary(fn):
    """Raises ValueError unless the first argument holds only 0s and 1s."""
    @functools.wraps(fn)
    def wrapper(x, *args, **kwargs):
        if not np.all((np.asarray(args[0]) == 0) | (np.asarray(args[0]) == 1)):
            raise ValueError("x must hold only 0s and 1s")
        return fn(x, *args, **kwargs)
    return wrapper


def with_mask(fn):
    """Turns inhibitory (None or array-like) into a boolean mask of x's length."""
    @functools.wraps(fn)
    def wrapper(x, theta, inhibitory=None):
        if inhibitory is None:
            mask = np.zeros(x.shape[0], dtype=bool)
        else:
            mask = np.asarray(inhibitory, dtype=bool)
        if mask.shape != x.shape:
            raise ValueError("inhibitory and x must have the same length")
        return fn(x, theta, mask)
    return wrapper


def returns_int(fn):
    """Turns the answer into a Python int."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return int(fn(*args, **kwargs))
    return wrapper


def known_gate(fn):
    """Checks the gate's name and its number of inputs."""
    @functools.wraps(fn)
    def wrapper(name, n):
        if name not in GATES:
            raise ValueError(f"unknown gate {name!r}")
        if not isinstance(n, int | np.integer) or n < 1:
            raise ValueError("n must be a positive int")
        if (name == "not" and n != 1) or (name == "and_not" and n != 2):
            raise ValueError(f"wrong number of inputs for {name}")
        return fn(name, n)
    return wrapper


def bool_mask(fn):
    """Turns the returned list of flags into a boolean numpy array."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        theta, flags = fn(*args, **kwargs)
        return theta, np.array(flags, dtype=bool)
    return wrapper


@as_vector
@validate_binary
@with_mask
@returns_int
def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory count reaches theta."""
    if np.any(x[inhibitory] == 1):
        return 0
    return np.sum(x[~inhibitory] == 1) >= theta


@known_gate
@bool_mask
def mp_gate(name, n):
    """(theta, inhibitory flags) of each gate."""
    if name == "and":
        return n, [False] * n
    if name == "or":
        return 1, [False] * n
    if name in ("nor", "not"):
        return 0, [True] * n
    return 1, [False, True]
