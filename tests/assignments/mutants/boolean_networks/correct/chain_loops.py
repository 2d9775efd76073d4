"""A correct solution in another style: a loop-based forward pass, scaled weights with
half-integer biases, a chain of XORs built as (a AND NOT b) OR (b AND NOT a), and a shallow
network that is exact on parity with n count units instead of 2ⁿ⁻¹."""

import numpy as np


def threshold_forward(layers, X):
    outputs = []
    for x in np.asarray(X):
        z = [float(v) for v in x]
        last = []
        for W, b in layers:
            last = [1 if sum(w * v for w, v in zip(row, z, strict=True)) + bj >= 0 else 0
                    for row, bj in zip(np.asarray(W).tolist(), np.asarray(b).tolist(),
                                       strict=True)]
            z = z + [float(v) for v in last]
        outputs.append(last[0])
    return outputs


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    n = len(table).bit_length() - 1
    if len(table) != 2**n or n < 1:
        raise ValueError("length must be 2**n")
    inputs = (np.arange(2**n)[:, None] >> np.arange(n - 1, -1, -1)) & 1
    if np.array_equal(table, inputs.sum(axis=1) % 2) and n >= 2:
        # parity from counts: h_k = [Σx >= k], output = [h_1 − h_2 + h_3 − ... >= 1]
        W1 = np.ones((n, n))
        b1 = -np.arange(1, n + 1, dtype=float)
        signs = np.array([(-1.0) ** k for k in range(n)])
        return [(W1, b1), (np.concatenate([np.zeros(n), signs])[None, :], np.array([-0.5]))]
    target = 1 if table.sum() <= 2 ** (n - 1) else 0
    rows = [r for r in range(2**n) if table[r] == target] or [0]
    W1 = np.array([[4.0 if inputs[r][i] else -4.0 for i in range(n)] for r in rows])
    b1 = np.array([-4.0 * inputs[r].sum() + 2.0 for r in rows])
    h = len(rows)
    if not (table == target).any():  # constant function
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.5 if target == 0 else -0.5]))]
    sign = 1.0 if target == 1 else -1.0
    W2 = np.concatenate([np.zeros(n), sign * np.ones(h)])[None, :]
    return [(W1, b1), (W2, np.array([-0.5 if target == 1 else 0.5]))]


def deep_parity(n):
    if n < 2:
        raise ValueError("n >= 2")
    layers = []
    width = n
    signal = 0
    for k in range(1, n):
        a, b = signal, k
        W = np.zeros((2, width))
        W[0, a], W[0, b] = 1.0, -1.0  # a AND NOT b: a − b − 0.5 >= 0
        W[1, a], W[1, b] = -1.0, 1.0  # b AND NOT a
        layers.append((W, np.array([-0.5, -0.5])))
        width += 2
        W = np.zeros((1, width))
        W[0, width - 2:] = 1.0  # OR of the two
        layers.append((W, np.array([-0.5])))
        signal = width
        width += 1
    return layers


def count_units(layers):
    return sum(len(b) for _, b in layers)
