"""The pattern units' bias is 1 - |p| instead of -|p|.

A unit then fires at its pattern and also at every input that drops one of the pattern's ones or
adds one zero's bit, so the OR (or NOR) of the units is wrong for most functions.

Single mistake in shallow_network; written from correct_asserts.
"""

import numpy as np


def threshold_forward(layers, X):
    """Outputs of the last (one-unit) layer; layer k sees [x, outputs of layers 1..k-1]."""
    z = np.asarray(X, dtype=float)
    if not z.ndim == 2:
        raise ValueError("X must be 2-D")
    if not len(layers) > 0:
        raise ValueError("a network needs at least one layer")
    out = None
    for W, b in layers:
        W = np.asarray(W, dtype=float)
        b = np.asarray(b, dtype=float)
        if not (W.ndim == 2 and W.shape[1] == z.shape[1] and b.shape == (W.shape[0],)):
            raise ValueError("a layer does not fit its input")
        out = (z @ W.T + b >= 0).astype(float)
        z = np.hstack([z, out])
    if not out.shape[1] == 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    """One hidden layer of pattern units, OR (or NOR of the zeros' units) at the output."""
    table = np.asarray(truth_table)
    if not table.ndim == 1:
        raise ValueError("truth_table must be 1-D")
    m = table.shape[0]
    n = m.bit_length() - 1
    if not (n >= 1 and m == 2 ** n):
        raise ValueError("truth_table must have length 2^n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")

    negate = int(table.sum()) > m // 2
    rows = np.flatnonzero(table == (0 if negate else 1))
    shifts = np.arange(n - 1, -1, -1)
    patterns = (rows[:, None] >> shifts) & 1
    if len(patterns) == 0:
        W2 = np.zeros((1, n + 1))
        b2 = np.array([0.0 if negate else -1.0])
        return [(np.zeros((1, n)), np.zeros(1)), (W2, b2)]
    W1 = (2.0 * patterns - 1.0)
    b1 = -patterns.sum(axis=1).astype(float) + 1.0
    sign = -1.0 if negate else 1.0
    W2 = np.concatenate([np.zeros(n), np.full(len(patterns), sign)])[None, :]
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    """A tree of XOR blocks (OR and NAND, then AND): 3(n-1) units."""
    if not (isinstance(n, int | np.integer) and n >= 2):
        raise ValueError("n must be an int >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        leftover = [signals[-1]] if len(signals) % 2 == 1 else []
        p = len(pairs)
        W_a = np.zeros((2 * p, width))
        b_a = np.zeros(2 * p)
        for j, (a, c) in enumerate(pairs):
            W_a[2 * j, a] = W_a[2 * j, c] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, a] = W_a[2 * j + 1, c] = -1.0
            b_a[2 * j + 1] = 1.0
        layers.append((W_a, b_a))
        first = width
        width += 2 * p
        W_b = np.zeros((p, width))
        for j in range(p):
            W_b[j, first + 2 * j] = W_b[j, first + 2 * j + 1] = 1.0
        layers.append((W_b, np.full(p, -2.0)))
        signals = [width + j for j in range(p)] + leftover
        width += p
    return layers


def count_units(layers):
    """Units in all layers: the rows of every W."""
    return int(sum(np.asarray(W).shape[0] for W, _ in layers))
