"""The or threshold is built as partial(_constant, value=1), binding the constant by keyword.

The factory then calls it with n as the first positional argument, which is also value: Python
raises TypeError (multiple values for 'value') on every mp_gate('or', n).

Single mistake in mp_gate; written from correct_callables.
"""

from functools import partial

import numpy as np


class InputCheck:
    """Turns x into a 1-D int array of 0/1, or raises ValueError."""

    def __call__(self, x):
        arr = np.asarray(x)
        if arr.ndim != 1:
            raise ValueError("x must be a 1-D array")
        if not np.all((arr == 0) | (arr == 1)):
            raise ValueError("x must hold only 0s and 1s")
        return arr.astype(int)


class Neuron:
    """A McCulloch-Pitts unit with a fixed threshold and inhibitory mask."""

    def __init__(self, theta, inhibitory):
        self.theta = theta
        self.inhibitory = inhibitory
        self.check = InputCheck()

    def __call__(self, x):
        bits = self.check(x)
        if self.inhibitory is None:
            mask = np.zeros(bits.shape[0], dtype=bool)
        else:
            mask = np.asarray(self.inhibitory, dtype=bool)
        if mask.shape != bits.shape:
            raise ValueError("inhibitory and x must have the same length")
        if np.any(bits[mask] == 1):
            return 0
        return int(bits[~mask].sum() >= self.theta)


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory sum reaches theta."""
    return Neuron(theta, inhibitory)(x)


class GateFactory:
    """Called with n, returns (theta, inhibitory) for one gate."""

    def __init__(self, theta_of_n, all_inhibitory, exact_n=None):
        self.theta_of_n = theta_of_n
        self.all_inhibitory = all_inhibitory
        self.exact_n = exact_n

    def __call__(self, n):
        if self.exact_n is not None and n != self.exact_n:
            raise ValueError(f"this gate takes {self.exact_n} inputs")
        if self.all_inhibitory:
            mask = np.ones(n, dtype=bool)
        else:
            mask = np.zeros(n, dtype=bool)
        return self.theta_of_n(n), mask


def _constant(value, n):
    return value


def _identity(n):
    return n


def _and_not(n):
    if n != 2:
        raise ValueError("and_not takes two inputs")
    return 1, np.array([False, True])


GATES = {
    "and": GateFactory(_identity, False),
    "or": GateFactory(partial(_constant, value=1), False),
    "nor": GateFactory(partial(_constant, 0), True),
    "not": GateFactory(partial(_constant, 0), True, exact_n=1),
    "and_not": _and_not,
}


def mp_gate(name, n):
    """(theta, inhibitory) that make mp_neuron compute the gate `name` on n inputs."""
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    return GATES[name](n)
