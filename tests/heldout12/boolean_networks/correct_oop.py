"""Threshold networks around small classes: a Layer dataclass fires its units on z, a frozen
Pattern dataclass gives the weights and bias of the unit that recognises one input pattern, a
ParityBuilder object appends the OR/NAND and AND layers of each level of the XOR tree and keeps
track of the width of z, and a Network object counts the units.

Correct solution (style: oop).
"""

from dataclasses import dataclass

import numpy as np


@dataclass
class Layer:
    W: np.ndarray
    b: np.ndarray

    @property
    def units(self):
        return self.W.shape[0]

    def fits(self, width):
        return self.W.ndim == 2 and self.W.shape[1] == width and self.b.shape == (self.units,)

    def fire(self, z):
        return (z @ self.W.T + self.b >= 0).astype(np.float64)


def threshold_forward(layers, X):
    z = np.asarray(X, dtype=np.float64)
    if z.ndim != 2:
        raise ValueError("X must be 2-D")
    net = [Layer(np.asarray(W, dtype=np.float64), np.asarray(b, dtype=np.float64))
           for W, b in layers]
    if not net:
        raise ValueError("a network needs at least one layer")
    out = None
    for layer in net:
        if not layer.fits(z.shape[1]):
            raise ValueError("a layer does not fit z")
        out = layer.fire(z)
        z = np.hstack([z, out])
    if out.shape[1] != 1:
        raise ValueError("the last layer must have one unit")
    return out[:, 0].astype(int)


@dataclass(frozen=True)
class Pattern:
    bits: tuple

    def weights(self):
        return [2.0 * bit - 1.0 for bit in self.bits]

    def bias(self):
        return -float(sum(self.bits))


def _bits(r, n):
    return tuple((r >> (n - 1 - i)) & 1 for i in range(n))


def shallow_network(truth_table):
    table = np.asarray(truth_table)
    if table.ndim != 1:
        raise ValueError("truth_table must be 1-D")
    m = table.shape[0]
    n = m.bit_length() - 1
    if n < 1 or m != 2**n:
        raise ValueError("the length of truth_table must be 2**n, n >= 1")
    if not np.all((table == 0) | (table == 1)):
        raise ValueError("truth_table must hold only 0s and 1s")
    negate = int(table.sum()) > m // 2
    target = 0 if negate else 1
    patterns = [Pattern(_bits(int(r), n)) for r in np.flatnonzero(table == target)]
    b2 = np.array([0.0 if negate else -1.0])
    if not patterns:
        return [(np.zeros((1, n)), np.zeros(1)), (np.zeros((1, n + 1)), b2)]
    W1 = np.array([p.weights() for p in patterns])
    b1 = np.array([p.bias() for p in patterns])
    sign = -1.0 if negate else 1.0
    W2 = np.concatenate([np.zeros(n), np.full(len(patterns), sign)])[None, :]
    return [(W1, b1), (W2, b2)]


class ParityBuilder:
    def __init__(self, n):
        self.width = n
        self.layers = []

    def xor_level(self, pairs):
        k = len(pairs)
        W_a = np.zeros((2 * k, self.width))
        b_a = np.tile([-1.0, 1.0], k)
        for j, (a, b) in enumerate(pairs):
            W_a[2 * j, [a, b]] = 1.0
            W_a[2 * j + 1, [a, b]] = -1.0
        self.layers.append((W_a, b_a))
        first = self.width
        self.width += 2 * k
        W_b = np.zeros((k, self.width))
        b_b = np.full(k, -2.0)
        for j in range(k):
            W_b[j, [first + 2 * j, first + 2 * j + 1]] = 1.0
        self.layers.append((W_b, b_b))
        outputs = list(range(self.width, self.width + k))
        self.width += k
        return outputs


def deep_parity(n):
    if not isinstance(n, int | np.integer) or n < 2:
        raise ValueError("deep_parity needs an int n >= 2")
    builder = ParityBuilder(int(n))
    signals = list(range(n))
    while len(signals) > 1:
        pairs = list(zip(signals[0::2], signals[1::2]))
        carry = signals[-1:] if len(signals) % 2 else []
        signals = builder.xor_level(pairs) + carry
    return builder.layers


class Network:
    def __init__(self, layers):
        self.layers = [np.asarray(W) for W, _ in layers]

    @property
    def units(self):
        return sum(W.shape[0] for W in self.layers)


def count_units(layers):
    return int(Network(layers).units)
