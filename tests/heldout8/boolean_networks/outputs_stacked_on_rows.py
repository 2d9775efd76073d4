"""A layer's outputs are concatenated to z along axis 0 (as new rows/samples) instead of axis 1 (new columns): from the second layer on z has the wrong shape.

Graded function: threshold_forward. Edited from correct_numpy.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.array(X, dtype=np.float64, ndmin=2)
    if np.ndim(X) != 2 or not layers:
        raise ValueError("X must be (m, n) and the network non-empty")
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        out = (np.einsum("ij,mj->mi", W, z) + np.asarray(b, dtype=np.float64) >= 0).astype(float)
        z = np.concatenate([z, out], axis=0)
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out.ravel().astype(int)


def shallow_network(truth_table):
    t = np.asarray(truth_table).astype(int)
    n = int(np.log2(t.size)) if t.size else 0
    if t.ndim != 1 or n < 1 or 2 ** n != t.size:
        raise ValueError("truth table length must be 2**n")
    neg = t.sum() * 2 > t.size
    rows = np.nonzero(t != neg)[0] if not neg else np.nonzero(t == 0)[0]
    bits = ((rows[:, None] >> np.arange(n)[::-1]) & 1).astype(np.float64)
    if bits.shape[0] == 0:
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.0 if neg else -1.0]))]
    W1 = 2.0 * bits - 1.0
    b1 = -bits.sum(axis=1)
    sign = -1.0 if neg else 1.0
    W2 = np.concatenate([np.zeros(n), sign * np.ones(len(bits))])[None, :]
    b2 = np.array([0.0 if neg else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if int(n) != n or n < 2:
        raise ValueError("n must be an int >= 2")
    n = int(n)
    layers = []
    live = list(range(n))
    width = n
    while len(live) > 1:
        npair = len(live) // 2
        A = np.zeros((2 * npair, width))
        for j in range(npair):
            a, b = live[2 * j], live[2 * j + 1]
            A[2 * j, [a, b]] = 1.0
            A[2 * j + 1, [a, b]] = -1.0
        layers.append((A, np.tile([-1.0, 1.0], npair)))
        base = width
        width += 2 * npair
        B = np.zeros((npair, width))
        for j in range(npair):
            B[j, base + 2 * j: base + 2 * j + 2] = 1.0
        layers.append((B, np.full(npair, -2.0)))
        leftover = live[2 * npair:]
        live = list(range(width, width + npair)) + leftover
        width += npair
    return layers


def count_units(layers):
    return int(np.sum([np.shape(W)[0] for W, _ in layers]))
