"""> where >= is meant in the loop that reads a pattern's bits from the most significant down: it
stops before shift 0, so every pattern has n - 1 bits (x_n is missing) and W1 has n - 1 columns:
the network does not fit its n inputs and threshold_forward rejects it.

Mistake in `shallow_network`, written from correct_whileloops.py.
"""

import numpy as np


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError(f"X must be a 2-D array (m, n), got shape {z.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = None
    k = 0
    while k < len(layers):
        W = np.asarray(layers[k][0], dtype=np.float64)
        b = np.asarray(layers[k][1], dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k + 1}: W {W.shape}, b {b.shape} do not fit z {z.shape}")
        out = (z @ W.T + b >= 0).astype(np.float64)
        z = np.hstack([z, out])
        k += 1
    if out.shape[1] != 1:
        raise ValueError(f"the last layer must have one unit, it has {out.shape[1]}")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = 0
    while 2 ** (n + 1) <= m:
        n += 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth_table must be 1-D with length 2^n, n >= 1; got {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    ones = 0
    r = 0
    while r < m:
        ones += int(table[r])
        r += 1
    negate = ones > 2 ** (n - 1)
    target = 0 if negate else 1
    bits = []
    r = 0
    while r < m:
        if table[r] == target:
            pattern = []
            shift = n - 1
            while shift > 0:
                pattern.append((r >> shift) & 1)
                shift -= 1
            bits.append(pattern)
        r += 1
    if not bits:                                       # f is constant
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.0 if negate else -1.0]))]
    P = np.array(bits, dtype=np.float64)
    W1 = 2.0 * P - 1.0
    b1 = -P.sum(axis=1)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, len(bits)), -1.0 if negate else 1.0)])
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n <= 1:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = []
        i = 0
        while i + 1 < len(signals):
            pairs.append((signals[i], signals[i + 1]))
            i += 2
        carry = signals[i:]
        p = len(pairs)
        W_a = np.zeros((2 * p, width))
        b_a = np.zeros(2 * p)
        j = 0
        while j < p:
            a, b = pairs[j]
            W_a[2 * j, [a, b]] = 1.0                 # OR: a + b - 1 >= 0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, [a, b]] = -1.0            # NAND: 1 - a - b >= 0
            b_a[2 * j + 1] = 1.0
            j += 1
        layers.append((W_a, b_a))
        first = width
        width += 2 * p
        W_b = np.zeros((p, width))
        j = 0
        while j < p:
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0     # AND: or + nand - 2 >= 0
            j += 1
        layers.append((W_b, np.full(p, -2.0)))
        signals = [width + j for j in range(p)] + carry
        width += p
    return layers


def count_units(layers):
    total = 0
    k = 0
    while k < len(layers):
        total += np.asarray(layers[k][0]).shape[0]
        k += 1
    return int(total)
