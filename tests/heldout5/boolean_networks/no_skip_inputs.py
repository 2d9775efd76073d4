"""Each layer sees only the previous layer's outputs (z = fired) instead of [network inputs,
outputs of all earlier layers]: the networks' W shapes no longer fit.

Edited from correct_numpy.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.array(X, dtype=float)
    for W, b in layers:
        fired = (z @ np.asarray(W, float).T + np.asarray(b, float) >= 0).astype(float)
        z = fired
    return z[:, -1].astype(int)


def shallow_network(truth_table):
    f = np.asarray(truth_table).astype(int)
    n = int(np.log2(f.size))
    if f.ndim != 1 or n < 1 or 2 ** n != f.size:
        raise ValueError("truth_table must have length 2**n with n >= 1")
    negate = f.sum() > f.size // 2
    rows = np.flatnonzero(f != negate)
    patterns = (rows[:, None] >> np.arange(n)[::-1]) & 1
    if len(patterns) == 0:
        W1, b1 = np.zeros((1, n)), np.zeros(1)
        W2 = np.zeros((1, n + 1))
    else:
        W1 = 2.0 * patterns - 1.0
        b1 = -patterns.sum(axis=1).astype(float)
        sign = -1.0 if negate else 1.0
        W2 = np.concatenate([np.zeros(n), np.full(len(patterns), sign)])[None, :]
    b2 = np.array([0.0]) if negate else np.array([-1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if n < 2:
        raise ValueError("need n >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [signals[i:i + 2] for i in range(0, len(signals) - 1, 2)]
        rest = signals[2 * len(pairs):]
        WA = np.zeros((2 * len(pairs), width))
        bA = np.tile([-1.0, 1.0], len(pairs))
        for k, (a, b) in enumerate(pairs):
            WA[2 * k, [a, b]] = 1.0
            WA[2 * k + 1, [a, b]] = -1.0
        layers.append((WA, bA))
        width += 2 * len(pairs)
        WB = np.zeros((len(pairs), width))
        for k in range(len(pairs)):
            WB[k, width - 2 * len(pairs) + 2 * k: width - 2 * len(pairs) + 2 * k + 2] = 1.0
        layers.append((WB, np.full(len(pairs), -2.0)))
        signals = list(range(width, width + len(pairs))) + rest
        width += len(pairs)
    return layers


def count_units(layers):
    return sum(np.shape(W)[0] for W, _ in layers)
