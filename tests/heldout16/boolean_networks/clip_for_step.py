"""np.clip(s, 0, 1) is used as the step function: it is a ramp, 0 for s <= 0 and 1 for s >= 1, so a
unit with W.z + b exactly 0 outputs 0 instead of 1 (and a fractional s gives a fractional
output). With integer weights the units at equality, e.g. the OR unit with exactly one input on,
do not fire.

Mistake in `threshold_forward`, written in the style of correct_masks.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be a 2-D array (m, n), got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = np.zeros((z.shape[0], 0))
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"W {W.shape}, b {b.shape} do not fit z with {z.shape[1]} columns")
        s = z @ W.T + b
        out = np.clip(s, 0.0, 1.0)
        z = np.concatenate([z, out], axis=1)
    if out.shape[1] != 1:
        raise ValueError("the last layer must have exactly one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth_table must be 1-D of length 2**n, n >= 1; got {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = bool(table.sum() > 2 ** (n - 1))
    all_bits = (np.arange(m)[:, None] >> np.arange(n - 1, -1, -1)) & 1
    bits = all_bits[table == np.where(negate, 0, 1)]
    h = max(len(bits), 1)
    W1 = np.zeros((h, n))
    b1 = np.zeros(h)
    W1[: len(bits)] = np.where(bits == 1, 1.0, -1.0)
    b1[: len(bits)] = -bits.sum(axis=1)
    W2 = np.concatenate([np.zeros(n), np.full(h, np.where(negate, -1.0, 1.0))])[None, :]
    W2[0, n:] *= len(bits) > 0  # a constant f: the output ignores the dummy unit
    b2 = np.array([np.where(negate, 0.0, -1.0)])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals = np.arange(n)
    width = n
    while signals.size > 1:
        k = signals.size // 2
        pairs = signals[: 2 * k].reshape(k, 2)
        carry = signals[2 * k:]
        cols = np.arange(width)
        hit = (cols == pairs[:, :1]) | (cols == pairs[:, 1:])  # (k, width)
        W_a = np.empty((2 * k, width))
        W_a[0::2] = np.where(hit, 1.0, 0.0)   # OR rows
        W_a[1::2] = np.where(hit, -1.0, 0.0)  # NAND rows
        b_a = np.tile([-1.0, 1.0], k)
        layers.append((W_a, b_a))
        or_cols = width + 2 * np.arange(k)
        nand_cols = or_cols + 1
        width += 2 * k
        cols = np.arange(width)
        W_b = np.where((cols == or_cols[:, None]) | (cols == nand_cols[:, None]), 1.0, 0.0)
        b_b = np.full(k, -2.0)
        layers.append((W_b, b_b))
        signals = np.concatenate([width + np.arange(k), carry])
        width += k
    return layers


def count_units(layers):
    sizes = np.array([np.shape(W)[0] for W, _ in layers], dtype=int)
    return int(np.sum(sizes))
