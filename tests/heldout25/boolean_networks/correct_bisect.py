"""Threshold networks with look-ups: a unit's output is the bin of its activation among the
single edge 0 (np.searchsorted with side='right', so 0 itself fires); the number of ones of f is
read from the sorted truth table by binary search; the output gate comes from a table indexed by
that decision; the layer of each signal in the parity tree is looked up in the sorted list of
layer boundaries with bisect; count_units reads the last entry of the running totals.

Correct solution (style: bisect).
"""

import bisect

import numpy as np

STEP_EDGES = np.array([0.0])
OUTPUT_TABLE = np.array([[1.0, -1.0], [-1.0, 0.0]])    # [negate] -> (pattern weight, bias)


def threshold_forward(layers, X):
    """Outputs (m,) of the last layer's single unit; layer k sees [x, earlier outputs]."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = None
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer shapes W {W.shape}, b {b.shape} do not fit {z.shape}")
        a = z @ W.T + b
        out = np.searchsorted(STEP_EDGES, a, side="right").astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    """Pattern units for the ones of f (or its zeros, with a NOR output), then OR/NOR."""
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2 ** n:
        raise ValueError("truth_table must be 1-D of length 2**n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    ones = m - int(np.searchsorted(np.sort(table), 1, side="left"))
    negate = ones > m // 2
    rows = np.flatnonzero(table == (0 if negate else 1))
    weight, bias = OUTPUT_TABLE[int(negate)]
    if rows.size == 0:
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.0 if negate else -1.0]))]
    bits = (rows[:, None] >> np.arange(n - 1, -1, -1)) & 1
    W1 = np.where(bits == 1, 1.0, -1.0)
    b1 = -bits.sum(axis=1).astype(np.float64)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, rows.size), weight)])
    return [(W1, b1), (W2, np.array([bias]))]


def deep_parity(n):
    """Pairs of signals XORed layer by layer (OR and NAND, then AND): 3(n-1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"need an int n >= 2, got {n!r}")
    layers = []
    signals = list(range(n))
    bounds = [n]                         # running widths of z after each layer, sorted
    while len(signals) > 1:
        width = bounds[-1]
        k = len(signals) // 2
        WA = np.zeros((2 * k, width))
        bA = np.tile([-1.0, 1.0], k)
        for j in range(k):
            a, c = signals[2 * j], signals[2 * j + 1]
            WA[2 * j, [a, c]] = 1.0
            WA[2 * j + 1, [a, c]] = -1.0
        layers.append((WA, bA))
        bounds.append(width + 2 * k)
        WB = np.zeros((k, bounds[-1]))
        for j in range(k):
            WB[j, [width + 2 * j, width + 2 * j + 1]] = 1.0
        layers.append((WB, np.full(k, -2.0)))
        bounds.append(bounds[-1] + k)
        # each new signal is a column of the layer found by bisect among the boundaries
        new = [bounds[bisect.bisect_right(bounds, width + 2 * k) - 1] + j for j in range(k)]
        signals = new + signals[2 * k:]
    return layers


def count_units(layers):
    """Units in all layers: the last running total of the layer sizes."""
    sizes = [np.shape(W)[0] for W, _ in layers]
    return int(np.cumsum([0, *sizes])[-1])
