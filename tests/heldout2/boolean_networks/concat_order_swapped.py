"""threshold_forward: Builds each layer's input as [outputs of earlier layers, network inputs]
instead of [network inputs, earlier outputs], so weights meet the wrong signals.

Held-out batch 2 (H4): correct_loops.py with this one mistake.
"""

import numpy as np


def threshold_forward(layers, X):
    results = []
    for x in X:
        z = [float(v) for v in x]
        last = []
        for W, b in layers:
            last = []
            for unit in range(len(W)):
                total = b[unit]
                for j, value in enumerate(z):
                    total += W[unit][j] * value
                last.append(1 if total >= 0 else 0)
            z = [float(v) for v in last] + z
        results.append(last[0])
    return np.array(results, dtype=int)


def _bits(r, n):
    return [(r >> (n - 1 - i)) & 1 for i in range(n)]


def shallow_network(truth_table):
    size = len(truth_table)
    n = size.bit_length() - 1
    ones = [r for r in range(size) if truth_table[r] == 1]
    zeros = [r for r in range(size) if truth_table[r] != 1]
    negate = len(ones) > size // 2
    patterns = zeros if negate else ones
    W1, b1 = [], []
    for r in patterns:
        bits = _bits(r, n)
        W1.append([1.0 if bit else -1.0 for bit in bits])
        b1.append(-float(sum(bits)))
    if not W1:
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
    signal = 0
    size = n
    for nxt in range(1, n):
        pair = np.zeros((2, size))
        pair[0, [signal, nxt]] = 1.0
        pair[1, [signal, nxt]] = -1.0
        layers.append((pair, np.array([-1.0, 1.5])))
        both = np.zeros((1, size + 2))
        both[0, [size, size + 1]] = 1.0
        layers.append((both, np.array([-2.0])))
        signal = size + 2
        size += 3
    return layers


def count_units(layers):
    total = 0
    for W, _b in layers:
        total += len(W)
    return total
