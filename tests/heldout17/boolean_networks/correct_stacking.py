"""Threshold networks built by stacking: every layer's outputs are np.hstack-ed onto z, the
truth table's bit columns are np.column_stack-ed, the output weights are the blocks [0 | +-1]
put side by side, and the deep parity tree's layers are made of np.eye rows, np.stack-ed and
interleaved OR/NAND pairs, np.tile-d biases and np.repeat-ed AND rows.

Correct solution (style: stacking).
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = None
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape}, b {b.shape} do not fit z {z.shape}")
        out = (z @ W.T + b >= 0).astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth table must have length 2^n, got shape {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth table must hold only 0s and 1s")
    r = np.arange(m)
    bits = np.column_stack([(r >> (n - 1 - j)) & 1 for j in range(n)])   # x1 = MSB
    negate = table.sum() > m // 2
    pats = bits[table == (0 if negate else 1)]
    if len(pats) == 0:
        W1, b1, h, sign = np.zeros((1, n)), np.zeros(1), 1, 0.0
    else:
        W1 = 2.0 * pats - 1.0
        b1 = -pats.sum(axis=1).astype(np.float64)
        h, sign = len(pats), (-1.0 if negate else 1.0)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, h), sign)])
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals, width = list(range(n)), n
    while len(signals) > 1:
        p = len(signals) // 2
        a, b, carry = signals[0:2 * p:2], signals[1:2 * p:2], signals[2 * p:]
        eye = np.eye(width)
        pair = eye[a] + eye[b]                                          # (p, width)
        W_a = np.stack([pair, -pair], axis=1).reshape(2 * p, width)     # OR_0, NAND_0, OR_1, ...
        b_a = np.tile([-1.0, 1.0], p)
        W_b = np.hstack([np.zeros((p, width)), np.repeat(np.eye(p), 2, axis=1)])
        b_b = np.full(p, -2.0)
        layers += [(W_a, b_a), (W_b, b_b)]
        signals = list(range(width + 2 * p, width + 3 * p)) + carry
        width += 3 * p
    return layers


def count_units(layers):
    return int(np.r_[0, [np.shape(W)[0] for W, _ in layers]].sum())
