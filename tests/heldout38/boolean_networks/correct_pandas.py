"""Threshold networks written with pandas: the signals a layer sees are the columns of a growing
DataFrame (x1..xn, then one column per unit), a truth table is a DataFrame of bit columns and an
`f` column, and the parity tree keeps its weights as DataFrames labelled by signal name; numpy
arrays at the API boundary.

Correct solution (style: pandas).
"""

import numpy as np
import pandas as pd


def threshold_forward(layers, X):
    """The signals DataFrame gains one column per unit, layer by layer; the last unit's column."""
    values = np.asarray(X, dtype=np.float64)
    if values.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs a layer")
    signals = pd.DataFrame(values, columns=[f"x{i + 1}" for i in range(values.shape[1])])
    names: list[str] = []
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != signals.shape[1] or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k} does not fit the signals it sees")
        names = [f"L{k}u{j}" for j in range(W.shape[0])]
        fired = (signals.to_numpy() @ W.T + b >= 0).astype(np.float64)
        signals = pd.concat([signals, pd.DataFrame(fired, columns=names)], axis=1)
    if len(names) != 1:
        raise ValueError("the last layer must have one unit")
    return signals[names[0]].to_numpy().astype(int)


def _truth_frame(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2 ** n:
        raise ValueError("a truth table has length 2^n with n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("a truth table holds 0s and 1s")
    rows = pd.Series(range(m))
    frame = pd.DataFrame({f"x{i + 1}": (rows // 2 ** (n - 1 - i)) % 2 for i in range(n)})
    frame["f"] = table.astype(int)
    return frame, n


def shallow_network(truth_table):
    """One pattern unit per row of the table where f (or not f) is 1; OR (or NOR) at the output."""
    frame, n = _truth_frame(truth_table)
    bit_cols = [f"x{i + 1}" for i in range(n)]
    negate = frame["f"].sum() > len(frame) // 2
    chosen = frame.loc[frame["f"] == (0 if negate else 1), bit_cols]
    if chosen.empty:
        W1, b1 = np.zeros((1, n)), np.zeros(1)
        W2 = np.zeros((1, n + 1))
        return [(W1, b1), (W2, np.array([0.0 if negate else -1.0]))]
    W1 = (2 * chosen - 1).to_numpy(dtype=np.float64)
    b1 = -chosen.sum(axis=1).to_numpy(dtype=np.float64)
    h = len(chosen)
    out = pd.Series(0.0, index=bit_cols + [f"h{j}" for j in range(h)])
    out.iloc[n:] = -1.0 if negate else 1.0
    W2 = out.to_numpy(dtype=np.float64)[None, :]
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    """XOR blocks over pairs of signals, level by level, weights as labelled DataFrames."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    columns = [f"x{i + 1}" for i in range(n)]
    pending = list(columns)
    layers = []
    level = 0
    while len(pending) > 1:
        level += 1
        pairs = [(pending[i], pending[i + 1]) for i in range(0, len(pending) - 1, 2)]
        carry = pending[-1:] if len(pending) % 2 else []
        first = pd.DataFrame(0.0, index=range(2 * len(pairs)), columns=columns)
        b_first = pd.Series(0.0, index=first.index)
        for j, (a, b) in enumerate(pairs):
            first.loc[2 * j, [a, b]] = 1.0
            b_first[2 * j] = -1.0
            first.loc[2 * j + 1, [a, b]] = -1.0
            b_first[2 * j + 1] = 1.0
        layers.append((first.to_numpy(), b_first.to_numpy()))
        new = []
        for j in range(len(pairs)):
            new += [f"or{level}_{j}", f"nand{level}_{j}"]
        columns = columns + new
        second = pd.DataFrame(0.0, index=range(len(pairs)), columns=columns)
        for j in range(len(pairs)):
            second.loc[j, [f"or{level}_{j}", f"nand{level}_{j}"]] = 1.0
        layers.append((second.to_numpy(), np.full(len(pairs), -2.0)))
        xors = [f"xor{level}_{j}" for j in range(len(pairs))]
        columns = columns + xors
        pending = xors + carry
    return layers


def count_units(layers):
    """A DataFrame of the layer shapes; its units column summed."""
    shapes = pd.DataFrame([np.asarray(W).shape for W, _ in layers], columns=["units", "inputs"])
    return int(shapes["units"].sum())
