"""Copy-paste from the AND rule: the nor/not branch returns theta = n instead of 0, so with every
input inhibitory (count always 0) the NOR and NOT neurons never fire.

Mistake in `mp_gate`; edited from correct_matmul.py.
"""

import numpy as np


def mp_neuron(x, theta, inhibitory=None):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if not np.isin(x, (0, 1)).all():
        raise ValueError("x must be binary")
    if inhibitory is None:
        inhibitory = np.zeros(len(x), dtype=bool)
    inhibitory = np.asarray(inhibitory, dtype=bool)
    if inhibitory.shape != x.shape:
        raise ValueError("inhibitory must have the length of x")
    xf = x.astype(np.float64)
    vetoed = np.matmul(xf, inhibitory.astype(np.float64)) > 0
    excitatory = np.matmul(xf, (~inhibitory).astype(np.float64))
    return 0 if vetoed else int(excitatory >= theta)


def mp_gate(name, n):
    if name not in ("and", "or", "nor", "not", "and_not"):
        raise ValueError(f"unknown gate {name}")
    if (name == "not" and n != 1) or (name == "and_not" and n != 2):
        raise ValueError(f"{name} does not take {n} inputs")
    mask = np.zeros(n, dtype=bool)
    if name in ("nor", "not"):
        mask[:] = True
        return n, mask
    if name == "and_not":
        mask[1] = True
        return 1, mask
    theta = n if name == "and" else 1
    return theta, mask
