"""The choice between f and its negation compares the number of ones with n // 2 (half the number
of INPUTS) instead of 2^n / 2 (half the number of rows): f is negated as soon as it has more
than n/2 ones, so a function with few ones is built from its many zeros and the hidden layer has
more than 2^(n-1) units (the network still computes f, but breaks the bound).

Mistake in `shallow_network`, written in the style of correct_vectorize.py (vectorize).
"""

import numpy as np


def _step(s):
    return 1 if s >= 0 else 0


def _is_bit(v):
    return v == 0 or v == 1


step = np.vectorize(_step, otypes=[int])
is_bit = np.vectorize(_is_bit, otypes=[bool])
plus_minus = np.vectorize(lambda bit: 1.0 if bit else -1.0, otypes=[float])


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    net = [(np.asarray(W, dtype=np.float64), np.asarray(b, dtype=np.float64)) for W, b in layers]
    width = X.shape[1]
    for k, (W, b) in enumerate(net, start=1):
        if W.ndim != 2 or W.shape[1] != width or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape}, b {b.shape} do not fit {width} columns")
        width += W.shape[0]
    if net[-1][0].shape[0] != 1:
        raise ValueError("the last layer must have one unit")

    def run_one(x):
        z = x
        for W, b in net:
            z = np.append(z, step(W @ z + b))
        return z[-1]

    return np.apply_along_axis(run_one, 1, X).astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth table must have length 2^n, got shape {table.shape}")
    if not np.all(is_bit(table)):
        raise ValueError("truth table must hold only 0s and 1s")
    bits = np.fromfunction(lambda r, j: (r >> (n - 1 - j)) & 1, (m, n), dtype=int)
    negate = table.sum() > n // 2
    rows = bits[table == (0 if negate else 1)]
    if len(rows) == 0:
        W1, b1, h, out_w = np.zeros((1, n)), np.zeros(1), 1, 0.0
    else:
        W1 = plus_minus(rows)
        b1 = -np.apply_along_axis(np.sum, 1, rows).astype(np.float64)
        h, out_w = len(rows), (-1.0 if negate else 1.0)
    W2 = np.fromfunction(lambda i, c: np.where(c >= n, out_w, 0.0), (1, n + h), dtype=int)
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signal, width = 0, n
    for j in range(1, n):
        cols = np.array([signal, j])
        # unit 0: OR (weights +1, bias -1); unit 1: NAND (weights -1, bias +1)
        W_a = np.fromfunction(lambda u, c: np.isin(c, cols) * (1.0 - 2.0 * u), (2, width),
                              dtype=int)
        b_a = np.fromfunction(lambda u: 2.0 * u - 1.0, (2,), dtype=int)
        # AND of the two new units, which are the columns width and width + 1
        W_b = np.fromfunction(lambda u, c: (c >= width) * 1.0, (1, width + 2), dtype=int)
        b_b = np.array([-2.0])
        layers += [(W_a, b_a), (W_b, b_b)]
        signal, width = width + 2, width + 3
    return layers


def count_units(layers):
    return int(sum(np.shape(W)[0] for W, _ in layers))
