"""The hidden biases are summed with keepdims=True: b1 is an (h, 1) column instead of an (h,)
vector, so the hidden layer does not fit the network format.

Mistake in `shallow_network`; written in the style of correct_ufunc.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = None
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("a layer does not fit z")
        s = np.add(np.add.reduce(np.multiply(z[:, None, :], W[None, :, :]), axis=2), b)
        out = np.greater_equal(s, 0).astype(np.float64)
        z = np.concatenate([z, out], axis=1)
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError("truth_table must be 1-D of length 2**n, n >= 1")
    if not np.logical_and.reduce(np.logical_or(np.equal(table, 0), np.equal(table, 1))):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = np.add.reduce(table.astype(int)) > np.right_shift(m, 1)
    rows = np.flatnonzero(np.equal(table, 0 if negate else 1))
    bits = np.bitwise_and(np.right_shift.outer(rows, np.arange(n - 1, -1, -1)), 1)
    b2 = np.array([0.0 if negate else -1.0])
    h = len(rows)
    if h == 0:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), b2)]
    W1 = np.subtract(np.multiply(2, bits), 1).astype(np.float64)
    b1 = np.negative(np.add.reduce(bits, axis=1, keepdims=True)).astype(np.float64)
    W2 = np.concatenate([np.zeros(n), np.full(h, -1.0 if negate else 1.0)])[None, :]
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = []
    signals = np.arange(n)
    width = int(n)
    while signals.size > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, signals.size - 1, 2)]
        carry = signals[2 * len(pairs):]
        k = len(pairs)
        W_a = np.zeros((2 * k, width))
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            W_a[2 * j + 1, [a, b]] = -1.0
        layers.append((W_a, np.tile([-1.0, 1.0], k)))
        first = width
        width += 2 * k
        W_b = np.zeros((k, width))
        cols = np.add(first, np.multiply(2, np.arange(k)))
        W_b[np.arange(k), cols] = 1.0
        W_b[np.arange(k), np.add(cols, 1)] = 1.0
        layers.append((W_b, np.full(k, -2.0)))
        signals = np.concatenate([np.arange(width, width + k), carry])
        width += k
    return layers


def count_units(layers):
    return int(np.add.reduce([np.shape(W)[0] for W, _ in layers], dtype=int))
