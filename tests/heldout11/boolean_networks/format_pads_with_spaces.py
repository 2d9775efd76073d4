"""The bit strings are formatted with f"{n}b" (width n, padded with SPACES) instead of f"0{n}b":
for every row r < 2^(n-1) the leading characters are spaces and int(" ") raises ValueError.

Mistake in `shallow_network`; written in the style of correct_comprehension.py.
"""

import numpy as np


def threshold_forward(layers, X):
    if np.ndim(X) != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("no layers")
    plain = [([list(map(float, row)) for row in np.asarray(W).tolist()],
              [float(v) for v in np.asarray(b).ravel().tolist()]) for W, b in layers]
    results = []
    for x in np.asarray(X, dtype=float).tolist():
        z = list(x)
        fired = []
        for W, b in plain:
            if len(W) != len(b) or any(len(row) != len(z) for row in W):
                raise ValueError("layer shapes do not fit")
            fired = [1 if sum(wi * zi for wi, zi in zip(row, z)) + bj >= 0 else 0
                     for row, bj in zip(W, b)]
            z = z + fired
        if len(fired) != 1:
            raise ValueError("the last layer must have one unit")
        results.append(fired[0])
    return np.array(results, dtype=int)


def shallow_network(truth_table):
    table = [int(v) for v in np.asarray(truth_table).ravel().tolist()]
    if np.ndim(truth_table) != 1 or len(table) < 2:
        raise ValueError("truth table must be 1-D of length 2^n")
    n = len(table).bit_length() - 1
    if len(table) != 2 ** n or any(v not in (0, 1) for v in table):
        raise ValueError("truth table must hold 2^n zeros and ones")
    negate = sum(table) > 2 ** (n - 1)
    wanted = 0 if negate else 1
    patterns = [[int(c) for c in format(r, f"{n}b")] for r, v in enumerate(table) if v == wanted]
    out_bias = [0.0 if negate else -1.0]
    if not patterns:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), np.array(out_bias))]
    W1 = [[1.0 if bit else -1.0 for bit in p] for p in patterns]
    b1 = [-float(sum(p)) for p in patterns]
    W2 = [[0.0] * n + [-1.0 if negate else 1.0] * len(patterns)]
    return [(np.array(W1), np.array(b1)), (np.array(W2), np.array(out_bias))]


def deep_parity(n):
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    acc = 0
    width = n
    for i in range(1, n):
        or_row = [1.0 if c in (acc, i) else 0.0 for c in range(width)]
        nand_row = [-1.0 if c in (acc, i) else 0.0 for c in range(width)]
        layers.append((np.array([or_row, nand_row]), np.array([-1.0, 1.0])))
        width += 2
        and_row = [1.0 if c in (width - 2, width - 1) else 0.0 for c in range(width)]
        layers.append((np.array([and_row]), np.array([-2.0])))
        acc = width
        width += 1
    return layers


def count_units(layers):
    return sum(len(np.asarray(W)) for W, _ in layers)
