"""The patterns are read with itemgetter(1) from the (row, value) pairs instead of itemgetter(0).

Every "pattern" is the table value (all 0 or all 1) instead of the row index, so the hidden
units all recognise the same input (0...0 or 0...01).

Single mistake in shallow_network; written from correct_mapapply.
"""

from operator import itemgetter

import numpy as np


def _fire(z, W, b):
    return list(map(lambda w_row, bias: int(np.dot(w_row, z) + bias >= 0), W, b))


def _run_row(layers, x):
    z = list(x)
    out = []
    for W, b in layers:
        out = _fire(np.array(z, dtype=np.float64), W, b)
        z = z + out
    return out[0]


def threshold_forward(layers, X):
    """Outputs (m,) of the network's last unit on the rows of X."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array (m, n)")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    width = X.shape[1]
    checked = []
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != width or b.shape != (W.shape[0],):
            raise ValueError(f"W {W.shape}, b {b.shape} do not fit z with {width} columns")
        checked.append((W, b))
        width += W.shape[0]
    if checked[-1][0].shape[0] != 1:
        raise ValueError("the last layer must have one unit")
    outputs = list(map(lambda row: _run_row(checked, row), X))
    return np.array(outputs, dtype=int).reshape(X.shape[0])


def _bits_of(r, n):
    return list(map(lambda k: (r >> k) & 1, range(n - 1, -1, -1)))


def shallow_network(truth_table):
    """One hidden layer of pattern units for the ones of f (or of not f) and an OR (or NOR)."""
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError("truth_table must be 1-D with length 2**n, n >= 1")
    if not all(map(lambda v: v in (0, 1), table.tolist())):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = sum(map(int, table.tolist())) > m // 2
    target = 0 if negate else 1
    patterns = list(map(itemgetter(1), filter(lambda rv: rv[1] == target, enumerate(table))))
    bias = 0.0 if negate else -1.0
    if not patterns:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), np.array([bias]))]
    bits = np.array(list(map(lambda r: _bits_of(r, n), patterns)), dtype=np.float64)
    W1 = np.array(list(map(lambda row: 2.0 * row - 1.0, bits)))
    b1 = -np.array(list(map(sum, bits)), dtype=np.float64)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, len(patterns)), -1.0 if negate else 1.0)])
    return [(W1, b1), (W2, np.array([bias]))]


def _unit_row(width, columns, value):
    row = np.zeros(width)
    row[list(columns)] = value
    return row


def deep_parity(n):
    """A tree of XOR blocks (OR and NAND, then AND): 3(n - 1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = list(zip(signals[0::2], signals[1::2]))
        carry = signals[2 * len(pairs):]
        or_rows = list(map(lambda p: _unit_row(width, p, 1.0), pairs))
        nand_rows = list(map(lambda p: _unit_row(width, p, -1.0), pairs))
        W_a = np.array([row for both in zip(or_rows, nand_rows) for row in both])
        b_a = np.array([bias for _ in pairs for bias in (-1.0, 1.0)])
        layers.append((W_a, b_a))
        first = width
        width += 2 * len(pairs)
        W_b = np.array(list(map(lambda j: _unit_row(width, (first + 2 * j, first + 2 * j + 1), 1.0),
                                range(len(pairs)))))
        layers.append((W_b, np.full(len(pairs), -2.0)))
        signals = list(map(lambda j: width + j, range(len(pairs)))) + carry
        width += len(pairs)
    return layers


def count_units(layers):
    """The number of units in all layers."""
    return int(sum(map(len, map(itemgetter(0), layers))))
