"""chain.from_iterable is applied twice, which flattens one level too deep: the count walks the
ENTRIES of every W (the weights) instead of its rows (the units), so count_units returns the
number of weights.

Mistake in `count_units`, written in the style of correct_itertools.py.
"""

from functools import reduce
from itertools import chain, product

import numpy as np


def _layer(z, layer):
    W, b = (np.asarray(a, dtype=np.float64) for a in layer)
    if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
        raise ValueError(f"W {W.shape}, b {b.shape} do not fit z with {z.shape[1]} columns")
    out = (z @ W.T + b >= 0).astype(np.float64)
    return np.hstack([z, out])


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (m, n), got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    z = reduce(_layer, layers, X)
    if np.shape(layers[-1][0])[0] != 1:
        raise ValueError("the last layer must have exactly one unit")
    return z[:, -1].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth_table must be 1-D of length 2**n, n >= 1; got {table.shape}")
    values = table.tolist()
    if not all(v in (0, 1) for v in values):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = sum(values) > 2 ** (n - 1)
    target = 0 if negate else 1
    patterns = [p for p, f in zip(product((0, 1), repeat=n), values) if f == target]
    if not patterns:
        # f is constant: one unit that is never read, the output bias gives the value
        W1, b1 = np.zeros((1, n)), np.zeros(1)
        W2 = np.zeros((1, n + 1))
        return [(W1, b1), (W2, np.array([0.0 if negate else -1.0]))]
    W1 = np.array([[2.0 * bit - 1.0 for bit in p] for p in patterns])
    b1 = np.array([-float(sum(p)) for p in patterns])
    h = len(patterns)
    out_weight = -1.0 if negate else 1.0
    W2 = np.array([list(chain([0.0] * n, [out_weight] * h))])
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def _xor_level(signals, width):
    pairs = list(zip(signals[0::2], signals[1::2]))
    carry = signals[2 * len(pairs):]
    k = len(pairs)
    W_a = np.zeros((2 * k, width))
    b_a = np.zeros(2 * k)
    for j, (a, b) in enumerate(pairs):
        W_a[2 * j, [a, b]] = 1.0       # OR: a + b - 1 >= 0
        b_a[2 * j] = -1.0
        W_a[2 * j + 1, [a, b]] = -1.0  # NAND: 1 - a - b >= 0
        b_a[2 * j + 1] = 1.0
    W_b = np.zeros((k, width + 2 * k))
    for j in range(k):
        W_b[j, [width + 2 * j, width + 2 * j + 1]] = 1.0  # AND of OR and NAND
    b_b = np.full(k, -2.0)
    new_signals = list(chain(range(width + 2 * k, width + 3 * k), carry))
    return [(W_a, b_a), (W_b, b_b)], new_signals, width + 3 * k


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals, width = list(range(n)), n
    while len(signals) > 1:
        level, signals, width = _xor_level(signals, width)
        layers.extend(level)
    return layers


def count_units(layers):
    return sum(1 for _ in chain.from_iterable(chain.from_iterable(np.asarray(W) for W, _ in layers)))
