"""The column of the j-th XOR output is recorded as width + j - 1 instead of width + j (1-based).

A - 1 too many from the 1-based bookkeeping: each new signal points at the column just before the XOR output (the previous AND unit, or the last NAND unit for j = 1), so the next level XORs the wrong signals.

Mistake in deep_parity (written from correct_matlab.py).
"""

import numpy as np


def threshold_forward(layers, X):
    """Runs the network on every row of X; returns the output unit's 0/1 values."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be a matrix")
    L = len(layers)
    if L == 0:
        raise ValueError("the network has no layers")
    rows = z.shape[0]
    out = np.zeros((rows, 0))
    for k in range(1, L + 1):
        W = np.asarray(layers[k - 1][0], dtype=np.float64)
        b = np.asarray(layers[k - 1][1], dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.ndim != 1 or b.shape[0] != W.shape[0]:
            raise ValueError("layer %d does not fit its inputs" % k)
        units = W.shape[0]
        out = np.zeros((rows, units))
        for i in range(1, rows + 1):
            s = W @ z[i - 1, :].T + b
            for j in range(1, units + 1):
                if s[j - 1] >= 0:
                    out[i - 1, j - 1] = 1
        z = np.hstack((z, out))
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    """One hidden unit per pattern of f (or of not f if f has more ones), then OR (or NOR)."""
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth table must be a vector")
    m = table.shape[0]
    n = 0
    while 2 ** n < m:
        n = n + 1
    if m < 2 or 2 ** n != m:
        raise ValueError("truth table length must be 2^n with n >= 1")
    for r in range(1, m + 1):
        if table[r - 1] != 0 and table[r - 1] != 1:
            raise ValueError("truth table must hold 0s and 1s")
    ones = int(np.sum(table))
    negate = ones > 2 ** (n - 1)
    if negate:
        target = 0
    else:
        target = 1
    h = 0
    for r in range(1, m + 1):
        if table[r - 1] == target:
            h = h + 1
    if h == 0:
        W1 = np.zeros((1, n))
        b1 = np.zeros(1)
        W2 = np.zeros((1, n + 1))
        b2 = np.zeros(1)
        if not negate:
            b2[1 - 1] = -1
        return [(W1, b1), (W2, b2)]
    W1 = np.zeros((h, n))
    b1 = np.zeros(h)
    j = 0
    for r in range(1, m + 1):
        if table[r - 1] == target:
            j = j + 1
            pattern = r - 1
            for i in range(1, n + 1):
                bit = (pattern >> (n - i)) & 1
                W1[j - 1, i - 1] = 2 * bit - 1
                b1[j - 1] = b1[j - 1] - bit
    W2 = np.zeros((1, n + h))
    b2 = np.zeros(1)
    if negate:
        sign = -1
    else:
        sign = 1
    for j in range(1, h + 1):
        W2[1 - 1, n + j - 1] = sign
    if not negate:
        b2[1 - 1] = -1
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    """A tree of XOR blocks (OR and NAND, then AND): 3 units per XOR, n - 1 XORs."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    signals = list(range(1, n + 1))
    width = n
    while len(signals) > 1:
        npairs = len(signals) // 2
        WA = np.zeros((2 * npairs, width))
        bA = np.zeros(2 * npairs)
        for j in range(1, npairs + 1):
            a = signals[2 * j - 2]
            b = signals[2 * j - 1]
            WA[2 * j - 2, a - 1] = 1
            WA[2 * j - 2, b - 1] = 1
            bA[2 * j - 2] = -1
            WA[2 * j - 1, a - 1] = -1
            WA[2 * j - 1, b - 1] = -1
            bA[2 * j - 1] = 1
        layers.append((WA, bA))
        first = width
        width = width + 2 * npairs
        WB = np.zeros((npairs, width))
        bB = -2 * np.ones(npairs)
        for j in range(1, npairs + 1):
            WB[j - 1, first + 2 * j - 2] = 1
            WB[j - 1, first + 2 * j - 1] = 1
        layers.append((WB, bB))
        new_signals = []
        for j in range(1, npairs + 1):
            new_signals.append(width + j - 1)
        if len(signals) % 2 == 1:
            new_signals.append(signals[len(signals) - 1])
        signals = new_signals
        width = width + npairs
    return layers


def count_units(layers):
    """The number of units: the rows of every W."""
    total = 0
    for k in range(1, len(layers) + 1):
        W = np.asarray(layers[k - 1][0])
        total = total + W.shape[0]
    return int(total)
