"""The two inputs of a pair are addressed with a slice a:b + 1 instead of the list [a, b]: that is
right for adjacent columns only; on later levels (and with a carried signal) the OR/NAND units
read every column between a and b, or none when b < a.

Mistake in `deep_parity`; written in the style of correct_einsum.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if not layers:
        raise ValueError("no layers")
    out = None
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("layer shapes do not fit")
        s = np.einsum("mk,uk->mu", z, W) + b
        out = (s >= 0).astype(np.float64)
        z = np.concatenate([z, out], axis=1)
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    t = np.asarray(truth_table)
    if t.ndim != 1 or t.size < 2:
        raise ValueError("truth table must be 1-D of length 2^n")
    n = t.size.bit_length() - 1
    if t.size != 2 ** n:
        raise ValueError("truth table length must be a power of two")
    if not np.isin(t, (0, 1)).all():
        raise ValueError("truth table must hold 0/1")
    negate = np.einsum("i->", t.astype(np.int64)) > 2 ** (n - 1)
    rows = np.flatnonzero(t == (0 if negate else 1))
    bits = (rows[:, None] >> np.arange(n - 1, -1, -1)) & 1
    sign = -1.0 if negate else 1.0
    bias_out = np.array([0.0 if negate else -1.0])
    if rows.size == 0:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), bias_out)]
    W1 = 2.0 * bits - 1.0
    b1 = -np.einsum("pi->p", bits).astype(np.float64)
    W2 = np.concatenate([np.zeros((1, n)), np.full((1, rows.size), sign)], axis=1)
    return [(W1, b1), (W2, bias_out)]


def deep_parity(n):
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = list(zip(signals[0::2], signals[1::2]))
        carry = [signals[-1]] if len(signals) % 2 == 1 else []
        k = len(pairs)
        WA = np.zeros((2 * k, width))
        for j, (a, b) in enumerate(pairs):
            WA[2 * j, a:b + 1] = 1.0
            WA[2 * j + 1, a:b + 1] = -1.0
        bA = np.tile([-1.0, 1.0], k)
        layers.append((WA, bA))
        start = width
        width += 2 * k
        WB = np.zeros((k, width))
        for j in range(k):
            WB[j, [start + 2 * j, start + 2 * j + 1]] = 1.0
        layers.append((WB, np.full(k, -2.0)))
        signals = [width + j for j in range(k)] + carry
        width += k
    return layers


def count_units(layers):
    return int(np.einsum("i->", np.array([np.shape(W)[0] for W, _ in layers])))
