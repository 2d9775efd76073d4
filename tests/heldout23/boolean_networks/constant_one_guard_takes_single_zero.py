"""(defensive) The guard for the constant-1 function uses <= 1 instead of == 0: every function with
exactly one 0 in its truth table (OR and NAND on two inputs, x1 OR NOT x2, any function that
misses a single pattern) is built as the constant 1 network, so the network outputs 1 on the one
input where f is 0.

One mistake in `shallow_network`, written from correct_defensive.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be a 2-D array (m, n), got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    fired = None
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape}, b {b.shape} do not fit z {z.shape}")
        pre = z @ W.T + b
        fired = (pre >= 0).astype(np.float64)
        assert fired.shape == (z.shape[0], W.shape[0])
        z = np.hstack([z, fired])
    if fired.shape[1] != 1:
        raise ValueError(f"the last layer must have one unit, it has {fired.shape[1]}")
    return fired[:, 0].astype(int)


def _constant_network(n, value):
    W1, b1 = np.zeros((1, n)), np.zeros(1)
    W2 = np.zeros((1, n + 1))
    b2 = np.array([0.0 if value else -1.0])
    return [(W1, b1), (W2, b2)]


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError(f"truth_table must be 1-D, got shape {table.shape}")
    m = table.shape[0]
    n = m.bit_length() - 1
    if n < 1 or m != 2**n:
        raise ValueError(f"the length of truth_table must be 2^n with n >= 1, got {m}")
    if not bool(np.all((table == 0) | (table == 1))):
        raise ValueError("truth_table must hold only 0s and 1s")
    ones = int(np.count_nonzero(table == 1))
    zeros = m - ones
    if ones == 0:
        return _constant_network(n, 0)
    if zeros <= 1:
        return _constant_network(n, 1)
    negate = ones > m // 2
    target = 0 if negate else 1
    rows = np.flatnonzero(table == target)
    bits = (rows[:, None] >> np.arange(n - 1, -1, -1)) & 1      # x1 = most significant bit
    h = len(rows)
    assert h <= max(1, 2 ** (n - 1)), "too many hidden units"
    W1 = (2 * bits - 1).astype(np.float64)
    b1 = -bits.sum(axis=1).astype(np.float64)
    W2 = np.zeros((1, n + h))
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
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        p = len(pairs)
        W_a = np.zeros((2 * p, width))
        b_a = np.zeros(2 * p)
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, a] = 1.0                          # OR: a + b - 1 >= 0
            W_a[2 * j, b] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, a] = -1.0                     # NAND: 1 - a - b >= 0
            W_a[2 * j + 1, b] = -1.0
            b_a[2 * j + 1] = 1.0
        assert W_a.shape == (2 * p, width)
        layers.append((W_a, b_a))
        first = width
        width += 2 * p
        W_b = np.zeros((p, width))
        b_b = np.full(p, -2.0)
        for j in range(p):
            W_b[j, first + 2 * j] = 1.0                  # AND of the pair's OR and NAND
            W_b[j, first + 2 * j + 1] = 1.0
        assert W_b.shape == (p, width)
        layers.append((W_b, b_b))
        signals = [width + j for j in range(p)] + carry
        width += p
    return layers


def count_units(layers):
    if len(layers) == 0:
        return 0
    if len(layers) == 1:
        return int(np.asarray(layers[0][0]).shape[0])    # a single layer: its own rows
    sizes = [np.asarray(W).shape[0] for W, _b in layers]
    assert all(size >= 0 for size in sizes)
    total = int(sum(sizes))
    assert total >= sizes[-1]
    return total
