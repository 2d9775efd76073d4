"""The k-th XOR block reads input x_k instead of x_{k+1} (index off by one), so the same input is
XORed twice and the last input is never used.

One mistake: written for held-out batch 3 (issue 16) without seeing the
catalogue; see README.md.
"""

import itertools

import numpy as np


def threshold_forward(layers, X):
    z = np.array(X, dtype=float, ndmin=2)
    for W, b in layers:
        z = np.concatenate([z, (z @ np.asarray(W, float).T + b >= 0)], axis=1)
    return z[:, -1].astype(int)


def shallow_network(truth_table):
    f = np.asarray(truth_table, dtype=int)
    n = len(f).bit_length() - 1
    table = np.array(list(itertools.product([0, 1], repeat=n)))  # x1 most significant
    target = 0 if f.sum() * 2 > len(f) else 1
    patterns = table[f == target]
    if len(patterns) == 0:
        W1, b1 = np.zeros((1, n)), np.array([-1.0])
    else:
        W1 = 2.0 * patterns - 1.0
        b1 = -patterns.sum(axis=1).astype(float)
    h = len(W1)
    sign = 1.0 if target == 1 else -1.0
    W2 = np.hstack([np.zeros((1, n)), sign * np.ones((1, h))])
    b2 = np.array([-1.0 if target == 1 else 0.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    layers, width, parity = [], n, 0
    for k in range(1, n):
        W = np.zeros((2, width))
        W[:, [parity, k - 1 if k > 1 else k]] = [[1.0, 1.0], [-1.0, -1.0]]
        layers.append((W, np.array([-0.5, 1.5])))
        W = np.zeros((1, width + 2))
        W[0, width:width + 2] = 1.0
        layers.append((W, np.array([-1.5])))
        width += 3
        parity = width - 1
    return layers


def count_units(layers):
    return int(sum(len(b) for _, b in layers))
