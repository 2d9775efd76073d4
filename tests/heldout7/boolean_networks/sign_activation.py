"""The unit's activation is np.sign (the perceptron's +-1 habit) instead of the step [W.z + b >=
0]: a unit below threshold outputs -1 instead of 0 and a unit exactly at threshold outputs 0
instead of 1, and later layers read those values.

Edited from correct_compact.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.array(X, dtype=np.float64)
    if z.ndim != 2 or not layers:
        raise ValueError("X must be (m, n) and the network needs at least one layer")
    for k, (W, b) in enumerate(layers):
        W, b = np.atleast_2d(np.asarray(W, float)), np.asarray(b, float)
        if W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k + 1}: W {W.shape}, b {b.shape} vs z {z.shape}")
        y = np.sign(np.einsum("uc,mc->mu", W, z) + b)
        z = np.concatenate((z, y), axis=1)
    if y.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return y.ravel().astype(int)


def shallow_network(truth_table):
    t = np.asarray(truth_table)
    n = int(np.log2(t.size)) if t.ndim == 1 and t.size > 1 else 0
    if n < 1 or 2**n != t.size:
        raise ValueError(f"truth_table must have length 2^n, n >= 1, got shape {t.shape}")
    if not np.isin(t, (0, 1)).all():
        raise ValueError("truth_table must hold only 0/1")
    neg = t.sum() * 2 > t.size
    rows = np.nonzero(t == (0 if neg else 1))[0]
    P = (rows[:, None] // 2 ** np.arange(n - 1, -1, -1)) % 2
    if rows.size == 0:
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.0 if neg else -1.0]))]
    W1 = np.where(P == 1, 1.0, -1.0)
    b1 = -P.sum(axis=1).astype(float)
    sign = -1.0 if neg else 1.0
    W2 = np.concatenate([np.zeros(n), sign * np.ones(rows.size)])[None, :]
    b2 = np.array([0.0 if neg else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"n must be an int >= 2, got {n!r}")
    layers = []
    acc, width = 0, n
    for nxt in range(1, n):
        WA = np.zeros((2, width))
        WA[:, [acc, nxt]] = [[1.0, 1.0], [-1.0, -1.0]]
        layers.append((WA, np.array([-1.0, 1.0])))  # OR, NAND
        WB = np.zeros((1, width + 2))
        WB[0, [width, width + 1]] = 1.0
        layers.append((WB, np.array([-2.0])))  # AND
        acc, width = width + 2, width + 3
    return layers


def count_units(layers):
    return int(sum(np.shape(W)[0] for W, _ in layers))
