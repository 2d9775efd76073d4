"""~table on an int array is the bitwise NOT (~0 = -1, ~1 = -2), not the logical one: every row is
nonzero, so when f has more ones than zeros the network is built from ALL 2^n rows and computes
the wrong function with too many units.

Mistake in `shallow_network`; edited from correct_matmul.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if not layers:
        raise ValueError("no layers")
    fired = None
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64).reshape(-1)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape[0] != W.shape[0]:
            raise ValueError("layer does not fit")
        fired = (np.matmul(z, W.T) + b >= 0).astype(np.float64)
        z = np.concatenate([z, fired], axis=1)
    if fired.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return fired[:, 0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1 or len(table) < 2 or len(table) & (len(table) - 1):
        raise ValueError("truth table length must be a power of two >= 2")
    if not np.isin(table, (0, 1)).all():
        raise ValueError("truth table must be 0/1")
    table = table.astype(int)
    n = int(np.log2(len(table)))
    negate = table.sum() > len(table) // 2
    patterns = np.flatnonzero(~table) if negate else np.flatnonzero(table)
    if len(patterns) == 0:
        W2 = np.zeros((1, n + 1))
        b2 = np.array([0.0]) if negate else np.array([-1.0])
        return [(np.zeros((1, n)), np.zeros(1)), (W2, b2)]
    bits = (patterns[:, None] // 2 ** np.arange(n - 1, -1, -1)) % 2
    W1 = 2.0 * bits - 1.0
    b1 = -bits.sum(axis=1).astype(np.float64)
    sign = -1.0 if negate else 1.0
    W2 = np.concatenate([np.zeros(n), sign * np.ones(len(patterns))])[None, :]
    b2 = np.array([0.0]) if negate else np.array([-1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    acc = 0
    width = n
    for k in range(1, n):
        W_a = np.zeros((2, width))
        W_a[0, [acc, k]] = 1.0
        W_a[1, [acc, k]] = -1.0
        layers.append((W_a, np.array([-1.0, 1.0])))
        W_b = np.zeros((1, width + 2))
        W_b[0, [width, width + 1]] = 1.0
        layers.append((W_b, np.array([-2.0])))
        acc = width + 2
        width += 3
    return layers


def count_units(layers):
    return int(sum(np.shape(W)[0] for W, _ in layers))
