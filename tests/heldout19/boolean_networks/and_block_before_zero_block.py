"""The AND layer's weight matrix has its two blocks in the wrong order, [kron(I, AND) | 0] instead
of [0 | kron(I, AND)]: the AND units read the first 2p columns of z (the network's inputs or
older signals) instead of the OR/NAND units just built, so the network does not compute parity.

Graded function: `deep_parity`. Written in the style of correct_linalg.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be 2-D (m, n), got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    m = z.shape[0]
    out = np.zeros((m, 0))
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape} and b {b.shape} do not fit z {z.shape}")
        s = np.dot(z, W.T) + np.outer(np.ones(m), b)
        out = (s >= 0).astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError(f"the last layer must have one unit, it has {out.shape[1]}")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth table must have length 2^n, n >= 1; got shape {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth table must hold only 0s and 1s")
    negate = np.dot(table, np.ones(m)) > m / 2
    patterns = np.flatnonzero(table == (0 if negate else 1))
    powers = 2 ** np.arange(n - 1, -1, -1)                   # x1 is the most significant bit
    bits = (patterns[:, None] // powers) % 2
    if len(patterns) == 0:
        W2 = np.zeros((1, n + 1))
        return [(np.zeros((1, n)), np.zeros(1)), (W2, np.array([0.0 if negate else -1.0]))]
    W1 = 2.0 * bits - 1.0
    b1 = -np.linalg.norm(bits, ord=1, axis=1)                # −|p|
    h = len(patterns)
    sign = -1.0 if negate else 1.0
    W2 = np.hstack([np.zeros((1, n)), sign * np.ones((1, h))])
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


OR_NAND = np.array([[1.0, 1.0], [-1.0, -1.0]])
OR_NAND_BIAS = np.array([-1.0, 1.0])
AND = np.array([[1.0, 1.0]])


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        p = len(signals) // 2
        carry = signals[2 * p:]
        S = np.eye(width)[signals[:2 * p]]                    # rows e_a, e_b, ... of the pairs
        W_a = np.dot(np.kron(np.eye(p), OR_NAND), S)
        b_a = np.kron(np.ones(p), OR_NAND_BIAS)
        layers.append((W_a, b_a))
        first = width
        width += 2 * p
        W_b = np.hstack([np.kron(np.eye(p), AND), np.zeros((p, first))])
        b_b = -2.0 * np.ones(p)
        layers.append((W_b, b_b))
        signals = [width + j for j in range(p)] + carry
        width += p
    return layers


def count_units(layers):
    sizes = np.array([np.shape(W)[0] for W, _ in layers], dtype=np.float64)
    return int(np.linalg.norm(sizes, ord=1))
