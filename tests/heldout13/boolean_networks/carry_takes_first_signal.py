"""On a level with an odd number of signals the carried signal is taken from the FRONT
(signals[:1]) instead of the end: the first signal is used twice (in its pair and carried) and
the last one is dropped, so for odd n the output is not the parity of all inputs.

Mistake in `deep_parity`; written in the style of correct_generator.py.
"""

from itertools import islice, product

import numpy as np


def _layer_outputs(layers, z):
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("a layer does not fit the columns of z")
        out = (z @ W.T + b >= 0).astype(np.float64)
        yield out
        z = np.hstack([z, out])


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be a 2-D array (m, n)")
    out = None
    for out in _layer_outputs(layers, z):
        pass
    if out is None:
        raise ValueError("a network needs at least one layer")
    if out.shape[1] != 1:
        raise ValueError("the last layer must have exactly one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth_table must be 1-D")
    m = len(table)
    n = m.bit_length() - 1
    if n < 1 or m != 2**n:
        raise ValueError("truth_table must have length 2**n with n >= 1")
    if not all(v == 0 or v == 1 for v in table):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = sum(int(v) for v in table) > m // 2
    target = 0 if negate else 1
    patterns = [p for p, f in zip(product((0, 1), repeat=n), table) if f == target]
    b2 = np.array([0.0 if negate else -1.0])
    if not patterns:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), b2)]
    W1 = np.array([[2.0 * bit - 1.0 for bit in p] for p in patterns])
    b1 = np.array([-float(sum(p)) for p in patterns])
    out = [0.0] * n + [-1.0 if negate else 1.0] * len(patterns)
    W2 = np.array([out])
    return [(W1, b1), (W2, b2)]


def _xor_tree(n):
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = list(zip(islice(signals, 0, None, 2), islice(signals, 1, None, 2)))
        carry = signals[:len(signals) % 2]
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.zeros(2 * len(pairs))
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, [a, b]] = -1.0
            b_a[2 * j + 1] = 1.0
        yield W_a, b_a
        first = width
        width += 2 * len(pairs)
        W_b = np.zeros((len(pairs), width))
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        yield W_b, np.full(len(pairs), -2.0)
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    return list(_xor_tree(n))


def count_units(layers):
    return int(sum(np.asarray(W).shape[0] for W, _ in layers))
