"""The rows of the identity are picked with the tuple of columns itself instead of a list.

np.eye(width)[(a, b)] is a two-dimensional INDEX, the single entry at row a and column b (a
number), not the rows a and b: every "row" of the OR/NAND and AND layers is a number, so
deep_parity returns layers whose W is a 1-D array instead of a (units, width) matrix, and the
network does not fit its inputs for any n.

Mistake in `deep_parity`; written from correct_immutable.py.
"""

import numpy as np


def frozen(values, dtype=np.float64):
    """A read-only copy of values."""
    out = np.array(values, dtype=dtype)
    out.setflags(write=False)
    return out


def threshold_forward(layers, X):
    """Outputs (m,) of the network's last unit on the rows of X."""
    z = frozen(X)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    if len(layers) == 0:
        raise ValueError("a network needs at least one layer")
    out = frozen(np.zeros((z.shape[0], 0)))
    for W, b in layers:
        W = frozen(W)
        b = frozen(b)
        if W.ndim != 2 or W.shape[1] != z.shape[1] or b.shape != (W.shape[0],):
            raise ValueError("a layer does not fit the signals before it")
        out = frozen(z @ W.T + b >= 0)
        z = frozen(np.concatenate([z, out], axis=1))
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


def bits_of(rows, n):
    """The n bits (x1 most significant) of each row number."""
    return frozen((np.asarray(rows)[:, None] >> np.arange(n - 1, -1, -1)) & 1, dtype=int)


def shallow_network(truth_table):
    """One hidden layer of pattern units and an OR (or a NOR for the zeros of f)."""
    table = frozen(truth_table, dtype=None)
    size = table.shape[0] if table.ndim == 1 else 0
    n = size.bit_length() - 1
    if table.ndim != 1 or n < 1 or size != 2**n:
        raise ValueError("truth_table must have length 2^n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = int(np.sum(table)) > 2 ** (n - 1)
    target = 0 if negate else 1
    patterns = bits_of(np.flatnonzero(table == target), n)
    out_bias = frozen([0.0 if negate else -1.0])
    if patterns.shape[0] == 0:
        hidden = (frozen(np.zeros((1, n))), frozen(np.zeros(1)))
        output = (frozen(np.zeros((1, n + 1))), out_bias)
        return [hidden, output]
    h = patterns.shape[0]
    W1 = frozen(2 * patterns - 1)
    b1 = frozen(-np.sum(patterns, axis=1))
    W2 = frozen(np.concatenate([np.zeros((1, n)), np.full((1, h), -1.0 if negate else 1.0)],
                               axis=1))
    return [(W1, b1), (W2, out_bias)]


def one_hot_row(columns, width):
    """A read-only row with 1 at each of the given columns."""
    return frozen(np.sum(np.eye(width)[columns], axis=0))


def deep_parity(n):
    """A tree of XOR blocks (OR and NAND, then AND): 3(n - 1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    layers = ()
    signals = tuple(range(n))
    width = n
    while len(signals) > 1:
        pairs = tuple(zip(signals[0::2], signals[1::2]))
        carry = signals[2 * len(pairs):]
        rows = tuple(sign * one_hot_row(pair, width) for pair in pairs for sign in (1.0, -1.0))
        biases = tuple(bias for _ in pairs for bias in (-1.0, 1.0))
        layers = (*layers, (frozen(np.stack(rows)), frozen(biases)))
        first = width
        width = width + 2 * len(pairs)
        and_rows = tuple(one_hot_row((first + 2 * j, first + 2 * j + 1), width)
                         for j in range(len(pairs)))
        layers = (*layers, (frozen(np.stack(and_rows)), frozen(np.full(len(pairs), -2.0))))
        signals = (*tuple(width + j for j in range(len(pairs))), *carry)
        width = width + len(pairs)
    return list(layers)


def count_units(layers):
    """The number of units in all layers."""
    return int(sum(np.shape(W)[0] for W, _ in layers))
