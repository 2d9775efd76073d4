"""The `fires` property is called like a method, Neuron(...).fires().

fires is a @property, so Neuron(...).fires is already the bool; calling it raises TypeError
('bool' object is not callable) on every input that passes the checks.

Graded: mp_neuron (written from correct_properties.py).
"""

from functools import cached_property

import numpy as np


class Neuron:
    """One McCulloch-Pitts unit looking at one input vector."""

    def __init__(self, x, theta, inhibitory=None):
        self.x = np.asarray(x)
        self.theta = theta
        self.inhibitory = inhibitory
        if self.x.ndim != 1:
            raise ValueError("x must be a 1-D array of 0/1 inputs")
        if not self.binary:
            raise ValueError("x must hold only 0s and 1s")
        if self.mask.shape != self.x.shape:
            raise ValueError("inhibitory and x must have the same length")

    @property
    def n(self):
        return self.x.shape[0]

    @property
    def binary(self):
        return bool(np.all((self.x == 0) | (self.x == 1)))

    @cached_property
    def mask(self):
        if self.inhibitory is None:
            return np.zeros(self.n, dtype=bool)
        return np.asarray(self.inhibitory, dtype=bool)

    @property
    def vetoed(self):
        return bool(np.any(self.x[self.mask] == 1))

    @property
    def excitation(self):
        return int(np.sum(self.x[~self.mask]))

    @property
    def fires(self):
        return not self.vetoed and self.excitation >= self.theta


def mp_neuron(x, theta, inhibitory=None):
    """1 iff the neuron fires, else 0."""
    return int(Neuron(x, theta, inhibitory).fires())


class Gate:
    """The parameters of a logic gate as a McCulloch-Pitts neuron."""

    NAMES = ("and", "or", "nor", "not", "and_not")

    def __init__(self, name, n):
        if name not in self.NAMES:
            raise ValueError(f"unknown gate {name!r}")
        if not isinstance(n, int | np.integer) or n < 1:
            raise ValueError("n must be a positive int")
        if name == "not" and n != 1:
            raise ValueError("'not' takes one input")
        if name == "and_not" and n != 2:
            raise ValueError("'and_not' takes two inputs")
        self.name = name
        self.n = n

    @property
    def theta(self):
        return {"and": self.n, "or": 1, "nor": 0, "not": 0, "and_not": 1}[self.name]

    @property
    def inhibitory(self):
        if self.name in ("nor", "not"):
            return np.ones(self.n, dtype=bool)
        mask = np.zeros(self.n, dtype=bool)
        if self.name == "and_not":
            mask[1] = True
        return mask


def mp_gate(name, n):
    """(theta, inhibitory) that make mp_neuron compute the gate on n inputs."""
    gate = Gate(name, n)
    return gate.theta, gate.inhibitory
