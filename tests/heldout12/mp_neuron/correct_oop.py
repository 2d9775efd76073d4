"""The McCulloch-Pitts neuron around small classes: a Neuron dataclass holds the threshold and
the veto mask and answers `vetoed`, `count` and `fire`; mp_gate looks the gate up in a table of
frozen GateSpec records (required arity, theta and mask as functions of n).

Correct solution (style: oop).
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass
class Neuron:
    theta: float
    mask: np.ndarray

    @classmethod
    def build(cls, theta, inhibitory, n):
        if inhibitory is None:
            mask = np.zeros(n, dtype=bool)
        else:
            mask = np.array(inhibitory, dtype=bool)
        if mask.shape != (n,):
            raise ValueError("inhibitory must have one entry per input")
        return cls(theta, mask)

    def vetoed(self, x):
        return bool(np.any(x[self.mask] == 1))

    def count(self, x):
        return x[~self.mask].sum()

    def fire(self, x):
        if self.vetoed(x):
            return 0
        return int(self.count(x) >= self.theta)


def _inputs(x):
    arr = np.asarray(x)
    if arr.ndim != 1:
        raise ValueError("x must be a 1-D array")
    if not np.all((arr == 0) | (arr == 1)):
        raise ValueError("x must hold only 0s and 1s")
    return arr


def mp_neuron(x, theta, inhibitory=None):
    arr = _inputs(x)
    neuron = Neuron.build(theta, inhibitory, arr.shape[0])
    return neuron.fire(arr)


@dataclass(frozen=True)
class GateSpec:
    arity: int | None
    theta: Callable[[int], int]
    mask: Callable[[int], np.ndarray]


def _none_inhibitory(n):
    return np.zeros(n, dtype=bool)


def _all_inhibitory(n):
    return np.ones(n, dtype=bool)


_GATES = {
    "and": GateSpec(None, lambda n: n, _none_inhibitory),
    "or": GateSpec(None, lambda n: 1, _none_inhibitory),
    "nor": GateSpec(None, lambda n: 0, _all_inhibitory),
    "not": GateSpec(1, lambda n: 0, _all_inhibitory),
    "and_not": GateSpec(2, lambda n: 1, lambda n: np.array([False, True])),
}


def mp_gate(name, n):
    spec = _GATES.get(name)
    if spec is None:
        raise ValueError(f"unknown gate {name!r}")
    if n < 1 or (spec.arity is not None and n != spec.arity):
        raise ValueError(f"gate {name!r} cannot take n = {n}")
    return spec.theta(n), spec.mask(n)
