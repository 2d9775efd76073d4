"""The test for building f from its zeros counts the ZEROS instead of the ones: f is built from the LARGER of its two sets, so it needs more than 2^(n-1) hidden units whenever ones and zeros are unbalanced (the function is still right).

Graded function: shallow_network. Edited from correct_preallocated.py.
"""

import numpy as np


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    if not layers:
        raise ValueError("no layers")
    sizes = [np.asarray(W).shape[0] for W, _ in layers]
    m, n = X.shape
    Z = np.zeros((m, n + sum(sizes)))
    Z[:, :n] = X
    col = n
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != col or b.shape != (W.shape[0],):
            raise ValueError("layer does not fit")
        Z[:, col : col + W.shape[0]] = Z[:, :col] @ W.T + b >= 0
        col += W.shape[0]
    if sizes[-1] != 1:
        raise ValueError("last layer must have one unit")
    return Z[:, -1].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.size
    n = int(np.log2(m)) if m > 0 else 0
    if table.ndim != 1 or n < 1 or 2**n != m:
        raise ValueError("truth table must have length 2^n")
    if not np.isin(table, [0, 1]).all():
        raise ValueError("truth table must hold 0/1")
    bits = np.array(np.unravel_index(np.arange(m), (2,) * n)).T
    negate = (table == 0).sum() > m // 2
    chosen = bits[table == (0 if negate else 1)]
    h = max(len(chosen), 1)
    W1 = np.zeros((h, n))
    b1 = np.zeros(h)
    if len(chosen):
        W1 = 2.0 * chosen - 1.0
        b1 = -chosen.sum(axis=1).astype(np.float64)
    W2 = np.zeros((1, n + h))
    if len(chosen):
        W2[0, n:] = -1.0 if negate else 1.0
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def _unit(width, cols, weights, bias):
    w = np.zeros(width)
    w[list(cols)] = weights
    return w, bias


def deep_parity(n):
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    acc, width = 0, n
    for i in range(1, n):
        or_w, or_b = _unit(width, (acc, i), 1.0, -1.0)
        nand_w, nand_b = _unit(width, (acc, i), -1.0, 1.0)
        layers.append((np.vstack([or_w, nand_w]), np.array([or_b, nand_b])))
        and_w, and_b = _unit(width + 2, (width, width + 1), 1.0, -2.0)
        layers.append((and_w[None, :], np.array([and_b])))
        acc, width = width + 2, width + 3
    return layers


def count_units(layers):
    return sum(len(np.asarray(W)) for W, _ in layers)
