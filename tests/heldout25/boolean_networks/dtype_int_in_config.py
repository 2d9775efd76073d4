"""The config dtype is int ("the units are 0/1") instead of float64.

threshold_forward converts X, every W and every b with dtype=int: real-valued weights and biases
are truncated towards zero before the units are evaluated, so networks with non-integer
parameters give wrong outputs (the integer networks built here are unaffected).

One mistake in correct_config (style: config), in `threshold_forward, shallow_network, deep_parity`.
"""

import numpy as np

DTYPE = int
FIRE_AT = 0.0                   # a unit fires when W·z + b >= FIRE_AT
XOR_BLOCK = {
    "or": ((1.0, 1.0), -1.0),
    "nand": ((-1.0, -1.0), 1.0),
    "and": ((1.0, 1.0), -2.0),
}
OUTPUT_UNIT = {                 # negated? -> (weight per pattern unit, bias)
    False: (1.0, -1.0),         # OR of the pattern units
    True: (-1.0, 0.0),          # NOR of the pattern units
}
CONSTANT_BIAS = {0: -1.0, 1: 0.0}   # output bias of a constant function


def threshold_forward(layers, X):
    """Outputs (m,) of the last layer's single unit; layer k sees [x, earlier outputs]."""
    z = np.asarray(X, dtype=DTYPE)
    if z.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = None
    for W, b in layers:
        W = np.asarray(W, dtype=DTYPE)
        b = np.asarray(b, dtype=DTYPE)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer shapes W {W.shape}, b {b.shape} do not fit {z.shape}")
        out = (z @ W.T + b >= FIRE_AT).astype(DTYPE)
        z = np.concatenate([z, out], axis=1)
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    """One pattern unit per one of f (or per zero of f, with a NOR output if f has more ones)."""
    table = np.asarray(truth_table)
    if table.ndim != 1 or table.size < 2 or table.size & (table.size - 1):
        raise ValueError("truth_table must be 1-D of length 2**n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    n = table.size.bit_length() - 1
    negate = bool(table.sum() > table.size // 2)
    rows = np.flatnonzero(table == (0 if negate else 1))
    if rows.size == 0:
        W1, b1 = np.zeros((1, n), dtype=DTYPE), np.zeros(1, dtype=DTYPE)
        W2 = np.zeros((1, n + 1), dtype=DTYPE)
        return [(W1, b1), (W2, np.array([CONSTANT_BIAS[int(negate)]]))]
    shifts = np.arange(n - 1, -1, -1)
    bits = (rows[:, None] >> shifts) & 1
    W1 = (2 * bits - 1).astype(DTYPE)
    b1 = -bits.sum(axis=1).astype(DTYPE)
    weight, bias = OUTPUT_UNIT[negate]
    W2 = np.concatenate([np.zeros((1, n)), np.full((1, rows.size), weight)], axis=1)
    return [(W1, b1), (W2, np.array([bias], dtype=DTYPE))]


def deep_parity(n):
    """A tree of XOR blocks: 3(n-1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"need an int n >= 2, got {n!r}")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        rest = signals[len(pairs) * 2:]
        WA = np.zeros((2 * len(pairs), width), dtype=DTYPE)
        bA = np.zeros(2 * len(pairs), dtype=DTYPE)
        for j, (a, c) in enumerate(pairs):
            for r, unit in enumerate(("or", "nand")):
                weights, bias = XOR_BLOCK[unit]
                WA[2 * j + r, [a, c]] = weights
                bA[2 * j + r] = bias
        layers.append((WA, bA))
        first = width
        width += 2 * len(pairs)
        WB = np.zeros((len(pairs), width), dtype=DTYPE)
        bB = np.zeros(len(pairs), dtype=DTYPE)
        weights, bias = XOR_BLOCK["and"]
        for j in range(len(pairs)):
            WB[j, [first + 2 * j, first + 2 * j + 1]] = weights
            bB[j] = bias
        layers.append((WB, bB))
        signals = [width + j for j in range(len(pairs))] + rest
        width += len(pairs)
    return layers


def count_units(layers):
    """Units in all layers."""
    return int(sum(np.shape(W)[0] for W, _ in layers))
