"""count_units adds len(W.shape), the number of dimensions of W, instead of W.shape[0].

Every layer counts as 2 units, so count_units returns twice the number of layers.

Single mistake in count_units; written from correct_reflection.
"""

import operator

import numpy as np

_UNITS = {
    "or": (1.0, -1.0),
    "nand": (-1.0, 1.0),
    "and": (1.0, -2.0),
}
_OUTPUTS = {
    False: {"weight": 1.0, "bias": -1.0},   # OR of the pattern units
    True: {"weight": -1.0, "bias": 0.0},    # NOR of the pattern units
}
_FIRE = operator.methodcaller("astype", np.float64)
_NUMPY = {"stack": "hstack"}


def threshold_forward(layers, X):
    """Outputs (m,) of the network's last unit on the rows of X."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be a 2-D array")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    stack = getattr(np, _NUMPY["stack"])
    out = np.zeros((z.shape[0], 0))
    for W, b in layers:
        W = np.asarray(W, dtype=np.float64)
        b = np.asarray(b, dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("a layer does not fit its input")
        out = _FIRE(operator.ge(z @ W.T + b, 0))
        z = stack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return operator.methodcaller("astype", int)(out[:, 0])


def shallow_network(truth_table):
    """One pattern unit per one of f (or per zero, then a NOR), and the output unit by name."""
    table = np.asarray(truth_table)
    m = table.shape[0] if table.ndim == 1 else 0
    n = m.bit_length() - 1
    if table.ndim != 1 or n < 1 or m != 2**n:
        raise ValueError("truth_table must have length 2**n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = bool(table.sum() > 2 ** (n - 1))
    output = _OUTPUTS[negate]
    rows = np.flatnonzero(table == (0 if negate else 1))
    if len(rows) == 0:
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([output["bias"]]))]
    bits = (rows[:, None] >> np.arange(n - 1, -1, -1)) & 1
    W1 = (2.0 * bits - 1.0)
    b1 = -bits.sum(axis=1).astype(np.float64)
    W2 = np.hstack([np.zeros((1, n)), np.full((1, len(rows)), output["weight"])])
    return [(W1, b1), (W2, np.array([output["bias"]]))]


def deep_parity(n):
    """A tree of XOR blocks (OR and NAND, then AND), each unit built from _UNITS by name."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = list(zip(signals[0::2], signals[1::2]))
        carry = signals[-1:] if len(signals) % 2 else []
        W_a = np.zeros((2 * len(pairs), width))
        b_a = np.zeros(2 * len(pairs))
        for j, pair in enumerate(pairs):
            for k, name in enumerate(("or", "nand")):
                weight, bias = _UNITS[name]
                W_a[2 * j + k, list(pair)] = weight
                b_a[2 * j + k] = bias
        layers.append((W_a, b_a))
        first = width
        width += 2 * len(pairs)
        weight, bias = _UNITS["and"]
        W_b = np.zeros((len(pairs), width))
        b_b = np.full(len(pairs), bias)
        for j in range(len(pairs)):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = weight
        layers.append((W_b, b_b))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    """The number of units: the rows of every W, read through attrgetter."""
    rows = operator.attrgetter("shape")
    return int(sum(len(rows(np.asarray(W))) for W, _ in layers))
