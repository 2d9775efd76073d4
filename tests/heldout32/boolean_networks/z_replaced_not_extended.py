"""Each layer's outputs replace z instead of being appended to it.

The next layer sees only the previous layer's outputs, not [x, earlier outputs]: its W has more
columns than z, and numpy raises a ValueError for any network of two or more layers.

Single mistake in threshold_forward; written from correct_online.
"""

import numpy as np


def _forward_one(layers, x):
    """The network on one input vector; returns the last layer's outputs."""
    z = x
    out = np.zeros(0)
    for W, b in layers:
        out = (W @ z + b >= 0).astype(np.float64)
        z = out
    return out


def threshold_forward(layers, X):
    """Outputs (m,) of the network's last unit, one sample at a time."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    width = X.shape[1]
    checked = []
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != width or b.shape != (W.shape[0],):
            raise ValueError("a layer does not fit its input")
        checked.append((W, b))
        width += W.shape[0]
    if checked[-1][0].shape[0] != 1:
        raise ValueError("the last layer must have one unit")
    result = np.zeros(X.shape[0], dtype=int)
    for r in range(X.shape[0]):
        result[r] = int(_forward_one(checked, X[r])[0])
    return result


def shallow_network(truth_table):
    """Pattern units for the ones of f (or for its zeros, then a NOR), in one pass."""
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError("truth_table must have length 2**n, n >= 1")
    ones, zeros = [], []
    for r in range(m):
        value = table[r]
        if value != 0 and value != 1:
            raise ValueError("truth_table must hold only 0s and 1s")
        bits = [(r >> (n - 1 - i)) & 1 for i in range(n)]
        (ones if value == 1 else zeros).append(bits)
    negate = len(ones) > 2 ** (n - 1)
    patterns = zeros if negate else ones
    if not patterns:
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.0 if negate else -1.0]))]
    W1 = np.zeros((len(patterns), n))
    b1 = np.zeros(len(patterns))
    for u, bits in enumerate(patterns):
        for i in range(n):
            W1[u, i] = 1.0 if bits[i] else -1.0
            b1[u] -= bits[i]
    W2 = np.zeros((1, n + len(patterns)))
    W2[0, n:] = -1.0 if negate else 1.0
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


def deep_parity(n):
    """Running parity: XOR the parity so far with the next input, 3 units per input after x1."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = []
    parity = 0          # the column of z holding the parity of x1..xi
    width = n
    for i in range(1, n):
        W_a = np.zeros((2, width))
        W_a[0, [parity, i]] = 1.0           # OR
        W_a[1, [parity, i]] = -1.0          # NAND
        layers.append((W_a, np.array([-1.0, 1.0])))
        W_b = np.zeros((1, width + 2))
        W_b[0, [width, width + 1]] = 1.0    # AND of the two
        layers.append((W_b, np.array([-2.0])))
        parity = width + 2
        width += 3
    return layers


def count_units(layers):
    """A running total of the units of every layer."""
    total = 0
    for W, _ in layers:
        total += np.asarray(W).shape[0]
    return total
