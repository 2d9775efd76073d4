"""Off-by-one in the pairing: range(0, len(signals), 2) instead of range(0, len(signals) - 1, 2);
with an odd number of signals the last pair reads signals[i + 1] past the end (IndexError
whenever a level has an odd number of signals, e.g. n = 3, 5, 6).

Mistake in `deep_parity`; edited from correct_pure.py.
"""

import numpy as np


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("empty network")
    mats = []
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64).reshape(-1)
        if W.ndim != 2 or b.shape[0] != W.shape[0]:
            raise ValueError("W and b do not match")
        mats.append((W.tolist(), b.tolist(), W.shape[1]))
    outputs = []
    for row in X.tolist():
        z = list(row)
        last = []
        for W, b, cols in mats:
            if cols != len(z):
                raise ValueError("a layer does not fit its inputs")
            last = []
            for u in range(len(W)):
                s = b[u] + sum(W[u][i] * z[i] for i in range(len(z)))
                last.append(1.0 if s >= 0 else 0.0)
            z = z + last
        if len(last) != 1:
            raise ValueError("the last layer must have one unit")
        outputs.append(int(last[0]))
    if len(mats[-1][0]) != 1:
        raise ValueError("the last layer must have one unit")
    return np.array(outputs, dtype=int)


def shallow_network(truth_table):
    raw = np.asarray(truth_table)
    if raw.ndim != 1:
        raise ValueError("truth table must be 1-D")
    m = raw.shape[0]
    n = m.bit_length() - 1
    if n < 1 or 2**n != m:
        raise ValueError("length must be 2**n with n >= 1")
    if not np.isin(raw, (0, 1)).all():
        raise ValueError("truth table must be 0/1")
    table = [int(v) for v in raw.tolist()]
    negate = sum(table) > m // 2
    target = 0 if negate else 1
    patterns = [r for r in range(m) if table[r] == target]
    if not patterns:
        # f is constant: one idle hidden unit, the output's bias alone decides
        constant_one = bool(negate)
        W2 = np.zeros((1, n + 1))
        b2 = np.array([0.0 if constant_one else -1.0])
        return [(np.zeros((1, n)), np.zeros(1)), (W2, b2)]
    rows, biases = [], []
    for r in patterns:
        bits = [int(c) for c in np.binary_repr(r, width=n)]
        rows.append([1.0 if bit else -1.0 for bit in bits])
        biases.append(-float(sum(bits)))
    h = len(patterns)
    out_weight = -1.0 if negate else 1.0
    W2 = np.array([[0.0] * n + [out_weight] * h])
    b2 = np.array([0.0 if negate else -1.0])
    return [(np.array(rows), np.array(biases)), (W2, b2)]


def deep_parity(n):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals), 2)]
        leftover = [signals[-1]] if len(signals) % 2 == 1 else []
        W_a = [[0.0] * width for _ in range(2 * len(pairs))]
        b_a = []
        for j, (p, q) in enumerate(pairs):
            W_a[2 * j][p] = W_a[2 * j][q] = 1.0
            W_a[2 * j + 1][p] = W_a[2 * j + 1][q] = -1.0
            b_a += [-1.0, 1.0]
        layers.append((np.array(W_a), np.array(b_a)))
        first = width
        width += 2 * len(pairs)
        W_b = [[0.0] * width for _ in pairs]
        for j in range(len(pairs)):
            W_b[j][first + 2 * j] = 1.0
            W_b[j][first + 2 * j + 1] = 1.0
        layers.append((np.array(W_b), np.array([-2.0] * len(pairs))))
        signals = [width + j for j in range(len(pairs))] + leftover
        width += len(pairs)
    return layers


def count_units(layers):
    total = 0
    for W, _ in layers:
        total += len(W)
    return total
