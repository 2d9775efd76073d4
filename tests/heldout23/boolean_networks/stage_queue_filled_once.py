"""(deque) The queue of stages (the layers) is filled once, before the loop over the input
patterns, instead of once per pattern: the first pattern drains it, every later pattern goes
through no layer at all and gets the output left over from the first one, so every entry of the
result is the network's output on the first row of X.

One mistake in `threshold_forward`, written from correct_deque.py.
"""

from collections import deque

import numpy as np

_UNITS = deque()                 # (weights, bias) of the pattern units, reused between calls


def threshold_forward(layers, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D array (m, n), got shape {X.shape}")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    checked = deque()
    width = X.shape[1]
    for k, (W, b) in enumerate(layers, start=1):
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != width or b.shape != (W.shape[0],):
            raise ValueError(f"layer {k}: W {W.shape}, b {b.shape} do not fit {width} columns")
        checked.append((W, b))
        width += W.shape[0]
    if checked[-1][0].shape[0] != 1:
        raise ValueError("the last layer must have one unit")
    pending = deque(X)
    results = deque()
    stages = deque()
    stages.extend(checked)                               # every pattern goes through every layer
    while pending:
        z = pending.popleft()
        while stages:
            W, b = stages.popleft()
            fired = (W @ z + b >= 0).astype(np.float64)
            z = np.concatenate([z, fired])
        results.append(int(fired[0]))
    return np.array(results, dtype=int).reshape(X.shape[0])


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError(f"truth_table must be 1-D with length 2^n, n >= 1; got {table.shape}")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = int(table.sum()) > 2 ** (n - 1)
    target = 0 if negate else 1
    rows = deque(r for r in range(m) if table[r] == target)
    _UNITS.clear()
    while rows:
        r = rows.popleft()
        bits = np.array([(r >> s) & 1 for s in range(n - 1, -1, -1)], dtype=np.float64)
        _UNITS.append((2 * bits - 1, -bits.sum()))
    if not _UNITS:
        W1, b1 = np.zeros((1, n)), np.zeros(1)
        W2 = np.zeros((1, n + 1))
        return [(W1, b1), (W2, np.array([0.0 if negate else -1.0]))]
    W1 = np.array([weights for weights, _ in _UNITS])
    b1 = np.array([bias for _, bias in _UNITS])
    h = len(_UNITS)
    W2 = np.concatenate([np.zeros(n), np.full(h, -1.0 if negate else 1.0)])[None, :]
    return [(W1, b1), (W2, np.array([0.0 if negate else -1.0]))]


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"deep_parity needs an int n >= 2, got {n!r}")
    layers = []
    queue = deque(range(n))
    width = n
    while len(queue) > 1:
        a = queue.popleft()
        b = queue.popleft()
        W_a = np.zeros((2, width))
        W_a[0, [a, b]] = 1.0                             # OR
        W_a[1, [a, b]] = -1.0                            # NAND
        layers.append((W_a, np.array([-1.0, 1.0])))
        W_b = np.zeros((1, width + 2))
        W_b[0, [width, width + 1]] = 1.0                 # AND of OR and NAND
        layers.append((W_b, np.array([-2.0])))
        queue.append(width + 2)                          # the XOR's column in z
        width += 3
    return layers


def count_units(layers):
    pending = deque(layers)
    ids = deque()
    while pending:
        W, _b = pending.popleft()
        ids.extend(range(np.asarray(W).shape[0]))
    return len(ids)
