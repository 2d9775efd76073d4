"""The arguments of np.ix_ are swapped, (signal columns, unit rows) instead of (unit rows, signal
columns): the OR/NAND block of a pair is written at rows a, b and columns 2j, 2j + 1. On the
first level the two index sets happen to coincide (pair j is inputs 2j, 2j + 1), so n = 2 is
right, but from n = 3 on the next level's signals (columns such as 5 and 2) are used as row
indices of a 2-row block and deep_parity raises IndexError.

In `deep_parity`; written in the style of correct_indexing.
"""

import numpy as np


def _units(layers):
    return [np.shape(W)[0] for W, _ in layers]


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    m, n = X.shape
    starts = n + np.cumsum([0] + _units(layers))    # first column of each layer's outputs
    z = np.zeros((m, starts[-1]))
    z[:, :n] = X
    for k, (W, b) in enumerate(layers):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        col = starts[k]
        if W.ndim != 2 or W.shape[1] != col or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k + 1}: W {W.shape}, b {b.shape} do not fit {col} columns")
        s = z[:, :col] @ W.T + b
        r, u = np.nonzero(s >= 0)
        z[r, col + u] = 1.0
    if starts[-1] - starts[-2] != 1:
        raise ValueError("the last layer must have one unit")
    return np.take(z, starts[-2], axis=1).astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth_table must be 1-D")
    m = table.shape[0]
    n = m.bit_length() - 1
    if n < 1 or m != 2**n:
        raise ValueError(f"truth_table must have length 2**n, n >= 1; got {m}")
    if np.flatnonzero((table != 0) & (table != 1)).size:
        raise ValueError("truth_table must hold only 0s and 1s")
    ones = np.flatnonzero(table == 1)
    negate = ones.size > m // 2
    patterns = np.flatnonzero(table == 0) if negate else ones
    h = max(1, patterns.size)
    W1, b1 = np.zeros((h, n)), np.zeros(h)
    W2 = np.zeros((1, n + h))
    b2 = np.array([0.0 if negate else -1.0])
    if patterns.size:
        bits = np.array(np.unravel_index(patterns, (2,) * n)).T     # x1 the most significant
        W1[:] = 2 * bits - 1
        b1[:] = -bits.sum(axis=1)
        W2[0, n + np.arange(h)] = -1.0 if negate else 1.0
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals = np.arange(n)
    width = n
    while signals.size > 1:
        p = signals.size // 2
        a, b = signals[0:2 * p:2], signals[1:2 * p:2]
        W_a = np.zeros((2 * p, width))
        for j in range(p):
            W_a[np.ix_([a[j], b[j]], [2 * j, 2 * j + 1])] = [[1.0, 1.0], [-1.0, -1.0]]
        layers.append((W_a, np.tile([-1.0, 1.0], p)))
        first = width
        width += 2 * p
        W_b = np.zeros((p, width))
        W_b[np.repeat(np.arange(p), 2), first + np.arange(2 * p)] = 1.0
        layers.append((W_b, np.full(p, -2.0)))
        signals = np.concatenate([width + np.arange(p), signals[2 * p:]])
        width += p
    return layers


def count_units(layers):
    return int(np.cumsum([0] + _units(layers))[-1])
