"""Each layer's input is [earlier outputs, network inputs] instead of [network inputs, earlier
outputs].

One mistake: written for held-out batch 3 (issue 16) without seeing the
catalogue; see README.md.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=float)
    out = None
    for W, b in layers:
        W = np.asarray(W, dtype=float)
        b = np.asarray(b, dtype=float)
        out = (z @ W.T + b >= 0).astype(int)
        z = np.hstack([out, z])
    return out[:, 0]


def _bits(r, n):
    return [(r >> (n - 1 - j)) & 1 for j in range(n)]


def shallow_network(truth_table):
    f = np.asarray(truth_table).astype(int)
    n = int(round(np.log2(len(f))))
    ones = [r for r in range(len(f)) if f[r] == 1]
    zeros = [r for r in range(len(f)) if f[r] == 0]
    negate = len(ones) > len(zeros)
    rows = zeros if negate else ones
    W1, b1 = [], []
    for r in rows:
        bits = _bits(r, n)
        W1.append([1.0 if bit else -1.0 for bit in bits])
        b1.append(-float(sum(bits)))
    if not rows:
        W1.append([0.0] * n)
        b1.append(-1.0)
    h = len(W1)
    if negate:
        W2 = [[0.0] * n + [-1.0] * h]
        b2 = [0.0]
    else:
        W2 = [[0.0] * n + [1.0] * h]
        b2 = [-1.0]
    return [(np.array(W1), np.array(b1)), (np.array(W2), np.array(b2))]


def deep_parity(n):
    layers = []
    width = n
    p = 0
    for k in range(1, n):
        W = np.zeros((2, width))
        W[0, p], W[0, k] = 1.0, 1.0
        W[1, p], W[1, k] = -1.0, -1.0
        layers.append((W, np.array([-1.0, 1.5])))
        width += 2
        W = np.zeros((1, width))
        W[0, width - 2], W[0, width - 1] = 1.0, 1.0
        layers.append((W, np.array([-2.0])))
        width += 1
        p = width - 1
    return layers


def count_units(layers):
    total = 0
    for W, b in layers:
        total += np.asarray(W).shape[0]
    return total
