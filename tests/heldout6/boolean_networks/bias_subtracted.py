"""threshold_forward subtracts the bias (W.z - b >= 0, as if b were a threshold) instead of adding
it (W.z + b >= 0).

Edited from correct_student.py.
"""

import numpy as np


def threshold_forward(layers, X):
    X = np.array(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be (m, n)")
    if len(layers) == 0:
        raise ValueError("the network has no layers")
    results = []
    for row in X:
        z = list(row)
        last = []
        for W, b in layers:
            W = np.array(W, dtype=float)
            b = np.array(b, dtype=float)
            if W.shape[1] != len(z):
                raise ValueError(f"a layer has {W.shape[1]} weights per unit but z has {len(z)}")
            totals = W @ np.array(z) - b
            last = []
            for total in totals:
                last.append(1.0 if total >= 0 else 0.0)
            z = z + last
        if len(last) != 1:
            raise ValueError("the last layer must have exactly one unit")
        results.append(int(last[0]))
    return np.array(results, dtype=int)


def shallow_network(truth_table):
    table = [int(v) for v in np.asarray(truth_table).reshape(-1)]
    size = len(table)
    n = 0
    while 2 ** n < size:
        n += 1
    if size < 2 or 2 ** n != size:
        raise ValueError("the truth table must have length 2**n with n >= 1")
    ones = sum(table)
    use_zeros = ones > 2 ** (n - 1)
    wanted = 0 if use_zeros else 1
    hidden_w = []
    hidden_b = []
    for r in range(size):
        if table[r] != wanted:
            continue
        bits = [(r >> (n - 1 - i)) & 1 for i in range(n)]  # x1 is the most significant bit
        hidden_w.append([1.0 if bit == 1 else -1.0 for bit in bits])
        hidden_b.append(-float(sum(bits)))
    if not hidden_w:
        # constant function: a dummy hidden unit and a constant output
        W1 = np.zeros((1, n))
        b1 = np.zeros(1)
        W2 = np.zeros((1, n + 1))
        b2 = np.array([0.0 if use_zeros else -1.0])
        return [(W1, b1), (W2, b2)]
    h = len(hidden_w)
    W1 = np.array(hidden_w)
    b1 = np.array(hidden_b)
    W2 = np.zeros((1, n + h))
    if use_zeros:
        W2[0, n:] = -1.0  # NOR of the pattern units
        b2 = np.array([0.0])
    else:
        W2[0, n:] = 1.0  # OR of the pattern units
        b2 = np.array([-1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int) or n < 2:
        raise ValueError("deep_parity needs n >= 2")
    layers = []
    width = n      # number of columns z has so far
    acc = 0        # column holding the parity of the inputs seen so far
    for k in range(1, n):
        # OR and NAND of (acc, x_k)
        W = np.zeros((2, width))
        W[0, acc] = 1.0
        W[0, k] = 1.0
        W[1, acc] = -1.0
        W[1, k] = -1.0
        layers.append((W, np.array([-1.0, 1.0])))
        width += 2
        # AND of the two
        W = np.zeros((1, width))
        W[0, width - 2] = 1.0
        W[0, width - 1] = 1.0
        layers.append((W, np.array([-2.0])))
        acc = width
        width += 1
    return layers


def count_units(layers):
    total = 0
    for W, b in layers:
        total += np.asarray(W).shape[0]
    return total
