"""deep_parity: The NAND unit of each XOR block has bias +2 instead of +1.5, so (with >= 0) it
fires even when both inputs are 1 and the block computes OR instead of XOR.

Held-out batch 2 (H4): correct_numpy.py with this one mistake.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=float)
    out = None
    for W, b in layers:
        out = (z @ np.asarray(W, dtype=float).T + np.asarray(b, dtype=float) >= 0).astype(int)
        z = np.hstack([z, out])
    return out[:, 0]


def _pattern_units(patterns, n):
    W = np.where(patterns == 1, 1.0, -1.0).reshape(len(patterns), n)
    b = -patterns.sum(axis=1).astype(float)
    return W, b


def shallow_network(truth_table):
    table = np.asarray(truth_table).astype(int)
    n = int(round(np.log2(len(table))))
    rows = np.arange(2**n)
    bits = (rows[:, None] >> np.arange(n - 1, -1, -1)) & 1
    use_ones = table.sum() <= len(table) // 2
    chosen = bits[table == 1] if use_ones else bits[table == 0]
    if len(chosen) == 0:
        W1, b1 = np.zeros((1, n)), np.array([-1.0])
    else:
        W1, b1 = _pattern_units(chosen, n)
    h = len(W1)
    if use_ones:
        W2 = np.concatenate([np.zeros(n), np.ones(h)])[None, :]
        b2 = np.array([-1.0])
    else:
        W2 = np.concatenate([np.zeros(n), -np.ones(h)])[None, :]
        b2 = np.array([0.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if n < 2:
        raise ValueError("parity needs n >= 2")
    layers = []
    width = n
    current = 0
    for k in range(1, n):
        a = np.zeros((2, width))
        a[0, current] = a[0, k] = 1.0
        a[1, current] = a[1, k] = -1.0
        layers.append((a, np.array([-1.0, 2.0])))
        width += 2
        c = np.zeros((1, width))
        c[0, width - 2] = c[0, width - 1] = 1.0
        layers.append((c, np.array([-2.0])))
        current = width
        width += 1
    return layers


def count_units(layers):
    return int(sum(np.asarray(W).shape[0] for W, _ in layers))
