"""The network's output is read as the first entry of the dict of ALL signals instead of the dict
of the last layer's outputs: that first entry is the input x1, so threshold_forward returns x1
for every network.

Mistake in `threshold_forward`, written from correct_dicts.py.
"""

import numpy as np

OUTPUT = {False: {"weight": 1.0, "bias": -1.0},     # OR of the pattern units
          True: {"weight": -1.0, "bias": 0.0}}      # NOR of the units of f's zeros
UNIT = {"or": {"weight": 1.0, "bias": -1.0}, "nand": {"weight": -1.0, "bias": 1.0}}
AND = {"weight": 1.0, "bias": -2.0}


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (m, n), got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    m, n = X.shape
    columns = {f"x{j + 1}": X[:, j] for j in range(n)}
    out = {}
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != len(columns) or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape}, b {b.shape} do not fit {len(columns)} signals")
        z = np.column_stack(list(columns.values())) if columns else np.zeros((m, 0))
        s = z @ W.T + b
        out = {f"h{k}_{u + 1}": (s[:, u] >= 0).astype(np.float64) for u in range(W.shape[0])}
        columns.update(out)
    if len(out) != 1:
        raise ValueError(f"the last layer must have one unit, it has {len(out)}")
    return next(iter(columns.values())).astype(int)


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth_table must be 1-D with length 2^n, n >= 1; got {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    rows = {r: int(table[r]) for r in range(m)}
    negate = sum(rows.values()) > m // 2
    target = 0 if negate else 1
    patterns = {r: [(r >> (n - 1 - i)) & 1 for i in range(n)]
                for r, value in rows.items() if value == target}
    output = OUTPUT[negate]
    if not patterns:                                  # f is constant
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([output["bias"]]))]
    bits = np.array(list(patterns.values()), dtype=np.float64)
    W1 = 2.0 * bits - 1.0
    b1 = -bits.sum(axis=1)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, len(patterns)), output["weight"])])
    b2 = np.array([output["bias"]])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    signals = {f"x{i + 1}": i for i in range(n)}       # name -> column of z
    width = n
    layers = {}
    level = 0
    while len(signals) > 1:
        level += 1
        names = list(signals)
        pairs = [(names[i], names[i + 1]) for i in range(0, len(names) - 1, 2)]
        carry = {names[-1]: signals[names[-1]]} if len(names) % 2 else {}
        rows = {(j, gate): np.zeros(width) for j in range(len(pairs)) for gate in UNIT}
        for (j, gate), row in rows.items():
            a, b = pairs[j]
            row[[signals[a], signals[b]]] = UNIT[gate]["weight"]
        b_a = np.array([UNIT[gate]["bias"] for _, gate in rows])
        layers[f"gates{level}"] = (np.array(list(rows.values())), b_a)
        first = width
        width += len(rows)
        W_b = np.zeros((len(pairs), width))
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = AND["weight"]
        layers[f"xor{level}"] = (W_b, np.full(len(pairs), AND["bias"]))
        new = {f"xor{level}_{j + 1}": width + j for j in range(len(pairs))}
        width += len(pairs)
        signals = {**new, **carry}
    return list(layers.values())


def count_units(layers):
    sizes = {k: np.asarray(W).shape[0] for k, (W, _) in enumerate(layers)}
    return int(sum(sizes.values()))
