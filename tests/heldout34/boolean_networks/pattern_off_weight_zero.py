"""The pattern units are built with off=0.0 instead of off=-1.0: the zeros of a pattern get weight 0.

A unit then fires whenever every 1 of its pattern is on, whatever the other inputs are: it
recognises all supersets of the pattern, so the OR (or NOR) of the units is wrong for most f.

Graded: shallow_network; written from correct_kwargs.py.
"""

import functools

import numpy as np

GATES = {
    "or": {"weight": 1.0, "bias": -1.0},
    "nand": {"weight": -1.0, "bias": 1.0},
    "and": {"weight": 1.0, "bias": -2.0},
}
OUTPUTS = {
    "or": {"weight": 1.0, "bias": -1.0},
    "nor": {"weight": -1.0, "bias": 0.0},
}


def _layer_out(z, W, b, *, fire_at=0.0):
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
        raise ValueError("a layer does not fit the signals before it")
    return (z @ W.T + b >= fire_at).astype(np.float64)


def threshold_forward(layers, X):
    """The outputs (m,) of the network's last unit on the rows of X."""
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    fire = functools.partial(_layer_out, fire_at=0.0)
    for W, b in layers:
        out = fire(z, W, b)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def _bits_of(r, *, n):
    return [(r >> (n - 1 - i)) & 1 for i in range(n)]


def _pattern_unit(bits, *, on=1.0, off=-1.0):
    weights = [on if bit else off for bit in bits]
    return weights, -float(sum(bits))


def _output_unit(*, n, hidden, weight, bias):
    W = np.zeros((1, n + hidden))
    W[0, n:] = weight
    return W, np.array([bias])


def shallow_network(truth_table):
    """One hidden layer of pattern units and an OR (or a NOR for the negation of f)."""
    table = np.asarray(truth_table)
    size = table.shape[0] if table.ndim == 1 else 0
    n = size.bit_length() - 1
    if table.ndim != 1 or n < 1 or size != 2**n:
        raise ValueError("truth_table must have length 2^n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = int(table.sum()) > 2 ** (n - 1)
    output = OUTPUTS["nor" if negate else "or"]
    rows = [r for r in range(2**n) if table[r] == (0 if negate else 1)]
    if not rows:
        return [(np.zeros((1, n)), np.zeros(1)),
                _output_unit(n=n, hidden=1, weight=0.0, bias=output["bias"])]
    units = [_pattern_unit(_bits_of(r, n=n), on=1.0, off=0.0) for r in rows]
    W1 = np.array([weights for weights, _ in units])
    b1 = np.array([bias for _, bias in units])
    return [(W1, b1), _output_unit(n=n, hidden=len(rows), **output)]


def _gate_row(*, width, cols, weight, bias):
    row = np.zeros(width)
    row[list(cols)] = weight
    return row, bias


def _layer(rows):
    return np.array([row for row, _ in rows]), np.array([bias for _, bias in rows])


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
        first_rows = []
        for pair in pairs:
            first_rows.append(_gate_row(width=width, cols=pair, **GATES["or"]))
            first_rows.append(_gate_row(width=width, cols=pair, **GATES["nand"]))
        layers.append(_layer(first_rows))
        first = width
        width += 2 * len(pairs)
        second_rows = [_gate_row(width=width, cols=(first + 2 * j, first + 2 * j + 1),
                                 **GATES["and"]) for j in range(len(pairs))]
        layers.append(_layer(second_rows))
        signals = [width + j for j in range(len(pairs))] + carry
        width += len(pairs)
    return layers


def count_units(layers):
    """The number of units in all layers."""
    return int(sum(np.asarray(W).shape[0] for W, _ in layers))
