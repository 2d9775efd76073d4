"""Threshold networks written scalar-first: every unit's weighted sum is a plain Python float
accumulated in explicit loops over the rows and entries, truth-table bits are found with integer
shifts, and numpy only builds the arrays the API returns.

Correct solution (style: scalar).
"""

import numpy as np


def threshold_forward(layers, X):
    """Outputs (m,) of 0/1 of the network's last unit."""
    A = np.asarray(X, dtype=np.float64)
    if A.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs a layer")
    m, n = A.shape
    shapes = []
    width = n
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != width or b.shape != (W.shape[0],):
            raise ValueError("layer shapes do not fit")
        shapes.append((W, b))
        width += W.shape[0]
    if shapes[-1][0].shape[0] != 1:
        raise ValueError("the last layer must have one unit")
    result = []
    for r in range(m):
        z = [float(v) for v in A[r]]
        last = []
        for W, b in shapes:
            last = []
            for u in range(W.shape[0]):
                total = float(b[u])
                for k in range(len(z)):
                    total += float(W[u, k]) * z[k]
                last.append(1.0 if total >= 0 else 0.0)
            z = z + last
        result.append(int(last[0]))
    return np.array(result, dtype=int)


def shallow_network(truth_table):
    """One hidden layer of pattern units, then OR (or NOR for the negation)."""
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError("truth table must have length 2**n, n >= 1")
    ones = 0
    for r in range(m):
        if table[r] != 0 and table[r] != 1:
            raise ValueError("truth table must hold 0/1")
        ones += int(table[r])
    negate = ones > 2 ** (n - 1)
    wanted = 0 if negate else 1
    W1_rows, b1 = [], []
    for r in range(m):
        if int(table[r]) == wanted:
            bits = [(r >> (n - 1 - i)) & 1 for i in range(n)]
            W1_rows.append([2.0 * bit - 1.0 for bit in bits])
            b1.append(-float(sum(bits)))
    if not W1_rows:
        W1 = np.zeros((1, n))
        W2 = np.zeros((1, n + 1))
        b2 = np.array([0.0 if negate else -1.0])
        return [(W1, np.zeros(1)), (W2, b2)]
    h = len(W1_rows)
    W2_row = [0.0] * n + [(-1.0 if negate else 1.0)] * h
    b2 = np.array([0.0 if negate else -1.0])
    return [(np.array(W1_rows), np.array(b1)), (np.array([W2_row]), b2)]


def deep_parity(n):
    """A tree of XOR blocks (OR, NAND, then AND): 3(n - 1) units."""
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        k = len(signals) // 2
        first_rows, first_b = [], []
        for j in range(k):
            a, c = signals[2 * j], signals[2 * j + 1]
            row_or = [0.0] * width
            row_nand = [0.0] * width
            row_or[a] = row_or[c] = 1.0
            row_nand[a] = row_nand[c] = -1.0
            first_rows += [row_or, row_nand]
            first_b += [-1.0, 1.0]
        layers.append((np.array(first_rows), np.array(first_b)))
        first = width
        width += 2 * k
        second_rows = []
        for j in range(k):
            row = [0.0] * width
            row[first + 2 * j] = 1.0
            row[first + 2 * j + 1] = 1.0
            second_rows.append(row)
        layers.append((np.array(second_rows), np.full(k, -2.0)))
        carry = [signals[-1]] if len(signals) % 2 else []
        signals = [width + j for j in range(k)] + carry
        width += k
    return layers


def count_units(layers):
    """Units in all layers."""
    total = 0
    for W, _ in layers:
        total += np.asarray(W).shape[0]
    return int(total)
