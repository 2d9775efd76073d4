"""threshold_forward stacks z in the wrong order, [outputs of the latest layer first, ..., inputs
last] instead of [inputs, layer 1, ..., layer k-1], so the weights meet the wrong columns.

Edited from correct_loops.py.
"""

import numpy as np


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=float)
    outputs = []
    for W, b in layers:
        W = np.asarray(W, dtype=float)
        b = np.asarray(b, dtype=float)
        z = np.hstack(outputs[::-1] + [X])
        out = np.zeros((X.shape[0], W.shape[0]))
        for r in range(X.shape[0]):
            for u in range(W.shape[0]):
                if np.dot(W[u], z[r]) + b[u] >= 0:
                    out[r, u] = 1
        outputs.append(out)
    return outputs[-1][:, 0].astype(int)


def shallow_network(truth_table):
    table = [int(v) for v in truth_table]
    n = len(table).bit_length() - 1
    if n < 1 or len(table) != 2 ** n:
        raise ValueError("truth table length must be a power of two >= 2")
    negate = sum(table) > 2 ** (n - 1)
    target = 0 if negate else 1
    W1, b1 = [], []
    for r in range(2 ** n):
        if table[r] != target:
            continue
        bits = [(r >> (n - 1 - i)) & 1 for i in range(n)]
        W1.append([1.0 if bit else -1.0 for bit in bits])
        b1.append(-float(sum(bits)))
    if not W1:
        W1, b1 = [[0.0] * n], [0.0]
        out_w = 0.0
    else:
        out_w = -1.0 if negate else 1.0
    h = len(W1)
    W2 = [[0.0] * n + [out_w] * h]
    b2 = [0.0 if negate else -1.0]
    return [(np.array(W1), np.array(b1)), (np.array(W2), np.array(b2))]


def deep_parity(n):
    if n < 2:
        raise ValueError("deep_parity needs n >= 2")
    layers = []
    width = n
    acc = 0
    for i in range(1, n):
        W = np.zeros((2, width))
        W[0, acc] = W[0, i] = 1.0
        W[1, acc] = W[1, i] = -1.0
        layers.append((W, np.array([-1.0, 1.0])))
        width += 2
        W = np.zeros((1, width))
        W[0, width - 2] = W[0, width - 1] = 1.0
        layers.append((W, np.array([-2.0])))
        acc = width
        width += 1
    return layers


def count_units(layers):
    total = 0
    for W, b in layers:
        total += len(b)
    return total
