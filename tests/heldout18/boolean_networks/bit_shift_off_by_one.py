"""Off by one in the shift that reads a pattern's bits, (r >> (n - i)) & 1 instead of (r >> (n - 1
- i)) & 1: bit i is read one place too far left, so x1 always reads 0 (the bit above the most
significant one) and every other input its left neighbour's bit; the pattern units recognise the
wrong patterns and the network does not compute f.

In `shallow_network`; written in the style of correct_mathlib.
"""

import math
import operator

import numpy as np


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    width = X.shape[1]
    net = []
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != width or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape}, b {b.shape} do not fit {width} columns")
        net.append((W.tolist(), b.tolist()))
        width += W.shape[0]
    if len(net[-1][1]) != 1:
        raise ValueError("the last layer must have one unit")
    out = []
    for z in X.tolist():
        for W, b in net:
            fired = [1.0 if math.fsum(map(operator.mul, w_row, z)) + b_j >= 0 else 0.0
                     for w_row, b_j in zip(W, b)]
            z = z + fired
        out.append(int(z[-1]))
    return np.array(out, dtype=int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1 or table.shape[0] < 2:
        raise ValueError("truth_table must be 1-D with length 2**n, n >= 1")
    values = table.tolist()
    m = len(values)
    n = round(math.log2(m))
    if 2**n != m:
        raise ValueError(f"truth_table must have length 2**n, got {m}")
    if not all(v in (0, 1) for v in values):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = sum(values) > m / 2
    target = 0 if negate else 1
    patterns = [r for r, v in enumerate(values) if v == target]
    bits = [[(r >> (n - i)) & 1 for i in range(n)] for r in patterns]
    if bits:
        W1 = [[2.0 * bit - 1.0 for bit in p] for p in bits]
        b1 = [-float(sum(p)) for p in bits]
        out_weight = -1.0 if negate else 1.0
    else:
        W1, b1, out_weight = [[0.0] * n], [0.0], 0.0
    h = len(W1)
    W2 = [[0.0] * n + [out_weight] * h]
    b2 = [0.0 if negate else -1.0]
    return [(np.array(W1).reshape(h, n), np.array(b1)),
            (np.array(W2).reshape(1, n + h), np.array(b2))]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = list(zip(signals[0::2], signals[1::2]))
        carry = signals[-1:] if len(signals) % 2 else []
        rows_a, bias_a = [], []
        for a, b in pairs:
            or_row = [0.0] * width
            nand_row = [0.0] * width
            or_row[a] = or_row[b] = 1.0
            nand_row[a] = nand_row[b] = -1.0
            rows_a += [or_row, nand_row]
            bias_a += [-1.0, 1.0]
        layers.append((np.array(rows_a), np.array(bias_a)))
        first = width
        width += len(rows_a)
        rows_b = []
        for j in range(len(pairs)):
            row = [0.0] * width
            row[first + 2 * j] = row[first + 2 * j + 1] = 1.0
            rows_b.append(row)
        layers.append((np.array(rows_b), np.array([-2.0] * len(pairs))))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    return sum((np.shape(W)[0] for W, _ in layers), start=0)
