"""The running parity starts at column 1, 'x1' counted from 1, instead of column 0: the first stage
then XORs x2 with itself (its OR unit is x2, its NAND is NOT x2, their AND is always 0), x1 is
never read, and the network computes the parity of x3, ..., xn (the constant 0 for n = 2).

Mistake in `deep_parity`, written in the style of correct_colmajor.py.
"""

import numpy as np


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (m, n), got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    Z = X.T                                               # (n, m): one column per sample
    out = np.zeros((0, Z.shape[1]))
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != Z.shape[0] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape} and b {b.shape} do not fit {Z.shape[0]} rows")
        S = W @ Z + b[:, np.newaxis]                      # (units, m)
        out = (S >= 0).astype(np.float64)
        Z = np.vstack([Z, out])
    if out.shape[0] != 1:
        raise ValueError(f"the last layer must have one unit, it has {out.shape[0]}")
    return out[0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth_table must be 1-D of length 2^n, n >= 1; got shape {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = int(table.sum()) > 2 ** (n - 1)
    rows = np.flatnonzero(table == (0 if negate else 1))
    shifts = np.arange(n - 1, -1, -1)[:, np.newaxis]     # (n, 1): x1 is the top bit
    B = (rows[np.newaxis, :] >> shifts) & 1               # (n, h): one column per pattern
    h = B.shape[1]
    if h == 0:
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.0 if negate else -1.0]))]
    W1 = (2.0 * B - 1.0).T                                # back to (units, inputs)
    b1 = -B.sum(axis=0).astype(np.float64)                # -|p| for every pattern column
    W2 = np.hstack([np.zeros((1, n)), np.full((1, h), -1.0 if negate else 1.0)])
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    width = n
    s = 1                                                 # column of the running parity (x1)
    for k in range(1, n):
        A = np.zeros((width, 2))                          # (inputs, units): OR and NAND
        A[[s, k], 0] = 1.0
        A[[s, k], 1] = -1.0
        layers.append((A.T, np.array([-1.0, 1.0])))
        B = np.zeros((width + 2, 1))                      # (inputs, units): AND of the two
        B[[width, width + 1], 0] = 1.0
        layers.append((B.T, np.array([-2.0])))
        s = width + 2
        width += 3
    return layers


def count_units(layers):
    return int(sum(np.asarray(W).T.shape[1] for W, _ in layers))
