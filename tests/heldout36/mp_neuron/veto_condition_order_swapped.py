"""The two results of the conditional expression are swapped: the threshold test is used only when the neuron IS vetoed.

return int(total >= theta) if vetoed else 0 returns 0 whenever no inhibitory input is active and
applies the threshold only under a veto: without inhibitory inputs the neuron never fires, and
with one active it fires as if the veto did not exist.

Mistake in `mp_neuron`; written from correct_immutable.py.
"""

from dataclasses import dataclass

import numpy as np

GATE_NAMES = ("and", "or", "nor", "not", "and_not")


def frozen(values, dtype=None):
    """A read-only copy of values."""
    out = np.array(values, dtype=dtype)
    out.setflags(write=False)
    return out


@dataclass(frozen=True)
class GateParams:
    theta: int = 0
    inhibitory: tuple = ()


def read_bits(x):
    bits = frozen(x)
    if bits.ndim != 1:
        raise ValueError("x must be a 1-D array of 0/1 inputs")
    if not np.all((bits == 0) | (bits == 1)):
        raise ValueError("x must hold only 0s and 1s")
    return frozen(bits, dtype=int)


def read_mask(inhibitory, n):
    if inhibitory is None:
        return frozen(np.zeros(n), dtype=bool)
    mask = frozen(inhibitory, dtype=bool)
    if mask.shape != (n,):
        raise ValueError("inhibitory and x must have the same length")
    return mask


def mp_neuron(x, theta, inhibitory=None):
    """1 iff no inhibitory input is on and the excitatory inputs sum to at least theta."""
    bits = read_bits(x)
    mask = read_mask(inhibitory, bits.shape[0])
    vetoed = bool(np.any(np.logical_and(mask, bits == 1)))
    excitatory = np.where(mask, 0, bits)
    total = 0
    for value in excitatory:
        total = total + int(value)
    return int(total >= theta) if vetoed else 0


def gate_params(name, n):
    if name == "and":
        return GateParams(theta=n, inhibitory=(False,) * n)
    if name == "or":
        return GateParams(theta=1, inhibitory=(False,) * n)
    if name in ("nor", "not"):
        return GateParams(theta=0, inhibitory=(True,) * n)
    return GateParams(theta=1, inhibitory=(False, True))


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
    params = gate_params(name, int(n))
    return params.theta, frozen(params.inhibitory, dtype=bool)
