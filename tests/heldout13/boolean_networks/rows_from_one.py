"""The rows of the truth table are scanned from 1 (range(1, m)): row 0, the all-zero input, never
gets a pattern unit, so whenever f(0...0) is the value the units are built for, the network
gives the wrong output at x = 0...0.

Mistake in `shallow_network`; written in the style of correct_recursive.py.
"""

import numpy as np


def _forward(layers, z):
    W = np.asarray(layers[0][0], dtype=np.float64)
    b = np.asarray(layers[0][1], dtype=np.float64)
    if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
        raise ValueError("a layer does not fit the columns of z")
    out = (z @ W.T + b >= 0).astype(np.float64)
    if len(layers) == 1:
        return out
    return _forward(layers[1:], np.concatenate([z, out], axis=1))


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be a 2-D array (m, n)")
    layers = list(layers)
    if not layers:
        raise ValueError("a network needs at least one layer")
    out = _forward(layers, z)
    if out.shape[1] != 1:
        raise ValueError("the last layer must have exactly one unit")
    return out[:, 0].astype(int)


def _bits(r, n):
    if n == 0:
        return []
    return [*_bits(r >> 1, n - 1), r & 1]


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth_table must be 1-D")
    m = table.shape[0]
    n = m.bit_length() - 1
    if n < 1 or m != 2**n:
        raise ValueError("truth_table must have length 2**n with n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = 2 * int(table.sum()) > m
    target = 0 if negate else 1
    rows = [r for r in range(1, m) if table[r] == target]
    b2 = np.array([0.0 if negate else -1.0])
    if not rows:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), b2)]
    patterns = np.array([_bits(r, n) for r in rows], dtype=np.float64)
    W1 = 2.0 * patterns - 1.0
    b1 = -patterns.sum(axis=1)
    h = len(rows)
    W2 = np.concatenate([np.zeros((1, n)), np.full((1, h), -1.0 if negate else 1.0)], axis=1)
    return [(W1, b1), (W2, b2)]


def _xor_levels(signals, width):
    if len(signals) == 1:
        return []
    pairs = list(zip(signals[0::2], signals[1::2]))
    carry = signals[2 * len(pairs):]
    W_a = np.zeros((2 * len(pairs), width))
    b_a = np.zeros(2 * len(pairs))
    for j, (a, b) in enumerate(pairs):
        W_a[2 * j, [a, b]] = 1.0
        b_a[2 * j] = -1.0
        W_a[2 * j + 1, [a, b]] = -1.0
        b_a[2 * j + 1] = 1.0
    first = width
    width += 2 * len(pairs)
    W_b = np.zeros((len(pairs), width))
    b_b = np.full(len(pairs), -2.0)
    for j in range(len(pairs)):
        W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
    outputs = [width + j for j in range(len(pairs))]
    return [(W_a, b_a), (W_b, b_b), *_xor_levels(outputs + carry, width + len(pairs))]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    return _xor_levels(list(range(n)), n)


def count_units(layers):
    layers = list(layers)
    if not layers:
        return 0
    return int(np.asarray(layers[0][0]).shape[0]) + count_units(layers[1:])
