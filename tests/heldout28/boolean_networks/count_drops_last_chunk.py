"""The chunks of layers run over range(0, len(layers) - 2, 2): the last chunk of two layers is never counted.

The units of the last two layers are left out: a shallow network counts 0 units and the parity
tree misses its last XOR level.

Single mistake in count_units; written from correct_chunked.
"""

import numpy as np

ROWS = 3
PATTERNS = 4


def _forward_block(layers, block):
    z = block
    out = np.zeros((block.shape[0], 0))
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("a layer's W and b do not fit its input")
        out = (z @ W.T + b >= 0).astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0]


def threshold_forward(layers, X):
    """Outputs (m,) of 0/1 of the network's last unit, ROWS rows at a time."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    m = X.shape[0]
    result = np.zeros(m, dtype=int)
    for start in range(0, max(m, 1), ROWS):
        result[start:start + ROWS] = _forward_block(layers, X[start:start + ROWS])
    return result


def shallow_network(truth_table):
    """Two layers: one unit per pattern of f (or of not f) and an OR (or NOR) output."""
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2 ** n:
        raise ValueError("truth_table must have length 2**n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = int(table.sum()) > 2 ** (n - 1)
    patterns = np.flatnonzero(table == (0 if negate else 1))
    h = len(patterns)
    if h == 0:
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.0 if negate else -1.0]))]
    shifts = np.arange(n - 1, -1, -1)
    W_parts, b_parts = [], []
    for start in range(0, h, PATTERNS):
        rows = patterns[start:start + PATTERNS]
        bits = (rows[:, None] >> shifts) & 1
        W_parts.append((2 * bits - 1).astype(np.float64))
        b_parts.append(-bits.sum(axis=1).astype(np.float64))
    W1 = np.concatenate(W_parts, axis=0)
    b1 = np.concatenate(b_parts)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, W1.shape[0]), -1.0 if negate else 1.0)])
    return [(W1, b1), (W2, np.array([0.0 if negate else -1.0]))]


def deep_parity(n):
    """A tree of XOR blocks (OR and NAND, then AND) over chunks of two signals."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [signals[start:start + 2] for start in range(0, len(signals) - 1, 2)]
        carry = signals[2 * len(pairs):]
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.zeros(2 * len(pairs))
        for j, pair in enumerate(pairs):
            W_a[2 * j, pair] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, pair] = -1.0
            b_a[2 * j + 1] = 1.0
        layers.append((W_a, b_a))
        first = width
        width += 2 * len(pairs)
        W_b = np.zeros((len(pairs), width))
        for j in range(len(pairs)):
            W_b[j, first + 2 * j:first + 2 * j + 2] = 1.0
        layers.append((W_b, np.full(len(pairs), -2.0)))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    """The number of units in all layers, counted two layers at a time."""
    total = 0
    for start in range(0, len(layers) - 2, 2):
        total += sum(np.asarray(W).shape[0] for W, _ in layers[start:start + 2])
    return int(total)
