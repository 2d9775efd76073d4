"""The number of XOR levels is ceil(ln n) instead of ceil(log2 n).

The division by log 2 is left out: for n = 5, 6, 7 (and 9..16) the tree stops a level early, the
last layer is the XOR of only part of the inputs, and the network has fewer than 3(n-1) units.

Graded: deep_parity. Written from correct_logdomain.py.
"""

import math

import numpy as np

LOG2 = math.log(2.0)


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs a layer")
    out = np.zeros((z.shape[0], 0))
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("a layer does not fit its input")
        out = (z @ W.T + b >= 0).astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def _log2_size(table):
    """n with 2^n = len(table), from the log of the length."""
    m = table.shape[0]
    n = int(round(math.log(m) / LOG2)) if m > 0 else 0
    return n, m == 2**n


def _bits(rows, n):
    """Bits of each row index, x1 the most significant: floor(r / 2^k) mod 2, k = n-1..0."""
    powers = np.rint(np.exp(np.arange(n - 1, -1, -1) * LOG2))
    return (np.floor(rows[:, None] / powers) % 2).astype(np.float64)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth_table must be 1-D")
    n, ok = _log2_size(table)
    if not ok or n < 1:
        raise ValueError("truth_table must have length 2^n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold 0s and 1s")
    ones = int(table.sum())
    log2_ones = math.log(ones) / LOG2 if ones > 0 else -math.inf
    negate = log2_ones > n - 1
    rows = np.flatnonzero(table == (0 if negate else 1))
    if rows.size == 0:
        W1, b1 = np.zeros((1, n)), np.zeros(1)
        return [(W1, b1), (np.zeros((1, n + 1)), np.array([0.0 if negate else -1.0]))]
    bits = _bits(rows, n)
    W1 = 2.0 * bits - 1.0
    b1 = -bits.sum(axis=1)
    h = rows.size
    W2 = np.hstack([np.zeros((1, n)), np.full((1, h), -1.0 if negate else 1.0)])
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("n must be an int >= 2")
    levels = math.ceil(math.log(n))
    layers = []
    signals = list(range(n))
    width = n
    for _ in range(levels):
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.zeros(2 * len(pairs))
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, [a, b]] = -1.0
            b_a[2 * j + 1] = 1.0
        layers.append((W_a, b_a))
        first = width
        width += 2 * len(pairs)
        W_b = np.zeros((len(pairs), width))
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        layers.append((W_b, np.full(len(pairs), -2.0)))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    widths = np.array([np.asarray(W).shape[0] for W, _ in layers], dtype=np.float64)
    if widths.size == 0:
        return 0
    with np.errstate(divide="ignore"):
        log_total = np.logaddexp.reduce(np.log(widths))
    return int(round(float(np.exp(log_total))))
