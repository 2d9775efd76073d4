"""threshold_forward fires a unit only when W.z + b > 0 instead of >= 0: units whose sum is exactly
0 (the pattern units at their pattern, the XOR blocks' units) stay off.

Edited from correct_vector.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=float)
    if z.ndim != 2 or not layers:
        raise ValueError("X must be (m, n) and the network needs at least one layer")
    for W, b in layers:
        W, b = np.atleast_2d(np.asarray(W, float)), np.asarray(b, float).reshape(-1)
        if W.shape[1] != z.shape[1]:
            raise ValueError(f"W {W.shape} does not fit z with {z.shape[1]} columns")
        fired = (z @ W.T + b > 0).astype(float)
        z = np.concatenate([z, fired], axis=1)
    if fired.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return fired[:, 0].astype(int)


def shallow_network(truth_table):
    t = np.asarray(truth_table).astype(int)
    n = int(np.log2(t.size)) if t.size else 0
    if t.ndim != 1 or n < 1 or 2 ** n != t.size:
        raise ValueError("truth table length must be 2**n, n >= 1")
    flip = t.sum() > t.size // 2
    rows = np.nonzero(t == (0 if flip else 1))[0]
    shifts = np.arange(n)[::-1]
    P = (rows[:, None] >> shifts) & 1
    if P.shape[0] == 0:
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.0 if flip else -1.0]))]
    W1 = 2.0 * P - 1.0
    b1 = -P.sum(axis=1).astype(float)
    sign = -1.0 if flip else 1.0
    W2 = np.concatenate([np.zeros(n), np.full(len(P), sign)])[None, :]
    b2 = np.array([0.0 if flip else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    cols = list(range(n))
    width = n
    while len(cols) > 1:
        a, b = np.array(cols[0:-1:2]), np.array(cols[1::2])
        if len(cols) % 2 == 1:
            a = a[: len(b)]
        p = len(b)
        W = np.zeros((2 * p, width))
        W[np.arange(p), a] = 1.0
        W[np.arange(p), b] = 1.0
        W[p + np.arange(p), a] = -1.0
        W[p + np.arange(p), b] = -1.0
        bias = np.concatenate([-np.ones(p), np.ones(p)])
        layers.append((W, bias))
        ors, nands = width + np.arange(p), width + p + np.arange(p)
        width += 2 * p
        W = np.zeros((p, width))
        W[np.arange(p), ors] = 1.0
        W[np.arange(p), nands] = 1.0
        layers.append((W, np.full(p, -2.0)))
        rest = cols[2 * p:]
        cols = list(width + np.arange(p)) + rest
        width += p
    return layers


def count_units(layers):
    return int(sum(np.shape(W)[0] for W, _ in layers))
