"""The and_not spec is a copy of the NOR line with only the name and arity changed: theta 0 and
every input inhibitory, so mp_gate('and_not', 2) gives a NOR of two inputs (1 only on 00)
instead of x1 AND NOT x2 (1 only on 10).

Single mistake in `mp_gate`; written in the style of correct_dataclass.
"""

from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np


class Tally(NamedTuple):
    vetoed: bool
    count: float


@dataclass(frozen=True)
class MPNeuron:
    theta: float
    inhibitory: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def __post_init__(self):
        object.__setattr__(self, "inhibitory", np.array(self.inhibitory, dtype=bool))

    def tally(self, x):
        vetoed = bool(np.any(x[self.inhibitory] == 1))
        count = float(x[~self.inhibitory].sum())
        return Tally(vetoed, count)

    def fire(self, x):
        if self.inhibitory.shape != x.shape:
            raise ValueError(f"mask of shape {self.inhibitory.shape} for x of shape {x.shape}")
        t = self.tally(x)
        return 0 if t.vetoed else int(t.count >= self.theta)


_PROTOTYPE = MPNeuron(theta=0)


@dataclass(frozen=True)
class Inputs:
    values: np.ndarray

    def __post_init__(self):
        v = np.asarray(self.values)
        if v.ndim != 1 or not np.all((v == 0) | (v == 1)):
            raise ValueError("x must be a 1-D array of 0s and 1s")
        object.__setattr__(self, "values", v.astype(np.float64))


def mp_neuron(x, theta, inhibitory=None):
    inputs = Inputs(x)
    n = inputs.values.shape[0]
    mask = np.zeros(n, dtype=bool) if inhibitory is None else inhibitory
    neuron = replace(_PROTOTYPE, theta=theta, inhibitory=mask)
    return neuron.fire(inputs.values)


@dataclass(frozen=True)
class Gate:
    name: str
    theta: str  # "n", "1" or "0"
    inhibit: str  # "none", "all" or "x2"
    arity: int | None = None

    def params(self, n):
        if self.arity is not None and n != self.arity:
            raise ValueError(f"{self.name} takes {self.arity} inputs, got {n}")
        theta = {"n": n, "1": 1, "0": 0}[self.theta]
        mask = np.zeros(n, dtype=bool)
        if self.inhibit == "all":
            mask[:] = True
        elif self.inhibit == "x2":
            mask[1] = True
        return theta, mask


_GATES = {
    g.name: g
    for g in (
        Gate("and", "n", "none"),
        Gate("or", "1", "none"),
        Gate("nor", "0", "all"),
        Gate("not", "0", "all", arity=1),
        Gate("and_not", "0", "all", arity=2),
    )
}


def mp_gate(name, n):
    if name not in _GATES:
        raise ValueError(f"unknown gate {name!r}")
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    return _GATES[name].params(n)
