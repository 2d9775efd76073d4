"""(fractions) The exact score is passed through int() before the threshold test: int() truncates
towards zero, so every score in (-1, 0) becomes 0 and the unit fires although W.z + b < 0 (units
with integer weights and biases are unaffected).

Mistake in `threshold_forward`, written from correct_fractions.py.
"""

from fractions import Fraction

import numpy as np


def _exact(v):
    return Fraction(float(v))


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    exact_layers = []
    width = X.shape[1]
    for W, b in layers:
        W, b = np.asarray(W, dtype=np.float64), np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != width or b.shape != (W.shape[0],):
            raise ValueError(f"layer W {W.shape}, b {b.shape} does not fit {width} columns")
        width += W.shape[0]
        exact_layers.append(([[_exact(w) for w in row] for row in W], [_exact(v) for v in b]))
    if len(exact_layers[-1][1]) != 1:
        raise ValueError("the last layer must have one unit")
    outputs = []
    for x in X:
        z = [_exact(v) for v in x]
        for rows, biases in exact_layers:
            out = []
            for row, bias in zip(rows, biases):
                s = sum((w * v for w, v in zip(row, z) if v), bias)
                out.append(1 if int(s) >= 0 else 0)
            z = z + [Fraction(o) for o in out]
        outputs.append(out[0])
    return np.array(outputs, dtype=int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2 ** n:
        raise ValueError(f"truth_table must have length 2**n, n >= 1; got shape {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    ones = int(table.sum())
    share = Fraction(ones, m)
    negate = share > Fraction(1, 2)                 # more ones than zeros: build NOT f
    target = 0 if negate else 1
    patterns = [r for r in range(m) if int(table[r]) == target]
    if not patterns:
        W2 = np.zeros((1, n + 1))
        return [(np.zeros((1, n)), np.zeros(1)), (W2, np.array([0.0 if negate else -1.0]))]
    W1 = np.zeros((len(patterns), n))
    b1 = np.zeros(len(patterns))
    for u, r in enumerate(patterns):
        bits = [(r >> (n - 1 - i)) & 1 for i in range(n)]
        W1[u] = [1.0 if bit else -1.0 for bit in bits]
        b1[u] = -sum(bits)
    W2 = np.zeros((1, n + len(patterns)))
    W2[0, n:] = -1.0 if negate else 1.0
    return [(W1, b1), (W2, np.array([0.0 if negate else -1.0]))]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    n = int(n)
    levels = (n - 1).bit_length()                   # ceil(log2 n)
    layers = []
    signals = list(range(n))
    width = n
    for _ in range(levels):
        k = len(signals) // 2                       # pairs on this level
        pairs = [(signals[2 * j], signals[2 * j + 1]) for j in range(k)]
        carry = signals[2 * k:]
        W_a = np.zeros((2 * k, width))
        b_a = np.zeros(2 * k)
        for j, (a, c) in enumerate(pairs):
            W_a[2 * j, [a, c]] = 1.0
            b_a[2 * j] = -1.0                        # OR: a + c - 1 >= 0
            W_a[2 * j + 1, [a, c]] = -1.0
            b_a[2 * j + 1] = 1.0                     # NAND: 1 - a - c >= 0
        layers.append((W_a, b_a))
        first = width
        width += 2 * k
        W_b = np.zeros((k, width))
        for j in range(k):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        layers.append((W_b, np.full(k, -2.0)))       # AND: or + nand - 2 >= 0
        signals = [width + j for j in range(k)] + carry
        width += k
    return layers


def count_units(layers):
    return sum(int(np.shape(W)[0]) for W, _ in layers)
