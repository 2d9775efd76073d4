"""threshold_forward returns the output unit's weighted sum W.z + b instead of its thresholded 0/1
value.

One edit of correct_loops.py (held-out batch 4).
"""

import numpy as np


def threshold_forward(layers, X):
    X = np.asarray(X)
    if X.ndim != 2:
        raise ValueError("X must be (m, n)")
    result = []
    for row in X:
        z = [float(v) for v in row]
        last = []
        for W, b in layers:
            W = np.asarray(W, dtype=float)
            b = np.asarray(b, dtype=float)
            last = []
            for u in range(W.shape[0]):
                s = b[u]
                for k in range(len(z)):
                    s += W[u, k] * z[k]
                last.append(1.0 if s >= 0 else 0.0)
            z = z + last
        result.append(s)
    return np.array(result, dtype=float)


def shallow_network(truth_table):
    table = [int(v) for v in np.asarray(truth_table).ravel()]
    n = len(table).bit_length() - 1
    if n < 1 or len(table) != 2 ** n:
        raise ValueError("truth table length must be a power of two >= 2")
    ones = sum(table)
    negate = ones > 2 ** (n - 1)
    target = 0 if negate else 1
    rows, biases = [], []
    for r in range(2 ** n):
        if table[r] != target:
            continue
        bits = [(r >> (n - 1 - i)) & 1 for i in range(n)]
        rows.append([1.0 if bit else -1.0 for bit in bits])
        biases.append(-float(sum(bits)))
    if not rows:
        rows, biases = [[0.0] * n], [0.0]
        W2 = np.zeros((1, n + 1))
        b2 = np.array([0.0 if negate else -1.0])
        return [(np.array(rows), np.array(biases)), (W2, b2)]
    h = len(rows)
    W2 = np.zeros((1, n + h))
    for j in range(h):
        W2[0, n + j] = -1.0 if negate else 1.0
    b2 = np.array([0.0 if negate else -1.0])
    return [(np.array(rows), np.array(biases)), (W2, b2)]


def deep_parity(n):
    if n < 2:
        raise ValueError("parity needs n >= 2")
    layers = []
    width = n
    acc = 0
    for nxt in range(1, n):
        W_or_nand = np.zeros((2, width))
        W_or_nand[0, acc] = W_or_nand[0, nxt] = 1.0
        W_or_nand[1, acc] = W_or_nand[1, nxt] = -1.0
        layers.append((W_or_nand, np.array([-1.0, 1.0])))
        width += 2
        W_and = np.zeros((1, width))
        W_and[0, width - 2] = W_and[0, width - 1] = 1.0
        layers.append((W_and, np.array([-2.0])))
        acc = width
        width += 1
    return layers


def count_units(layers):
    total = 0
    for W, _b in layers:
        total += len(W)
    return total
