"""The layer's output is the masked pre-activation filled with 0, not the 0/1 step.

filled(0) zeroes the silent units but leaves every firing unit at its sum W z + b instead of 1
(a ReLU, not a threshold unit): the next layers see those sums and the output is int() of a real
number, so networks whose sums are not exactly 0 or 1 compute wrong outputs.

Mistake in `threshold_forward`; written from correct_maskedarray.py.
"""

import numpy as np
import numpy.ma as ma


def threshold_forward(layers, X):
    """Outputs (m,) of the network's last unit on the rows of X."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = np.zeros((z.shape[0], 0))
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("a layer does not fit the signals before it")
        silent = ma.masked_less(z @ W.T + b, 0.0)       # masked: the units that stay at 0
        out = silent.filled(0.0)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    """One hidden layer of pattern units and an OR (or a NOR for the zeros of f)."""
    table = np.asarray(truth_table)
    size = table.shape[0] if table.ndim == 1 else 0
    n = size.bit_length() - 1
    if table.ndim != 1 or n < 1 or size != 2**n:
        raise ValueError("truth_table must have length 2^n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = int(table.sum()) > 2 ** (n - 1)
    rows = ma.masked_array(np.arange(size), mask=table != (0 if negate else 1))
    patterns = (rows.compressed()[:, None] >> np.arange(n - 1, -1, -1)) & 1
    b2 = np.array([0.0 if negate else -1.0])
    if patterns.shape[0] == 0:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), b2)]
    on = ma.masked_equal(patterns, 0)                  # the 1-bits of each pattern
    W1 = np.where(ma.getmaskarray(on), -1.0, 1.0)
    b1 = -on.count(axis=1).astype(np.float64)
    h = patterns.shape[0]
    W2 = np.hstack([np.zeros((1, n)), np.full((1, h), -1.0 if negate else 1.0)])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    """A tree of XOR blocks (OR and NAND, then AND): 3(n - 1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = []
    signals = np.arange(n)
    width = n
    while len(signals) > 1:
        k = len(signals) // 2
        in_pair = ma.masked_array(signals, mask=np.arange(len(signals)) >= 2 * k)
        pairs = in_pair.compressed().reshape(k, 2)
        carry = signals[ma.getmaskarray(in_pair)]
        W_a = np.zeros((2 * k, width))
        b_a = np.zeros(2 * k)
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, [a, b]] = -1.0
            b_a[2 * j + 1] = 1.0
        layers.append((W_a, b_a))
        first = width
        width += 2 * k
        W_b = np.zeros((k, width))
        for j in range(k):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        layers.append((W_b, np.full(k, -2.0)))
        signals = np.concatenate([width + np.arange(k), carry])
        width += k
    return layers


def count_units(layers):
    """The number of units in all layers."""
    return int(sum(np.asarray(W).shape[0] for W, _ in layers))
