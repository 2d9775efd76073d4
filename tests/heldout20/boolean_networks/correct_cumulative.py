"""Threshold networks with counting numerics: the forward pass places every layer's outputs in
one preallocated z at column offsets given by the prefix sums of the layer sizes (with the
leading 0) and applies the step with np.searchsorted(side='right'); the shallow network decides
f or NOT f from a np.bincount of the truth table and takes each pattern's |p| from the end of
its running count of ones; parity is a running XOR folded input by input (a prefix XOR, like a
running sum mod 2); units are counted as the last prefix sum of the layer sizes.

Correct solution (style: cumulative).
"""

import numpy as np


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    m, n = X.shape
    Ws = [np.asarray(W, dtype=np.float64) for W, _ in layers]
    bs = [np.asarray(b, dtype=np.float64) for _, b in layers]
    if any(W.ndim != 2 for W in Ws):
        raise ValueError("every W must be 2-D")
    sizes = [W.shape[0] for W in Ws]
    bounds = n + np.concatenate(([0], np.cumsum(sizes))).astype(int)   # layer k: bounds[k]:bounds[k+1]
    z = np.zeros((m, bounds[-1]))
    z[:, :n] = X
    for k, (W, b) in enumerate(zip(Ws, bs, strict=True)):
        if W.shape[1] != bounds[k] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k + 1}: W {W.shape}, b {b.shape} do not fit {bounds[k]} columns")
        s = z[:, :bounds[k]] @ W.T + b
        z[:, bounds[k]:bounds[k + 1]] = np.searchsorted([0.0], s, side="right")   # 1 where s >= 0
    if sizes[-1] != 1:
        raise ValueError(f"the last layer must have one unit, it has {sizes[-1]}")
    return z[:, -1].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth_table must be 1-D")
    m = table.shape[0]
    n = int(m).bit_length() - 1
    if n < 1 or m != 2**n:
        raise ValueError(f"truth_table must have length 2^n with n >= 1, got {m}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    counts = np.bincount(table.astype(np.intp), minlength=2)     # (number of 0s, number of 1s)
    negate = bool(counts[1] > counts[0])
    patterns = np.flatnonzero(table == (0 if negate else 1))     # sorted rows r
    place = 2 ** np.arange(n - 1, -1, -1)                        # x1 is the most significant bit
    bits = np.floor_divide.outer(patterns, place) % 2            # (h, n)
    h = len(patterns)
    b2 = np.array([0.0 if negate else -1.0])                     # NOR vs OR of the hidden units
    if h == 0:                                                   # f is constant
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), b2)]
    W1 = (2 * bits - 1).astype(np.float64)
    b1 = -np.cumsum(bits, axis=1)[:, -1].astype(np.float64)      # -|p|: end of the running count
    W2 = np.concatenate([np.zeros(n), np.full(h, -1.0 if negate else 1.0)])[np.newaxis, :]
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    acc = 0                          # column of the running parity x1 ^ ... ^ x_k (starts at x1)
    width = n                        # columns of z so far
    for k in range(1, n):            # fold input k into the running parity
        W_gates = np.zeros((2, width))
        W_gates[0, [acc, k]] = 1.0   # OR:   a + b - 1 >= 0
        W_gates[1, [acc, k]] = -1.0  # NAND: 1 - a - b >= 0
        layers.append((W_gates, np.array([-1.0, 1.0])))
        W_and = np.zeros((1, width + 2))
        W_and[0, [width, width + 1]] = 1.0    # AND of the two units just added
        layers.append((W_and, np.array([-2.0])))
        acc = width + 2
        width += 3
    return layers


def count_units(layers):
    sizes = [np.asarray(W).shape[0] for W, _ in layers]
    return int(np.cumsum(sizes)[-1]) if sizes else 0
