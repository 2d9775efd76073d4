"""count_units counts the entries of every W (np.size) instead of its rows.

np.shape(W)[0] is written np.size(W): the result is the number of weights, units times inputs,
not the number of units.

Single mistake in count_units; written from correct_decorators.
"""

import functools

import numpy as np


def as_float_array(fn):
    """Hands fn its X (the last argument) as a float64 matrix."""
    @functools.wraps(fn)
    def wrapper(layers, X):
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2:
            raise ValueError("X must be 2-D")
        return fn(layers, X)
    return wrapper


def as_layers(fn):
    """Hands fn the layers as a list of (W, b) float arrays, at least one."""
    @functools.wraps(fn)
    def wrapper(layers, *args):
        converted = [(np.asarray(W, dtype=np.float64), np.asarray(b, dtype=np.float64))
                     for W, b in layers]
        if not converted:
            raise ValueError("a network needs a layer")
        for W, b in converted:
            if W.ndim != 2 or b.shape != (W.shape[0],):
                raise ValueError("each layer is W (units, inputs) and b (units,)")
        return fn(converted, *args)
    return wrapper


def validate_binary(fn):
    """Checks a 0/1 truth table of length 2ⁿ and hands fn the table and n."""
    @functools.wraps(fn)
    def wrapper(truth_table):
        table = np.asarray(truth_table)
        size = table.shape[0] if table.ndim == 1 else 0
        n = size.bit_length() - 1
        if table.ndim != 1 or n < 1 or size != 2**n:
            raise ValueError("the truth table must be 1-D with 2ⁿ entries")
        if not np.all((table == 0) | (table == 1)):
            raise ValueError("the truth table must be 0/1")
        return fn(table.astype(int), n)
    return wrapper


def checks_parity_n(fn):
    """Raises ValueError unless n is an int >= 2."""
    @functools.wraps(fn)
    def wrapper(n):
        if not isinstance(n, int | np.integer) or n < 2:
            raise ValueError("deep_parity needs an int n >= 2")
        return fn(int(n))
    return wrapper


def returns_int_array(fn):
    """Turns the answer into an int numpy array."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return np.asarray(fn(*args, **kwargs)).astype(int)
    return wrapper


def returns_int(fn):
    """Turns the answer into a Python int."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return int(fn(*args, **kwargs))
    return wrapper


def pattern_unit(bits):
    """The unit that fires only at x = bits: weights 2p - 1, bias -|p|."""
    p = np.asarray(bits, dtype=np.float64)
    return 2 * p - 1, -p.sum()


@returns_int_array
@as_layers
@as_float_array
def threshold_forward(layers, X):
    """Each layer sees [X, outputs of the earlier layers]; the last layer's one output."""
    z = X
    out = np.zeros((X.shape[0], 0))
    for W, b in layers:
        if W.shape[1] != z.shape[1]:
            raise ValueError("a layer does not fit its input")
        out = (z @ W.T + b >= 0).astype(np.float64)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0]


@validate_binary
def shallow_network(table, n):
    """Pattern units for the ones of f (or of not f) and an OR (or a NOR) at the output."""
    negate = table.sum() > 2 ** (n - 1)
    rows = [r for r in range(2**n) if table[r] == (0 if negate else 1)]
    if not rows:
        return [(np.zeros((1, n)), np.zeros(1)),
                (np.zeros((1, n + 1)), np.array([0.0 if negate else -1.0]))]
    units = [pattern_unit([(r >> (n - 1 - i)) & 1 for i in range(n)]) for r in rows]
    W1 = np.array([w for w, _ in units])
    b1 = np.array([b for _, b in units])
    sign = -1.0 if negate else 1.0
    W2 = np.concatenate([np.zeros(n), np.full(len(rows), sign)])[None, :]
    b2 = np.array([0.0 if negate else -1.0])
    return [(W1, b1), (W2, b2)]


@checks_parity_n
def deep_parity(n):
    """A tree of XOR blocks (OR and NAND, then AND), pairing the signals level by level."""
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = list(zip(signals[0::2], signals[1::2]))
        carry = signals[2 * len(pairs):]
        first = np.zeros((2 * len(pairs), width))
        first_b = np.tile([-1.0, 1.0], len(pairs))
        for j, (a, b) in enumerate(pairs):
            first[2 * j, [a, b]] = 1.0
            first[2 * j + 1, [a, b]] = -1.0
        layers.append((first, first_b))
        start = width
        width += 2 * len(pairs)
        second = np.zeros((len(pairs), width))
        for j in range(len(pairs)):
            second[j, [start + 2 * j, start + 2 * j + 1]] = 1.0
        layers.append((second, np.full(len(pairs), -2.0)))
        signals = list(range(width, width + len(pairs))) + carry
        width += len(pairs)
    return layers


@returns_int
def count_units(layers):
    """The number of rows of every W."""
    return sum(np.size(W) for W, _ in layers)
