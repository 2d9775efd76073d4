"""The excitatory count is the sum of all inputs minus the NUMBER of inhibitory positions (mask.sum()) instead of the sum over the excitatory inputs.

When the neuron is not vetoed every inhibitory input is 0, so the count comes out short by the
number of inhibitory positions: x1 AND NOT x2 never fires at (1, 0), and any mask with
inhibitory entries needs more active inputs than theta.

Single mistake in mp_neuron; written from correct_records.
"""

from typing import NamedTuple

import numpy as np


class Signal(NamedTuple):
    bits: np.ndarray
    veto_mask: np.ndarray


class Decision(NamedTuple):
    vetoed: bool
    count: int


class Gate(NamedTuple):
    theta: int
    inhibitory: np.ndarray


GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def _read_signal(x, inhibitory):
    bits = np.asarray(x)
    if bits.ndim != 1:
        raise ValueError("x must be a 1-D array")
    if not np.all((bits == 0) | (bits == 1)):
        raise ValueError("x must hold only 0s and 1s")
    if inhibitory is None:
        mask = np.zeros(bits.shape[0], dtype=bool)
    else:
        mask = np.asarray(inhibitory, dtype=bool)
    if mask.shape != bits.shape:
        raise ValueError("inhibitory and x must have the same length")
    return Signal(bits=bits, veto_mask=mask)


def _excitation(signal):
    return int(signal.bits.sum() - signal.veto_mask.sum())


def _decide(signal):
    vetoed = bool(np.any(signal.bits[signal.veto_mask] == 1))
    return Decision(vetoed, _excitation(signal))


def mp_neuron(x, theta, inhibitory=None):
    """Returns 1 iff no inhibitory input is on and the excitatory count reaches theta."""
    decision = _decide(_read_signal(x, inhibitory))
    if decision.vetoed:
        return 0
    return int(decision.count >= theta)


def _gate_record(name, n):
    base = Gate(theta=1, inhibitory=np.zeros(n, dtype=bool))
    if name == "and":
        return base._replace(theta=n)
    if name == "or":
        return base
    if name in ("nor", "not"):
        return base._replace(theta=0, inhibitory=np.ones(n, dtype=bool))
    return base._replace(inhibitory=np.array([False, True]))


def mp_gate(name, n):
    """(theta, inhibitory) that make mp_neuron compute the gate `name` on n inputs."""
    if name not in GATE_NAMES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be a positive int")
    if name == "not" and n != 1:
        raise ValueError("'not' takes one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes two inputs")
    gate = _gate_record(name, n)
    theta, inhibitory = gate
    return theta, inhibitory
