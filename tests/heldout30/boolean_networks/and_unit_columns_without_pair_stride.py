"""The AND unit of block j reads columns first + j and first + j + 1 instead of first + 2j and first + 2j + 1.

From the second block of a level on, the AND combines the NAND of one pair with the OR of the
next, so parity is wrong for n >= 4.

Single mistake in deep_parity; written from correct_eafp.
"""

import operator

import numpy as np

BIT = {0: 0, 1: 1}
OUTPUT = {False: (1.0, -1.0), True: (-1.0, 0.0)}  # negate -> (output weight, output bias)


def threshold_forward(layers, X):
    """Outputs (m,) of the network's last unit on the rows of X."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be a 2-D array (m, n)")
    try:
        layers[0]
    except (IndexError, KeyError, TypeError) as err:
        raise ValueError("a network needs at least one layer") from err
    out = None
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        try:
            units, width = W.shape
        except ValueError as err:
            raise ValueError(f"layer {k}: W must be 2-D") from err
        if width != z.shape[1] or b.shape != (units,):
            raise ValueError(f"layer {k}: W {W.shape}, b {b.shape} do not fit z")
        out = (z @ W.T + b >= 0).astype(np.float64)
        z = np.hstack([z, out])
    try:
        (column,) = out.T
    except ValueError as err:
        raise ValueError("the last layer must have one unit") from err
    return column.astype(int)


def shallow_network(truth_table):
    """One hidden layer of pattern units for the ones of f (or of not f) and an OR (or NOR)."""
    table = np.asarray(truth_table)
    try:
        (m,) = table.shape
    except ValueError as err:
        raise ValueError("truth_table must be 1-D") from err
    n = m.bit_length() - 1
    if n < 1 or m != 2**n:
        raise ValueError("truth_table must have length 2**n, n >= 1")
    try:
        values = [BIT[v] for v in table.tolist()]
    except (KeyError, TypeError) as err:
        raise ValueError("truth_table must hold only 0s and 1s") from err
    negate = sum(values) > m // 2
    weight, bias = OUTPUT[negate]
    patterns = [r for r, v in enumerate(values) if v == (0 if negate else 1)]
    if not patterns:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), np.array([bias]))]
    bits = np.array([[(r >> (n - 1 - i)) & 1 for i in range(n)] for r in patterns],
                    dtype=np.float64)
    W1 = 2.0 * bits - 1.0
    b1 = -bits.sum(axis=1)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, len(patterns)), weight)])
    return [(W1, b1), (W2, np.array([bias]))]


def deep_parity(n):
    """A tree of XOR blocks (OR and NAND, then AND): 3(n - 1) units."""
    try:
        n = operator.index(n)
    except TypeError as err:
        raise ValueError(f"n must be an int, got {n!r}") from err
    if n < 2:
        raise ValueError("deep_parity needs n >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = list(zip(signals[0::2], signals[1::2]))
        try:
            carry = [signals[2 * len(pairs)]]
        except IndexError:
            carry = []
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.zeros(2 * len(pairs))
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, [a, b]] = -1.0
            b_a[2 * j + 1] = 1.0
        layers.append((W_a, b_a))
        first = width
        width += 2 * len(pairs)
        W_b = np.zeros((len(pairs), width))
        for j in range(len(pairs)):
            W_b[j, [first + j, first + j + 1]] = 1.0
        layers.append((W_b, np.full(len(pairs), -2.0)))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    """The number of units in all layers."""
    total = 0
    for W, _ in layers:
        try:
            total += W.shape[0]
        except AttributeError:
            total += len(W)
    return int(total)
