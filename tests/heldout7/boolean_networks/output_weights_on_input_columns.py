"""The output unit's weights are written into columns 0..h-1 of W2 (the network inputs) instead of
n..n+h-1 (the hidden units): the output reads the raw inputs, not the pattern units.

Edited from correct_verbose.py.
"""

import numpy as np


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be 2-D (m, n), got shape %s" % (X.shape,))
    if len(layers) == 0:
        raise ValueError("the network has no layers")
    z = X.copy()
    last = None
    layer_number = 0
    for W, b in layers:
        layer_number += 1
        W = np.asarray(W, dtype=float)
        b = np.asarray(b, dtype=float)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("layer %d: W %s and b %s do not fit z with %d columns"
                             % (layer_number, W.shape, b.shape, z.shape[1]))
        sums = z @ W.T + b
        last = np.where(sums >= 0, 1.0, 0.0)
        z = np.concatenate([z, last], axis=1)
    if last.shape[1] != 1:
        raise ValueError("the last layer must have exactly one unit")
    return last[:, 0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth_table must be 1-D")
    length = len(table)
    n = 0
    while 2 ** n < length:
        n += 1
    if n < 1 or 2 ** n != length:
        raise ValueError("truth_table length must be 2^n with n >= 1, got %d" % length)
    for v in table:
        if v != 0 and v != 1:
            raise ValueError("truth_table must hold only 0s and 1s")
    ones = int(table.sum())
    use_zeros = ones > 2 ** (n - 1)
    wanted = 0 if use_zeros else 1
    patterns = []
    for r in range(length):
        if table[r] == wanted:
            bits = []
            for i in range(n):
                bits.append((r >> (n - 1 - i)) & 1)
            patterns.append(bits)
    if len(patterns) == 0:
        W1 = np.zeros((1, n))
        b1 = np.zeros(1)
        W2 = np.zeros((1, n + 1))
        b2 = np.array([0.0]) if use_zeros else np.array([-1.0])
        return [(W1, b1), (W2, b2)]
    h = len(patterns)
    W1 = np.zeros((h, n))
    b1 = np.zeros(h)
    for j in range(h):
        for i in range(n):
            W1[j, i] = 1.0 if patterns[j][i] == 1 else -1.0
        b1[j] = -float(sum(patterns[j]))
    W2 = np.zeros((1, n + h))
    for j in range(h):
        W2[0, j] = -1.0 if use_zeros else 1.0
    if use_zeros:
        b2 = np.array([0.0])  # NOR of the pattern units
    else:
        b2 = np.array([-1.0])  # OR of the pattern units
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2, got %r" % (n,))
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = []
        for i in range(0, len(signals) - 1, 2):
            pairs.append((signals[i], signals[i + 1]))
        leftover = []
        if len(signals) % 2 == 1:
            leftover = [signals[-1]]
        WA = np.zeros((2 * len(pairs), width))
        bA = np.zeros(2 * len(pairs))
        for j in range(len(pairs)):
            a, b = pairs[j]
            WA[2 * j, a] = 1.0
            WA[2 * j, b] = 1.0
            bA[2 * j] = -1.0  # OR
            WA[2 * j + 1, a] = -1.0
            WA[2 * j + 1, b] = -1.0
            bA[2 * j + 1] = 1.0  # NAND
        layers.append((WA, bA))
        start = width
        width = width + 2 * len(pairs)
        WB = np.zeros((len(pairs), width))
        bB = np.zeros(len(pairs))
        for j in range(len(pairs)):
            WB[j, start + 2 * j] = 1.0
            WB[j, start + 2 * j + 1] = 1.0
            bB[j] = -2.0  # AND of OR and NAND = XOR
        layers.append((WB, bB))
        new_signals = []
        for j in range(len(pairs)):
            new_signals.append(width + j)
        signals = new_signals + leftover
        width = width + len(pairs)
    return layers


def count_units(layers):
    total = 0
    for W, b in layers:
        total = total + np.asarray(W).shape[0]
    return int(total)
