"""(memo) The units are counted as the set of their distinct weight rows ('a seen-set so that no
unit is counted twice'): units with identical weights, in one layer or in two layers of the same
width, are counted once, so a network with repeated units (e.g. several all-zero or all-one
rows) gets too small a count.

Mistake in `count_units`, written from correct_memo.py.
"""

from functools import cache

import numpy as np

_OUTPUTS = {}       # (network key, input row) -> 0/1
_NETWORKS = {}      # truth table -> layers
_COUNTS = {}        # weight shapes -> number of units


def _network_key(layers):
    return tuple((np.shape(W), np.asarray(W, dtype=np.float64).tobytes(),
                  np.asarray(b, dtype=np.float64).tobytes()) for W, b in layers)


def _evaluate(layers, row):
    z = np.array(row, dtype=np.float64)
    out = None
    for W, b in layers:
        out = (np.asarray(W, dtype=np.float64) @ z + np.asarray(b, dtype=np.float64) >= 0)
        z = np.concatenate([z, out.astype(np.float64)])
    return int(out[0])


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    width = X.shape[1]
    for W, b in layers:
        W, b = np.asarray(W), np.asarray(b)
        if W.ndim != 2 or W.shape[1] != width or b.shape != (W.shape[0],):
            raise ValueError(f"layer W {W.shape}, b {b.shape} does not fit {width} columns")
        width += W.shape[0]
    if np.shape(layers[-1][0])[0] != 1:
        raise ValueError("the last layer must have one unit")
    net = _network_key(layers)
    result = []
    for row in X:
        key = (net, tuple(row.tolist()))
        if key not in _OUTPUTS:
            _OUTPUTS[key] = _evaluate(layers, row)
        result.append(_OUTPUTS[key])
    return np.array(result, dtype=int)


@cache
def _pattern_table(bits):
    """Row r: the bits of r, most significant first (all 2**bits patterns)."""
    r = np.arange(2 ** bits)[:, None]
    return (r >> np.arange(bits - 1, -1, -1)) & 1


def _build_shallow(table, n):
    negate = int(table.sum()) > 2 ** (n - 1)
    rows = np.flatnonzero(table == (0 if negate else 1))
    if len(rows) == 0:
        W2 = np.zeros((1, n + 1))
        return [(np.zeros((1, n)), np.zeros(1)), (W2, np.array([0.0 if negate else -1.0]))]
    bits = _pattern_table(max(n, 8))[rows][:, -n:]   # the low n bits of each row number
    W1 = (2 * bits - 1).astype(np.float64)
    b1 = -bits.sum(axis=1).astype(np.float64)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, len(rows)), -1.0 if negate else 1.0)])
    return [(W1, b1), (W2, np.array([0.0 if negate else -1.0]))]


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2 ** n:
        raise ValueError(f"truth_table must have length 2**n, n >= 1; got shape {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    key = tuple(int(v) for v in table)
    if key not in _NETWORKS:
        _NETWORKS[key] = _build_shallow(table.astype(int), n)
    return [(W.copy(), b.copy()) for W, b in _NETWORKS[key]]


@cache
def _parity_layers(n):
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.tile([-1.0, 1.0], len(pairs))
        for j, (a, c) in enumerate(pairs):
            W_a[2 * j, [a, c]] = 1.0                 # OR
            W_a[2 * j + 1, [a, c]] = -1.0            # NAND
        layers.append((W_a, b_a))
        first = width
        width += 2 * len(pairs)
        W_b = np.zeros((len(pairs), width))
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0   # AND of OR and NAND
        layers.append((W_b, np.full(len(pairs), -2.0)))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return tuple(layers)


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    return [(W.copy(), b.copy()) for W, b in _parity_layers(int(n))]


def count_units(layers):
    key = tuple(np.shape(W) for W, _ in layers)
    if key not in _COUNTS:
        _COUNTS[key] = len({np.asarray(row, dtype=np.float64).tobytes() for W, _ in layers for row in W})
    return _COUNTS[key]
