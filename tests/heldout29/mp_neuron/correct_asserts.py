"""The McCulloch-Pitts neuron written assert-first: every precondition is an `assert` at the top
of the function, and a small helper turns a failed assertion into the ValueError the course
asks for; the computation below the guards is plain numpy.

Correct solution (style: asserts).
"""

import numpy as np


def _require(condition, message):
    """Turns a failed assertion into a ValueError."""
    try:
        assert condition, message
    except AssertionError as err:
        raise ValueError(str(err)) from None


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory count reaches theta."""
    x = np.asarray(x)
    _require(x.ndim == 1, "x must be 1-D")
    _require(np.all((x == 0) | (x == 1)), "x must hold only 0s and 1s")
    if inhibitory is None:
        inhibitory = np.zeros(x.shape[0], dtype=bool)
    mask = np.asarray(inhibitory, dtype=bool)
    _require(mask.shape == x.shape, "inhibitory and x must have the same length")

    if np.any(x[mask] == 1):
        return 0
    total = np.sum(x[~mask])
    return int(total >= theta)


def mp_gate(name, n):
    """(theta, inhibitory) for the gates and, or, nor, not (n == 1), and_not (n == 2)."""
    _require(name in ("and", "or", "nor", "not", "and_not"), f"unknown gate {name!r}")
    _require(isinstance(n, int | np.integer) and n >= 1, "n must be a positive int")
    _require(name != "not" or n == 1, "not takes one input")
    _require(name != "and_not" or n == 2, "and_not takes two inputs")

    if name == "and":
        return n, np.zeros(n, dtype=bool)
    if name == "or":
        return 1, np.zeros(n, dtype=bool)
    if name == "nor" or name == "not":
        return 0, np.ones(n, dtype=bool)
    return 1, np.array([False, True])
