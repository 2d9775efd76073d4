"""threshold_forward starts each unit's sum at 0 instead of the bias: the bias is never added, so every unit tests W.z >= 0.

Graded function: threshold_forward. Edited from correct_loops.py.
"""

import numpy as np


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be (m, n)")
    if len(layers) == 0:
        raise ValueError("need at least one layer")
    results = []
    for r in range(X.shape[0]):
        z = list(X[r])
        last = []
        for W, b in layers:
            W = np.asarray(W, dtype=np.float64)
            b = np.asarray(b, dtype=np.float64).reshape(-1)
            if W.shape[1] != len(z):
                raise ValueError("layer does not fit z")
            last = []
            for u in range(W.shape[0]):
                total = 0.0
                for c in range(len(z)):
                    total += W[u, c] * z[c]
                last.append(1.0 if total >= 0 else 0.0)
            z = z + last
        if len(last) != 1:
            raise ValueError("the last layer must have one unit")
        results.append(int(last[0]))
    return np.array(results, dtype=int)


def shallow_network(truth_table):
    table = [int(v) for v in np.asarray(truth_table).ravel()]
    size = len(table)
    n = 0
    while 2 ** n < size:
        n += 1
    if n < 1 or 2 ** n != size:
        raise ValueError("truth table length must be 2**n with n >= 1")
    ones = sum(table)
    use_zeros = ones > size // 2
    target = 0 if use_zeros else 1
    rows, biases = [], []
    for r in range(size):
        if table[r] != target:
            continue
        bits = [(r >> (n - 1 - i)) & 1 for i in range(n)]
        rows.append([1.0 if bit == 1 else -1.0 for bit in bits])
        biases.append(-float(sum(bits)))
    if len(rows) == 0:
        rows, biases = [[0.0] * n], [0.0]
        out_w = [0.0]
    else:
        out_w = [-1.0 if use_zeros else 1.0] * len(rows)
    h = len(rows)
    W1 = np.array(rows).reshape(h, n)
    b1 = np.array(biases)
    W2 = np.array([[0.0] * n + out_w])
    b2 = np.array([0.0 if use_zeros else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    cols = n
    acc = 0
    for k in range(1, n):
        a, bcol = acc, k
        W = np.zeros((2, cols))
        W[0, a] = 1.0
        W[0, bcol] = 1.0
        W[1, a] = -1.0
        W[1, bcol] = -1.0
        layers.append((W, np.array([-1.0, 1.0])))
        or_col = cols
        nand_col = cols + 1
        cols += 2
        W = np.zeros((1, cols))
        W[0, or_col] = 1.0
        W[0, nand_col] = 1.0
        layers.append((W, np.array([-2.0])))
        acc = cols
        cols += 1
    return layers


def count_units(layers):
    total = 0
    for W, b in layers:
        total += np.asarray(W).shape[0]
    return total
