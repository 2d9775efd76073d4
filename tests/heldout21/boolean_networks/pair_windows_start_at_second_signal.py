"""The pairs start one window late, [1::2] instead of [::2]: the windows (s1, s2), (s3, s4), ...
leave out the first signal of every level (it is neither paired nor carried), and on a level
with an odd number of signals the carried last signal is also XORed in a pair. The network is
not parity (n = 3 computes x2, and n = 2 has no pairs at all, so no layers).

Mistake in `deep_parity`, written in the style of correct_sliding.py.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (m, n), got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    m, n = X.shape
    sizes = [np.asarray(W).shape[0] if np.ndim(W) == 2 else 0 for W, _ in layers]
    z = np.zeros((m, n + sum(sizes)))
    z[:, :n] = X
    start = n
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != start or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape} and b {b.shape} do not fit {start} columns")
        seen = z[:, :start]                               # the window this layer sees
        u = W.shape[0]
        z[:, start:start + u] = (seen @ W.T + b >= 0)
        start += u
    if sizes[-1] != 1:
        raise ValueError(f"the last layer must have one unit, it has {sizes[-1]}")
    return z[:, start - 1].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth_table must be 1-D of length 2^n, n >= 1; got shape {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    ones = int(table.sum())
    negate = ones > m - ones
    rows = np.flatnonzero(table != negate)
    places = 2 ** np.arange(n - 1, -1, -1)                # x1 has the largest place value
    bits = (rows[:, np.newaxis] // places) % 2            # (h, n)
    h = len(rows)
    if h == 0:
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.0 if negate else -1.0]))]
    W1 = np.where(bits == 1, 1.0, -1.0)
    b1 = -bits.sum(axis=1).astype(np.float64)
    sign = -1.0 if negate else 1.0
    W2 = np.concatenate([np.zeros(n), np.full(h, sign)])[np.newaxis, :]
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals = np.arange(n)
    width = n
    while signals.size > 1:
        pairs = sliding_window_view(signals, 2)[1::2]     # (p, 2): the pairs of signals
        carry = signals[-1:] if signals.size % 2 else signals[:0]
        p = pairs.shape[0]
        units = np.arange(p)[:, np.newaxis]
        W_a = np.zeros((2 * p, width))
        W_a[2 * units, pairs] = 1.0                       # OR of the pair: a + b - 1 >= 0
        W_a[2 * units + 1, pairs] = -1.0                  # NAND of the pair: 1 - a - b >= 0
        layers.append((W_a, np.tile([-1.0, 1.0], p)))
        first = width
        width += 2 * p
        W_b = np.zeros((p, width))
        W_b[units, first + 2 * units + np.array([0, 1])] = 1.0   # AND of OR and NAND
        layers.append((W_b, np.full(p, -2.0)))
        signals = np.concatenate([width + np.arange(p), carry])
        width += p
    return layers


def count_units(layers):
    return int(sum(np.asarray(W).shape[0] for W, _ in layers))
