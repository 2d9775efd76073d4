"""The gate-sign axis is put in FRONT of the pair axis: the (2, p, width) table reshapes to all OR
rows followed by all NAND rows instead of an OR/NAND row per pair, while the biases and the AND
layer still expect them interleaved; with one pair per level (n = 2, 3) nothing changes, but
from n = 4 on some units get the wrong bias and read the wrong pair, and the network is not
parity.

Mistake in `deep_parity`; written in the style of correct_broadcast.py.
"""

import numpy as np

GATE_SIGN = np.array([1.0, -1.0])    # OR, NAND


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = None
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape}, b {b.shape} do not fit z {z.shape}")
        s = (z[:, np.newaxis, :] * W[np.newaxis, :, :]).sum(axis=2) + b[np.newaxis, :]
        out = (s >= 0).astype(np.float64)                  # (m, units)
        z = np.concatenate([z, out], axis=1)
    if out.shape[1] != 1:
        raise ValueError(f"the last layer must have one unit, it has {out.shape[1]}")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth_table must be 1-D")
    m = table.shape[0]
    n = int(m).bit_length() - 1
    if n < 1 or m != 2**n:
        raise ValueError(f"truth_table must have length 2^n with n >= 1, got {m}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    grids = np.meshgrid(*([np.array([0, 1])] * n), indexing="ij")
    inputs = np.stack([g.ravel() for g in grids], axis=1)  # (2^n, n): row r = bits of r
    negate = bool(2 * int(table.sum()) > m)                # more ones than zeros
    bits = inputs[table == (0 if negate else 1)]           # (h, n)
    h = bits.shape[0]
    b2 = np.array([0.0 if negate else -1.0])
    if h == 0:                                             # f is constant
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), b2)]
    W1 = 2.0 * bits - 1.0
    b1 = -bits.sum(axis=1).astype(np.float64)
    out_weights = np.broadcast_to(-1.0 if negate else 1.0, (1, h))
    W2 = np.concatenate([np.zeros((1, n)), out_weights], axis=1)
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals = np.arange(n)           # columns still to be XORed together
    width = n
    while signals.size > 1:
        p = signals.size // 2
        pairs = signals[:2 * p].reshape(p, 2)
        carry = signals[2 * p:]
        cols = np.arange(width)
        reads = (cols[np.newaxis, np.newaxis, :] == pairs[:, :, np.newaxis]).sum(axis=1)  # (p, width)
        W_a = (GATE_SIGN[:, np.newaxis, np.newaxis] * reads[np.newaxis, :, :]).reshape(2 * p, width)
        b_a = np.tile(-GATE_SIGN, p)                       # OR -1, NAND +1, per pair
        layers.append((W_a, b_a))
        first = width
        width += 2 * p
        offsets = np.arange(width)[np.newaxis, :] - first
        W_b = (offsets // 2 == np.arange(p)[:, np.newaxis]).astype(np.float64)   # AND of pair j
        layers.append((W_b, np.full(p, -2.0)))
        signals = np.concatenate([width + np.arange(p), carry])
        width += p
    return layers


def count_units(layers):
    return int(sum(np.asarray(W).shape[0] for W, _ in layers))
