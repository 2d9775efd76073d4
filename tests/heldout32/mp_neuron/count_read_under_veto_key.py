"""The excitatory count is looked up under the key "veto" instead of "count".

The value compared with theta is the veto test, which is False once the veto did not apply: the
count is always 0, so the neuron fires iff theta <= 0, whatever the excitatory inputs.

Single mistake in mp_neuron; written from correct_reflection.
"""

import operator

import numpy as np

_ARITY = {"not": 1, "and_not": 2}


def _check_x(x):
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("x must be a 1-D array")
    if not np.all((values == 0) | (values == 1)):
        raise ValueError("x must hold only 0s and 1s")
    return values


def _check_mask(inhibitory, n):
    if inhibitory is None:
        return np.zeros(n, dtype=bool)
    mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != (n,):
        raise ValueError("inhibitory and x must have the same length")
    return mask


_TESTS = {
    "veto": lambda values, mask: bool(np.any(values[mask] == 1)),
    "count": lambda values, mask: values[~mask].sum(),
    "fires": operator.ge,
}


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory count reaches theta."""
    values = globals()["_check_x"](x)
    mask = globals()["_check_mask"](inhibitory, values.shape[0])
    if _TESTS["veto"](values, mask):
        return 0
    return int(_TESTS["fires"](_TESTS["veto"](values, mask), theta))


def _gate_and(n):
    return n, np.zeros(n, dtype=bool)


def _gate_or(n):
    return 1, np.zeros(n, dtype=bool)


def _gate_nor(n):
    return 0, np.ones(n, dtype=bool)


def _gate_not(n):
    return 0, np.ones(n, dtype=bool)


def _gate_and_not(n):
    return 1, np.array([False, True])


def mp_gate(name, n):
    """(theta, inhibitory) for the gate called name on n inputs, found by its builder's name."""
    builder = globals().get("_gate_" + name) if isinstance(name, str) else None
    if builder is None:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name in _ARITY and n != _ARITY[name]:
        raise ValueError(f"{name!r} takes {_ARITY[name]} inputs")
    return builder(n)
