"""The neuron fires when ANY of its rules allows it (any(...)) instead of when all of them do.

mp_neuron asks its two Rule objects, the veto and the threshold, and combines the answers with
any() where all() is meant: a neuron fires whenever no inhibitory input is on (even below the
threshold) or whenever the threshold is reached (even with an active inhibitory input).

Graded: mp_neuron; written from correct_protocols.py.
"""

from typing import Protocol

import numpy as np


class Rule(Protocol):
    """One condition the neuron checks before it fires."""

    def allows(self, bits: np.ndarray, mask: np.ndarray) -> bool: ...


class Gate(Protocol):
    """A logic gate as the parameters of one McCulloch-Pitts neuron."""

    name: str

    def accepts(self, n: int) -> bool: ...

    def theta(self, n: int) -> int: ...

    def mask(self, n: int) -> np.ndarray: ...


class NoVeto:
    """An active inhibitory input is an absolute veto."""

    def allows(self, bits, mask):
        return not bool(np.any(bits[mask] == 1))


class Threshold:
    """The excitatory inputs that are on must reach theta."""

    def __init__(self, theta):
        self.theta = theta

    def allows(self, bits, mask):
        count = int(bits[~mask].sum())
        return count >= self.theta


class AndGate:
    name = "and"

    def accepts(self, n):
        return n >= 1

    def theta(self, n):
        return n

    def mask(self, n):
        return np.zeros(n, dtype=bool)


class OrGate:
    name = "or"

    def accepts(self, n):
        return n >= 1

    def theta(self, n):
        return 1

    def mask(self, n):
        return np.zeros(n, dtype=bool)


class NorGate:
    name = "nor"

    def accepts(self, n):
        return n >= 1

    def theta(self, n):
        return 0

    def mask(self, n):
        return np.ones(n, dtype=bool)


class AndNotGate:
    name = "and_not"

    def accepts(self, n):
        return n == 2

    def theta(self, n):
        return 1

    def mask(self, n):
        return np.array([False, True])


class NotGate(NorGate):
    name = "not"

    def accepts(self, n):
        return n == 1


GATES: dict[str, Gate] = {g.name: g for g in (AndGate(), OrGate(), NorGate(), NotGate(),
                                             AndNotGate())}


def _bits(x):
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("x must be a 1-D array")
    if not np.all((values == 0) | (values == 1)):
        raise ValueError("x must hold only 0s and 1s")
    return values.astype(np.int64)


def _mask(inhibitory, n):
    if inhibitory is None:
        return np.zeros(n, dtype=bool)
    mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != (n,):
        raise ValueError("inhibitory and x must have the same length")
    return mask


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff every rule (no veto, threshold reached) allows the neuron to fire."""
    bits = _bits(x)
    mask = _mask(inhibitory, bits.shape[0])
    rules: list[Rule] = [NoVeto(), Threshold(theta)]
    return int(any(rule.allows(bits, mask) for rule in rules))


def mp_gate(name, n):
    """(theta, inhibitory) of the gate `name` on n inputs, read through the Gate protocol."""
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    gate = GATES[name]
    if not gate.accepts(n):
        raise ValueError(f"gate {name!r} does not take {n} inputs")
    return gate.theta(n), gate.mask(n)
