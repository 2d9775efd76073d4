"""scipy.linalg.block_diag is given the LIST of blocks as one argument instead of the blocks
unpacked (*blocks): the list is read as one 3-D array, which block_diag refuses with ValueError,
so deep_parity fails for every n.

Single mistake in `deep_parity`; written in the style of correct_scipy.
"""

import numpy as np
from scipy.linalg import block_diag

OR_NAND = np.array([[1.0, 1.0], [-1.0, -1.0]])
AND = np.array([[1.0, 1.0]])


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2 or len(layers) == 0:
        raise ValueError("X must be (m, n) and the network must have a layer")
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer W {W.shape}, b {b.shape} does not fit z {z.shape}")
        out = np.heaviside(z @ W.T + b, 1.0)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = int(np.log2(m)) if m > 0 else 0
    if table.ndim != 1 or n < 1 or 2**n != m or not np.all(np.isin(table, (0, 1))):
        raise ValueError("truth_table must be a 0/1 vector of length 2**n, n >= 1")
    negate = table.sum() > m // 2
    rows = np.flatnonzero(table != negate)
    if rows.size == 0:
        W2 = np.zeros((1, n + 1))
        return [(np.zeros((1, n)), np.zeros(1)), (W2, np.array([0.0 if negate else -1.0]))]
    bits = (rows[:, None] >> np.arange(n - 1, -1, -1)) & 1
    W1 = 2.0 * bits - 1.0
    b1 = -bits.sum(axis=1).astype(np.float64)
    sign = -1.0 if negate else 1.0
    W2 = np.concatenate([np.zeros(n), np.full(rows.size, sign)])[None, :]
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"n must be an int >= 2, got {n!r}")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        k = len(signals) // 2
        carry = signals[2 * k:]
        W_a = np.zeros((2 * k, width))
        W_a[:, signals[:2 * k]] = block_diag([OR_NAND] * k)
        b_a = np.tile([-1.0, 1.0], k)
        layers.append((W_a, b_a))
        first = width
        width += 2 * k
        W_b = np.zeros((k, width))
        W_b[:, first:first + 2 * k] = block_diag(*[AND] * k)
        layers.append((W_b, np.full(k, -2.0)))
        signals = list(range(width, width + k)) + carry
        width += k
    return layers


def count_units(layers):
    if len(layers) == 0:
        return 0
    return int(len(np.hstack([np.atleast_1d(b) for _, b in layers])))
