"""The buffer of per-layer unit counts is preallocated with dtype=bool: every count stored into it
becomes True, so count_units returns the number of layers instead of the number of units.

One mistake, in `count_units`; written in the style of correct_inplace.py.
"""

import numpy as np


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    m, n = X.shape
    total = sum(np.shape(W)[0] for W, _ in layers)
    z = np.zeros((m, n + total))
    z[:, :n] = X
    col = n
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != col or b.shape != (W.shape[0],):
            raise ValueError(f"layer W {W.shape}, b {b.shape} does not fit z with {col} columns")
        u = W.shape[0]
        s = np.empty((m, u))
        np.matmul(z[:, :col], W.T, out=s)
        s += b
        np.greater_equal(s, 0.0, out=z[:, col : col + u], casting="unsafe")
        col += u
    if np.shape(layers[-1][0])[0] != 1:
        raise ValueError("the last layer must have exactly one unit")
    return z[:, col - 1].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth_table must have length 2^n, got shape {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = int(table.sum()) > 2 ** (n - 1)
    rows = np.flatnonzero(table == (0 if negate else 1))
    h = max(len(rows), 1)
    bits = np.zeros((len(rows), n), dtype=int)
    for i in range(n):
        np.bitwise_and(rows >> (n - 1 - i), 1, out=bits[:, i])
    W1 = np.zeros((h, n))
    b1 = np.zeros(h)
    if len(rows):
        W1.fill(-1.0)
        W1[bits == 1] = 1.0
        np.subtract(b1, bits.sum(axis=1), out=b1)
    W2 = np.zeros((1, n + h))
    if len(rows):
        W2[0, n:] = -1.0 if negate else 1.0
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        k = len(signals) // 2
        carry = signals[-1:] if len(signals) % 2 else []
        W_a = np.zeros((2 * k, width))
        b_a = np.zeros(2 * k)
        b_a[1::2] += 1.0
        b_a[0::2] -= 1.0
        for j in range(k):
            a, b = signals[2 * j], signals[2 * j + 1]
            W_a[2 * j, [a, b]] += 1.0
            W_a[2 * j + 1, [a, b]] -= 1.0
        layers.append((W_a, b_a))
        first = width
        width += 2 * k
        W_b = np.zeros((k, width))
        for j in range(k):
            W_b[j, first + 2 * j : first + 2 * j + 2] = 1.0
        b_b = np.full(k, -2.0)
        layers.append((W_b, b_b))
        signals = list(range(width, width + k)) + carry
        width += k
    return layers


def count_units(layers):
    sizes = np.zeros(len(layers), dtype=bool)
    for i, (W, _) in enumerate(layers):
        sizes[i] = np.shape(W)[0]
    return int(sizes.sum())
