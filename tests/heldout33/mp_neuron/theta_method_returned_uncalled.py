"""mp_gate returns the bound method gate.theta instead of calling it.

The parentheses are missing after gate.theta: the threshold returned is a method object, and
comparing the count with it raises TypeError.

Graded: mp_gate. Written from correct_inheritance.py.
"""

from abc import ABC, abstractmethod

import numpy as np


class Neuron:
    """A McCulloch-Pitts unit with a threshold and an inhibitory mask (None: no inhibition)."""

    def __init__(self, theta, inhibitory=None):
        self.theta = theta
        self.inhibitory = inhibitory

    def validate(self, x):
        x = np.asarray(x)
        if x.ndim != 1:
            raise ValueError("x must be a 1-D array")
        if not np.all((x == 0) | (x == 1)):
            raise ValueError("x must hold only 0s and 1s")
        if self.inhibitory is None:
            mask = np.zeros(x.shape, dtype=bool)
        else:
            mask = np.asarray(self.inhibitory, dtype=bool)
        if mask.shape != x.shape:
            raise ValueError("inhibitory and x must have the same length")
        return x, mask

    def vetoed(self, x, mask):
        return bool(np.any(x[mask] == 1))

    def count(self, x, mask):
        return x[~mask].sum()

    def fire(self, x):
        x, mask = self.validate(x)
        if self.vetoed(x, mask):
            return 0
        return int(self.count(x, mask) >= self.theta)


class Gate(ABC):
    """A logic gate on n inputs; subclasses say its threshold and its inhibitory mask."""

    arity = None  # a fixed number of inputs, or None for any n >= 1

    def __init__(self, n):
        if not isinstance(n, int | np.integer) or n < 1:
            raise ValueError("n must be a positive int")
        if self.arity is not None and n != self.arity:
            raise ValueError(f"{type(self).__name__} takes {self.arity} input(s)")
        self.n = n

    @abstractmethod
    def theta(self):
        """The threshold."""

    def mask(self):
        return np.zeros(self.n, dtype=bool)

    def neuron(self):
        return Neuron(self.theta(), self.mask())


class AndGate(Gate):
    def theta(self):
        return self.n


class OrGate(Gate):
    def theta(self):
        return 1


class NorGate(Gate):
    def theta(self):
        return 0

    def mask(self):
        return np.ones(self.n, dtype=bool)


class NotGate(NorGate):
    arity = 1


class AndNotGate(Gate):
    arity = 2

    def theta(self):
        return 1

    def mask(self):
        return np.array([False, True])


GATES = {"and": AndGate, "or": OrGate, "nor": NorGate, "not": NotGate, "and_not": AndNotGate}


def mp_neuron(x, theta, inhibitory=None):
    return Neuron(theta, inhibitory).fire(x)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    gate = GATES[name](n)
    return gate.theta, gate.mask()
