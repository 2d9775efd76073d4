"""threshold_forward returns column n of z (the first unit of the FIRST layer, just after the inputs) instead of the last column (the output unit): right only for one-layer networks.

Graded function: threshold_forward. Edited from correct_functional.py.
"""

import itertools
import math
from functools import reduce

import numpy as np


def _layer_step(z, layer):
    W, b = (np.asarray(a, dtype=float) for a in layer)
    if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
        raise ValueError("a layer does not fit z")
    fired = (z @ W.T + b >= 0).astype(float)
    return np.concatenate([z, fired], axis=1)


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=float)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("no layers")
    z_final = reduce(_layer_step, layers, z)
    if np.asarray(layers[-1][0]).shape[0] != 1:
        raise ValueError("the last layer must have one unit")
    return z_final[:, z.shape[1]].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1 or len(table) < 2:
        raise ValueError("truth table must be 1-D of length 2^n")
    m = len(table)
    n = int(round(math.log2(m)))
    if 2**n != m:
        raise ValueError("length must be a power of two")
    values = table.tolist()
    if any(v not in (0, 1) for v in values):
        raise ValueError("truth table must hold 0/1")
    rows = list(itertools.product((0, 1), repeat=n))
    ones = [r for r, v in zip(rows, values) if v == 1]
    zeros = [r for r, v in zip(rows, values) if v == 0]
    negate = len(ones) > len(zeros)
    chosen = zeros if negate else ones
    b2 = np.array([0.0 if negate else -1.0])
    if not chosen:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), b2)]
    W1 = np.array([[1.0 if bit else -1.0 for bit in p] for p in chosen])
    b1 = np.array([-float(sum(p)) for p in chosen])
    sign = -1.0 if negate else 1.0
    W2 = np.array([[0.0] * n + [sign] * len(chosen)])
    return [(W1, b1), (W2, b2)]


def _row(width, weights):
    r = [0.0] * width
    for col, val in weights:
        r[col] = val
    return r


def deep_parity(n):
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    acc, width = 0, n
    for i in range(1, n):
        W_a = np.array([_row(width, [(acc, 1.0), (i, 1.0)]), _row(width, [(acc, 1.0), (i, 1.0)])])
        b_a = np.array([-1.0, -2.0])
        layers.append((W_a, b_a))
        W_b = np.array([_row(width + 2, [(width, 1.0), (width + 1, -1.0)])])
        b_b = np.array([-1.0])
        layers.append((W_b, b_b))
        acc, width = width + 2, width + 3
    return layers


def count_units(layers):
    return int(sum(np.asarray(W).shape[0] for W, _ in layers))
