"""The module-level UnitCounter does not reset its total at the start of a call.

The running total set in __init__ survives between calls, so every call returns the units of
this network plus those of all networks counted before.

Single mistake in count_units; written from correct_callables.
"""

from functools import partial

import numpy as np


class ThresholdLayer:
    def __init__(self, W, b):
        self.W = np.asarray(W, dtype=float)
        self.b = np.asarray(b, dtype=float)

    def __call__(self, z):
        if self.W.ndim != 2 or self.W.shape[1] != z.shape[1] or self.b.shape != (self.W.shape[0],):
            raise ValueError("layer shapes do not fit")
        return (z @ self.W.T + self.b >= 0).astype(float)


class Network:
    def __init__(self, layers):
        if len(layers) == 0:
            raise ValueError("a network needs a layer")
        self.layers = [ThresholdLayer(W, b) for W, b in layers]

    def __call__(self, X):
        z = np.asarray(X, dtype=float)
        if z.ndim != 2:
            raise ValueError("X must be 2-D")
        out = None
        for layer in self.layers:
            out = layer(z)
            z = np.hstack([z, out])
        if out.shape[1] != 1:
            raise ValueError("the last layer must have one unit")
        return out[:, 0].astype(int)


def threshold_forward(layers, X):
    """Outputs (m,) of the last layer's single unit."""
    return Network(layers)(X)


class PatternUnit:
    """Builds the unit that fires only at the pattern of row r (x1 the most significant bit)."""

    def __init__(self, n):
        self.n = n

    def __call__(self, r):
        bits = np.array([(r >> (self.n - 1 - i)) & 1 for i in range(self.n)])
        return 2.0 * bits - 1.0, -float(bits.sum())


def _output_gate(n, h, weight, bias):
    return np.hstack([np.zeros((1, n)), np.full((1, h), weight)]), np.array([bias])


or_gate = partial(_output_gate, weight=1.0, bias=-1.0)
nor_gate = partial(_output_gate, weight=-1.0, bias=0.0)


def shallow_network(truth_table):
    """One hidden layer of pattern units and an OR (or a NOR for the complement)."""
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth table must be 1-D")
    m = table.shape[0]
    n = m.bit_length() - 1
    if n < 1 or m != 2**n:
        raise ValueError("length must be 2^n with n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth table must be 0/1")
    negate = table.sum() > 2 ** (n - 1)
    gate = nor_gate if negate else or_gate
    rows = [r for r in range(m) if table[r] == (0 if negate else 1)]
    if not rows:
        W2, b2 = gate(n, 1)
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros_like(W2), b2)]
    unit = PatternUnit(n)
    built = [unit(r) for r in rows]
    W1 = np.array([w for w, _ in built])
    b1 = np.array([b for _, b in built])
    W2, b2 = gate(n, len(rows))
    return [(W1, b1), (W2, b2)]


class XorBlock:
    """Builds the two layers (OR and NAND per pair, then AND) XORing pairs of z's columns."""

    def __init__(self, width):
        self.width = width

    def __call__(self, pairs):
        k = len(pairs)
        W_a = np.zeros((2 * k, self.width))
        b_a = np.zeros(2 * k)
        for j, (a, c) in enumerate(pairs):
            W_a[2 * j, [a, c]] = 1.0
            b_a[2 * j] = -1.0
            W_a[2 * j + 1, [a, c]] = -1.0
            b_a[2 * j + 1] = 1.0
        W_b = np.zeros((k, self.width + 2 * k))
        b_b = np.full(k, -2.0)
        for j in range(k):
            W_b[j, self.width + 2 * j] = 1.0
            W_b[j, self.width + 2 * j + 1] = 1.0
        return [(W_a, b_a), (W_b, b_b)]


def deep_parity(n):
    """A tree of XOR blocks (3 units each): 3(n - 1) units."""
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("n must be an int >= 2")
    layers = []
    signals = list(range(n))
    width = n
    while len(signals) > 1:
        pairs = [(signals[i], signals[i + 1]) for i in range(0, len(signals) - 1, 2)]
        rest = signals[-1:] if len(signals) % 2 else []
        layers += XorBlock(width)(pairs)
        width += 2 * len(pairs)
        signals = [width + j for j in range(len(pairs))] + rest
        width += len(pairs)
    return layers


class UnitCounter:
    def __init__(self):
        self.total = 0

    def __call__(self, layers):
        for W, _ in layers:
            self.total += int(np.asarray(W).shape[0])
        return self.total


_count = UnitCounter()


def count_units(layers):
    """Units in all layers."""
    return _count(layers)
