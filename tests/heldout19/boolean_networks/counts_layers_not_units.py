"""The generator counts one per LAYER instead of the number of units (rows of W) in each:
count_units returns the depth of the network, right only when every layer has exactly one unit.

Graded function: `count_units`. Written in the style of correct_matchcase.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    match z.shape:
        case (m, _):
            pass
        case shape:
            raise ValueError(f"X must be 2-D (m, n), got shape {shape}")
    if not layers:
        raise ValueError("a network needs at least one layer")
    out = np.zeros((m, 0))
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        match W.shape:
            case (units, cols) if cols == z.shape[1] and b.shape == (units,):
                pass
            case shape:
                raise ValueError(f"layer {k}: W {shape}, b {b.shape} do not fit {z.shape[1]} columns")
        out = (z @ W.T + b >= 0).astype(np.float64)
        z = np.hstack([z, out])
    match out.shape:
        case (_, 1):
            return out[:, 0].astype(int)
        case (_, units):
            raise ValueError(f"the last layer must have one unit, it has {units}")


def _bits(r, n):
    return [(r >> (n - 1 - i)) & 1 for i in range(n)]


def _recogniser(bits):
    return [2.0 * b - 1.0 for b in bits], -float(sum(bits))


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    match table.shape:
        case (m,) if m >= 2 and m & (m - 1) == 0:
            n = m.bit_length() - 1
        case shape:
            raise ValueError(f"truth table must have length 2^n with n >= 1, got shape {shape}")
    if bad := [r for r, v in enumerate(table.tolist()) if v not in (0, 1)]:
        raise ValueError(f"truth table entry {bad[0]} is not 0 or 1")
    negate = bool(table.sum() > m // 2)
    target = 0 if negate else 1
    patterns = [r for r, v in enumerate(table.tolist()) if v == target]
    match negate:
        case True:
            out_weight, out_bias = -1.0, 0.0               # NOR of the units
        case _:
            out_weight, out_bias = 1.0, -1.0               # OR of the units
    match patterns:
        case []:
            W2 = np.zeros((1, n + 1))
            return [(np.zeros((1, n)), np.zeros(1)), (W2, np.array([out_bias]))]
        case _:
            rows, biases = zip(*(_recogniser(_bits(r, n)) for r in patterns), strict=True)
    W1, b1 = np.array(rows), np.array(biases)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, len(patterns)), out_weight)])
    return [(W1, b1), (W2, np.array([out_bias]))]


GATE_ROW = {"or": (1.0, -1.0), "nand": (-1.0, 1.0)}       # weight on both inputs, bias


def deep_parity(n):
    match n:
        case int() | np.integer() if n >= 2:
            n = int(n)
        case _:
            raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals, width = list(range(n)), n
    while len(signals) > 1:
        pairs = list(zip(signals[0::2], signals[1::2]))
        carry = signals[2 * len(pairs):]
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.zeros(2 * len(pairs))
        for j, (a, b) in enumerate(pairs):
            for r, gate in enumerate(("or", "nand")):
                weight, bias = GATE_ROW[gate]
                W_a[2 * j + r, [a, b]] = weight
                b_a[2 * j + r] = bias
        layers.append((W_a, b_a))
        first, width = width, width + 2 * len(pairs)
        W_b = np.zeros((len(pairs), width))
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        layers.append((W_b, np.full(len(pairs), -2.0)))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    return sum(1 for W, _ in layers)
