"""The pattern unit's bias is 1 - |p| instead of -|p|: the unit also fires on every input one bit-
flip away from its pattern p, so the hidden layer recognises neighbourhoods instead of single
patterns and the network's output is wrong.

One mistake, in `shallow_network`; written in the style of correct_closures.py.
"""

import numpy as np


def _unit_layer(W, b):
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)

    def apply(z):
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer W {W.shape}, b {b.shape} does not fit z {z.shape}")
        return (z @ W.T + b >= 0).astype(np.float64)

    return apply


def _compose(appliers):
    def forward(z):
        out = np.zeros((z.shape[0], 0))
        for apply in appliers:
            out = apply(z)
            z = np.hstack([z, out])
        return out

    return forward


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    appliers = [_unit_layer(W, b) for W, b in layers]
    out = _compose(appliers)(z)
    if out.shape[1] != 1:
        raise ValueError(f"the last layer must have one unit, it has {out.shape[1]}")
    return out[:, 0].astype(int)


def _bits_of(n):
    def bits(r):
        return np.array([(r >> (n - 1 - i)) & 1 for i in range(n)])

    return bits


def _pattern_unit(bits):
    return (2 * bits - 1).astype(np.float64), -float(bits.sum()) + 1


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth_table must have length 2^n, got shape {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = int(table.sum()) > 2 ** (n - 1)
    target = 0 if negate else 1
    bits = _bits_of(n)
    units = [_pattern_unit(bits(r)) for r in range(m) if table[r] == target]
    out_bias = 0.0 if negate else -1.0
    if not units:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), np.array([out_bias]))]
    W1 = np.array([w for w, _ in units])
    b1 = np.array([b for _, b in units])
    h = len(units)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, h), -1.0 if negate else 1.0)])
    return [(W1, b1), (W2, np.array([out_bias]))]


def _xor_block(width):
    def build(pairs):
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.zeros(2 * len(pairs))
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, [a, b]] = -1.0
            b_a[2 * j + 1] = 1.0
        W_b = np.zeros((len(pairs), width + 2 * len(pairs)))
        for j in range(len(pairs)):
            W_b[j, [width + 2 * j, width + 2 * j + 1]] = 1.0
        b_b = np.full(len(pairs), -2.0)
        return [(W_a, b_a), (W_b, b_b)]

    return build


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        layers += _xor_block(width)(pairs)
        width += 2 * len(pairs)
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    def units(layer):
        return np.asarray(layer[0]).shape[0]

    return int(sum(map(units, layers)))
