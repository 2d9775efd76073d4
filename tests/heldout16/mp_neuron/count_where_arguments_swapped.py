"""The arguments of np.where are swapped when the inhibitory inputs are zeroed before counting:
np.where(inh, x, 0) keeps the INHIBITORY inputs and zeroes the excitatory ones, so the count is
the number of active inhibitory inputs (always 0 once the veto has passed) and the neuron fires
exactly when nothing is vetoed and theta <= 0.

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
    count = np.count_nonzero(np.where(inh, x, 0))
    fires = np.select([veto, count >= theta], [0, 1], default=0)
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
