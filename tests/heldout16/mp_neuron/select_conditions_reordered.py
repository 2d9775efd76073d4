"""The conditions of np.select are listed threshold first and veto second: np.select takes the
FIRST condition that holds, so when the excitatory count reaches theta the neuron fires even
though an inhibitory input is on; the veto only works when the threshold is not reached.

Mistake in `mp_neuron`, written in the style of correct_masks.py.
"""

import numpy as np

GATES = ("and", "or", "nor", "not", "and_not")


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array of 0/1 inputs, got shape {x.shape}")
    if not np.all(np.isin(x, (0, 1))):
        raise ValueError("x must hold only 0s and 1s")
    inh = np.zeros(x.shape, dtype=bool) if inhibitory is None else np.asarray(inhibitory, dtype=bool)
    if inh.shape != x.shape:
        raise ValueError(f"inhibitory has shape {inh.shape}, x has shape {x.shape}")
    active = x == 1
    veto = np.any(active & inh)
    count = np.count_nonzero(np.where(inh, 0, x))
    fires = np.select([count >= theta, veto], [1, 0], default=0)
    return int(fires)


def mp_gate(name, n):
    if name not in GATES:
        raise ValueError(f"unknown gate {name!r}")
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if name == "not" and n != 1:
        raise ValueError("'not' takes exactly one input")
    if name == "and_not" and n != 2:
        raise ValueError("'and_not' takes exactly two inputs")
    idx = np.arange(n)
    theta = int(np.select([name == "and", name in ("or", "and_not")], [n, 1], default=0))
    inhibitory = np.full(n, name in ("nor", "not")) | ((idx == 1) & (name == "and_not"))
    return theta, inhibitory
